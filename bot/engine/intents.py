"""Stage `intents`: what kind of thing a question asks (when, who, where, why, how many, how,
what, which outlet), read from the cue words of INTENT_CUES (bot/engine/lexicon.py, named rules
with examples: docs/rules.md). A question may ask several kinds. An interrogative followed by a
noun asks by the noun's class instead of its bare character (`asked_nouns`): 哪个模型 asks what.

The frame a question is answered in (one fact, a profile, names, several parts, several facts)
is chosen by the answerers of bot/engine/answer.py, in order, from these intents and the entities.
"""

from __future__ import annotations

import re

from bot.engine.lexicon import INTENT_CUES
from bot.engine.rules import LazyPattern
from bot.engine.stage import Stage
from bot.factbase.models import Intent

STAGE = Stage(
    "intents",
    "bot.engine.intents",
    requires=("question.key",),
    assigns=("question.intents",),
    doc="cue words (INTENT_CUES) -> the kinds of thing asked",
)

# In an English question opened by another question word, "when" begins a clause and asks
# nothing: "What was OpenAI developing when Murati left?" asks what, not when.
_WHEN_CLAUSE = LazyPattern(
    r"^\s*(?:what|which|who|whom|whose|where|why|how)\b(?:(?![,;]|\band\b|\bor\b).)*?\bwhen\b"
)


# "在哪个场合" asks the occasion (a party, a meeting), not a place: the 哪 is no where-question.
_OCCASION = LazyPattern(r"哪(?:一)?(?:个|种|类)?(?:场合|场景|情况|情形|时机|阶段|时期)|\bon what occasion\b")


# -- the interrogative with its noun ---------------------------------------------------------------
# 哪/边 (and the 谁 that Cantonese 边个 is read as) ask by the noun after them: 哪个模型 asks a thing,
# 哪个人 a person, 哪家公司 a place, 哪年 a time. Each noun class is the head nouns of one kind;
# a noun of none of them asks as the bare interrogative does.
_PERSON_NOUNS = (
    r"人|位|员工|雇员|高管|高层|研究员|科学家|工程师|创始人|联合创始人|成员|老板|负责人|领导|大佬|董事|投资人|人物"
    r"|ceo|cto|cfo|coo|cpo|首席|总裁|主席|经理|总监|主管|同事|记者|作者|律师|法官"
)
# A venue where something is said (a podcast, a show, a conference) is where it was said.
_PLACE_NOUNS = r"播客|节目|采访|访谈|会议|峰会|论坛|公司|企业|机构|大学|学校|学院|城市|国家|地方|地区|州|省|市|国|家|所|间|实验室|初创|新创|子公司|投资方|基金"
_TIME_NOUNS = r"年|个?月|天|日|时候|时间|季度|星期|礼拜|周"
# Head nouns of things: a product, a team, a medium, an event, a document, a figure's name.
_THING_NOUNS = (
    r"模型|产品|版本|项目|团队|组|部门|平台|工具|功能|技术|论文|帖子|推文|文章|报道|声明|博文|博客|公告|信|邮件|视频"
    r"|活动|事件|事情?|方面|领域|角色|职位|职务|岗位|头衔|奖项?|榜单?|排名|名次|轮|交易|协议"
    r"|计划|政策|条款|规定|措施|策略|路线|方向|消息|新闻|话|句|词|名字|称号|外号|应用|芯片|系列|代|型号|竞品|对手"
    r"|服务|业务|部分|块|环节|阶段|版|款|招|步|条"
)
_MEASURE = r"[个款家间位种部项支只条篇份本场次门则]"
# 边 asks (Cantonese 边个, 边年) unless it ends a word of place: 那边, 身边, 旁边.
_ASKED_NOUN = LazyPattern(
    rf"(?:哪|(?<![那这旁身两一左右外里东西南北海岸周半])边)一?({_MEASURE})?|谁的?|第几|第多少"
)
_NOUN_CLASSES = (
    ("person", re.compile(rf"(?:{_PERSON_NOUNS})")),
    ("time", re.compile(rf"(?:{_TIME_NOUNS})")),
    ("thing", re.compile(rf"(?:{_THING_NOUNS})")),
    ("place", re.compile(rf"(?:{_PLACE_NOUNS})")),
)


def asked_nouns(key: str) -> list[tuple[str, str, tuple[int, int]]]:
    """Each interrogative of the key with the class of the noun right after it, and their span:
    ("哪个", "thing", …) for 哪个模型. An ordinal (第几次) is "ordinal" whatever follows; an
    interrogative with no noun of a class after it is left out."""
    found = []
    for match in _ASKED_NOUN.finditer(key):
        word = match.group()
        if word.startswith("第"):
            end = match.end() + (1 if _MEASURE_RE.match(key, match.end()) else 0)
            found.append((word, "ordinal", (match.start(), end)))
            continue
        offset = match.end() + len(key[match.end() :]) - len(key[match.end() :].lstrip())
        if word.startswith("谁"):
            # whose thing (谁的最大竞品), or which team (谁团队: Cantonese 边个团队): a thing; a
            # person (谁的妻子) is asked as who is
            noun = _OWNED_THING.match(key, offset)
            if noun is not None:
                found.append((word, "thing", (match.start(), noun.end())))
            continue
        for noun_class, nouns in _NOUN_CLASSES:
            noun = nouns.match(key, offset)
            if noun is not None:
                found.append((word, noun_class, (match.start(), noun.end())))
                break
    return found


_MEASURE_RE = LazyPattern(_MEASURE)
# After 谁的, what is owned may carry a modifier: 谁的最大竞品, 谁的新产品.
_OWNED_THING = LazyPattern(rf"(?:最\w|主要|新|旧|老|唯一|头号|首个)?的?(?:{_THING_NOUNS})")
_FROM_NOUN = {"person": Intent.WHO, "place": Intent.WHERE, "time": Intent.WHEN}


# "在哪里出声明" asks where something was said: a medium (a blog post, a tweet, a podcast) is the
# place, and a fact naming one answers it though it names no organisation.
_WHERE_SAID = LazyPattern(
    r"(?:哪里|哪儿|哪|边度)[^,，?？]{0,4}?(?:说|讲|写|表示|声明|宣布|公布|发文|发帖|发推|发表|回应|透露|爆料|道歉|承认)"
    r"|\bwhere did (?:\w+ ){1,3}(?:say|write|post|announce|tweet)\b"
)


def _asks_where(text: str) -> bool:
    return any(rule.cue.search(text) for rule in INTENT_CUES if rule.intent == Intent.WHERE)


def _asks_when(text: str) -> bool:
    return any(rule.cue.search(text) for rule in INTENT_CUES if rule.intent == Intent.WHEN)


def intents_of(key: str) -> tuple[Intent, ...]:
    """The intents a question's key asks, in INTENT_CUES' order."""
    intents = tuple(rule.intent for rule in INTENT_CUES if rule.cue.search(key))
    if Intent.WHEN in intents and _WHEN_CLAUSE.search(key) and not _asks_when(_WHEN_CLAUSE.sub(" ", key)):
        intents = tuple(i for i in intents if i != Intent.WHEN)
    if Intent.WHERE in intents and _OCCASION.search(key) and not _asks_where(_OCCASION.sub(" ", key)):
        intents = tuple(i for i in intents if i != Intent.WHERE)
    if Intent.SOURCE in intents:  # the 哪家 of 哪家媒体 and the 谁 of 谁报道 ask for the outlet
        intents = tuple(i for i in intents if i not in (Intent.WHERE, Intent.WHO))
    if Intent.WHERE in intents and _WHERE_SAID.search(key) and not _asks_where(_WHERE_SAID.sub(" ", key)):
        intents = tuple(dict.fromkeys(Intent.WHAT if i == Intent.WHERE else i for i in intents))
    return _by_noun(key, intents)


def _by_noun(key: str, intents: tuple[Intent, ...]) -> tuple[Intent, ...]:
    """The intents an interrogative asks by its noun, in place of those its bare character asks:
    哪个模型 asks what (not where), 谁的竞品 and 谁团队 what (a product or team, not a person),
    边年 when, 第几次 an ordinal (the ordinal_asked slot, not how many)."""
    nouns = asked_nouns(key)
    if not nouns:
        return intents
    masked = key
    for _, _, (start, end) in nouns:
        masked = masked[:start] + " " * (end - start) + masked[end:]
    still = {rule.intent for rule in INTENT_CUES if rule.cue.search(masked)}
    # what the bare characters asked, less what only the spans with a noun asked
    kept = [i for i in intents if i in still or i not in (Intent.WHERE, Intent.WHO, Intent.HOW_MANY)]
    for _, noun_class, _ in nouns:
        asked = _FROM_NOUN.get(noun_class, Intent.WHAT)
        if noun_class != "ordinal" and asked not in kept:
            kept.append(asked)
    return tuple(kept)
