"""Command names and descriptions in Chinese for zh-CN and zh-TW clients; English everywhere else.

Translations are written once in simplified Chinese and converted to Taiwan
forms for zh-TW, like every other text the bot writes. Names (of commands,
groups and options) must be valid Discord names: lower case, no spaces, 1-32
letters, digits, "-" or "_"; Chinese characters count as letters.
"""

from __future__ import annotations

from discord import Locale, app_commands

from bot.text import Script, to_script

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
    "mode": "字体",
    "askchannel": "提问频道",
    "add": "添加",
    "remove": "移除",
    "list": "列表",
    "channel": "频道",
    "help": "帮助",
}

DESCRIPTIONS: dict[str, str] = {
    "Ask a question about the OpenAI leadership saga": "提一个关于 OpenAI 领导层风波的问题",
    "Your question, in simplified or traditional Chinese": "你的问题,简体或繁体都可以",
    "Events in date order, with their sources": "按日期排列的事件及出处",
    "Only events involving this person": "只看与这个人有关的事件",
    "From this date: YYYY, YYYY-MM or YYYY-MM-DD": "起始日期:YYYY、YYYY-MM 或 YYYY-MM-DD",
    "Up to this date: YYYY, YYYY-MM or YYYY-MM-DD": "截止日期:YYYY、YYYY-MM 或 YYYY-MM-DD",
    "What happened on a day or in a month": "某一天或某个月发生了什么",
    "A day or a month: YYYY-MM-DD or YYYY-MM": "日期或月份:YYYY-MM-DD 或 YYYY-MM",
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
}

CHOICES: dict[str, str] = {
    "simplified": "简体",
    "traditional": "繁体",
    "auto (follow each question)": "自动(跟随每个问题)",
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
        # zh-TW is Taiwan's locale, so its forms are Taiwan's whatever variant the answers use.
        return None if text is None else to_script(text, script, "tw")
