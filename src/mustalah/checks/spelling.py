"""Spelling: curated real-word confusions (always) and Hunspell (when installed).

Most typos in UN Arabic are real words (``حفلة`` for ``حلقة``, ``سنتسمم`` for
``ستسهم``) that a dictionary passes; the matcher finds them through a curated
confusion list (``data/confusions.yaml``) and hands them over as
``NearMiss(kind="confusion")``.  Hunspell (libhunspell through pyhunspell, the
``spell`` extra, with Debian's ``hunspell-ar`` and ``hunspell-en-gb``) catches the
non-words, with a project word list built from every token of every termbase term
so official names and acronyms are not flagged.  When the binding or a dictionary
is missing the Hunspell rule is skipped with one line on stderr — never a crash.
Hunspell's verdicts are kept on disk between runs (``checks/spellcache.py``).
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

from ..model import Finding
from ..termbase.derived import register
from ..termbase.model import Termbase
from ..text.english import SENTENCE_OPENERS
from ..text.transliteration import spells_a_name
from .base import Rule, SideView, UnitContext
from .sound_names import sound_spelt_names
from .spellcache import StoredVerdicts

DICT_DIRS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"), Path("/usr/local/share/hunspell"))
DICTIONARIES = {"ar": "ar", "en": "en_GB"}
#: An Arabic word with its vowel marks (harakat U+064B–0652 inside it do not split it); the marks
#: are dropped before the dictionary sees it.  The Persian kaf and yeh (ک ی, U+06A9, U+06CC) that
#: keyboards slip into Arabic are letters of the word (``المقیم`` is one word the dictionary lacks,
#: not ``المق`` and ``م``).
AR_WORD = re.compile(r"[\u0621-\u0652\u0670\u0671\u06a9\u06cc]+")
#: Vowel marks and tatweel (``الـ 15``, ``فـي``: IN004 reports the stretching, not this rule).
_AR_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
#: Drops the vowel marks and tatweel (``str.translate``), as the dictionary wants its words.
UNMARK = str.maketrans("", "", "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640")
_EN_TOKEN = re.compile(r"(?<![\w@/.'’])[a-z][a-z]+(?:['’-][a-z]+)*(?![\w@/])")
_AR_PREFIXES = ("وال", "بال", "فال", "كال", "ولل", "لل", "ال", "و", "ف", "ب", "ل", "ك")
_warned: set[str] = set()


class ConfusedWord(Rule):
    """A real word confused with a UN word or idiom (curated list).

    What it catches:
        Known real-word errors a spell-checker passes: ``حفلة النقاش`` /
        ``حقلة النقاش`` for ``حلقة النقاش``, ``سنتسمم`` for ``ستسهم``,
        ``بالإثابة`` for ``بالإنابة``, ``أمل أن`` for ``آمل أن`` at the start of a
        sentence, ``على أهل الاستعداد`` for ``على أهبة الاستعداد``.  The list is
        ``src/mustalah/data/confusions.yaml``.
    Why it matters:
        Each wrong form is a word ("party", "we will be poisoned"), so nothing
        but a reviser's eye — or this list — catches it, and it changes the
        meaning of the sentence.
    Example:
        en: The virtual discussion seeks to strengthen cooperation
        ar: تسعى حفلة النقاش الافتراضية إلى تعزيز التعاون
    Use instead:
        ar: تسعى حلقة النقاش الافتراضية إلى تعزيز التعاون
    Suppress:
        `mustalah: ignore SP001` in the unit's note.
    """

    code = "SP001"
    name = "confused-word"
    category = "spelling"
    severity = "warning"
    #: pre-filter (checks.prefilter): every finding is a curated confusion
    needs = ("near:confusion",)
    #: a confusion inside a deprecated form or a near miss of a name: the term rule says it
    yields_to = ("TM002", "TM006")

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            for nm in view.near_misses:
                if nm.kind != "confusion":
                    continue
                note = f": {nm.note}" if nm.note else ""
                yield self.finding(
                    ctx,
                    view,
                    nm.start,
                    nm.end,
                    f"'{nm.surface}' is probably '{nm.expected}'{note}",
                    concept=nm.concepts[0] if nm.concepts else None,
                    suggestion=nm.clitics + nm.expected
                    if nm.clitics and not nm.expected.startswith(nm.clitics)
                    else nm.expected,
                )


def _find_dictionary(name: str) -> tuple[str, str] | None:
    for d in DICT_DIRS:
        dic, aff = d / f"{name}.dic", d / f"{name}.aff"
        if dic.is_file() and aff.is_file():
            return str(dic), str(aff)
    return None


def _skip(reason: str) -> None:
    """One stderr line per process, whatever is missing."""
    if not _warned:
        _warned.add(reason)
        print(f"mustalah: SP002 spelling skipped: {reason}", file=sys.stderr)


@functools.lru_cache(maxsize=4)
def _speller(lang: str) -> StoredVerdicts | None:
    """Hunspell's verdicts for ``lang`` (one store per process; Hunspell itself is loaded only
    for words the disk store has not seen), or None with one stderr line."""
    try:
        import hunspell  # noqa: F401 — only whether the binding is there; loaded on first unknown word
    except ImportError:
        _skip("the Hunspell binding is not installed (pip install 'mustalah[spell]', needs libhunspell-dev)")
        return None
    paths = _find_dictionary(DICTIONARIES[lang])
    if paths is None:
        _skip(f"no {DICTIONARIES[lang]} Hunspell dictionary (apt-get install hunspell-ar hunspell-en-gb)")
        return None
    store = StoredVerdicts(lang, *paths)
    _STORES.append(store)
    return store


_STORES: list[StoredVerdicts] = []


def spelling_available(lang: str) -> bool:
    return lang in DICTIONARIES and _speller(lang) is not None


def dictionary_word(word: str, lang: str) -> bool | None:
    """Whether Hunspell's ``lang`` dictionary has ``word`` (None when it cannot tell)."""
    speller = _speller(lang) if lang in DICTIONARIES else None
    return None if speller is None else speller.spell(word)


#: Per language, the words already judged: (known, misspelled).
_Verdicts = dict[str, tuple[set[str], set[str]]]
_WORDLISTS: dict[int, tuple[Termbase, frozenset[str], _Verdicts]] = {}
#: Words judged per language before the memo is reset (bounds memory on huge corpora).
_VERDICTS_MAX = 500_000


@register("spelling-words")
def termbase_words(termbase: Termbase) -> frozenset[str]:
    """Every token of every term and form (stored with the compiled index cache)."""
    words: set[str] = set()
    for concept in termbase.concepts:
        for term in concept.terms:
            for text in (term.text, *term.forms):
                words.update(re.findall(r"[\w'’-]+", text))
    return frozenset(words)


def _wordlist(termbase: Termbase) -> tuple[frozenset[str], _Verdicts]:
    """The project word list and its memo of verdicts per language."""
    cached = _WORDLISTS.get(id(termbase))
    if cached is not None and cached[0] is termbase:
        return cached[1], cached[2]
    words = set(termbase.derived("spelling-words", termbase_words))
    extra = resources.files("mustalah.data").joinpath("spelling-words.txt").read_text(encoding="utf-8")
    words.update(ln.strip() for ln in extra.splitlines() if ln.strip() and not ln.startswith("#"))
    frozen = frozenset(words)
    verdicts: _Verdicts = {}
    _WORDLISTS[id(termbase)] = (termbase, frozen, verdicts)
    return frozen, verdicts


def arabic_word_known(word: str, termbase: Termbase, speller: StoredVerdicts) -> bool:
    """Whether the Arabic ``word`` (vowel marks dropped) is a word: the project word list or
    Hunspell, with SP002's memo of verdicts (SP005 asks about the words SP002 has judged)."""
    words, verdicts = _wordlist(termbase)
    known, misspelled = verdicts.setdefault("ar", (set(), set()))
    if word in known:
        return True
    if word in misspelled:
        return False
    ok = len(word) < 3 or _known(word, "ar", words) or speller.spell(word)
    (known if ok else misspelled).add(word)
    return ok


def arabic_words(ctx: UnitContext) -> Iterator[tuple[SideView, re.Match[str], str, Callable[[str], bool]]]:
    """Every Arabic word of the unit's Arabic sides: its view, its match, the word without vowel
    marks and the dictionary test (project words, then Hunspell); nothing when Hunspell is
    missing.  The hamza and final-letter rules (SP005, SP006) walk the words so."""
    views = [view for view in ctx.sides if view.lang == "ar"]
    speller = arabic_speller() if views else None
    if speller is None:
        return
    is_word = functools.partial(arabic_word_known, termbase=ctx.termbase, speller=speller)
    for view in views:
        for m in AR_WORD.finditer(view.text):
            yield view, m, m.group().translate(UNMARK), is_word


def read_as_a_name(ctx: UnitContext, view: SideView, word: str) -> bool:
    """Whether an Arabic word the dictionary lacks reads as a name: it spells a capitalized word
    of the other side, or, with no English beside it, where it stands says so (SP007, SP008)."""
    if spells_a_latin_name(ctx, view, word):
        return True
    speller = arabic_speller()
    return speller is not None and word in names_by_place(ctx, view, speller)


def spells_a_latin_name(ctx: UnitContext, view: SideView, word: str) -> bool:
    """Whether the Arabic ``word`` spells a capitalized word of the unit's other side (a name
    written by its sound, no slip)."""
    names = latin_names(ctx, view, openers=False)
    return bool(names) and spells_a_name(word, names)


def respell(token: str, seat: int, letter: str) -> str:
    """``token`` (vowel marks kept) with its ``seat``-th letter (marks not counted) replaced."""
    letters = -1
    for i, char in enumerate(token):
        if ord(char) not in UNMARK:
            letters += 1
            if letters == seat:
                return token[:i] + letter + token[i + 1 :]
    return token


def arabic_speller() -> StoredVerdicts | None:
    """Hunspell's Arabic verdicts, or None (one stderr line) when the dictionary is missing."""
    return _speller("ar")


def _known(word: str, lang: str, words: frozenset[str]) -> bool:
    if word in words or word.lower() in words or word.capitalize() in words:
        return True
    if lang == "ar":
        return any(
            word.startswith(p) and (word[len(p) :] in words or "ال" + word[len(p) :] in words)
            for p in _AR_PREFIXES
        )
    return False


class Misspelling(Rule):
    """A word Hunspell does not know (hunspell-ar, en_GB) and the termbase does not list.

    What it catches:
        Non-words in Arabic and lower-case English words, checked with libhunspell
        and Debian's ``hunspell-ar`` / ``hunspell-en-gb`` dictionaries.  Every token
        of every termbase term (names, acronyms) and ``data/spelling-words.txt``
        are accepted; capitalized English words (names) and all-caps acronyms are
        not checked, nor an Arabic word that spells a capitalized word of the English
        (``دارفور`` / Darfur: names are written by their sound,
        ``text/transliteration.py``).  With no English to compare, a word neither knows
        right after an honorific or a given name or beside another such word (``السيدة باتن``,
        ``هادي البحرة``, ``إرفيه لادسوس``) is read as a name, unless a hamza or its last letter makes it a
        known word (``الى``, ``البشريه``: ``checks/sound_names.py``).  Skipped, with one
        line on stderr, when the ``spell`` extra or the dictionaries are not installed.
    Why it matters:
        Non-word typos (``المثلثى``) are cheap to catch.  Most UN Arabic typos are
        real words, though — see SP001 — so this is a suggestion (info).
    Example:
        en: share best practices
        ar: تبادل الممارسات المثلثى
    Use instead:
        ar: تبادل الممارسات المثلى
    Suppress:
        `mustalah: ignore SP002` in the unit's note; add the word to the termbase
        (names), or list the project's words in `words = [...]` under
        `[tool.mustalah.rules.SP002]`.
    """

    code = "SP002"
    name = "misspelling"
    category = "spelling"
    severity = "info"
    #: a non-word that a term, confusion or vowel-mark rule already reports with its right form
    #: (or SP008, two words run together, or ST008: two month names so, ``أكتوبرتشرين``)
    yields_to = (
        "TM002", "TM003", "TM005", "TM006", "TM008", "SP001", "SP003", "SP005", "SP006", "SP007", "SP008",
        "ST008",
    )  # fmt: skip
    #: ``words = [...]`` in ``[tool.mustalah.rules.SP002]``: the project's own words (drug names,
    #: transliterated names) that neither the dictionary nor the termbase has.
    defaults: ClassVar[Mapping[str, Any]] = {"words": []}

    def __init__(self) -> None:
        self._words: tuple[object, frozenset[str]] | None = None

    def _project_words(self, ctx: UnitContext) -> frozenset[str]:
        listed = self.option(ctx, "words")
        if self._words is None or self._words[0] is not listed:
            bare = [str(w).translate(UNMARK) for w in listed or ()]
            self._words = (listed, frozenset(bare) | {w.lower() for w in bare})
        return self._words[1]

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            if view.lang not in DICTIONARIES:
                continue
            speller = _speller(view.lang)
            if speller is None:
                continue
            yield from self._check_view(ctx, view, speller)

    def finish(self) -> None:
        """Store the verdicts Hunspell gave in this task for the next run."""
        for store in _STORES:
            store.save()

    def _check_view(self, ctx: UnitContext, view: SideView, speller: StoredVerdicts) -> Iterable[Finding]:
        words, verdicts = _wordlist(ctx.termbase)
        lang = view.lang
        known, misspelled = verdicts.setdefault(lang, (set(), set()))
        pattern = AR_WORD if lang == "ar" else _EN_TOKEN
        text = view.text
        marked = lang == "ar" and _AR_MARKS.search(text) is not None
        found = pattern.findall(text)
        new = {w.translate(UNMARK) for w in found} if marked else set(found)
        new -= known
        if len(known) + len(misspelled) + len(new) > _VERDICTS_MAX:
            known.clear()
            misspelled.clear()
        for word in new - misspelled:  # one word-list look-up and one Hunspell call per distinct word
            if len(word) < (3 if lang == "ar" else 2) or _known(word, lang, words) or speller.spell(word):
                known.add(word)
            else:
                misspelled.add(word)
        if not new & misspelled:
            return  # the common case: every word is known, no need for positions
        project = self._project_words(ctx)
        names = latin_names(ctx, view)
        matches = list(pattern.finditer(text))
        sounded = names_by_place(ctx, view, speller) if lang == "ar" else frozenset()
        for m in matches:
            word = m.group()
            bare = word.translate(UNMARK) if marked else word
            if bare in misspelled and bare not in project and bare not in sounded:
                if names and spells_a_name(bare, names):
                    continue
                yield self.finding(ctx, view, m.start(), m.end(), f"'{word}' is not in the {lang} dictionary")


def names_by_place(ctx: UnitContext, view: SideView, speller: StoredVerdicts) -> frozenset[str]:
    """With no English names beside the Arabic ``view``, its unknown words that read as names by
    where they stand (``checks/sound_names.py``), bare; empty otherwise.  Read once per view (SP002
    and SP007 both ask)."""
    names: frozenset[str] | None = view.memo.get("names_by_place")
    if names is None:
        names = frozenset()
        if not latin_names(ctx, view):
            known = functools.partial(arabic_word_known, termbase=ctx.termbase, speller=speller)
            names = sound_spelt_names(
                view.text,
                list(AR_WORD.finditer(view.text)),
                lambda w: w.translate(UNMARK),
                lambda w: not known(w),
                known,
            )
        view.memo["names_by_place"] = names
    return names


#: A capitalized Latin word: a name the other side may spell by its sound (``Nagorno-Karabakh``
#: gives both halves).
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z']+")


def latin_names(ctx: UnitContext, view: SideView, openers: bool = True) -> frozenset[str]:
    """The capitalized words of the unit's other side, when ``view`` is Arabic and the other is
    Latin: an Arabic word that spells one of them (``دارفور`` / Darfur) is a name, not a typo.
    ``openers=False`` leaves out a word capitalized only because it opens a sentence (see
    :func:`_sentence_opener`): the slip rules ask so, since "More" must not make ``المرأه`` a
    name, while SP002's notes keep every name.  Read once per view (SP002, SP005–SP008 all ask)."""
    key = "latin_names" if openers else "latin_names_no_openers"
    names: frozenset[str] | None = view.memo.get(key)
    if names is None:
        other = ctx.target if view is ctx.source else ctx.source
        names = frozenset()
        if view.lang == "ar" and other is not None and other.lang != "ar":
            names = frozenset(
                m.group()
                for m in _LATIN_NAME.finditer(other.text)
                if openers or not _sentence_opener(other.text, m)
            )
        view.memo[key] = names
    return names


#: What a sentence (or a heading, a list item, a quotation) opens after: a dash or a bullet only
#: with a space after it (``Bogdan-Martin`` is one name).
_OPENS_A_SENTENCE = re.compile(r"(?:^|[.!?:;\"“‘(]|[-–—•]\s|\d[.)])\s*$")


def _sentence_opener(text: str, m: re.Match[str]) -> bool:
    """Whether ``m`` is a capitalized word only because it opens a sentence: a word the English
    dictionary knows in lower case with no capitalized word after it (``More women tend to …``,
    whose "More" the Arabic ``المرأه`` would otherwise "spell"; ``Nelson Mandela`` stays a name)."""
    if not _OPENS_A_SENTENCE.search(text, max(0, m.start() - 4), m.start()):
        return False
    if m.group().lower() in SENTENCE_OPENERS:
        return True  # More Afghan women …: a quantifier before an adjective of nationality
    if _NAME_AFTER.match(text, m.end()):
        return False
    return dictionary_word(m.group().lower(), "en") is True


#: A capitalized word right after: the word before it is a name's first word.
_NAME_AFTER = re.compile(r"\s+[A-Z]")
