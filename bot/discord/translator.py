"""Command names and descriptions in Chinese for zh-CN and zh-TW clients; English everywhere else.

Translations are written once in simplified Chinese and converted to Taiwan
forms for zh-TW, like every other text the bot writes. Names (of commands,
groups and options) must be valid Discord names: lower case, no spaces, 1-32
letters, digits, "-" or "_"; Chinese characters count as letters.
"""

from __future__ import annotations

from discord import Locale, app_commands

from bot.discord.i18n import chinese_label
from bot.text import Script

# English (as written in the cogs) -> simplified Chinese.
NAMES: dict[str, str] = {
    "ask": "提问",
    "question": "问题",
    "timeline": "时间线",
    "person": "人物",
    "from": "起始",
    "to": "截止",
    "on": "某天",
    "date": "日期",
    "who": "人物资料",
    "sources": "来源",
    "script": "简繁",
    "mode": "偏好",  # not 字体: that is a font
    "variant": "繁体用字",
    "forms": "用字",
    "about": "关于",
    "askchannel": "提问频道",
    "add": "添加",
    "remove": "移除",
    "list": "列表",
    "channel": "频道",
    "help": "帮助",
    "Ask saga-bot": "问问 saga-bot",  # a message context menu: its name may have spaces and capitals
}

DESCRIPTIONS: dict[str, str] = {
    "Ask a question about the OpenAI leadership saga": "提一个关于 OpenAI 领导层风波的问题",
    "Your question, in simplified or traditional Chinese": "你的问题,简体或繁体都可以",
    "Events in date order, with their sources": "按日期排列的事件及出处",
    "Only events involving this person": "只看与这个人有关的事件",
    "From this date: 2023-11-17, 2023年11月17日, 11月17日 or 2023年11月": (
        "起始日期:2023-11-17、2023年11月17日、11月17日 或 2023年11月"
    ),
    "Up to this date: 2023-11-17, 2023年11月17日, 11月17日 or 2023年11月": (
        "截止日期:2023-11-17、2023年11月17日、11月17日 或 2023年11月"
    ),
    "What happened on a day or in a month": "某一天或某个月发生了什么",
    "A day or a month: 2023-11-17, 2023年11月17日, 11月17日 or 2023年11月": (
        "日期或月份:2023-11-17、2023年11月17日、11月17日 或 2023年11月"
    ),
    "A person's profile: roles, joining and leaving, where they went": "人物资料:职务、加入与离开、去向",
    "Any name or alias, in either script": "任意名字或别名,简繁皆可",
    "The five articles the answers come from": "回答所依据的五篇文章",
    "Answer me in simplified or traditional Chinese": "设置我回答你时使用简体还是繁体",
    "Simplified, traditional, or follow each question": "简体、繁体,或跟随每个问题",
    "Channels where the bot answers every message (Manage Server)": (
        "我会回答每条消息的提问频道(需要管理服务器权限)"
    ),
    "Make a channel an ask channel": "把一个频道设为提问频道",
    "Stop answering every message in a channel": "不再回答某个频道里的每条消息",
    "List this server's ask channels": "列出本服务器的提问频道",
    "The channel (default: this one)": "频道(默认为当前频道)",
    "How to use the bot": "使用说明",
    "Traditional Chinese forms for this server: Taiwan or Hong Kong (Manage Server)": (
        "本服务器的繁体用字:台湾或香港(需要管理服务器权限)"
    ),
    "Taiwan, Hong Kong, or the bot's default": "台湾、香港,或机器人的默认用字",
    "About the bot: its articles, facts, version and latency": "关于本机器人:文章、资料数量、版本与延迟",
}

CHOICES: dict[str, str] = {
    "simplified": "简体",
    "traditional": "繁体",
    "auto (follow each question)": "自动(跟随每个问题)",
    "Taiwan forms": "台湾用字",
    "Hong Kong forms": "香港用字",
    "the bot's default": "机器人的默认用字",
}

_NAME_LOCATIONS = frozenset(
    {
        app_commands.TranslationContextLocation.command_name,
        app_commands.TranslationContextLocation.group_name,
        app_commands.TranslationContextLocation.parameter_name,
    }
)
_DESCRIPTION_LOCATIONS = frozenset(
    {
        app_commands.TranslationContextLocation.command_description,
        app_commands.TranslationContextLocation.group_description,
        app_commands.TranslationContextLocation.parameter_description,
    }
)
_LOCALES: dict[Locale, Script] = {Locale.chinese: "simplified", Locale.taiwan_chinese: "traditional"}


def is_valid_name(name: str) -> bool:
    """Discord's rule for command and option names (its regex needs \\p{L}; str methods say the same)."""
    return 1 <= len(name) <= 32 and name == name.lower() and all(c.isalnum() or c in "-_" for c in name)


class SagaTranslator(app_commands.Translator):
    async def translate(
        self,
        string: app_commands.locale_str,
        locale: Locale,
        context: app_commands.TranslationContextTypes,
    ) -> str | None:
        script = _LOCALES.get(locale)
        if script is None:
            return None
        if context.location in _NAME_LOCATIONS:
            table = NAMES
        elif context.location in _DESCRIPTION_LOCATIONS:
            table = DESCRIPTIONS
        elif context.location is app_commands.TranslationContextLocation.choice_name:
            table = CHOICES
        else:
            return None
        text = table.get(string.message)
        # zh-TW is Taiwan's locale: Taiwan's forms and words (伺服器, 預設, 訊息), whatever
        # variant the answers use.
        return None if text is None else chinese_label(text, script, "tw")
