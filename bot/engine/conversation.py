"""Answering a question within a conversation: the earlier questions are read into turns, the
follow-up is rewritten by the context stage (bot.engine.context) into a standalone question,
and the engine answers that, saying how it read it.

Kept apart from the engine's matching so that the context stage sits in front of any engine
that answers standalone questions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.engine import labels
from bot.engine.context import (
    MAX_TURNS,
    Resolution,
    Turn,
    asks_for_something,
    points_at_someone,
    points_at_something,
)
from bot.engine.described import HEAD_NOUN
from bot.engine.normalise import matching_key, normalise
from bot.engine.rules import LazyPattern
from bot.engine.script import choose_script
from bot.engine.story import (
    Story,
    both_parts,
    names_a_piece,
    split_story,
    with_pair_named,
    with_someone_described,
    without_piece_pointer,
    without_source,
)
from bot.factbase.models import Intent, ParticipantRole
from bot.text import Script, TraditionalVariant, has_cjk, to_script, to_simplified

if TYPE_CHECKING:
    from bot.engine.answer import Engine
    from bot.engine.matcher import QueryAnalysis
    from bot.engine.several.common import Item
    from bot.engine.views import Reply

# How many turns of questions that needed no context the engine keeps, by their text.
_STANDALONE_MAX = 4096

_WHO = LazyPattern(r"谁|边个|\bwho\b")
# A person's name asked for ("那个华人产品经理叫什么名字?", "佢個好兄弟叫咩名?", "what's that
# exec's name?"): the answer's person is whom it is about, as after a who-question. A person is
# told by the noun the name is of: a title or agent noun (described.HEAD_NOUN), or a relation;
# not a 机器人, whose 人 is no person.
_PERSON_RELATION = r"兄弟|朋友|老友|伙伴|搭档|拍档|同事|徒弟|下属|上司|老板|手下|副手|接班人|继任者"
_ASKS_PERSONS_NAME = LazyPattern(
    rf"(?<!机器)(?:{HEAD_NOUN}|{_PERSON_RELATION})[A-Za-z]{{0,4}}\s*(?:的)?(?:名字|全名)?\s*(?:叫|是)?\s*"
    r"(?:什么|啥|咩|乜(?:嘢)?)\s*(?:名字?)?|"
    r"\bwhat(?:'s| is| was) (?:the|that|this) (?:guy|person|exec|executive|researcher|scientist|engineer|"
    r"founder|co-?founder|woman|man)'s name\b|\bwhat(?:'s| is| was) the name of (?:the|that) "
    r"(?:guy|person|exec|executive|researcher|scientist|engineer|founder|co-?founder|woman|man)\b"
)
# A sentence that brings in someone without a name: "有个…的前CEO", "有一位科学家", "a guy who".
_SOMEONE_UNNAMED = LazyPattern(
    r"有(?:一)?[个位名]|某(?:个|位)|\b(?:some|a) (?:guy|person|woman|man|scientist|exec)\b", re.I
)
# What points back at something a story told: "这个角色", "那些公司", "which companies were
# those?". Not 这么/那时, which set a manner or a time.
_POINTS_BACK = LazyPattern(
    r"[这那](?:个|些|件|种|样的|位|家|项|条|两|几)|\b(?:those|these)\b|\b(?:that|this) (?:one|thing|role|job|deal|company|companies|team)\b"
)
_CLAUSE_BREAK = LazyPattern(r"[,，;；。!！?？]")
# Declines that ask the asker who is meant: no second reading overrides them.
_ASKED_BACK = ("ambiguous_referent", "unknown_referent")
# What may follow a 谁 that ends its clause: particles, then the clause's end.
_ENDS_CLAUSE = LazyPattern(r"(?:[了呢啊呀吗嘛啦嚟㗎嘅咧喎咩]|来的|来着)*\s*(?:[,，;；。!！?？]|$)")


# Least confidence of an answer to a reading with a subject filled in from context (no pronoun
# in the question): above the acceptance threshold (0.325), since the asker did not write it.
# On every set's follow-ups, such readings answered right score 0.357 and up.
FILLED_SUBJECT_LEAST = 0.35


# How far the answer about one of a group must lead the answer about another to be the one
# meant ("另一个不是X的,是哪个平台的联合创始人?": 0.58 for the co-founder of one, 0.46 for a
# founder's list of the other); closer, the asker is asked which one.
ONE_OF_THEM_LEAD = 0.1


def read_as_line(question: str, script: Script, variant: TraditionalVariant) -> str:
    """「按"…"理解:」 in the asker's script; traditional text quotes with 「」, as Taiwan and
    Hong Kong write."""
    opening, closing = labels.READ_AS.split("{question}")
    if script == "traditional":
        opening, closing = opening.replace("“", "「"), closing.replace("”", "」")
    return (
        to_script(opening, script, variant)
        + _as_written(question, script, variant)
        + to_script(closing, script, variant)
    )


def _as_written(question: str, script: Script, variant: TraditionalVariant) -> str:
    """The reading in the asker's script, keeping the traditional characters the asker wrote:
    converting 係 (Cantonese "is") to simplified and back gives 系."""
    converted = to_script(question, script, variant)
    if script != "traditional" or len(converted) != len(question):
        return converted
    # A character is kept as written when it is a traditional form of what the conversion
    # wrote (係 of 系): not 么, which OpenCC simplifies alone to 幺, where it wrote 麼.
    return "".join(
        written if to_simplified(written) != written and to_simplified(written) == to_simplified(out) else out
        for written, out in zip(question, converted, strict=True)
    )


def answer(
    engine: Engine,
    question: str,
    preferred: Script | None,
    override: Script | None,
    history: Sequence[str | Reply],
) -> Reply:
    earlier = turns(engine, history)
    story = split_story(question)
    if story is None:
        display = normalise(question).display
        asked = without_source(display)
        clause = display[: display.rfind(asked)] if asked is not None else ""
        # "according to Jan Leike, …" names who said it, which the question keeps.
        if asked is not None and (names_a_piece(clause) or not _names_someone(engine, clause)):
            # "according to the atlantic, when did…", "那篇讲X的文章,…": where it was read is no
            # subject; its names are context, as a told sentence ("…提到他去了哪?" is about X).
            told = Turn(clause, tuple(engine.context.find(to_simplified(clause).casefold())), told=True)
            reply = in_context(engine, asked, [*earlier, told], preferred, override, say_how=True)
            if reply.answered:
                return replace(reply, question=question)
        return in_context(engine, question, earlier, preferred, override)
    script = override or choose_script(normalise(question).display, preferred)
    if story.also is not None:  # two questions: both answered, or the one that can be (story.py)
        first = _story_answer(engine, question, story.also, earlier, script)
        second = _story_answer(engine, question, replace(story, also=None), earlier, script)
        return _with_unanswered_part(both_parts(first, second), first, second, story, script, engine)
    return _story_answer(engine, question, story, earlier, script)


def _with_unanswered_part(
    reply: Reply, first: Reply, second: Reply, story: Story, script: Script, engine: Engine
) -> Reply:
    """`reply` to a message of two questions, saying of the one the articles do not answer that
    they do not, so that it is not dropped in silence."""
    if first.answered == second.answered:
        return reply
    declined, asked = (second, story.question) if first.answered else (first, (story.also or story).question)
    said = declined.answer.split("\n\n", 1)[0]  # its reading, when it has one, and why not
    if declined.read_as is None:
        said = read_as_line(asked, script, engine.variant) + "\n" + said
    return replace(reply, answer=f"{reply.answer}\n\n{said}")


def _story_answer(engine: Engine, question: str, story: Story, earlier: list[Turn], script: Script) -> Reply:
    """The asking sentence of a story, read with the sentences told around it as context."""
    paired = with_pair_named(story.question, story.told, lambda t: _people_at(engine, t))
    described = with_someone_described(paired, story.told)
    if described != paired:  # "这位" is whom a told sentence brought in: found by description
        display = normalise(described).display
        found = engine.described.read(display) or engine.described.who(display)
        described = found.question if found is not None and len(found.people) == 1 else described
    story = replace(story, question=without_piece_pointer(described, story.told) or described)
    # The story's sentences are earlier turns that asked nothing, each read in the context of
    # those before it ("他跟着Amodei去了…" is about whom the sentence before named).
    told: list[Turn] = []
    # Only the last few are read: the context stage looks back MAX_TURNS turns, and each told
    # sentence costs an analysis or two, so a long message's work stays bounded (#17).
    for sentence in story.told[-MAX_TURNS:]:
        display = normalise(sentence).display
        # Only what points is resolved: a told sentence with no pronoun states something of
        # its own ("我想拿去跟老板说"), and a subject glued on would make it name someone.
        pointing = points_at_someone(display) or points_at_something(display)
        read = engine.context.resolve(display, [*earlier, *told]).question if pointing else display
        named = tuple(engine.context.find(to_simplified(read).casefold()))
        unnamed = bool(_SOMEONE_UNNAMED.search(to_simplified(display)))
        told.append(Turn(read, named, introduces=unnamed, told=True))
    before = _told_before(question, story)
    joined_tried = bool(told and told[-1].introduces and not _names_someone(engine, story.question))
    joined_tried = joined_tried and story.question == paired  # else it carries the description
    if (
        not joined_tried
        and before
        and _POINTS_BACK.search(to_simplified(story.question).casefold())
        and not _names_something(engine, story.question)
    ):
        # "…结果得由别的高管来当这个坏人。那这个角色到底是谁在扛?": 这个/those point back at what
        # the sentence before told; asked alone, the question has lost its topic. It is read
        # together with that sentence, the sentences before as context.
        read_of = dict(zip(story.told[-MAX_TURNS:], told, strict=True))
        # The sentence before as the context stage read it (its 他 named), from its colon on:
        # "还有一点很离谱:…" leads into what it tells.
        told_before = read_of[before[-1]].question if before[-1] in read_of else before[-1]
        told_before = re.split(r"[:：]\s*", told_before.rstrip("。.!！…"))[-1]
        joined = normalise(told_before + "," + story.question).display
        context = [read_of[sentence] for sentence in before[:-1] if sentence in read_of]
        together = in_context(engine, joined, [*earlier, *context], None, script, say_how=True)
        # Not found together, the asking sentence alone answers a question the asker did not
        # ask ("which companies were those?" matched to any company): declined as read.
        return replace(together, question=question)
    if joined_tried:
        # "…有个Twitch的前CEO被找来当临时CEO。他叫什么名字?": the sentence before describes
        # whom the question asks about; read together, the engine may find them.
        joined = story.told[-1].rstrip("。.!！…") + "," + story.question
        reply = in_context(engine, joined, earlier, None, script, say_how=True)
        if reply.answered:
            return replace(reply, question=question)
    reply = in_context(engine, story.question, [*earlier, *told], None, script, say_how=True)
    if (
        not reply.answered
        and not joined_tried
        and reply.decline_reason not in _ASKED_BACK
        and story.told
        and not points_at_someone(story.question)
        and not _names_someone(engine, story.question)
    ):
        # "…团队解散以后,剩下的人被打散了。团队散了之后,是哪位联合创始人接手的?": the sentence
        # before may hold what the question leaves out; read together, the engine may find it.
        # Asked as it stands (one analysis): the question names no one for context to resolve.
        joined = normalise((before or story.told)[-1].rstrip("。.!！…") + "," + story.question).display
        together = engine.ask_alone(joined, override=script)
        if together.answered:
            read_as = read_as_line(joined, script, engine.variant)
            return replace(
                together, question=question, answer=read_as + "\n" + together.answer, read_as=joined
            )
    return replace(reply, question=question)


def _told_before(message: str, story: Story) -> tuple[str, ...]:
    """The told sentences that come before the asking one in the message, in order."""
    asked_at = message.find(story.question)
    return tuple(s for s in story.told if 0 <= message.find(s) < asked_at)


def _people_at(engine: Engine, text: str) -> list[tuple[int, int, str]]:
    """Where `text` names each person it names, in order (for story.with_pair_named)."""
    found = engine.context.find(to_simplified(normalise(text).display).casefold())
    spans = [engine.context.surface(text, e) for e in found if engine.base.entities[e].kind == "person"]
    return sorted((start, end, text[start:end]) for start, end in (s for s in spans if s is not None))


def _names_something(engine: Engine, text: str) -> bool:
    """The text names an entity of any kind but the story's home ("那些公司" names none)."""
    found = engine.context.find(to_simplified(normalise(text).display).casefold())
    return any(e not in engine.context.home for e in found)


def _names_someone(engine: Engine, text: str) -> bool:
    found = engine.context.find(to_simplified(normalise(text).display).casefold())
    return any(engine.base.entities[e].kind == "person" for e in found)


def turns(engine: Engine, history: Sequence[str | Reply]) -> list[Turn]:
    """The earlier questions as the engine read and answered them, each in its own context."""
    read: list[Turn] = []
    for earlier in list(history)[-MAX_TURNS:]:
        if isinstance(earlier, str):
            # A question that needed no context reads the same in any conversation: the Discord
            # bot sends the same few standalone questions again with every question a user asks.
            known = engine.context.standalone.get(earlier)
            if known is not None:
                read.append(known)
                continue
            reply = in_context(engine, earlier, read, None, None)
            turn = turn_of(engine, reply)
            if reply.read_as is None:
                if len(engine.context.standalone) >= _STANDALONE_MAX:
                    engine.context.standalone.clear()
                engine.context.standalone[earlier] = turn
            read.append(turn)
        else:
            read.append(turn_of(engine, earlier))
    return read


def turn_of(engine: Engine, reply: Reply) -> Turn:
    question = reply.read_as or normalise(reply.question).display
    analysis = engine.matcher.analyse(matching_key(to_simplified(question)))
    answered: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    if reply.fact_id and reply.fact_id.startswith("entity:"):
        answered = (reply.fact_id.removeprefix("entity:"),)
    elif reply.fact_id in engine.base.by_id:
        answered = tuple(engine.base.by_id[reply.fact_id].entities)
        # A runner-up shown with it ("相关:…卡帕西…") brings its people in, for "另一个".
        related = to_simplified(reply.answer).partition(labels.ALSO)[2]
        also = tuple(e for e in _people_in(engine, related) if e not in answered) if related else ()
    elif reply.items:
        # A list ("which two founders left in 2017?"): whom each item is about: its event's
        # subjects ("Altman宣布McGrew和Zoph离职" is about McGrew and Zoph), else its first name.
        answered = tuple(dict.fromkeys(e for item in reply.items for e in _item_people(engine, item)))
    asks_name = _ASKS_PERSONS_NAME.search(to_simplified(question).casefold()) is not None
    asked_who = asks_name or _asks_for_someone(engine, question, analysis)
    named = tuple(analysis.entities)
    if asked_who:
        # "谁是OpenAI的CTO?" finds Murati by her title: she is who the question asked for, which
        # its answer gives, not someone it named; a 他 after it is her.
        named = tuple(
            e
            for e in named
            if engine.base.entities[e].kind != "person" or engine.context.surface(question, e) is not None
        )
    fact = reply.fact_id if reply.fact_id in engine.base.by_id else None
    asked_what = asks_for_something(question) and not asks_name
    subjects: tuple[str, ...] = ()
    if fact is not None:
        subjects = tuple(
            p.entity for p in engine.base.by_id[fact].participants if p.role == ParticipantRole.SUBJECT
        )
    return Turn(
        question, named, answered, asked_who, also=also, fact=fact, asked_what=asked_what, subjects=subjects
    )


def _item_people(engine: Engine, item: Item) -> tuple[str, ...]:
    subjects = tuple(
        p.entity
        for fact_id in item.fact_ids
        if fact_id in engine.base.by_id
        for p in engine.base.by_id[fact_id].participants
        if p.role == ParticipantRole.SUBJECT and engine.base.entities[p.entity].kind == "person"
    )
    return subjects or _people_in(engine, to_simplified(item.text).partition(":")[0])[:1]


def _people_in(engine: Engine, text: str) -> tuple[str, ...]:
    found = engine.context.find(text.casefold())
    return tuple(e for e in found if engine.base.entities[e].kind == "person")


def _asks_for_someone(engine: Engine, question: str, analysis: QueryAnalysis) -> bool:
    """A who-question whose answer is the next subject: "谁接替了McGrew?" (the one who did),
    not "Amodei走的时候带走了谁?", whose subject, named before 谁, stays Amodei."""
    if Intent.WHO not in analysis.intents:
        return False
    asked = _WHO.search(to_simplified(question).casefold())
    people = [e for e in analysis.entities if engine.base.entities[e].kind == "person"]
    if asked is None or not people or not has_cjk(question):
        return True
    # The clause that asks: "奥特曼被解雇之后,谁当了临时CEO?" asks of whoever did, not Altman.
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(question, 0, asked.start())), default=0)
    first = engine.context.surface(question[clause_start:], people[0])
    if first is None or first[0] > asked.start() - clause_start:
        return True
    # 谁 that does something ("Altman被开除后谁当了临时CEO?", "马斯克跟谁闹翻了?") asks for
    # another actor, who is next talked about; 谁 that ends the clause ("…带走了谁?") does not,
    # nor 谁 right after the names it chooses among ("穆拉蒂和Brockman谁待得更久?").
    before = to_simplified(question[clause_start : asked.start()]).casefold().rstrip()
    among = any(
        (span := engine.context.surface(before, e)) is not None and span[1] == len(before) for e in people
    )
    # "X是谁" asks who X is, whatever follows.
    identity = before.endswith(("是", "系", "係"))
    return not among and not identity and not _ENDS_CLAUSE.match(question, asked.end())


def in_context(
    engine: Engine,
    question: str,
    earlier: Sequence[Turn],
    preferred: Script | None,
    override: Script | None,
    *,
    say_how: bool = False,
) -> Reply:
    """`question` read against the `earlier` turns; with `say_how`, the reply says how it read
    the question even when it needed no context (the asking sentence of a story)."""
    display = normalise(question).display
    resolution = engine.context.resolve(display, earlier)
    if resolution.unclear is not None and not earlier:
        # "…说这是他唯一一家公司的那位联创是谁": a pronoun inside a description of whom is asked
        # is that person, found by the description.
        found = engine.described.read(display) or engine.described.who(display)
        if found is not None and len(found.people) == 1:
            resolution = replace(resolution, unclear=None)
    if say_how and resolution.unclear is None:
        resolution = replace(resolution, used_context=True)
    script = override or choose_script(display, preferred)
    if resolution.unclear is None and not resolution.used_context:
        described = (
            engine.described.read(display)
            or engine.described.read_english(display)
            or engine.described.read_thing(display, engine.context.home)
        )
        if described is None:
            alone = engine.ask_alone(question, preferred, override=override)
            if alone.answered:
                return alone
            # "…家里有泳池都没空用的那个高管叫啥?": who the description fits, by name; "OpenAI
            # 的首席信息安全官叫什么?" asks who holds the title.
            who = engine.described.who_for_name(display)
            asked = engine.ask_alone(who, override=script) if who else None
            described = None
            if asked is None or not asked.answered:
                described = engine.described.who(display)
                if described is None:
                    return alone
                who = described.question
                asked = engine.ask_alone(who, override=script) if len(described.people) == 1 else None
            if asked is not None and who is not None:
                if not asked.answered:
                    return alone
                read_as = read_as_line(who, script, engine.variant)
                return replace(asked, question=question, answer=read_as + "\n" + asked.answer, read_as=who)
            assert described is not None  # several people fit the description
        if len(described.people) > 1:
            # Two fit the description; when what is asked has an answer for one of them only
            # ("…的那位,他在新团队主要做哪些研究方向?"), it is that one.
            answerable = [q for q in described.by_person if engine.ask_alone(q, override=script).answered]
            if len(answerable) == 1:
                described = replace(described, question=answerable[0])
            else:
                resolution = replace(resolution, unclear=described.people)
        if resolution.unclear is None:
            reply = engine.ask_alone(described.question, override=script)
            if not reply.answered:
                return engine.ask_alone(question, preferred, override=override)
            resolution = replace(resolution, question=described.question, used_context=True)
    every = _each_of_them(engine, resolution, script) if resolution.each else None
    if every is not None:
        return replace(every, question=question)
    chosen = _one_of_them(engine, resolution.among, script) if not resolution.each else None
    if chosen is not None:
        # "他们里面谁…", "另一个不是X的…": the one of the group of whom the articles answer it.
        one_asked, one_reply = chosen
        read_as = read_as_line(one_asked, script, engine.variant)
        return replace(
            one_reply, question=question, answer=read_as + "\n" + one_reply.answer, read_as=one_asked
        )
    if resolution.unclear is not None:
        unclear = engine.ask_alone("", override=script)  # for its suggestions and script
        names = [engine.base.entities[e].name for e in resolution.unclear]
        text = labels.WHICH_ONE.format(names="、".join(names)) if len(names) > 1 else labels.UNCLEAR_WHO
        return replace(
            unclear,
            question=question,
            kind="not_covered",
            answer=to_script(text, script, engine.variant),
            suggestions=_suggestions(engine, resolution.unclear, script) or unclear.suggestions,
            decline_reason="ambiguous_referent" if len(names) > 1 else "unknown_referent",
        )
    reply = engine.ask_alone(resolution.question, override=script)
    on = resolution.dated_on
    reply = _on_the_date(engine, reply, on)
    if not reply.answered and resolution.dated is not None:
        # The date written in may make the question narrower than asked ("那天臨時CEO…" on a
        # day two held the title): read without it, as the asker wrote it.
        undated = engine.context.resolve(display, earlier, relative_time=False)
        again = engine.ask_alone(undated.question, override=script) if undated.unclear is None else None
        if again is not None and _on_the_date(engine, again, on).answered:
            resolution, reply = undated, again
    if not reply.answered and resolution.swapped is not None and earlier:
        # "那Kevin Weil呢?" after an appointment: the same kind of event, asked of the new one
        # in the articles' own words.
        frame = engine.context.same_frame(earlier[-1], resolution.swapped, not has_cjk(display))
        framed = engine.ask_alone(frame, override=script) if frame else None
        if framed is not None and frame is not None and framed.answered:
            resolution = replace(resolution, question=frame)
            reply = framed
    if not reply.answered and resolution.reasked == "why" and earlier:
        # "为什么?" after an answer: the reason the articles give for what it told, when the
        # last question re-asked with a why does not reach it ("係咪成日唔夾?" → "點解會咁?").
        why = engine.context.why_of(earlier[-1], not has_cjk(display))
        asked_why = engine.ask_alone(why, override=script) if why else None
        if asked_why is not None and why is not None and asked_why.answered:
            resolution = replace(resolution, question=why)
            reply = asked_why
    pointing = points_at_someone(display) or points_at_something(display)
    # A question word alone asked nothing else: its reading in context is the only one.
    filled = not pointing and not _names_someone(engine, display) and resolution.reasked is None
    if filled and (not reply.answered or reply.confidence < FILLED_SUBJECT_LEAST):
        # No pronoun and no one named, so context filled in a subject it took to be left out:
        # a reading the asker did not write, kept only when it matches clearly. Else the
        # question is taken as it stands, where it may be whole ("按路透社报道,重组后非营利组织
        # 会持有什么股权?" after a question about Kevin Weil) or out of scope ("世界上最高的山
        # 是哪座?" after one about Leike, which his name glued on matched at 0.326).
        dated = resolution.dated
        alone = _on_the_date(engine, engine.ask_alone(dated or question, preferred, override=override), on)
        if dated is None and (alone.answered or reply.answered):
            return alone
        if dated is not None and (alone.answered or reply.answered):
            # Its relative time was read from context ("那天晚上…"): said how, as any reading.
            resolution, reply = replace(resolution, question=dated), alone
    read_as = read_as_line(resolution.question, script, engine.variant)
    return replace(
        reply, question=question, answer=read_as + "\n" + reply.answer, read_as=resolution.question
    )


def _on_the_date(engine: Engine, reply: Reply, on: str | None) -> Reply:
    """The reply to a follow-up whose relative time was written as the date `on` ("第二天…"
    → 2024年9月27日…), declined when none of its facts falls on that date at the precision
    written: an answer of another day is no answer to it. Undated facts fall on no date."""
    if on is None or not reply.answered:
        return reply
    fact_ids = (*reply.fact_ids, *((reply.fact_id,) if reply.fact_id else ()))
    dates = [engine.base.by_id[f].date for f in fact_ids if f in engine.base.by_id]
    # A fact dated to the month falls on any day of it; one dated to the day, in its year.
    if any(d is not None and (d.startswith(on) or on.startswith(d)) for d in dates):
        return reply
    return replace(
        reply,
        kind="not_covered",
        answer=to_script(labels.NOT_COVERED, reply.script, engine.variant),
        confidence=0.0,
        fact_id=None,
        sources=(),
        conflict=False,
        decline_reason="relative_date_mismatch",
        answer_kind="fact",
        fact_ids=(),
        items=(),
    )


def _each_of_them(engine: Engine, resolution: Resolution, script: Script) -> Reply | None:
    """ "他们现在各自在干啥": the question asked of each of the group, one line each, when the
    articles answer it of every one; None when they do not (the group is then asked as a
    whole)."""
    from bot.engine.several.common import Item  # imports the engine: at call time

    replies = [(person, engine.ask_alone(asked, override=script)) for person, asked in resolution.among]
    if not replies or not all(reply.answered for _person, reply in replies):
        return None
    items = tuple(
        Item(
            text=to_script(engine.base.entities[person].name, script, engine.variant)
            + ":"
            + reply.answer.splitlines()[0],
            date=None,
            fact_ids=tuple(f for f in (reply.fact_id,) if f),
            sources=reply.sources,
        )
        for person, reply in replies
    )
    read_as = read_as_line(resolution.question, script, engine.variant)
    first = replies[0][1]
    return replace(
        first,
        answer="\n".join([read_as, *(f"· {item.text}" for item in items)]),
        fact_id="several:each",
        sources=tuple(dict.fromkeys(s for item in items for s in item.sources)),
        answer_kind="each",
        fact_ids=tuple(dict.fromkeys(f for item in items for f in item.fact_ids)),
        items=items,
        suggestions=(),
        read_as=resolution.question,
    )


def _one_of_them(
    engine: Engine, among: Sequence[tuple[str, str]], script: Script
) -> tuple[str, Reply] | None:
    """Of the question asked of each one of a group, the one reading the articles answer with
    a fact about that person, clearly ahead of any other; None when none does or two do about
    as well (the group as a whole is then asked, or the asker is asked which one)."""
    answered: list[tuple[str, Reply]] = []
    for person, asked in among:
        reply = engine.ask_alone(asked, override=script)
        fact = engine.base.by_id.get(reply.fact_id or "")
        if reply.answered and (
            reply.fact_id == f"entity:{person}" or (fact is not None and person in fact.entities)
        ):
            answered.append((asked, reply))
    if len(answered) > 1 and len({person for person, _asked in among}) == 1:
        return answered[0]  # readings of one person, the first (the question as asked) preferred
    answered.sort(key=lambda pair: pair[1].confidence, reverse=True)
    if len(answered) == 1 or (
        len(answered) > 1 and answered[0][1].confidence - answered[1][1].confidence >= ONE_OF_THEM_LEAD
    ):
        return answered[0]
    return None


def _suggestions(engine: Engine, people: Sequence[str], script: Script) -> tuple[str, ...]:
    """A question about each of the people who might be meant."""
    found = []
    for person in people:
        facts = engine.base.by_entity.get(person, [])
        if facts:
            found.append(to_script(facts[0].questions[0], script, engine.variant))
    return tuple(found[:3])
