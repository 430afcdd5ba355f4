"""Stage `entities`: who and what a question names, and how each was found.

Reads the question's matching key; assigns the entity ids in order, the key with their names
marked out (the residual), and how each was found (`FOUND_BY`): by an exact alias, a typo, a long
name less a character, by ear (toneless pinyin), or described by a title only one person held.

Exact aliases first (every name in both scripts, English, the transliterations users type), then,
in what they left, typos (rapidfuzz) and names heard (bot.engine.sound).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.engine.lexicon import CJK_STOP_RE, EN_GLOSSARY, EN_STOP, SYNONYMS
from bot.engine.rules import LazyPattern
from bot.engine.sound import sounds_alike, syllables
from bot.engine.stage import Stage
from bot.factbase.models import Entity
from bot.text import fold_name, nfkc, to_simplified

STAGE = Stage(
    "entities",
    "bot.engine.entities",
    requires=("question.key",),
    assigns=("question.entities", "question.residual", "question.found_by"),
    doc="exact alias, typo, by ear, described by a title -> entity ids, residual, how each was found",
)

# How an entity was found, for --explain and tests.
FOUND_BY = {
    "exact": "exact name",
    "typo": "a typo of a name",
    "shortened": "a long name less a character",
    "by_ear": "a name written by ear",
    "described": "described by a title",
}

CJK_CHAR = r"\u3400-\u9fff\uf900-\ufaff"
CJK_RUN = LazyPattern(rf"[{CJK_CHAR}]+")
IS_CJK = LazyPattern(rf"[{CJK_CHAR}]")
# Characters that join a name to the rest of a question (和, 跟, 对 …), never the start of one.
_JOINING_CHARS = frozenset("和跟与同及对给向把被从在是的说")
ENTITY_MARK = "\x00"
# What fold_name drops from names; skipped when looking names up in a question.
_NAME_SEPARATOR = LazyPattern(r"[\s·•‧・\-_.'’]")
LATIN_ALNUM = LazyPattern(r"[a-z0-9]")
LATIN_WORD = LazyPattern(r"[a-z][a-z0-9\-.]*[a-z0-9]")  # two or more characters, a letter first

# A role's title in the entity file, in its parts: "联合创始人兼总裁", "首席技术官(CTO)".
_TITLE_PARTS = LazyPattern(r"兼|、|,|，|/")
_TITLE_NOTE = LazyPattern(r"[(（][^)）]*[)）]")
_TITLE_ACRONYM = LazyPattern(r"(?<![a-z])([a-z]{3})(?![a-z])")  # cto, cfo, coo
_TITLE_QUALIFIER = LazyPattern(r"^(?:临时|代理|前任|前|新任|新)")
# Titles that name a post, not a kind of work: "研究科学家" or "高管" describes many people.
_EXECUTIVE_TITLE = LazyPattern(r"首席|总裁|主席|负责人|经理|^c[a-z]o$")

FUZZY_CJK_CUTOFF = 66
MAX_NAME_WINDOWS = 1000  # windows of a key the typo and by-ear name search compares, per analysis
SURNAME_CUTOFF = 55  # rapidfuzz ratio of a misspelt word to a name the question already names


def forms(word: str) -> frozenset[str]:
    """A word and its synonyms: what a fact may say in its place."""
    return frozenset((word, *SYNONYMS.get(word, ())))


def _inside_word(key: str, start: int, end: int) -> bool:
    """Whether key[start:end] begins or ends inside a longer Latin word or number."""
    before = start > 0 and LATIN_ALNUM.match(key[start]) and LATIN_ALNUM.match(key[start - 1])
    after = end < len(key) and LATIN_ALNUM.match(key[end - 1]) and LATIN_ALNUM.match(key[end])
    return bool(before or after)


@dataclass(slots=True)
class Found:
    """What the entities stage found in a key."""

    entities: list[str]  # ids, in the order the key names them
    residual: str  # the key with their names replaced by ENTITY_MARK
    found_by: dict[str, str]  # entity id -> a key of FOUND_BY


@dataclass(slots=True)
class EntityFinder:
    """The alias tables of a fact base's entities, and the search of a key for them.

    `home` is the organisation the story happens at (bot.factbase.domain): its titles describe
    people. `known` says whether the fact base uses a word (set once the index is built);
    `on_windows` counts the windows the typo search compares (Matcher.work)."""

    entities: dict[str, Entity]
    home: frozenset[str]
    known: Callable[[str], bool] = lambda _word: False
    on_windows: Callable[[int], None] = lambda _count: None
    alias_owner: dict[str, str] = field(init=False)
    _alias_lengths: dict[str, list[int]] = field(init=False)  # by first character, longest first
    latin_aliases: list[str] = field(init=False)
    _latin_by_initial: dict[str, list[str]] = field(init=False)  # Latin aliases by first letter
    _cjk_aliases: dict[int, list[str]] = field(init=False)
    _cjk_alias_chars: dict[int, frozenset[str]] = field(init=False)  # the characters of those names, by size
    # person aliases by size and first syllable: (pinyin, alias)
    _cjk_sounds: dict[tuple[int, str], list[tuple[tuple[str, ...], str]]] = field(init=False)
    _cjk_shortened: dict[str, str] = field(init=False)  # a person's long name less a character
    _cjk_shortened_sizes: list[int] = field(init=False)
    # Per size, a pattern that finds every start (overlapping) where a shortened form begins: the
    # regex engine scans the run, not a Python loop over every window.
    _cjk_shortened_starts: dict[int, re.Pattern[str]] = field(init=False)
    # Other names (of teams, companies, products) by size and first character: a typo keeps the first character, so only windows
    # starting with one are compared.
    _cjk_other_by_first: dict[int, dict[str, list[str]]] = field(init=False)
    # First syllables of person names by size: a window starting with none is not heard as one.
    _cjk_first_sounds: dict[int, frozenset[str]] = field(init=False)
    _title_holders: dict[str, str] = field(init=False)  # title token -> its one holder

    def __post_init__(self) -> None:
        owner: dict[str, str] = {}
        for entity in self.entities.values():
            for name in entity.all_names():
                folded = fold_name(name)
                if len(folded) >= 2 or IS_CJK.match(folded):
                    owner.setdefault(folded, entity.id)
        self.alias_owner = owner
        lengths: dict[str, set[int]] = defaultdict(set)
        for alias in owner:
            lengths[alias[0]].add(len(alias))
        self._alias_lengths = {ch: sorted(sizes, reverse=True) for ch, sizes in lengths.items()}
        self.latin_aliases = [a for a in owner if a.isascii() and len(a) >= 4]
        by_initial: dict[str, list[str]] = defaultdict(list)
        for alias in self.latin_aliases:
            by_initial[alias[0]].append(alias)
        self._latin_by_initial = dict(by_initial)
        cjk: dict[int, list[str]] = defaultdict(list)
        other: dict[int, list[str]] = defaultdict(list)
        for alias, entity_id in owner.items():
            if not all(IS_CJK.match(ch) for ch in alias):
                continue
            # Names of people are matched by similarity; other names only with one character
            # wrong in place ("超级对其" for 超级对齐): a window like "对齐团队现" is as
            # similar to the team name "超对齐团队" as a typo would be.
            if self.entities[entity_id].kind == "person":
                if len(alias) >= 3:
                    cjk[len(alias)].append(alias)
            elif len(alias) >= 4:
                other[len(alias)].append(alias)
        self._cjk_aliases = dict(cjk)
        self._cjk_alias_chars = {size: frozenset("".join(names)) for size, names in cjk.items()}
        sounds: dict[tuple[int, str], list[tuple[tuple[str, ...], str]]] = defaultdict(list)
        for names in cjk.values():
            for alias in names:
                heard = syllables(alias)
                sounds[len(alias), heard[0]].append((heard, alias))
        self._cjk_sounds = dict(sounds)
        self._cjk_first_sounds = {
            size: frozenset(first for sound_size, first in sounds if sound_size == size) for size in cjk
        }
        other_by_first: dict[int, dict[str, list[str]]] = {}
        for size, names in other.items():
            firsts: dict[str, list[str]] = defaultdict(list)
            for name in names:
                firsts[name[0]].append(name)  # in the order of `names`: the first hit wins
            other_by_first[size] = dict(firsts)
        self._cjk_other_by_first = other_by_first
        # A long name with one inner character left out (奥尔曼 for 奥尔特曼, 苏克维 for
        # 苏茨克维); first and last characters stay, and a form two people share names neither.
        shortened: dict[str, set[str]] = defaultdict(set)
        for alias in (a for aliases in cjk.values() for a in aliases if len(a) >= 4):
            for i in range(1, len(alias) - 1):
                shortened[alias[:i] + alias[i + 1 :]].add(owner[alias])
        self._cjk_shortened = {
            form: next(iter(owners))
            for form, owners in shortened.items()
            if len(owners) == 1 and form not in owner and not CJK_STOP_RE.search(form)
        }
        self._cjk_shortened_sizes = sorted({len(form) for form in self._cjk_shortened}, reverse=True)
        self._cjk_shortened_starts = {
            size: re.compile(
                "(?=({}))".format("|".join(re.escape(f) for f in self._cjk_shortened if len(f) == size))
            )
            for size in self._cjk_shortened_sizes
        }
        self._title_holders = title_holders(self.entities.values(), self.home)

    # -- exact ------------------------------------------------------------------------------

    def find(self, key: str, *, fuzzy: bool = True) -> Found:
        """Entity ids named in `key` (in order) and the key with those names marked out.

        Longest alias first at each position, looked up by dictionary in a copy of the key
        without separators (so "山姆·奥特曼" and "sam altman" match their folded aliases);
        a Latin alias must not be part of a longer word ("jan" is not in "january").
        """
        positions: Sequence[int]
        if _NAME_SEPARATOR.search(key) is None:  # most keys: nothing to take out
            positions, compact = range(len(key)), key
        else:
            positions = [i for i, ch in enumerate(key) if not _NAME_SEPARATOR.match(ch)]
            compact = "".join(key[i] for i in positions)
        found: list[str] = []
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(compact):
            for length in self._alias_lengths.get(compact[i], ()):
                if i + length > len(compact):
                    continue
                entity_id = self.alias_owner.get(compact[i : i + length])
                if entity_id is None:
                    continue
                start, end = positions[i], positions[i + length - 1] + 1
                if _inside_word(key, start, end):
                    continue
                if entity_id not in found:
                    found.append(entity_id)
                spans.append((start, end))
                i += length
                break
            else:
                i += 1
        pieces: list[str] = []
        last = 0
        for start, end in spans:
            pieces += [key[last:start], ENTITY_MARK]
            last = end
        residual = "".join(pieces) + key[last:]
        found_by = dict.fromkeys(found, "exact")
        if fuzzy:
            near, residual = self._find_fuzzy(residual)
            for entity_id, how in near.items():
                if entity_id not in found_by:
                    found.append(entity_id)
                    found_by[entity_id] = how
            residual = self._absorb_misspelt_parts(found, residual)
        return Found(found, residual, found_by)

    # -- typos and names by ear -------------------------------------------------------------

    def _absorb_misspelt_parts(self, found: list[str], residual: str) -> str:
        """A short misspelt word next to a name already found is part of it: in "barret zof"
        Barret names Zoph, and "zof" is his surname misspelt, not an unknown topic."""
        if not found:
            return residual
        own = [a for a in self.latin_aliases if self.alias_owner[a] in found]
        for word in set(LATIN_WORD.findall(residual)):
            if len(word) < 3 or word in EN_STOP or word in EN_GLOSSARY or self.known(word):
                continue
            if process.extractOne(word, own, scorer=fuzz.ratio, score_cutoff=SURNAME_CUTOFF):
                residual = re.sub(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", ENTITY_MARK, residual)
        return residual

    def _find_fuzzy(self, key: str) -> tuple[dict[str, str], str]:
        """Typos in names ('Sutskevr', '穆拉提') in what exact aliases left of the key:
        {entity id: how found}, in the order found, and the key with them marked out."""
        found: dict[str, str] = {}
        residual = key
        # In a Chinese question a Latin word is a name, so a four-letter one may be a typo too
        # ("Ilia"); in English, four letters are too often a word a letter from a name.
        shortest = 4 if IS_CJK.search(key) else 5
        for word in set(LATIN_WORD.findall(key)):
            if len(word) < shortest or word in EN_STOP or word in EN_GLOSSARY:
                continue
            # An edit or two, not a similar-looking word: "sutskevr" is Sutskever, "share" is not
            # Shear. OSA counts a swap of neighbours ("chatgtp") as one edit. A typo keeps the
            # first letter: "night" is not Knight.
            near = process.extractOne(
                word,
                self._latin_by_initial.get(word[0], []),
                scorer=OSA.distance,
                score_cutoff=1 if len(word) < 8 else 2,
            )
            if near:
                found.setdefault(self.alias_owner[near[0]], "typo")
                residual = residual.replace(word, ENTITY_MARK)
        residual = self._find_fuzzy_cjk(residual, found)
        return found, residual

    def _find_fuzzy_cjk(self, residual: str, found: dict[str, str]) -> str:
        """Shortened, misspelt and heard names in the Chinese runs of `residual`, added to
        `found`; the residual with them marked out."""
        # Every window below is counted against one budget: past it, the rest of a long
        # message is not searched for misspelt names. The windows are reported once, at the end:
        # min(all asked for, the budget) is what reporting each spend as it came added up to.
        asked_for = 0

        def spend(windows: int) -> bool:
            nonlocal asked_for
            asked_for += max(windows, 0)
            return asked_for <= MAX_NAME_WINDOWS

        try:
            return self._search_cjk_runs(residual, found, spend)
        finally:
            self.on_windows(min(asked_for, MAX_NAME_WINDOWS))

    def _search_cjk_runs(self, residual: str, found: dict[str, str], spend: Callable[[int], bool]) -> str:
        for run in CJK_RUN.findall(residual):
            for size in self._cjk_shortened_sizes:
                if not spend(len(run) - size + 1):
                    return residual
                # Every window that is a shortened form, in order of its start (same-size forms:
                # at most one matches at a start).
                for match in self._cjk_shortened_starts[size].finditer(run):
                    window = match.group(1)
                    if window in residual:
                        found.setdefault(self._cjk_shortened[window], "shortened")
                        residual = residual.replace(window, ENTITY_MARK)
        for run in CJK_RUN.findall(residual):
            for size, by_first in self._cjk_other_by_first.items():
                if not spend(len(run) - size + 1):
                    return residual
                for start in range(len(run) - size + 1):
                    # The first character must match: "以后对齐团队" holds "后对齐团队", one
                    # character from 超对齐团队 but not a typo of it.
                    names = by_first.get(run[start])
                    if names is None:
                        continue
                    window = run[start : start + size]
                    for name in names:
                        if sum(a != b for a, b in zip(window, name, strict=True)) == 1:
                            found.setdefault(self.alias_owner[name], "typo")
                            residual = residual.replace(window, ENTITY_MARK)
                            break
            # Characters a longer name took are not read again (奥尔德曼 is not also 舒尔曼 in
            # 尔德曼), and no name starts with a joining character ("和舒尔" is not 舒尔曼).
            taken = [False] * len(run)
            run_sounds = syllables(run)
            # Once a run, not once a window (names are 3 characters or longer): which pairs of
            # characters are a function word.
            stop_pair = [CJK_STOP_RE.fullmatch(run[i : i + 2]) is not None for i in range(len(run) - 1)]
            for size in sorted(self._cjk_aliases, reverse=True):
                if not spend(len(run) - size + 1):
                    return residual
                near_a_name = self.windows_near_a_name(run, size)
                first_sounds = self._cjk_first_sounds[size]
                # Only windows near a name in writing or starting with a name's first syllable can
                # be one: the others would find no hit below.
                for start in [
                    start
                    for start, near in enumerate(near_a_name)
                    if near or run_sounds[start] in first_sounds
                ]:
                    window = run[start : start + size]
                    if any(taken[start : start + size]) or window[0] in _JOINING_CHARS:
                        continue
                    if stop_pair[start] or stop_pair[start + size - 2]:
                        continue
                    how = "typo"
                    hits = (
                        process.extract(
                            window,
                            self._cjk_aliases[size],
                            scorer=fuzz.ratio,
                            score_cutoff=FUZZY_CJK_CUTOFF,
                            limit=None,
                        )
                        if near_a_name[start]
                        else []
                    )
                    if not hits:
                        # Heard, not misspelt: 艾美特希尔 is 埃米特希尔 in pinyin but for a letter.
                        heard = run_sounds[start : start + size]
                        same_start = self._cjk_sounds.get((size, heard[0]), [])
                        alike = [alias for name, alias in same_start if sounds_alike(heard, name)]
                        if len({self.alias_owner[a] for a in alike}) != 1:
                            continue
                        hits = [(alike[0], 100.0, 0)]
                        how = "by_ear"
                    # Equal scores are common in three-character names ("马期克" is as near
                    # 马斯克 as 马克陈 by ratio): a typo keeps the other characters in place.
                    alias = max(
                        hits, key=lambda h: (h[1], sum(a == b for a, b in zip(window, h[0], strict=True)))
                    )[0]
                    if self.alias_owner[alias] not in found:
                        found[self.alias_owner[alias]] = how
                        residual = residual.replace(window, ENTITY_MARK)
                        taken[start : start + size] = [True] * size
        return residual

    def may_be_near_a_name(self, window: str) -> bool:
        """Whether a window could be a typo of a person's name as long as it. For names of its
        length, rapidfuzz's ratio is the share of the window's characters a name keeps in order:
        a window with too few characters of any such name cannot reach the cutoff, and is not
        compared name by name."""
        chars = self._cjk_alias_chars.get(len(window), frozenset())
        return sum(ch in chars for ch in window) * 100 >= FUZZY_CJK_CUTOFF * len(window)

    def windows_near_a_name(self, run: str, size: int) -> list[bool]:
        """may_be_near_a_name of each window of `size` characters in `run`, by start: counted
        once for the run (running counts of characters in names), not once a window."""
        name_chars = self._cjk_alias_chars.get(size, frozenset())
        in_names = list(accumulate(map(name_chars.__contains__, run), initial=0))
        least = FUZZY_CJK_CUTOFF * size
        # in_names[start + size] - in_names[start]: the window's characters in names (the last
        # `size` counts start no window, hence not strict)
        return [(end - start) * 100 >= least for start, end in zip(in_names, in_names[size:], strict=False)]

    # -- described by a title ---------------------------------------------------------------

    def described_person(self, tokens: Sequence[str]) -> tuple[str, str] | None:
        """(the person a title in the question describes, that title's token), if exactly one:
        "那位前CTO" is Murati."""
        found: dict[str, str] = {}
        for token in tokens:
            for form in (token, *SYNONYMS.get(token, ())):
                person = self._title_holders.get(form)
                if person is not None:
                    found.setdefault(person, token)
                    break
        if len(found) != 1:
            return None
        ((person, token),) = found.items()
        return person, token


def title_holders(entities: Iterable[Entity], home: frozenset[str]) -> dict[str, str]:
    """Titles at the home organisation that one person alone held in the articles, as content
    tokens: 首席技术官 and cto are Murati, 首席财务官 Friar. A title several people held (CEO,
    首席科学家, 联合创始人) describes no one."""
    holders: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        if entity.kind != "person":
            continue
        for role in entity.roles:
            if role.org not in home:
                continue
            title = to_simplified(nfkc(role.title)).casefold()
            acronyms = _TITLE_ACRONYM.findall(title)
            for part in (*_TITLE_PARTS.split(_TITLE_NOTE.sub("", title)), *acronyms):
                part = _TITLE_QUALIFIER.sub("", part.strip())
                if _EXECUTIVE_TITLE.search(part):
                    holders[part].add(entity.id)
    # A title and its synonyms are one post: CEO and 首席执行官 were held by three people.
    merged = {title: set().union(*(holders.get(form, set()) for form in forms(title))) for title in holders}
    return {title: next(iter(people)) for title, people in merged.items() if len(people) == 1}
