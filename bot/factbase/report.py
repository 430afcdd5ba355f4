"""Counts and citation coverage of the fact base (`saga-bot facts report`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bot.factbase.cleaning import Sentence
from bot.factbase.loader import FactBase
from bot.text import CJK_RE

# A sentence shorter than this (in CJK characters) is a heading or an aside, not a statement.
STATEMENT_MIN_CJK = 8


@dataclass(frozen=True, slots=True)
class Coverage:
    cited: int
    total: int

    @property
    def share(self) -> float:
        return self.cited / self.total if self.total else 0.0


def is_statement(sentence: Sentence) -> bool:
    return len(CJK_RE.findall(sentence.text)) >= STATEMENT_MIN_CJK


def cited_sentences(base: FactBase) -> set[Sentence]:
    cited: set[Sentence] = set()
    citations = [c for f in base.facts for c in f.sources]
    citations += [c for e in base.entities.values() for c in e.sources]
    for citation in citations:
        article = base.articles[citation.article]
        start = article.text.find(citation.quote)
        cited.update(article.sentences_in(start, start + len(citation.quote)))
    return cited


def coverage(base: FactBase, *, statements_only: bool) -> dict[str, Coverage]:
    cited = cited_sentences(base)
    result: dict[str, Coverage] = {}
    for article in base.articles.values():
        pool = [s for s in article.sentences if is_statement(s) or not statements_only]
        result[article.id] = Coverage(sum(s in cited for s in pool), len(pool))
    return result


def uncited(base: FactBase) -> list[Sentence]:
    cited = cited_sentences(base)
    return [s for a in base.articles.values() for s in a.sentences if is_statement(s) and s not in cited]


def render_report(base: FactBase, *, show_uncited: bool = False) -> str:
    kinds = Counter(f.kind for f in base.facts)
    entity_kinds = Counter(e.kind for e in base.entities.values())
    conflicts = {f.conflict for f in base.facts if f.conflict}
    lines = [
        f"articles        {len(base.articles)}",
        f"entities        {len(base.entities)} "
        f"(people {entity_kinds['person']}, organisations {entity_kinds['org']}, "
        f"products {entity_kinds['product']})",
        f"aliases         {len(base.alias_index)}",
        f"facts           {len(base.facts)} "
        + "("
        + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()))
        + ")",
        f"dated events    {kinds['event']}",
        f"question forms  {sum(len(f.questions) for f in base.facts)}",
        f"conflicts       {len(conflicts)} ({', '.join(sorted(conflicts))})",
        "",
        "sentence coverage (share of cleaned sentences quoted by at least one record)",
        f"  {'article':8s} {'statements':>18s} {'all sentences':>18s}",
    ]
    statements = coverage(base, statements_only=True)
    everything = coverage(base, statements_only=False)
    for article_id in base.articles:
        s, a = statements[article_id], everything[article_id]
        lines.append(
            f"  {article_id:8s} {s.cited:4d}/{s.total:<4d} {s.share:6.1%}  {a.cited:4d}/{a.total:<4d} {a.share:6.1%}"
        )
    s_cited = sum(c.cited for c in statements.values())
    s_total = sum(c.total for c in statements.values())
    a_cited = sum(c.cited for c in everything.values())
    a_total = sum(c.total for c in everything.values())
    lines.append(
        f"  {'total':8s} {s_cited:4d}/{s_total:<4d} {s_cited / max(s_total, 1):6.1%}  "
        f"{a_cited:4d}/{a_total:<4d} {a_cited / max(a_total, 1):6.1%}"
    )
    if show_uncited:
        lines += ["", "uncited statements:"]
        lines += [f"  {s.article}@{s.offset}: {s.text}" for s in uncited(base)]
    return "\n".join(lines)
