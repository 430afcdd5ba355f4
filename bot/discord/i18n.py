"""The bot's own words for one reader: Chinese in their script, written as their region writes
it, or English.

Every label is written once, in simplified Chinese (bot/engine/labels.py and the Discord-only
ones below). For a traditional reader it is converted with OpenCC's character tables (s2tw or
s2hk) and then given the region's own wording for the handful of interface words where the
mainland, Taiwan and Hong Kong differ: Discord's zh-TW client says 伺服器, 預設, 訊息, 設定, 裡,
never 服務器, 默認, 消息, 設置, 頻道里. OpenCC's phrase table (s2twp) is not used: it also
rewrites words that need no rewriting (发布日期 becomes 釋出日期, 权限 becomes 許可權).

An English reader (an English question, or a client in any language but Chinese) gets the
labels in English; the answers and quotes stay Chinese, in the script the reader prefers.
Which language applies is decided once per interaction or message, by :func:`use_english`;
it lives in a context variable, so the renderers (which know only the script) follow it the
way gettext-style bots follow a per-request locale. discord.py runs every event in its own
task, so one reader's language never leaks into another's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from contextvars import ContextVar
from functools import cache

import discord

from bot.engine import labels
from bot.text import CJK_RE, Script, TraditionalVariant, to_script, to_simplified

# None: not decided yet for this event (Chinese until it is).
_ENGLISH: ContextVar[bool | None] = ContextVar("saga_bot_english_labels", default=None)
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_ENGLISH_QUESTION = re.compile(
    r"\b(?:who|whom|whose|what|when|where|why|how|which|did|does|do|is|was|were|are|has|have|had"
    r"|can|could|will|would)\b",
    re.IGNORECASE,
)

# Interface words the regions write differently, after OpenCC's character conversion.
REGIONAL_WORDS: Mapping[TraditionalVariant, tuple[tuple[str, str], ...]] = {
    "tw": (
        ("服務器", "伺服器"),
        ("默認", "預設"),
        ("消息", "訊息"),
        ("設置", "設定"),
        ("頻道里", "頻道裡"),
        ("添加", "新增"),
        ("信息", "資訊"),
        ("用戶", "使用者"),
        ("鏈接", "連結"),
        ("發佈", "發布"),
    ),
    "hk": (
        ("服務器", "伺服器"),
        ("默認", "預設"),
        ("消息", "訊息"),
        ("設置", "設定"),
        ("頻道里", "頻道裏"),
        ("信息", "資訊"),
        ("用户", "用戶"),
        ("鏈接", "連結"),
    ),
    "t": (),
}

# -- Discord-only labels (simplified; converted like the engine's) ---------------------------

HELP_INTRO = (
    "我是 saga-bot,根据五篇中文新闻报道,回答关于 OpenAI 领导层风波"
    "(2023年11月董事会危机到2024年高管离职潮)的问题,用你使用的简体或繁体回答,并附上出处原文。"
)
HELP_WHERE = "在哪里提问"
HELP_WHERE_DM = "私信里直接发问题即可。"
HELP_WHERE_GUILD = "在服务器里:提到我(@saga-bot)或回复我的消息;提问频道里的每个问题我都会回答。"
HELP_GREETING = "提到我、回复我的消息或私信我即可提问;输入 /帮助 查看全部命令。"
HELP_ASK_CHANNELS = "本服务器的提问频道:{channels}"
HELP_COMMANDS = "命令"
HELP_CONTEXT_MENU = "右键任意消息 → 应用 → 「{name}」,就会把它当作问题来回答。"
COMMAND_SUMMARIES: Mapping[str, str] = {
    "ask": "提一个问题",
    "who": "人物资料",
    "timeline": "时间线",
    "on": "某天或某月发生了什么",
    "sources": "五篇来源文章",
    "about": "关于本机器人",
    "script": "简繁偏好",
    "askchannel": "提问频道(管理员)",
    "variant": "繁体用字(管理员)",
    "help": "使用说明",
}
DATE_FORMATS = "看不懂这个日期:{value}。可以写 2023-11-17、2023年11月17日、11月17日 或 2023年11月。"
DATE_AMBIGUOUS = "「{date}」是哪一年?可能是 {options}。请写上年份。"
DATE_ORDER = "起始日期晚于截止日期。"
DATE_CHOICE = "{date}({events} 件事)"
ABOUT_COUNTS = (
    "我根据 {articles} 篇文章回答问题,知道 {facts} 条事实,其中 {events} 个有日期的事件,涉及 {people} 位人物。"
)
ABOUT_VERSION = "版本"
ABOUT_LATENCY = "延迟"
ASK_MENU = "问问 saga-bot"
ASK_MENU_EMPTY = "这条消息没有文字,我没法回答。"
NO_EMBEDS_THERE = "我在 {channel} 不能发送嵌入消息:请给我「查看频道」「发送消息」和「嵌入链接」权限(论坛还需要「在帖子中发送消息」)。"
PHASE_BEFORE = "风波之前"
PHASE_CRISIS = "董事会危机"
PHASE_AFTER = "危机之后:离职潮"
JUMP_TO = "跳到某个阶段或月份…"
PICTURE_TITLE = "OpenAI 领导层风波:谁在何时"
PICTURE_CRISIS = "董事会危机"
PICTURE_DEPARTURES = "离职"
PICTURE_BUTTON = "时间线图"
NEEDS_MANAGE_SERVER = "只有拥有「管理服务器」权限的成员可以更改这项设置。"
VARIANT_SET = "好的,本服务器的繁体回答之后使用{variant}。"
VARIANT_TW = "台湾用字"
VARIANT_HK = "香港用字"
# A press on a button or select this version no longer makes (an older format, a removed view).
BUTTON_OUTDATED = "这个按钮来自旧版本,已经不能用了。请重新提问。"

# -- English ---------------------------------------------------------------------------------

# Simplified label (a template when it has {fields}) -> English. A label missing here is shown
# in Chinese, in the reader's script: nothing is ever blank.
ENGLISH: Mapping[str, str] = {
    labels.SOURCE: "Source",
    labels.ORIGINAL: "Show original",
    labels.ORIGINAL_TITLE: "Original (as the articles wrote it)",
    labels.ARTICLE: "Article",
    labels.OUTLET_UNKNOWN: "Unnamed outlet",
    labels.PUBLISHED: "Published",
    labels.SUGGESTIONS: "You could ask:",
    labels.CONFLICT: "The sources disagree:",
    labels.ALSO: "Related:",
    labels.EARLIER: "Earlier report ({date}):",
    labels.NOT_COVERED: "The articles do not say.",
    labels.UNCLEAR_WHO: "I cannot tell who you mean. Name them in the question, e.g. “When did Murati leave?”",
    labels.EMPTY: "Please ask a question, e.g. “When did Murati leave?”",
    labels.TOO_LONG: "That question is long; I read only its first {limit} characters.",
    labels.HELP: (
        "I am saga-bot: I answer questions about the OpenAI leadership saga (the November 2023 "
        "board crisis to the 2024 departures) from five Chinese news articles, with the quotes "
        "they come from."
    ),
    labels.HELP_COMMANDS: "Commands: /ask · /timeline · /who · /on · /sources · /script · /askchannel · /help",
    labels.TIMELINE: "Timeline",
    labels.TIMELINE_EMPTY: "The articles record no events in this period.",
    labels.ON_EMPTY: "The articles record no events on {date}.",
    labels.ON_TITLE: "What happened on {date}",
    labels.PROFILE: "Profile",
    labels.ALIASES: "Also known as",
    labels.ROLES: "Roles",
    labels.WENT_TO: "Went to",
    labels.UNKNOWN_PERSON: "No one called “{name}” appears in the articles.",
    labels.DID_YOU_MEAN: "Did you mean: {names}",
    labels.PAGE: "Page {page}/{pages}",
    labels.COOLDOWN: "You are asking too fast; you can ask again {when}.",
    labels.SCRIPT_SET: "OK, I will answer you in {script} from now on.",
    labels.SIMPLIFIED: "simplified Chinese",
    labels.TRADITIONAL: "traditional Chinese",
    labels.ASK_CHANNEL_ADDED: "{channel} is now an ask channel: I will answer every question there.",
    labels.ASK_CHANNEL_REMOVED: "{channel} is no longer an ask channel.",
    labels.ASK_CHANNEL_LIST: "Ask channels: {channels}",
    labels.ASK_CHANNEL_NONE: "This server has no ask channels yet.",
    labels.NEEDS_MANAGE_SERVER: "Only members with the Manage Server permission can change this.",
    labels.NOT_YOUR_BUTTONS: "Only the person who ran the command can use these buttons.",
    labels.ERROR: "Something went wrong; please try again later.",
    labels.BAD_DATE: "Not a date: {value}. Use YYYY, YYYY-MM or YYYY-MM-DD.",
    labels.WHICH_ONE: "Which of {names} do you mean? Name them in the question.",
    labels.READ_AS: "Read as “{question}”:",
    labels.TIMELINE_COARSE: "At the same time, dated only to the month or year:",
    labels.REVERSED_RANGE: "The range is reversed: the start {start} is after the end {end}.",
    labels.SERVERS_ONLY: "Ask channels are set in servers only; a DM has no channels to set.",
    labels.DELETE: "Delete",
    labels.NOT_YOURS_TO_DELETE: "Only the asker and moderators can delete this answer.",
    labels.BUTTON_GONE: "What this button showed is no longer there; please ask again.",
    labels.SOURCES_TITLE: "The five source articles",
    labels.NAMES: "{name}'s names in the articles: {names}",
    HELP_INTRO: (
        "I am saga-bot: I answer questions about the OpenAI leadership saga (the November 2023 "
        "board crisis to the 2024 departures) from five Chinese news articles, in simplified or "
        "traditional Chinese as you write, with the quotes they come from."
    ),
    HELP_WHERE: "Where to ask",
    HELP_WHERE_DM: "In a DM, just send your question.",
    HELP_WHERE_GUILD: (
        "In a server: mention me (@saga-bot) or reply to one of my messages; in an ask channel "
        "I answer every question."
    ),
    HELP_GREETING: "Mention me, reply to one of my messages or DM me to ask; type /help for every command.",
    HELP_ASK_CHANNELS: "This server's ask channels: {channels}",
    HELP_COMMANDS: "Commands",
    HELP_CONTEXT_MENU: "Right-click any message → Apps → “{name}” to ask it as a question.",
    COMMAND_SUMMARIES["ask"]: "ask a question",
    COMMAND_SUMMARIES["who"]: "a person's profile",
    COMMAND_SUMMARIES["timeline"]: "the timeline",
    COMMAND_SUMMARIES["on"]: "what happened on a day or in a month",
    COMMAND_SUMMARIES["sources"]: "the five source articles",
    COMMAND_SUMMARIES["about"]: "about this bot",
    COMMAND_SUMMARIES["script"]: "simplified or traditional",
    COMMAND_SUMMARIES["askchannel"]: "ask channels (admins)",
    COMMAND_SUMMARIES["variant"]: "Taiwan or Hong Kong forms (admins)",
    COMMAND_SUMMARIES["help"]: "how to use the bot",
    DATE_FORMATS: "I cannot read this date: {value}. Write 2023-11-17, 2023年11月17日, 11月17日 or 2023年11月.",
    DATE_AMBIGUOUS: "Which year is “{date}”? It could be {options}; please add the year.",
    DATE_ORDER: "The start date is after the end date.",
    DATE_CHOICE: "{date} ({events} events)",
    labels.SCRIPT_AUTO: "OK, I will answer in the script of each question from now on.",
    ABOUT_COUNTS: (
        "I answer from {articles} articles, and know {facts} facts, {events} of them dated events, "
        "about {people} people."
    ),
    ABOUT_VERSION: "Version",
    ABOUT_LATENCY: "Latency",
    ASK_MENU: "Ask saga-bot",
    ASK_MENU_EMPTY: "That message has no text for me to answer.",
    NO_EMBEDS_THERE: (
        "I cannot post embeds in {channel}: give me View Channel, Send Messages and Embed Links "
        "there (and Send Messages in Threads for a forum)."
    ),
    PHASE_BEFORE: "Before the saga",
    PHASE_CRISIS: "The board crisis",
    PHASE_AFTER: "After the crisis: the departures",
    JUMP_TO: "Jump to a phase or month…",
    PICTURE_TITLE: "The OpenAI leadership saga: who, when",
    PICTURE_CRISIS: "The board crisis",
    PICTURE_DEPARTURES: "Departures",
    PICTURE_BUTTON: "Timeline picture",
    BUTTON_OUTDATED: "This button is from an older version of the bot and no longer works; please ask again.",
    NEEDS_MANAGE_SERVER: "Only members with the Manage Server permission can change this setting.",
    VARIANT_SET: "OK, traditional answers in this server now use {variant}.",
    VARIANT_TW: "Taiwan forms",
    VARIANT_HK: "Hong Kong forms",
}

_FIELD = re.compile(r"\{(\w+)\}")


@cache
def _template_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each template with fields as a pattern that recognises it filled in, longest first."""
    patterns = []
    for chinese, english in ENGLISH.items():
        pieces = _FIELD.split(chinese)
        if len(pieces) == 1:
            continue
        regex = "".join(
            re.escape(piece) if index % 2 == 0 else f"(?P<{piece}>.+?)" for index, piece in enumerate(pieces)
        )
        patterns.append((re.compile(regex + r"\Z", re.DOTALL), english))
    patterns.sort(key=lambda pattern: -len(pattern[0].pattern))
    return tuple(patterns)


def _english_line(line: str) -> str | None:
    simplified = to_simplified(line)
    for text in (line, simplified):
        if text in ENGLISH:
            return ENGLISH[text]
    for text in (line, simplified):
        for pattern, english in _template_patterns():
            match = pattern.match(text)
            if match is not None:
                return english.format(**match.groupdict())
    return None


def in_english(text: str) -> str | None:
    """`text` (labels, already filled in or not, one a line) in English; None when a line has none."""
    lines = [_english_line(line) for line in text.split("\n")]
    if any(line is None for line in lines):
        return None
    return "\n".join(line for line in lines if line is not None)


def chinese_label(text: str, script: Script, variant: TraditionalVariant = "tw") -> str:
    """A label in `script`, with the region's interface words when traditional."""
    converted = to_script(text, script, variant)
    if script == "traditional":
        for mainland, regional in REGIONAL_WORDS[variant]:
            converted = converted.replace(mainland, regional)
    return converted


def label(text: str, script: Script, variant: TraditionalVariant = "tw") -> str:
    """One of the bot's own strings for the current reader: English when :func:`use_english`
    said so (and a translation exists), else Chinese in `script`."""
    if _ENGLISH.get():
        english = in_english(text)
        if english is not None:
            return english
    return chinese_label(text, script, variant)


def say(template: str, script: Script, variant: TraditionalVariant = "tw", /, **fields: str) -> str:
    """`template` filled in with `fields`, for the current reader. The fields (names, dates,
    channel mentions) are inserted as given, after the template is translated or converted."""
    if _ENGLISH.get() and template in ENGLISH:
        return ENGLISH[template].format(**fields)
    return chinese_label(template, script, variant).format(**fields)


def english_labels() -> bool:
    """Whether the current reader gets English labels."""
    return bool(_ENGLISH.get())


def ensure_language(locale: discord.Locale | str | None) -> bool:
    """:func:`use_english` by the locale, unless a handler has decided already (by a question)."""
    decided = _ENGLISH.get()
    return decided if decided is not None else use_english(locale)


def is_english(text: str) -> bool:
    """A question asked in English: no Chinese, and an English question word or a few words.
    A bare name ("Sutskever", "Mira Murati") says nothing about the asker's language."""
    if CJK_RE.search(text) is not None:
        return False
    return _ENGLISH_QUESTION.search(text) is not None or len(_LATIN_WORD.findall(text)) >= 3


def is_chinese_locale(locale: discord.Locale | str | None) -> bool:
    if locale is None:
        return False
    value = locale.value if isinstance(locale, discord.Locale) else locale
    return value.lower().startswith("zh")


def use_english(locale: discord.Locale | str | None, text: str | None = None) -> bool:
    """Decide, for the rest of this interaction or message, whether the labels are English:
    by the language of `text` (a question) when it has one, else by the locale (a client in
    any language but Chinese reads English). Returns the decision."""
    if text and CJK_RE.search(text):
        english = False
    elif text and is_english(text):
        english = True
    else:
        english = locale is not None and not is_chinese_locale(locale)
    _ENGLISH.set(english)
    return english
