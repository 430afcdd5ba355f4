"""The answering engine: question in, reply out, in the asker's script.

It knows nothing of Discord; the CLI and the bot's cogs both call :class:`Engine`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from bot.engine import conversation, labels
from bot.engine.acceptance import decide_described
from bot.engine.context import Context
from bot.engine.described import DESCRIPTION_LEAST_WORDS, DescribedPeople
from bot.engine.entities import ENTITY_MARK
from bot.engine.lookups import BadDate, Lookups, ReversedRange, UnknownEntity, parse_partial_date
from bot.engine.matcher import Candidate, Matcher, QueryAnalysis
from bot.engine.normalise import MAX_QUESTION_CHARS, Normalised, matching_key, normalise
from bot.engine.rules import Cue, LazyPattern
from bot.engine.script import choose_script
from bot.engine.slots import asking_clause
from bot.engine.views import Profile, Reply, ReplyKind, RoleView, SourceRef, TimelineEntry
from bot.factbase.loader import FactBase
from bot.factbase.models import Entity, Fact, Intent
from bot.text import Script, TraditionalVariant, fold_name, has_cjk, to_script, to_simplified

if TYPE_CHECKING:
    from bot.engine.several import SeveralFacts

# Re-exported: callers import these from here.
__all__ = [
    "MAX_PARTS",
    "Answerer",
    "Asked",
    "BadDate",
    "Engine",
    "Profile",
    "Reply",
    "ReversedRange",
    "RoleView",
    "SourceRef",
    "TimelineEntry",
    "UnknownEntity",
    "parse_partial_date",
]

MAX_SUGGESTIONS = 3
# A question of more parts than this is a story, not several questions: its parts are not each
# analysed and ranked (the questions of the sets have at most 10, most of them spaced dates).
MAX_PARTS = 12
# A runner-up this close to the best answer is shown with it ("相关:"): when two facts answer
# about equally well, the asker gets both (7 % of answers on the project's question sets).
CLOSE_SECOND = 0.1

# Where a question of two parts breaks: punctuation, or a space between Chinese words.
_CLAUSE_BREAK = LazyPattern(r"[,，;；?？!！。]+")
# Within a sentence, spaces beside Chinese also part clauses: "openai一年收入多少 chatgpt占几成".
_SPACE_BREAK = LazyPattern(r"(?<=[\u3400-\u9fff]) +| +(?=[\u3400-\u9fff])")

# A question word that asks no particular kind of thing: "都有哪些vc投了" is a question.
ASKS_CUE = Cue(
    "asks",
    LazyPattern(r"哪|什么|谁|几|多少|吗|呢|\?"),
    "question",
    "a question word of no particular kind: a part of a several-part question that has one (or an "
    "intent) is a question of its own (the parts answerer)",
    fires_on=("都有哪些vc投了", "穆拉蒂去了哪里"),
    not_on=("OpenAI的估值",),
)
_ASKS = ASKS_CUE.pattern

# A question asked of several people at once: each of them, or a comparison between them.
EACH_CUE = Cue(
    "each",
    LazyPattern(
        r"分别|各自|各[待干做当是在有]|相比|比较|谁更|谁[^,?？]{0,12}更|\b(?:respectively|each|compared?)\b"
    ),
    "question",
    "one question asked of several people, each or compared: the parts answerer asks it of each",
    fires_on=("穆拉蒂和舒尔曼分别去了哪里?", "Where did Murati and Schulman each go?"),
    not_on=("穆拉蒂和舒尔曼去了哪里?",),
)
_EACH = EACH_CUE.pattern


def _sentences(simplified: str) -> list[str]:
    return [s for s in _CLAUSE_BREAK.split(simplified) if s.strip()]


# A description that points at someone it does not name: "接替McGrew的那个华人", "…的那位".
POINTS_AT_SOMEONE_CUE = Cue(
    "points_at_someone",
    LazyPattern(r"[那这](?:个|位|名)|的人"),
    "question",
    "a description pointing at someone it does not name: the one it describes is looked for",
    fires_on=("接替McGrew的那个华人是谁?",),
    not_on=("McGrew的继任者是谁?",),
)
_POINTS_AT_SOMEONE = POINTS_AT_SOMEONE_CUE.pattern

_COMPARING = LazyPattern(r"相比|比较|比起来?|比|更\w{0,2}|较\w|分别|各自|各")

# Words that ask only for a name: "中文名字", "英文全名", "怎么写".
_NAME_WORD = LazyPattern(
    r"(?:中文|英文|全|本|原|真)?名字?|中文|英文|全|名叫|叫做?|写|拼|怎么写|chinese|english|full|names?|spell(?:ed)?"
)
_NAME_NOUN = LazyPattern(r"名|\bnames?\b")

GREETING_CUE = Cue(
    "greeting",
    LazyPattern(
        r"^(?:你好|您好|hi|hello|hey|help|帮助|帮忙|在吗|嗨|哈喽|早上好|晚上好|使用说明|怎么用|你是谁|你能做什么|你会什么|"
        r"有什么功能|命令|指令|说明)(?:啊|呀|吗|呢|saga ?bot)?$"
    ),
    "question",
    "a greeting or a request for help, and nothing else: the greeting answerer says what the bot does",
    fires_on=("你好", "Hello!", "你能做什么?"),
    not_on=("你好,奥特曼为什么被解雇?",),
)
_GREETING = GREETING_CUE.pattern

# "他什么时候走的" with no one named and no earlier question to lean on: the bot cannot tell who
# is meant, and the nearest fact would be about whoever its few words fit.
PRONOUN_CUE = Cue(
    "pronoun",
    LazyPattern(r"(?<!其)[他她佢]|\b(?:he|she|him|her|they|them)\b"),
    "question",
    "a pronoun: with no one named, the unknown_referent answerer asks who is meant",
    fires_on=("他什么时候走的?", "When did he leave?"),
    not_on=("奥特曼为什么被解雇?", "其他人呢?"),
)
_PRONOUN = PRONOUN_CUE.pattern

# "Who is X", "X是个啥", "X係咩嚟㗎", "who's X anyway": a copula and an interrogative around one
# name, and nothing else but particles and fillers, in any language. `named` is whatever stands
# in the name's place: the profile answerer wants it to be one entity's name and nothing more.
_COPULA_ZH = r"是|系|係|乃"
_WHAT_ZH = r"谁|什么|啥|咩|乜嘢?|乜水|哪位|边位|何人|何方神圣|什么东西|什么人"
_FILLER_ZH = r"到底|究竟|其实|又|倒底|真的|真系|这个|那个|个|一个"
_PARTICLE_ZH = r"嚟嘅|嚟|来的|来头|来着|东西|呢|啊|呀|㗎|嘅|啦|咧|吗|嘛|哦|喔|噢"
# What a thing is for, asked with what it is: "Sora究竟係咩嚟?做咩用?"
_PURPOSE_ZH = r"(?:做|干|搞|有)(?:什么|啥|嘛)(?:用|的)?|用来(?:做|干)(?:什么|啥|嘛)|有什么用"
_FILLER_EN = r"anyway|again|exactly|even|lol|lmao|tho|though|actually|really|now|then|here|btw"
PROFILE_SHAPE_CUE = Cue(
    "profile_shape",
    LazyPattern(
        rf"^(?P<zh>(?P<named>.+?)\s?(?:{_FILLER_ZH})*\s?(?:{_COPULA_ZH})\s?(?:{_FILLER_ZH})*\s?(?:{_WHAT_ZH})"
        rf"(?:\s?(?:{_PARTICLE_ZH}))*(?:\s?(?:{_PURPOSE_ZH})(?:\s?(?:{_PARTICLE_ZH}))*)?)$"
        rf"|^(?:(?:so|ok|okay|but|and|hey|yo|wait|hmm+)\s)?(?:who|what)\s?(?:is|s|are|was|were)\s"
        rf"(?:this\s|that\s|the\s)?(?P<named_en>.+?)(?:\s(?:{_FILLER_EN}))*$"
    ),
    "question",
    "who or what something is: a copula and an interrogative around a name, with particles and "
    "fillers only: the profile answerer gives that entity's profile",
    fires_on=("Thrive Capital究竟係咩嚟㗎?", "who is dario amodei anyway", "Claude是个啥?"),
    not_on=("Kevin Weil为什么离开?", "when did murati leave"),
)
_PROFILE_SHAPE = PROFILE_SHAPE_CUE.pattern

# The question cues of the answerers, for the rule catalogue (docs/rules.md) and its tests.
ANSWER_CUES: tuple[Cue, ...] = (
    GREETING_CUE,
    PRONOUN_CUE,
    ASKS_CUE,
    EACH_CUE,
    POINTS_AT_SOMEONE_CUE,
    PROFILE_SHAPE_CUE,
)


@dataclass(slots=True)
class Asked:
    """One question on its way through the engine's stages, with what each stage found."""

    question: str  # as the user wrote it
    normalised: Normalised
    script: Script  # the reply's
    analysis: QueryAnalysis | None = None  # the analysis stage's (entities, intents, slots)
    clauses: list[QueryAnalysis] = field(default_factory=list)  # its parts, when it has several
    answered_by: str | None = None  # the name of the answerer that replied

    @property
    def analysed(self) -> QueryAnalysis:
        assert self.analysis is not None, "an answerer after the analysis stage"
        return self.analysis


# An answerer replies to a question it can answer, or passes (None) to the next one.
Answerer = Callable[[Asked], "Reply | None"]


@dataclass(slots=True)
class Engine(Lookups):
    base: FactBase
    variant: TraditionalVariant = "tw"
    cache_dir: Path | None = None
    matcher: Matcher = field(init=False)
    _featured: list[Fact] = field(init=False)
    _person_names: list[tuple[str, str, str]] = field(init=False)  # (name, folded, entity id)
    _articles_folded: str = field(init=False, default="")  # every article, simplified and folded
    # The answerers, in order: the first that replies answers. Those before the analysis stage
    # need only the normalised text; the single-fact answerer, last, always replies.
    before_analysis: list[tuple[str, Answerer]] = field(init=False)
    answerers: list[tuple[str, Answerer]] = field(init=False)
    _several: SeveralFacts = field(init=False)  # lists, orders, durations, digests
    context: Context = field(init=False)  # the conversation's (bot.engine.conversation)
    described: DescribedPeople = field(init=False)

    def __post_init__(self) -> None:
        from bot.engine.several import SeveralFacts  # it builds on this module's Reply

        self.matcher = Matcher(self.base, cache_dir=self.cache_dir)
        self._several = SeveralFacts(self.base, self.matcher, self.variant)
        # The context stage asks only for the names in each sentence told, not a whole analysis.
        self.context = Context(self.base, lambda text: self.matcher.entities_of(matching_key(text)))
        self.described = DescribedPeople(self.base, self._sure_facts, self.context.find, self._read_words)
        # Suggestions when nothing else fits: the events that involve the most people.
        self._featured = sorted(self.base.events(), key=lambda f: (-len(f.entities), f.id))[:12]
        names = {
            name: entity.id
            for entity in self.base.entities.values()
            if entity.kind == "person"
            for name in entity.all_names()
        }
        self._person_names = [(name, fold_name(name), entity_id) for name, entity_id in names.items()]
        self.before_analysis = [("empty", self._empty), ("greeting", self._greeting)]
        self.answerers = [
            ("unknown_referent", self._unknown_referent),
            ("several_facts", self._several_facts),
            ("profile", self._profile),
            ("names", self._names),
            ("parts", self._parts),
            ("single_fact", self._single_fact),
        ]

    # -- ask --------------------------------------------------------------------------------

    def ask(
        self,
        question: str,
        preferred: Script | None = None,
        *,
        override: Script | None = None,
        history: Sequence[str | Reply] = (),
    ) -> Reply:
        """Answer `question` in its own script (`override` forces one; `preferred` is the
        fallback for text valid in both scripts). `history` is the same asker's earlier
        questions in this conversation, oldest first (or the replies to them): a follow-up
        is read against them (the context stage, bot.engine.conversation), then answered by
        :meth:`ask_alone`."""
        return conversation.answer(self, question, preferred, override, history)

    def ask_alone(
        self, question: str, preferred: Script | None = None, *, override: Script | None = None
    ) -> Reply:
        """`question` answered as it stands, without any context."""
        return self.run(question, preferred, override=override)[1]

    def run(
        self, question: str, preferred: Script | None = None, *, override: Script | None = None
    ) -> tuple[Asked, Reply]:
        """The stages after the conversation's context (which :meth:`ask` reads first, in
        bot.engine.conversation): normalise, answerers that need no analysis, analysis
        (entities, intents, slots), then the answerers in order."""
        normalised = normalise(question)
        asked = Asked(question, normalised, override or choose_script(normalised.display, preferred))
        for name, answerer in self.before_analysis:
            reply = answerer(asked)
            if reply is not None:
                asked.answered_by = name
                return asked, reply
        asked.analysis = self._figures_asked(normalised, self.matcher.analyse(normalised.key))
        for name, answerer in self.answerers:
            reply = answerer(asked)
            if reply is not None:
                asked.answered_by = name
                return asked, reply
        raise AssertionError("the single-fact answerer always replies")

    def _figures_asked(self, normalised: Normalised, analysis: QueryAnalysis) -> QueryAnalysis:
        """The figures an answer must state are those of the clause that asks: in "之前看到说
        超过九成员工联名,那到11月20日具体有多少员工要求董事会辞职" the 九成 is what the asker read."""
        clause = asking_clause(normalised.simplified)
        if not analysis.slots.figures or matching_key(clause) == normalised.key:
            return analysis
        figures = self.matcher.analyse(matching_key(clause)).slots.figures
        return replace(analysis, slots=replace(analysis.slots, figures=figures))

    # -- answerers --------------------------------------------------------------------------

    def _empty(self, asked: Asked) -> Reply | None:
        if not asked.normalised.is_empty:
            return None
        return self._reply(
            asked.question, "empty", labels.EMPTY, asked.script, suggestions=self._suggest([]), reason="empty"
        )

    def _greeting(self, asked: Asked) -> Reply | None:
        if not _GREETING.match(asked.normalised.key.replace(" ", "")):
            return None
        text = labels.HELP + "\n" + labels.HELP_COMMANDS
        return self._reply(asked.question, "help", text, asked.script, suggestions=self._suggest([]))

    def _unknown_referent(self, asked: Asked) -> Reply | None:
        """ "他什么时候走的" with no one named: no one to answer about."""
        analysis = asked.analysed
        if analysis.entities or len(analysis.tokens) > 1 or not _PRONOUN.search(asked.normalised.key):
            return None
        return self._reply(
            asked.question,
            "not_covered",
            labels.UNCLEAR_WHO,
            asked.script,
            suggestions=self._suggest([]),
            reason="unknown_referent",
        )

    def _several_facts(self, asked: Asked) -> Reply | None:
        """Lists, who held a role when, order, durations and digests (bot.engine.several)."""
        # A count the question states ("那12位高管分别是谁") is the number of items asked for, not a
        # figure each listed fact must state, so the facts are not checked for it. (The answerers
        # do not compare it with the items they find yet.)
        analysis = asked.analysed
        analysis = replace(analysis, slots=replace(analysis.slots, figures=()))
        reply = self._several.answer(asked.question, analysis, asked.script)
        if reply is not None and not reply.answered and reply.decline_reason is None:
            # Its declines say why in their text (an order the articles do not state, dates too
            # coarse to count days); the reason names the answerer that declined.
            reply = replace(reply, decline_reason=f"several_facts:{reply.answer_kind}")
        return reply

    def _profile(self, asked: Asked) -> Reply | None:
        if not self._asks_who_someone_is(asked.analysed):
            return None
        return self._profile_answer(
            asked.question, self.base.entities[asked.analysed.entities[0]], asked.script
        )

    def _names(self, asked: Asked) -> Reply | None:
        if not self._asks_someones_name(asked.analysed):
            return None
        return self._names_answer(
            asked.question, self.base.entities[asked.analysed.entities[0]], asked.script
        )

    def _parts(self, asked: Asked) -> Reply | None:
        """A question of several parts, or asked of several people, answered part by part."""
        simplified, analysis = asked.normalised.simplified, asked.analysed
        asked.clauses = self._question_clauses(simplified, analysis)
        return self._answer_parts(asked.question, asked.clauses, asked.script) or self._answer_parts(
            asked.question, self._per_person(simplified, analysis), asked.script
        )

    def _single_fact(self, asked: Asked) -> Reply:
        """The one fact that answers the question, or a decline that says why none does."""
        question, script, analysis = asked.question, asked.script, asked.analysed
        if len(asked.clauses) >= 2:
            # A detail one part asks ("她的丈夫是谁?") does not keep the other part from its answer.
            details = tuple(d for d in analysis.details if all(d in c.details for c in asked.clauses))
            analysis = replace(analysis, slots=replace(analysis.slots, details=details))
        ranked = self.matcher.rank(analysis)
        decision = self.matcher.decide(ranked)
        if not decision:
            ranked = self._about_the_described(asked.normalised.simplified, analysis) or ranked
        top = ranked[0] if ranked else None
        if top is None or not self.matcher.accepts(ranked):
            suggestions = self._suggest(ranked, entities=analysis.entities)
            text = labels.NOT_COVERED
            if len(question) > MAX_QUESTION_CHARS:
                text = labels.TOO_LONG.format(limit=MAX_QUESTION_CHARS) + "\n" + text
            confidence = min(top.score, self.matcher.weights.threshold - 0.01) if top else 0.0
            return self._reply(
                question,
                "not_covered",
                text,
                script,
                confidence,
                suggestions=suggestions,
                reason=decision.reason,
            )
        return self._answer(question, top, script, self._close_second(ranked))

    def _read_words(self, text: str) -> tuple[Sequence[str], Sequence[str]]:
        analysis = self.matcher.analyse(matching_key(text))
        return analysis.entities, analysis.tokens

    def _sure_facts(self, text: str) -> list[Fact]:
        """The facts that answer `text` surely enough, best first; none when none does."""
        analysis = self.matcher.analyse(matching_key(text))
        ranked = self.matcher.rank(analysis)
        # Only descriptions are matched here: one with content names no one by design (the
        # acceptance step "described"); "那个人" has none and is held to naming someone.
        if len(analysis.tokens) >= DESCRIPTION_LEAST_WORDS:
            return (
                [c.fact for c in ranked]
                if decide_described(self.matcher.weights, ranked, self.matcher.passages.together)
                else []
            )
        return [c.fact for c in ranked] if self.matcher.accepts(ranked) else []

    def _question_clauses(self, simplified: str, whole: QueryAnalysis) -> list[QueryAnalysis]:
        """The parts of a question that are questions of their own ("穆拉蒂什么时候离职的?她的
        丈夫是谁?"); none for a question of one part. A part that names no one is about the
        people the whole question names."""
        if not has_cjk(simplified):
            return []
        sentences = _sentences(simplified)
        parts = [(p, s) for s in sentences for p in _SPACE_BREAK.split(s) if p.strip()]
        if not 2 <= len(parts) <= MAX_PARTS:  # one part: the whole's analysis already says it all
            return []
        # Only a part that asks something can be a question of its own ("8月的报道说还剩三位创始
        # 人,"), and its intents need no full analysis: with fewer than two such parts there is
        # nothing to analyse ("Sam Altman 什么时候被开除").
        asking = [
            (part, sentence)
            for part, sentence in parts
            if _ASKS.search(part) or self.matcher.asked_intents(matching_key(part))
        ]
        if len(asking) < 2:
            return []
        people = tuple(e for e in whole.entities if self.base.entities[e].kind == "person")
        clauses: list[QueryAnalysis] = []
        for part, sentence in asking:
            analysis = self.matcher.analyse(matching_key(part))
            if not analysis.tokens:
                continue  # asks, but of nothing: a bare "是吗"
            if not analysis.entities:
                # Its subject is a person the whole names, if it names one: in "马斯克什么时候
                # 退出OpenAI董事会?之后创了哪家公司?" the second part is about Musk, not OpenAI.
                # Else what its own sentence names: in "FutureSearch 估 OpenAI 年收入多少?
                # 其中 ChatGPT 占几成?" the first part is not about ChatGPT.
                named = people or (
                    self.matcher.analyse(matching_key(sentence)).entities if part != sentence else ()
                )
                analysis = replace(analysis, entities=named or whole.entities)
            clauses.append(analysis)
        return clauses if len(clauses) >= 2 else []

    def _about_the_described(self, simplified: str, whole: QueryAnalysis) -> list[Candidate]:
        """A question about someone it only describes ("那个烧掉木雕的科学家,他当年师从谁?",
        "接替McGrew的那个华人,他爸是做什么的?"): the description is matched first, and when the
        fact it surely finds is about a person it does not name, the question is asked of them.
        Ranked candidates when that is answered surely; else none."""
        *before, last = _sentences(simplified) or [""]
        text = "".join(before)
        if not _POINTS_AT_SOMEONE.search(text):
            return []
        description = self.matcher.analyse(matching_key(text))
        found = self.matcher.rank(description)
        if not self.matcher.accepts(found):
            return []
        described = [
            e
            for e in found[0].fact.entities
            if self.base.entities[e].kind == "person" and e not in description.entities
        ]
        if not described:  # the fact's first person is whom it is about
            return []
        # What is asked is the last sentence when it has words of its own ("他当年师从谁"),
        # else the whole question ("…跳槽去了死对头那边,他去的是哪家?").
        asked = self.matcher.analyse(matching_key(last))
        if not asked.tokens:
            asked = whole
        asked = replace(asked, entities=tuple(dict.fromkeys((described[0], *asked.entities))))
        ranked = self.matcher.rank(asked)
        return ranked if self.matcher.accepts(ranked) else []

    def _per_person(self, simplified: str, whole: QueryAnalysis) -> list[QueryAnalysis]:
        """A question asked of two or more people at once ("Weil和Narayanan之前分别在哪工作?",
        "穆拉蒂和McGrew谁在OpenAI待得更久?") as the same question about each: no one fact
        answers it, one fact per person does."""
        people = [e for e in whole.entities if self.base.entities[e].kind == "person"]
        if len(people) < 2 or not _EACH.search(simplified):
            return []
        others = tuple(e for e in whole.entities if e not in people)
        # "谁更久" asks which of them, not for someone else: each part asks its person's figure.
        intents = tuple(i for i in whole.intents if i != Intent.WHO)
        # The comparing words (相比, 更长) are no part of what either fact says.
        tokens = tuple(t for t in whole.tokens if not _COMPARING.fullmatch(t))
        if not tokens:  # "谁更高?": nothing left to ask of each
            return []
        return [
            replace(whole, entities=(person, *others), intents=intents, tokens=tokens) for person in people
        ]

    def _answer_parts(self, question: str, clauses: list[QueryAnalysis], script: Script) -> Reply | None:
        """A question of two parts ("openai一年收入多少 chatgpt占几成") answered part by part,
        when each part is a question of its own that a different fact answers surely enough."""
        if not clauses:
            return None
        tops: list[Candidate] = []
        for analysis in clauses:
            ranked = self.matcher.rank(analysis)
            if not self.matcher.accepts(ranked):
                return None
            if all(ranked[0].fact.id != t.fact.id for t in tops):
                tops.append(ranked[0])
        if len(tops) < 2:
            return None
        replies = [self._answer(question, top, script) for top in tops]
        return replace(
            replies[0],
            answer="\n".join(r.answer for r in replies),
            confidence=min(r.confidence for r in replies),
            sources=tuple(s for r in replies for s in r.sources),
            conflict=any(r.conflict for r in replies),
        )

    def _close_second(self, ranked: list[Candidate]) -> Fact | None:
        """The runner-up, when it is nearly as good as the best and says something else:
        for a question two facts answer about equally well, both are shown."""
        if len(ranked) < 2:
            return None
        top, second = ranked[0], ranked[1]
        if top.score - second.score > CLOSE_SECOND or second.fact.id in {
            f.id for f in self.base.conflicting(top.fact)
        }:
            return None
        # A letter mate (bot.engine.passages) is cited with the leader: one letter, one answer.
        if not self.matcher.passages.together(top.fact, second.fact) and not self.matcher.accepts(ranked[1:]):
            return None
        return second.fact

    def _answer(self, question: str, top: Candidate, script: Script, also: Fact | None = None) -> Reply:
        fact = top.fact
        earlier = None
        if fact.superseded_by is not None:  # a later report overtook this one: lead with it
            earlier, fact = fact, self.base.by_id[fact.superseded_by]
            also = None
        others = self.base.conflicting(fact)
        if others:
            group = [fact, *others]
            lines = [labels.CONFLICT]
            for item in group:
                meta = self.base.articles[item.sources[0].article].meta
                outlet = meta.shown_outlet(labels.OUTLET_UNKNOWN)
                lines.append(f"· {item.answer}({outlet},{meta.published.isoformat()})")
            text = "\n".join(lines)
            sources = tuple(self._source(c, script) for item in group for c in item.sources[:1])
        else:
            text = fact.answer
            sources = tuple(self._source(c, script) for c in fact.sources)
        if earlier is not None:
            meta = self.base.articles[earlier.sources[0].article].meta
            text += "\n" + labels.EARLIER.format(date=meta.published.isoformat()) + earlier.answer
            sources += tuple(self._source(c, script) for c in earlier.sources[:1])
        if also is not None:
            text += "\n" + labels.ALSO + also.answer
            sources += tuple(self._source(c, script) for c in also.sources[:1])
        return Reply(
            question=question,
            kind="answer",
            answer=self._in_script(text, script),
            script=script,
            confidence=min(1.0, top.score),
            fact_id=fact.id,
            sources=sources,
            conflict=bool(others),
        )

    @staticmethod
    def _asks_who_someone_is(analysis: QueryAnalysis) -> bool:
        """ "Helen Toner是谁?", "Who is Sam Altman": one name and nothing asked of it but
        who or what it is. The entity's profile answers that better than any single fact."""
        if len(analysis.entities) != 1:
            return False
        if not analysis.tokens and set(analysis.intents) <= {Intent.WHO, Intent.WHAT, Intent.HOW}:
            return True
        # By its shape: the name alone between a copula with its interrogative and fillers.
        shape = _PROFILE_SHAPE.fullmatch(analysis.residual.strip())
        return (
            shape is not None
            and (shape.group("named") or shape.group("named_en") or "").strip() == ENTITY_MARK
        )

    @staticmethod
    def _asks_someones_name(analysis: QueryAnalysis) -> bool:
        """ "Mark Chen的中文名字是什么?": one name, and nothing asked of it but its other names."""
        return (
            len(analysis.entities) == 1
            and any(_NAME_NOUN.search(token) for token in analysis.tokens)
            and all(_NAME_WORD.fullmatch(token) for token in analysis.tokens)
        )

    def _names_answer(self, question: str, entity: Entity, script: Script) -> Reply:
        """The names the articles write the entity with, cited where two of them stand together
        ("Mark Chen(陈信翰)")."""
        # Only names the articles use: the entity file also lists misspellings, to match them.
        if not self._articles_folded:
            self._articles_folded = to_simplified(
                "\n".join(a.text for a in self.base.articles.values())
            ).casefold()
        by_form = {to_simplified(n).casefold(): n for n in reversed(entity.all_names())}
        names = [n for form, n in reversed(by_form.items()) if form in self._articles_folded]
        text = labels.NAMES.format(name=entity.name_en or entity.name, names="、".join(names))
        both = [c for c in entity.sources if sum(n in c.quote for n in names) >= 2] or entity.sources
        return Reply(
            question=question,
            kind="answer",
            answer=self._in_script(text, script),
            script=script,
            confidence=0.9,
            fact_id=f"entity:{entity.id}",
            sources=tuple(self._source(c, script) for c in both[:1]),
        )

    def _profile_answer(self, question: str, entity: Entity, script: Script) -> Reply:
        return Reply(
            question=question,
            kind="answer",
            answer=self._in_script(entity.summary, script),
            script=script,
            confidence=0.9,
            fact_id=f"entity:{entity.id}",
            sources=tuple(self._source(c, script) for c in entity.sources),
        )

    def _reply(
        self,
        question: str,
        kind: ReplyKind,
        text: str,
        script: Script,
        confidence: float = 0.0,
        suggestions: list[str] | None = None,
        reason: str | None = None,
    ) -> Reply:
        return Reply(
            question=question,
            kind=kind,
            answer=self._in_script(text, script),
            script=script,
            confidence=max(0.0, confidence),
            suggestions=tuple(self._in_script(s, script) for s in suggestions or []),
            decline_reason=reason,
        )

    def _suggest(self, ranked: list[Candidate], entities: tuple[str, ...] = ()) -> list[str]:
        """Questions the bot can answer: near misses first, then facts about the named people."""
        pool: list[Fact] = [c.fact for c in ranked]
        for entity in entities:
            pool += self.base.by_entity.get(entity, [])[:5]
        pool += self._featured
        seen: set[str] = set()
        suggestions: list[str] = []
        for fact in pool:
            if fact.id in seen:
                continue
            seen.add(fact.id)
            suggestions.append(fact.questions[0])
            if len(suggestions) == MAX_SUGGESTIONS:
                break
        return suggestions

    def _in_script(self, text: str, script: Script) -> str:
        """Text of the fact base and labels in the reply's script. Every answer converts the same
        titles, outlets and quotes: bot.text remembers each conversion, the one cache of them."""
        return to_script(text, script, self.variant)
