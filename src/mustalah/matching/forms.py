"""Surface forms of a term: Arabic proclitic prefixes, English spelling variants and plurals.

Clitics attach to the first token only and are never stripped from the *text* (that
would turn the surname ``والي`` into ``لي``).  Instead, the index stores each term's
key once and checks what precedes a hit against the prefixes the term's first token
may take (../shared/research/arabic.md §2.1–2.2).
"""

from __future__ import annotations

import re
from itertools import product

from ..termbase.model import Term
from ..text.normalize import fold_key, is_arabic_letter

_CONJ = ("", "و", "ف")
_PREP_NO_L = ("", "ب", "ك")

#: An indefinite (construct-head or proper-noun) first token: conjunction + preposition.
INDEFINITE_PREFIXES: frozenset[str] = frozenset(c + p for c, p in product(_CONJ, (*_PREP_NO_L, "ل")))
#: A definite first token ``ال+X``: conj + (ب|ك) + ال, or conj + لل (ل + ال contracted).
DEFINITE_PREFIXES: frozenset[str] = frozenset(
    {c + p + "ال" for c, p in product(_CONJ, _PREP_NO_L)} | {c + "لل" for c in _CONJ}
)
#: ``ال+لX``: ل + ال + ل… is written with two lams (``للجنة``), i.e. prefix ``ل``.
DEFINITE_L_PREFIXES: frozenset[str] = frozenset(
    {c + p + "ال" for c, p in product(_CONJ, _PREP_NO_L)} | {c + "ل" for c in _CONJ}
)
#: A construct head that took the article: ungrammatical (``المكتب الأمم المتحدة…``).
CONSTRUCT_ERROR_PREFIXES: frozenset[str] = DEFINITE_PREFIXES
CONSTRUCT_ERROR_L_PREFIXES: frozenset[str] = frozenset(c + p + "ال" for c, p in product(_CONJ, _PREP_NO_L))

MAX_PREFIX = max(len(p) for p in DEFINITE_PREFIXES | INDEFINITE_PREFIXES)


def arabic_first_token(text: str) -> bool:
    return bool(text) and is_arabic_letter(text[0])


# --- English -----------------------------------------------------------------------

#: British (UN) ↔ US spelling pairs, by lower-case word.  UN English is British with -ize.
_US_GB: dict[str, str] = {}
for _gb, _us in (
    ("centre", "center"),
    ("centres", "centers"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("defence", "defense"),
    ("labour", "labor"),
    ("behaviour", "behavior"),
    ("honour", "honor"),
    ("favour", "favor"),
    ("neighbour", "neighbor"),
    ("neighbouring", "neighboring"),
    ("organisation", "organization"),
    ("organisations", "organizations"),
    ("judgement", "judgment"),
    ("counselling", "counseling"),
    ("travelling", "traveling"),
    ("licence", "license"),
    ("catalogue", "catalog"),
    ("analyse", "analyze"),
):
    _US_GB[_gb] = _us
    _US_GB[_us] = _gb


def one_spelling(word: str) -> str:
    """One spelling for a lower-case word listed here in its British and US forms (``defence`` and
    ``defense`` give the same): two texts that differ only so compare equal."""
    other = _US_GB.get(word)
    return word if other is None else min(word, other)


def spelling_variants(text: str, limit: int = 4) -> list[str]:
    """Other-spelling variants of an English term (``Center`` for ``Centre`` and back)."""
    words = text.split(" ")
    options: list[list[str]] = []
    for w in words:
        alt = _US_GB.get(w.lower())
        if alt is None:
            options.append([w])
            continue
        alt_cased = alt.capitalize() if w[:1].isupper() else alt
        options.append([w, alt_cased])
    out: list[str] = []
    for combo in product(*options):
        candidate = " ".join(combo)
        if candidate != text:
            out.append(candidate)
        if len(out) >= limit:
            break
    return out


_HYPHENATED = re.compile(r"\b(\w+)-(\w+)\b")


def hyphen_joined(text: str) -> str | None:
    """``Counter-Terrorism`` → ``Counterterrorism`` (a variant spelling), or None."""
    if "-" not in text:
        return None
    return _HYPHENATED.sub(lambda m: m.group(1) + m.group(2).lower(), text)


def english_plural(text: str) -> str | None:
    """A regular plural of the last word (``Permanent Representative`` → ``…Representatives``)."""
    if not text or not text[-1].isalpha():
        return None
    head, _, last = text.rpartition(" ")
    lower = last.lower()
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        plural = last + "es"
    elif lower.endswith("y") and len(lower) > 1 and lower[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return f"{head} {plural}" if head else plural


def compound_joined(text: str) -> str | None:
    """``عبد الله`` → ``عبدالله`` (a joined spelling of a compound name), or None."""
    if "عبد ال" not in text:
        return None
    return text.replace("عبد ال", "عبدال")


def key_of(text: str) -> str:
    return fold_key(text)


#: Attached pronouns a common noun takes (قراره "its resolution", برنامج عمله "its programme of work").
_PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "نا", "كم")


def possessive_forms(text: str) -> list[str]:
    """Forms of a common noun with an attached pronoun (the article drops).

    A single word or a construct phrase takes it on the last word (``برنامج عمله``); a
    definite noun with relational adjectives (nisba, ``-ي``/``-ية``) on the noun, the
    adjectives keeping their article (``البيان الافتتاحي`` → ``بيانه الافتتاحي``, "his
    opening statement").  Any other phrase takes none: ``الدول الأعضاء`` with a pronoun
    (``دولنا الأعضاء``, "our member States") is another organization's members.
    """
    tokens = text.split(" ")
    at = len(tokens) - 1
    if len(tokens) > 1 and tokens[0].startswith("ال"):
        if not all(t.startswith("ال") and t.endswith(("ي", "ية")) for t in tokens[1:]):
            return []
        at = 0
    word = tokens[at]
    stem = word[2:] if word.startswith("ال") and len(word) > 3 else word
    if stem.endswith("ة"):
        stem = stem[:-1] + "ت"
    if len(stem) < 2 or not all(is_arabic_letter(c) for c in stem):
        return []
    return [" ".join([*tokens[:at], stem + suffix, *tokens[at + 1 :]]) for suffix in _PRONOUN_SUFFIXES]


def un_abbreviated(text: str) -> str | None:
    """``United Nations Development Programme`` → ``UN Development Programme``, ``Office of the
    United Nations High Commissioner for Refugees`` → ``Office of the UN High Commissioner for
    Refugees`` (informal UN usage)."""
    if text.startswith("United Nations ") and len(text) > len("United Nations "):
        return "UN " + text[len("United Nations ") :]
    if " of the United Nations " in text:
        return text.replace(" of the United Nations ", " of the UN ", 1)
    return None


#: Domains whose English terms take a generated regular plural.
_PLURAL_DOMAINS = frozenset({"posts", "concepts"})


def latin_acronym_like(term: Term) -> bool:
    """A Latin acronym or acronym-like short name (UN-Women): matched inside Arabic text too."""
    text = term.text
    return (
        text.isascii()
        and " " not in text
        and any(c.isupper() for c in text)
        and (term.is_acronym or sum(c.isupper() for c in text) >= 2)
    )


def term_surfaces(term: Term, domain: str) -> list[tuple[str, str]]:
    """Every surface under which a term is indexed, with the name of the form."""
    out: list[tuple[str, str]] = [(term.text, "canonical")]
    out.extend((f, "inflection") for f in term.forms)
    if term.lang == "ar":
        for text, _ in list(out):
            joined = compound_joined(text)
            if joined:
                out.append((joined, "compound-name"))
            if domain == "concepts" and term.pos in (None, "noun") and not term.is_acronym:
                out.extend((f, "possessive") for f in possessive_forms(text))
        return out
    if term.is_acronym:
        return out
    if domain in _PLURAL_DOMAINS and not term.forms:
        plural = english_plural(term.text)
        if plural:
            out.append((plural, "plural"))
    short = un_abbreviated(term.text)
    if short and domain == "entities":
        out.append((short, "un-abbreviated"))
    for text, _ in list(out):
        out.extend((v, "spelling-us-gb") for v in spelling_variants(text))
        joined = hyphen_joined(text)
        if joined:
            out.append((joined, "hyphen-joined"))
    return out
