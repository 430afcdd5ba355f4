"""Every string the bot writes of its own, in canonical simplified Chinese.

Renderers pass them through `bot.text.to_script`, so a traditional asker gets
traditional labels too. Keep them here, not inline, so nothing escapes conversion.
"""

from __future__ import annotations

from typing import Final

SOURCE: Final = "来源"
SOURCES: Final = "来源"
ORIGINAL: Final = "查看原文"
ORIGINAL_TITLE: Final = "原文(文章原始写法)"
ARTICLE: Final = "文章"
OUTLET_UNKNOWN: Final = "未署名媒体"
PUBLISHED: Final = "发布日期"
SUGGESTIONS: Final = "你可以试着问:"
CONFLICT: Final = "各来源说法不一:"
ALSO: Final = "相关:"
EARLIER: Final = "较早的报道({date}):"
NOT_COVERED: Final = "这几篇文章没有提到这一点。"
UNCLEAR_WHO: Final = "我不知道你问的是谁。请在问题里写出名字,例如「穆拉蒂什么时候离职?」"
WHICH_ONE: Final = "你问的是{names}中的哪一位?请在问题里写出名字。"
READ_AS: Final = "按“{question}”理解:"
EMPTY: Final = "请输入一个问题,例如「穆拉蒂什么时候离职?」"
TOO_LONG: Final = "问题太长了,我只读了前 {limit} 个字符。"
HELP: Final = (
    "我是 saga-bot,根据五篇中文新闻报道,回答关于 OpenAI 领导层风波(2023年11月董事会危机到2024年高管离职潮)的问题。"
    "直接提问即可,我会用你使用的简体或繁体回答,并附上出处原文。"
)
HELP_COMMANDS: Final = (
    "/ask 提问 · /timeline 时间线 · /who 人物 · /on 某天发生了什么 · /sources 五篇文章 · "
    "/script 简繁偏好 · /askchannel 提问频道(管理员) · /help 帮助"
)
TIMELINE: Final = "时间线"
TIMELINE_COARSE: Final = "同期,日期只精确到月/年:"
TIMELINE_EMPTY: Final = "这段时间里文章没有记载任何事件。"
ON_EMPTY: Final = "文章没有记载 {date} 发生的事件。"
ON_TITLE: Final = "{date} 发生了什么"
PROFILE: Final = "人物资料"
NAMES: Final = "{name} 在文章里的名字:{names}"
ALIASES: Final = "别名"
ROLES: Final = "职务"
WENT_TO: Final = "去向"
UNKNOWN_PERSON: Final = "文章里没有叫「{name}」的人物。"
DID_YOU_MEAN: Final = "你是不是要找:{names}"
PAGE: Final = "第 {page}/{pages} 页"
COOLDOWN: Final = "提问太频繁了。下次可以提问的时间:{when}"
SCRIPT_SET: Final = "好的,之后我会用{script}回答你。"
SCRIPT_AUTO: Final = "好的,之后我会跟随你提问时使用的简体或繁体回答。"  # not 字体: that is a font
SIMPLIFIED: Final = "简体中文"
TRADITIONAL: Final = "繁体中文"
ASK_CHANNEL_ADDED: Final = "已把 {channel} 设为提问频道:这里的每条消息我都会回答。"
ASK_CHANNEL_REMOVED: Final = "{channel} 不再是提问频道。"
ASK_CHANNEL_LIST: Final = "提问频道:{channels}"
ASK_CHANNEL_NONE: Final = "这个服务器还没有提问频道。"
NEEDS_MANAGE_SERVER: Final = "只有拥有「管理服务器」权限的成员可以设置提问频道。"
SERVERS_ONLY: Final = "提问频道只能在服务器里设置,私信里没有频道可设。"
NOT_YOUR_BUTTONS: Final = "这些按钮只有发起命令的人可以使用。"
DELETE: Final = "删除"
NOT_YOURS_TO_DELETE: Final = "只有提问的人和管理员可以删除这条回答。"
BUTTON_GONE: Final = "这个按钮对应的内容已经不在了,请重新提问。"
ERROR: Final = "出错了,请稍后再试。"
BAD_DATE: Final = "日期格式不对:{value}。请用 YYYY、YYYY-MM 或 YYYY-MM-DD。"
REVERSED_RANGE: Final = "时间范围反了:开始日期 {start} 晚于结束日期 {end}。"
SOURCES_TITLE: Final = "五篇来源文章"
