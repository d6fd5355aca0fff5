"""A person's gender across a release (GN003): later honorifics and titles agree with the first.

A corpus rule: each unit gives facts, one per name word of each person it mentions (the words
after a gendered honorific — capitalized words in English, up to three words before punctuation
or a particle in Arabic — and the words of a termbase person), keyed by the file, the language
and the folded word.  The first unit of a file that mentions the person with a gender introduces
them: the honorific's gender (on the target, the gender of the source honorific it renders), or
the termbase's gender for a termbase person.  A later honorific or gendered title (a termbase
post form next to the name) of another gender is a finding.  Titles alone never introduce anyone.
A unit whose honorific already disagrees with its own title or source (GN001, GN002) is left to
those rules: one slip, one finding.  A target's title beside a name is the name's only when the
source, if it gives that title, puts it beside a name too (:func:`apposition.apposed_in_source`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from dataclasses import replace

from ..model import Finding
from ..termbase.derived import register
from ..termbase.model import Gender, Term, Termbase
from ..termbase.validate import fold as word_key
from ..text.arabic import attach_clitics, gendered
from .apposition import AR_NAME_WORD, EN_NAME, appoints, apposed_in_source, name_before, unknown_word
from .base import CorpusRule, Fact, SideView, UnitContext
from .honorific_scan import Honorific, honorifics
from .policy import is_person

#: Particles and speech verbs that end a name after an honorific.
_AR_STOP = frozenset(
    (
        "إن", "أن", "أنه", "في", "على", "من", "إلى", "عن", "مع", "خلال", "الذي", "التي",
        "الذين", "قال", "قالت", "وقال", "وقالت", "أمام", "بعد", "قبل", "حيث", "كما", "لدى", "و",
        "أو", "ثم", "بين", "عند", "منذ", "حول", "ضد", "كل", "هذا", "هذه", "ذلك", "تلك",
    )
)
_MAX_WORDS = {"en": 5, "ar": 6}
#: Name words shared by many families (آل ثاني، بن سيف، Al-…): part of a name, never its key.
_NOT_KEYS = frozenset(
    (
        "آل", "بن", "بنت", "ابن", "أبو", "عبد",
        "al", "el", "bin", "bint", "abu", "abdel", "abdul", "de", "van", "von",
    )
)
_GENDERS = (Gender.MASCULINE, Gender.FEMININE)
_SEP = "\0"


def _words_after(
    view: SideView,
    at: int,
    stops: set[int],
    ends: frozenset[int] = frozenset(),
    titles: frozenset[str] = frozenset(),
) -> list[tuple[int, int]]:
    """The name words right after offset ``at`` (spans), as the module docstring says."""
    text, out = view.text, list[tuple[int, int]]()
    pos = at
    limit = _MAX_WORDS["ar" if view.lang == "ar" else "en"]
    pattern = AR_NAME_WORD if view.lang == "ar" else EN_NAME
    while len(out) < limit:
        gap = re.match(r"[ \u00a0]+", text[pos:])
        start = pos + (gap.end() if gap else 0)
        if out and not gap:
            break
        if start in stops:
            break  # a termbase term that is not a person (a title) ends the name
        m = pattern.match(text, start)
        if m is None:
            break
        word = m.group().removesuffix("'s").removesuffix("’s").rstrip(".")
        if view.lang == "ar" and (word in _AR_STOP or (out and word.startswith(("ال", "لل")))):
            break  # a particle, or a definite noun after the name (السيد X الاجتماع)
        if out and word.rstrip("\u064b") in titles:
            break  # a title in the accusative after the name (عينت السيد X منسقا لفريق الخبراء)
        out.append((m.start(), m.start() + len(word)))
        pos = m.end()
        if pos in ends:
            break  # a termbase person's name ends here
    return out


def _accusative_titles(ctx: UnitContext, lang: str) -> frozenset[str]:
    """The Arabic titles' first words in the indefinite accusative (``منسقا``, ``منسقة``, ``ممثلا``):
    after a name they are what the person is appointed as, not more of the name."""
    if lang != "ar":
        return frozenset()
    return ctx.termbase.derived("accusative-titles", _build_accusative_titles)


@register("accusative-titles")
def _build_accusative_titles(termbase: Termbase) -> frozenset[str]:
    out: set[str] = set()
    for concept in termbase:
        if concept.domain != "posts":
            continue
        for term in concept.terms_in("ar"):
            first = term.text.split()[0].removeprefix("ال") if term.text.strip() else ""
            if len(first) < 3:
                continue
            out.add(first if first.endswith("ة") else first + "ا")
    return frozenset(out)


def _disagrees_here(ctx: UnitContext, view: SideView, h: Honorific, i: int) -> bool:
    """GN001's or GN002's case: the honorific disagrees with a gendered term after it in its unit,
    or (on the target) with the source honorific it renders."""
    hons = honorifics(view)
    limit = min(hons[i + 1].start if i + 1 < len(hons) else len(view.text), h.end + 90)
    for m in view.matches:
        if h.end <= m.start < limit and m.term.gender in _GENDERS:
            return m.term.gender is not h.gender
    return False


def _source_gender(ctx: UnitContext, view: SideView, i: int) -> Gender | None:
    """On the target, the gender of the source honorific the ``i``-th one renders (GN002's pairing)."""
    if view.side != "target":
        return None
    src, tgt = honorifics(ctx.source), honorifics(view)
    return src[i].gender if len(src) == len(tgt) else None


class PersonGenderAcrossUnits(CorpusRule):
    """A later mention of a person with another gender than the unit that introduced them.

    What it catches:
        Once a unit introduces a person with a gender (``Ms. Violanda Botet`` /
        ``السيدة فيوليندا بوتيت``, or a person the termbase knows), a later unit of the
        same file whose honorific (``السيد بوتيت``) or title next to the name
        (``نائب المدير التنفيذي بوتيت``) has the other gender.  People are recognized by
        their name words after an honorific and by termbase person entries.  A warning;
        an error when the termbase gives the person's gender.  Not a title that the
        Arabic puts beside a name where the source keeps them apart ("the
        Secretary-General's appointment of Bachelet" = ``تعيين الأمين العام باشيليت``), nor,
        in Arabic alone, a title right after a word of appointing (``تعيين``, ``عيّن``):
        it names who appoints.
    Why it matters:
        Revisers check gender agreement unit by unit; a slip three paragraphs after the
        introduction (``وأضاف السيد بوتيت``) is what they miss, and it changes who is
        speaking.
    Example:
        en: Ms. Violanda Botet opened the meeting. … Ms. Botet added that …
        ar: افتتحت السيدة فيوليندا بوتيت الاجتماع. … وأضاف السيد بوتيت أن …
    Use instead:
        ar: … وأضافت السيدة بوتيت أن …
    Suppress:
        `--ignore GN003`, or a baseline entry; two different people sharing a surname in one
        file are the rule's known false alarm.
    """

    code = "GN003"
    name = "person-gender-across-units"
    category = "gender"
    severity = "warning"
    #: pre-filter (checks.prefilter): a fact per gendered match or honorific
    needs = ("match:gendered|honorific",)
    scope = "corpus"

    def collect(self, ctx: UnitContext) -> Iterable[Fact]:
        for view in ctx.sides:
            yield from self._collect(ctx, view)

    def _collect(self, ctx: UnitContext, view: SideView) -> Iterator[Fact]:
        termbase = ctx.termbase
        people = [m for m in view.matches if m.term.gender in _GENDERS and is_person(termbase, m.concept_id)]
        stops = {m.start for m in view.matches if not is_person(termbase, m.concept_id)}
        ends = frozenset(m.end for m in people)
        for m in people:  # a termbase person introduces (and is) a gender
            gender = m.term.gender
            assert gender is not None
            finding = self._finding(ctx, view, m.start, m.end, m.concept_id)
            keys = _keys(view, _tokens(view, m.start, m.end))
            for s, e in keys:
                yield self._fact(view, ctx, s, e, gender, gender, "person", finding, "", "", keys)
        for i, h in enumerate(honorifics(view)):
            if h.gender not in _GENDERS or _disagrees_here(ctx, view, h, i):
                continue
            authority = _source_gender(ctx, view, i) or h.gender
            if view.side == "target" and authority is not h.gender:
                continue  # GN002 reports it
            words = _words_after(view, h.end, stops, ends, _accusative_titles(ctx, view.lang))
            if not words:
                continue
            finding = self._finding(ctx, view, h.start, h.end, None)
            fem, masc = _honorific_forms(view, h)
            keys = _keys(view, words)
            for s, e in keys:
                yield self._fact(view, ctx, s, e, h.gender, authority, "honorific", finding, fem, masc, keys)
        hons = honorifics(view)
        for m in view.matches:  # gendered titles next to a name: checked, never introducing
            if m.term.gender not in _GENDERS or is_person(ctx.termbase, m.concept_id):
                continue
            before = [h for h in hons if h.start < m.end and m.start - h.end < 90]
            if before and (before[-1].end > m.start or before[-1].gender is not m.term.gender):
                continue  # the honorific itself (a termbase term too), or GN001's case
            concept = ctx.termbase.get(m.concept_id)
            if concept is None or not apposed_in_source(ctx, view, m.concept_id) or appoints(view, m.start):
                continue
            # "Name، Title" is apposition; "Name، وTitle …" opens the next item of a list, whose
            # person follows (كلاوديو كوردوني، ورئيسة مكتب … ناتالي فوستيه)
            before_name = [] if m.clitics.startswith("و") else name_before(view, m.start, unknown_word(ctx))
            words = _words_after(view, m.end, stops)[:1] or before_name
            if not words:
                continue
            fem, masc = (_title_form(concept.preferred(view.lang, g), g, m.clitics) for g in _GENDERS[::-1])
            finding = self._finding(ctx, view, m.start, m.end, m.concept_id)
            gender = m.term.gender
            assert gender is not None
            keys = _keys(view, words)
            for s, e in keys:
                yield self._fact(view, ctx, s, e, gender, gender, "title", finding, fem, masc, keys)

    def _finding(
        self, ctx: UnitContext, view: SideView, start: int, end: int, concept: str | None
    ) -> Finding:
        """The span a later fact would report (a corpus rule's finding: no fingerprint, like CO*'s,
        since a baseline filters unit findings only)."""
        return self.finding(ctx, view, start, end, "", concept=concept)

    def _fact(
        self,
        view: SideView,
        ctx: UnitContext,
        start: int,
        end: int,
        actual: Gender,
        authority: Gender,
        kind: str,
        finding: Finding,
        fem: str,
        masc: str,
        name: list[tuple[int, int]],
    ) -> Fact:
        group = _SEP.join((view.file, view.lang, word_key(view.text[start:end])))
        words = " ".join(word_key(view.text[s:e]) for s, e in name)
        key = (group, actual.value, authority.value, kind, fem, masc, ctx.segment.unit, words)
        return Fact(view.file, ctx.segment.index, key, finding)

    def conclude(self, facts: Collection[Fact]) -> Iterable[Finding]:
        groups: dict[str, list[Fact]] = defaultdict(list)
        for fact in facts:
            groups[fact.key[0]].append(fact)
        reported: set[tuple[str, str, str, int, int]] = set()
        for group in groups.values():
            if len({f.key[1] for f in group}) < 2:
                continue
            group.sort(key=lambda f: f.index)
            word = group[0].key[0].rsplit(_SEP, 1)[1]
            # who can introduce a person: a termbase person or an honorific, the first of each name
            # and gender (two people may share a name word: only a mention that can be the same
            # person as its introducer is held to them, :func:`_same_person`)
            intros: dict[tuple[str, str], Fact] = {}
            for candidate in group:
                if candidate.key[3] in ("person", "honorific"):
                    intros.setdefault((candidate.key[7], candidate.key[2]), candidate)
            for fact in group:
                if fact.key[3] == "person":
                    continue  # a termbase person's own name is that person: never a slip
                same = [i for i in intros.values() if _same_person(i, fact, word)]
                earlier = [i for i in same if i.index < fact.index]
                if not earlier:
                    continue  # the introduction itself
                intro = min(earlier, key=lambda i: i.index)
                people = [i for i in same if i.key[3] == "person"]
                if len({i.key[2] for i in people or earlier}) > 1:
                    continue  # two people of both genders it can name
                # a termbase person in the file is the authority wherever it is first mentioned
                known = min(people, key=lambda i: i.index) if people else None
                gender = (known or intro).key[2]
                if fact.key[1] == gender:
                    continue
                f = fact.finding
                where = (f.file, f.unit, f.side, f.start, f.end)
                if where in reported:
                    continue
                reported.add(where)
                yield self._report(fact, intro, known, gender)

    def _report(self, fact: Fact, intro: Fact, known: Fact | None, gender: str) -> Finding:
        f = fact.finding
        first = intro.finding
        word = f.text
        how = (
            f"the termbase has {known.finding.concept} as {gender}"
            if known
            else (f"unit {first.unit} introduced them as {gender} ('{first.text}')")
        )
        suggestion = fact.key[4] if gender == Gender.FEMININE.value else fact.key[5]
        return replace(
            f,
            severity="error" if known else self.severity,
            message=f"'{word}' is {fact.key[1]}, but {how}",
            concept=(known.finding.concept if known else f.concept),
            suggestion=suggestion or None,
        )


def _keys(view: SideView, words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The name words that identify a person: three letters or more, no family particle."""
    return [(s, e) for s, e in words if e - s > 2 and view.text[s:e].casefold() not in _NOT_KEYS]


def _same_person(intro: Fact, mention: Fact, word: str) -> bool:
    """Could ``mention`` name the person ``intro`` introduced?  Both share the name word ``word``.

    Names are compared up to that word: after an honorific or a title the name's end is a guess
    (``السيد هيل تقاريره``), only a termbase person's is known.  The word ends both (a surname:
    ``Violanda Botet`` / ``Botet``) and the names before it, if both give some, share one — or the
    mention is that word alone and the introduction starts with it (a given name after a title).
    So ``أمينة محمد`` / ``موسى فقي محمد`` are two people, and so are ``Alya Ahmed Saif Al-Thani`` /
    ``Mr. Ahmed``: a word inside a name is neither its surname nor its given name.
    """
    x, y = intro.key[7].split(), mention.key[7].split()
    if word not in x or word not in y:
        return False
    y = y[: y.index(word) + 1]
    if intro.key[3] != "person":
        x = x[: x.index(word) + 1]
    if x[-1] == word:
        return not (x[:-1] and y[:-1] and set(x[:-1]).isdisjoint(y[:-1]))
    return x[0] == word and len(y) == 1


def _tokens(view: SideView, start: int, end: int) -> list[tuple[int, int]]:
    pattern = AR_NAME_WORD if view.lang == "ar" else re.compile(r"\w[\w'’-]*")
    return [(m.start(), m.end()) for m in pattern.finditer(view.text, start, end)]


def _title_form(term: Term | None, gender: Gender, clitics: str) -> str:
    """A title's form of ``gender`` with the proclitics of the one written, or '' when none."""
    return attach_clitics(clitics, term.text) if term is not None and term.gender is gender else ""


def _honorific_forms(view: SideView, h: Honorific) -> tuple[str, str]:
    """The feminine and masculine forms of an honorific as written (with its proclitics)."""
    if view.lang == "ar":
        return h.clitics + gendered(h.word, Gender.FEMININE), h.clitics + gendered(h.word, Gender.MASCULINE)
    return "Ms.", "Mr."
