"""Untranslated text: empty targets, targets copied from the source, Latin left in Arabic."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..formats.icu import icu_spans
from ..model import Finding
from ..termbase.derived import register
from ..termbase.model import Termbase
from ..text.english import DOCUMENT_SYMBOL
from .base import Rule, SideView, UnitContext
from .latin_alone import PARTICLES, QUOTATION, TITLE_WORD, among_latin_names, in_latin_quotation, title_case
from .markup import PLACEHOLDER
from .spelling import dictionary_word

_URL_OR_EMAIL = re.compile(
    r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    # an address without its scheme (``icao.int/newsroom``, ``unhabitatiraq.net/mosulportal``)
    r"|(?<![\w.@/])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:int|org|net|com|gov|edu|info|[a-z]{2})/[^\s)\]]*"
)
#: A hashtag or a social-media handle (``#volunteernow``, ``@UN_News_Centre``): Latin by design.
_HASHTAG_OR_HANDLE = re.compile(r"(?<![\w&])[#@][A-Za-z_]\w*")
#: A character reference left as text (``&gt;``, ``&amp;``, ``&#160;``): escaped twice, the same
#: in both languages; a fault of the file's encoding, not Latin words left untranslated.
_CHARACTER_REFERENCE = re.compile(r"&(?:[A-Za-z]{2,8}|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-.]*")
#: A markup tag inside the text (``<a href='…'>``, ``</a>``, ``<br/>``): code, not words to translate.
_MARKUP_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
#: A path or a command-line word the source writes the same way (``/dev``, ``/usr/bin``, ``--help``).
_PATH = re.compile(r"(?<![\w/])(?:/|--?)[A-Za-z][\w./-]*")
#: Placeholders of software strings: printf and brace ones (MK002's), Angular/Handlebars ``{{name}}``,
#: template ``${user}``.
_CODE_PLACEHOLDER = re.compile(PLACEHOLDER.pattern + r"|\{\{[^{}]*\}\}|\$\{[^{}]*\}")
_GLUE = frozenset("_0123456789")
#: Every reported word has a lower-case letter (capitals alone are acronyms).
_LATIN_LOWER = re.compile(r"[a-z]")
_HAS_LETTER = re.compile(r"[^\W\d_]")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&/.\-]*[A-Z0-9]?s?$")


def _termbase_latin(termbase: Termbase) -> frozenset[str]:
    """Latin tokens the termbase allows in Arabic text (acronyms listed as terms)."""
    return termbase.derived("latin-in-arabic", latin_in_arabic)


@register("latin-in-arabic")
def latin_in_arabic(termbase: Termbase) -> frozenset[str]:
    """Latin words of acronyms and Arabic terms (stored with the compiled index cache)."""
    tokens: set[str] = set()
    for concept in termbase.concepts:
        for term in concept.terms:
            if term.is_acronym or term.lang == "ar":
                tokens.update(_LATIN_WORD.findall(term.text))
    return frozenset(tokens)


class EmptyTarget(Rule):
    """A unit with a source text and an empty target.

    What it catches:
        A target that is empty or white space only while the source has text.
    Why it matters:
        An untranslated paragraph is lost from the published text.
    Example:
        en: The discussion takes place from 8 to 10 December 2020.
        ar:
    Use instead:
        ar: تقام الحلقة في الفترة من 8 إلى 10 كانون الأول/ديسمبر 2020.
    Suppress:
        `mustalah: ignore UT001` in the unit's note.
    """

    code = "UT001"
    name = "empty-target"
    category = "untranslated"
    severity = "error"
    scope = "bilingual"
    on_empty_target = True

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        if ctx.target is None or ctx.target.text.strip() or not ctx.source.text.strip():
            return
        yield self.finding(ctx, ctx.target, 0, len(ctx.target.text), "the target is empty")


class TargetSameAsSource(Rule):
    """A target identical to its source.

    What it catches:
        Source and target the same text (ignoring surrounding white space), when
        the text has letters and is not just an acronym, a URL, a symbol or a short
        name of capitals and numbers (``ARSAT 1``), the same in every language.
    Why it matters:
        Usually a unit copied over and never translated.
    Example:
        en: The Centre will continue its work.
        ar: The Centre will continue its work.
    Use instead:
        ar: وسيواصل المركز عمله.
    Suppress:
        `mustalah: ignore UT002` in the unit's note.
    """

    code = "UT002"
    name = "target-same-as-source"
    category = "untranslated"
    severity = "warning"
    scope = "bilingual"

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        if ctx.target is None:
            return
        src, tgt = ctx.source.text.strip(), ctx.target.text.strip()
        if not src or src != tgt or not _HAS_LETTER.search(src):
            return
        words = src.split()
        if len(words) == 1 and (
            _ACRONYM.match(src) or _URL_OR_EMAIL.fullmatch(src) or DOCUMENT_SYMBOL.fullmatch(src)
        ):
            return
        if len(words) <= 4 and all(any(c.isdigit() for c in w) or w.isupper() for w in words):
            # a name of capitals and numbers, the same in every language (ARSAT 1, B-52); not a
            # date ("6 February 2015") nor words of a user interface ("Cancel", "API Key")
            return
        if ctx.source.lang == ctx.target.lang:
            return
        start = ctx.target.text.index(tgt)
        yield self.finding(ctx, ctx.target, start, start + len(tgt), "the target is the same as the source")


class LatinInArabic(Rule):
    """Latin words left in Arabic text.

    What it catches:
        Latin words with lower-case letters in an Arabic text, outside
        parentheses.  Acronyms (all capitals), acronyms and names the termbase
        lists, anything in parentheses (``(UNCCT)``, an original-language name),
        URLs (with their scheme or without: ``icao.int/newsroom``), e-mail addresses,
        hashtags and handles (``#volunteernow``, ``@UN``),
        UN document symbols and their patterns (``S/PRST/year/--``) and character references
        left as text (``&gt;``, escaped twice in both languages), markup tags
        (``<a href='…'>``), placeholders (``{{name}}``, ``%zu``), identifiers
        (``id_token``) and paths or options the source writes the same way
        (``/dev``, ``--help``) are allowed, and so are one word the source has as
        it stands that no English dictionary knows (``fprintd``, ``tachipirina``:
        a program, a brand) and a keyword list the source has (``share;sharing``),
        names that only exist in Latin letters — a brand or a chemical with a
        dot, a digit or a capital inside the word (``Ask.fm``, ``25C-NBOMe``,
        ``iPhone``), a word glued to a number (``No.14704-6``, ``pp1ab``) and a name given in its
        original language right after its Arabic rendering in parentheses
        (``(المدعي العام ضد كوناراك) Prosecutor v. Kunarac``), and a capitalized
        name the source writes the same way (``HMS Argyll`` → ``السفينة Argyll``,
        ``Teijin's`` → ``Teijin``, ``TÜV Produkt und Umwelt`` with its particle):
        UN Arabic keeps them.  In Arabic text with no source, a run in title case
        (``Feminist Economics``, ``Sony Pictures Entertainment``) is taken for such
        a name, and so is a quotation in Latin letters (a cited headline); a
        run with lower-case words is reported.  A run right after a word that
        introduces a title or a name (``بأغنية بعنوان I was here``, ``تحت شعار``)
        is that title, cited as it stands (with a source, when the source has it too), and
        so is a run followed by its Arabic translation in brackets (``Mesye dam bonjou (صباح
        الخير جميعًا)``: a greeting quoted in Haitian Creole).
    Why it matters:
        A phrase left in English is an untranslated fragment, usually missed when
        a sentence was edited in the TM.
    Example:
        en: a virtual discussion on border security and management
        ar: حلقة نقاش افتراضية بشأن border security and management
    Use instead:
        ar: حلقة نقاش افتراضية بشأن أمن الحدود وإدارتها
    Suppress:
        `mustalah: ignore UT003` in the unit's note.
    """

    code = "UT003"
    name = "latin-in-arabic"
    category = "untranslated"
    severity = "warning"
    #: pre-filter (checks.prefilter): a lower-case Latin letter in Arabic text
    needs = ("ar:latin-lower",)

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        allowed = _termbase_latin(ctx.termbase)
        for view in ctx.in_lang("ar"):
            text = view.text
            if not _LATIN_LOWER.search(text):
                continue  # every report is a run of _LATIN_WORD matches with a lower-case letter
            if ctx.target is not None and view is ctx.target and text.strip() == ctx.source.text.strip():
                continue  # the whole unit left untranslated: UT002 says so
            skip = [m.span() for m in _URL_OR_EMAIL.finditer(text)]
            skip += [m.span() for m in _HASHTAG_OR_HANDLE.finditer(text)]
            skip += [m.span() for m in _CHARACTER_REFERENCE.finditer(text)]
            skip += [m.span() for m in DOCUMENT_SYMBOL.finditer(text)]
            skip += [m.span() for m in _MARKUP_TAG.finditer(text)]
            skip += [m.span() for m in _CODE_PLACEHOLDER.finditer(text)]  # {{name}}, %zu, {0}, ${user}
            source = _other_text(ctx, view)
            skip += [m.span() for m in _PATH.finditer(text) if m.group() in source]
            skip += [m.span() for m in re.finditer(r"\([^()]*\)", text)]
            skip += icu_spans(text).syntax  # ICU MessageFormat syntax (plural, other, =1) is no text
            names = _source_names(ctx, view)
            other = _other_text(ctx, view)
            alone = ctx.target is None  # no source to tell a name kept in Latin from a phrase left
            run_start = run_end = -1
            all_names = False
            for m in _LATIN_WORD.finditer(text):
                word = m.group().rstrip(".-")
                if any(a <= m.start() < b for a, b in skip) or word in allowed or _ACRONYM.match(word):
                    continue
                if not any(c.islower() for c in word) or len(word) < 2:
                    continue
                # a digit or an underscore against it: an identifier (pp1ab, id_token, _Socks's accelerator)
                glued = _numbered(text, m.start() + len(word)) or text[m.start() - 1 : m.start()] in _GLUE
                glued = glued or text[m.end() : m.end() + 1] == "_"
                glued = glued or _in_a_symbol_pattern(text, m.start(), m.end())
                if _kept_name(word) or glued:
                    continue  # Ask.fm, C-NBOMe, iPhone; No.14704-6, pp1ab: a name or an identifier in Latin
                if word[:1].isupper() and _beside_its_rendering(text, m.start()):
                    continue  # (المدعي العام ضد كوناراك) Prosecutor v. Kunarac: the original beside it
                if run_end >= 0 and not text[run_end : m.start()].strip(" ,;:-"):
                    run_end = m.start() + len(word)
                    all_names = all_names and (word in names or word in PARTICLES)
                    continue
                if run_start >= 0 and not all_names and not _kept(text, run_start, run_end, other, alone):
                    yield self._report(ctx, view, run_start, run_end)
                run_start, run_end = m.start(), m.start() + len(word)
                all_names = word in names
            if run_start >= 0 and not all_names and not _kept(text, run_start, run_end, other, alone):
                # (a run of names the source spells the same way, HMS Argyll → السفينة Argyll, is kept)
                yield self._report(ctx, view, run_start, run_end)

    def _report(self, ctx: UnitContext, view: SideView, start: int, end: int) -> Finding:
        return self.finding(ctx, view, start, end, f"Latin text left in Arabic: '{view.text[start:end]}'")


#: Capitalized words that are no names when copied: an untranslated phrase starts with them.
_FUNCTION_WORDS = frozenset(
    {"The", "A", "An", "And", "Or", "Of", "In", "On", "At", "To", "For", "From", "With", "By", "As"}
    | {"But", "Not", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "You"}
    | {"His", "Her", "Their", "Our", "Your", "Is", "Are", "Was", "Were", "Be", "Been", "Has", "Have"}
)


def _source_names(ctx: UnitContext, view: SideView) -> frozenset[str]:
    """Capitalized words of the other side (``HMS Argyll and HMS Severn``), function words aside:
    names that a translation may keep in Latin letters."""
    other = ctx.source if view is ctx.target else ctx.target
    if other is None or other.lang.split("-")[0] == "ar":
        return frozenset()
    found = re.finditer(r"(?<![\w'’-])([A-Z][a-z][\w'’-]*)", other.text)
    # a possessive is the name (Teijin's Alvesco → الذي تنتجه Teijin)
    words = {re.sub(r"['’]s?$", "", m.group(1)) for m in found}
    return frozenset(words - _FUNCTION_WORDS)


def _kept_name(word: str) -> bool:
    """A word that is a name in Latin letters by its shape: a dot, a digit or a capital after
    its first letter (``Ask.fm``, ``C-NBOMe``, ``iPhone``); plain words (``border``) are not."""
    body = word.strip(".-")
    return "." in body or any(c.isdigit() for c in body) or any(c.isupper() for c in body[1:])


def _numbered(text: str, end: int) -> bool:
    """A Latin word glued to a number (``No.14704-6``, ``Art.5``): part of an identifier."""
    return re.match(r"\.?\s?[0-9]", text[end : end + 3]) is not None


_QUOTES = "\"“”«»'‘’"


def _other_text(ctx: UnitContext, view: SideView) -> str:
    other = ctx.source if view is ctx.target else ctx.target
    return other.text if other is not None and other is not view else ""


def _kept(text: str, start: int, end: int, other: str, alone: bool) -> bool:
    """A run UN Arabic keeps in Latin: a title the source cites, a name or a list the source
    writes the same way (:func:`_copied_name`), or, in Arabic text with no source, a run in title
    case, inside a quotation in Latin letters or among Latin names (``checks/latin_alone.py``)."""
    if _cited_title(text, start, end, other) or _copied_name(text[start:end], other):
        return True
    if _named_as_a_title(text, start) and (alone or text[start:end] in other):
        return True  # أغنية بعنوان I was here: a song, a film, a campaign cited by its own name
    if _glossed(text, end):
        return True  # Mesye dam bonjou (صباح الخير جميعًا): words cited in their language, translated
    if not alone:
        return False
    run = text[start:end]
    return title_case(run) or in_latin_quotation(text, start, end) or among_latin_names(text, start, end)


#: Arabic words that introduce a title or a name cited as it stands: "entitled", "under the
#: slogan", "named" (``بأغنية بعنوان I was here``, ``تحت شعار Together``).
_TITLE_INTRODUCERS = frozenset(
    {"بعنوان", "عنوان", "عنوانه", "عنوانها", "المعنون", "المعنونة", "بالعنوان", "شعار", "بشعار", "شعاره"}
    | {"شعارها", "باسم", "اسم", "اسمه", "اسمها", "المسمى", "المسماة"}
)
#: What may stand between the introducer and the run: spaces, quotes, a colon, skipped Latin words
#: (the one-letter ``I`` of ``I was here``).
_BEFORE_RUN = re.compile(r"([\u0621-\u064a]+)[\s\"“”«»'‘’:A-Za-z]*$")


#: An Arabic gloss in brackets right after a Latin run.
_GLOSS = re.compile(r" ?\(([^()]{1,80})\)")
#: A bracket that opens with one of these refers to something else: no gloss (``(انظر المرفق الأول)``).
_CROSS_REFERENCE = re.compile(
    r"\s*(?:انظر|وانظر|راجع|أي|الفقرة|الفقرات|المرفق|الوثيقة|القرار|الجدول|الشكل)(?![\u0621-\u064a])"
)


def _glossed(text: str, end: int) -> bool:
    """The Latin run is followed by its Arabic translation in brackets: words quoted in their own
    language on purpose (a greeting in Haitian Creole, a motto), not a phrase left untranslated."""
    m = _GLOSS.match(text, end)
    if m is None or _CROSS_REFERENCE.match(m.group(1)):
        return False
    inner: str = m.group(1)
    return sum("\u0621" <= c <= "\u064a" for c in inner) > 2 * sum(c.isascii() and c.isalpha() for c in inner)


def _named_as_a_title(text: str, start: int) -> bool:
    """The Latin run follows a word that introduces a title or a name (``بعنوان``, ``تحت شعار``)."""
    m = _BEFORE_RUN.search(text, max(0, start - 40), start)
    return m is not None and m.group(1) in _TITLE_INTRODUCERS


def _copied_name(run: str, other: str) -> bool:
    """A run the source has as it stands that is no English text: one word no English dictionary
    knows (``fprintd``, ``orcid``, ``tachipirina``: a program, a brand, a medicine) or a keyword
    list (``share;sharing;bluetooth;obex``, which desktop files keep beside the Arabic keywords).
    A word the dictionary knows (``peptide``, ``border``) is English left untranslated."""
    if not other or not re.search(rf"(?<![\w-]){re.escape(run)}(?![\w-])", other):
        return False
    if ";" in run and " " not in run:
        return True
    return " " not in run and dictionary_word(run.lower(), "en") is False


def _cited_title(text: str, start: int, end: int, other: str) -> bool:
    """A title or a headline cited in its own language: the run opens or closes a quotation in
    the Arabic, and stands inside a quotation of the source that starts with a capital and reads
    as a title (title case, or four words or more): ``المنشور المعنون: "To Live to See the Great Day
    that Dawns: …"``, ``"Iran manufactures first home-made VTOL drone", Fars News Agency``.  An
    untranslated phrase (``"border security and management"``) is in lower case."""
    before, after = text[:start].rstrip()[-1:], text[end:].lstrip()[:1]
    if not ((before and before in _QUOTES) or (after and after in _QUOTES)):
        return False
    run = text[start:end]
    for quoted in QUOTATION.findall(other):
        if run not in quoted or not quoted[:1].isupper():
            continue
        words = [w for w in TITLE_WORD.findall(quoted) if len(w) > 3]
        title_case = bool(words) and 2 * sum(w[0].isupper() for w in words) >= len(words)
        if title_case or len(quoted.split()) >= 4:
            return True
    return False


def _beside_its_rendering(text: str, start: int) -> bool:
    """A capitalized Latin name right after a parenthesis closing its Arabic rendering: a case or a
    title given in its original language, ``(المدعي العام ضد كوناراك) Prosecutor v. Kunarac``."""
    before = re.sub(r"[A-Za-z.'’\- ]+$", "", text[:start]).rstrip()  # back to where the Latin began
    if not before.endswith(")"):
        return False
    inside = before[before.rfind("(") + 1 : -1]
    return any("\u0621" <= ch <= "\u064a" for ch in inside)


#: A document symbol's pattern: an upper-case series or a number, then places after slashes
#: (``S/PRST/year/--``, ``A/RES/session/number``, ``1/year/E``).
_SYMBOL_PATTERN = re.compile(r"[A-Z0-9][A-Z0-9.]*(?:/[A-Za-z0-9.\-]+)+")


def _in_a_symbol_pattern(text: str, start: int, end: int) -> bool:
    """The word is a place in a document symbol's pattern: it stands after a slash, inside a
    token of Latin letters, digits and slashes that opens with an upper-case series or a number
    (not ``الصحة/nutrition/التعليم``, nor ``health/education``)."""
    if text[start - 1 : start] != "/":
        return False
    first = start
    while first > 0 and not text[first - 1].isspace():
        first -= 1
    token = _SYMBOL_PATTERN.match(text, first)
    return token is not None and token.end() >= end
