"""Terms inside longer phrases: names inside longer names the termbase lacks, and
noun + adjective terms inside a coordination.

A termbase that lists ``Platform on Money-Laundering`` (المنصة المعنية بغسل الأموال)
matches inside ``the Regional Platform on Money-Laundering for the Horn of Africa
(RPMLHA)``, a longer name it does not list.  Two things follow, and the rules that
would otherwise raise false alarms ask this module about them:

* the English premodifiers (``Regional``) go after the head word in Arabic:
  ``للمنصة الإقليمية المعنية بغسل الأموال`` renders the term with a gap (TM001);
* the acronym in parentheses is the longer name's (``RPMLHA``), not a misspelling of
  the term's, nor another body's that happens to share it (AC001, AC004).

Only capitalized words right before an English match count as premodifiers, so a
lower-case word (``the``, ``and``), punctuation or the start of the text ends them.
And ``international and regional organizations`` is rendered ``المنظمات الدولية
والإقليمية``: the second term shares the first one's noun (TM001).
"""

from __future__ import annotations

from ..matching.nearmiss_words import TOKEN, stems
from ..matching.types import TermMatch
from ..termbase.model import Concept
from ..text.arabic import PROCLITICS
from ..text.normalize import fold_key
from .base import SideView

_ARTICLES = frozenset({"The", "A", "An"})
_MAX_PREMODIFIERS = 4
#: At most this many Arabic words between the head and the rest of the name: an English
#: premodifier is one or two Arabic words (Regional → الإقليمية, High-Level → الرفيعة المستوى).
_MAX_GAP = 4


def premodifiers(view: SideView, match: TermMatch) -> tuple[str, ...]:
    """The capitalized words right before an English ``match`` (``Ad Hoc`` in ``the Ad Hoc
    Programme on …``), nearest last; empty for Arabic or when none precede it."""
    if view.lang != "en" or match.term.is_acronym:
        return ()
    text = view.text
    end = match.start
    words: list[str] = []
    while len(words) < _MAX_PREMODIFIERS:
        j = end
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if j == end:
            break  # no space before: the start of the text, or punctuation glued to the name
        i = j
        while i > 0 and (text[i - 1].isalnum() or text[i - 1] in "-'’"):
            i -= 1
        word = text[i:j]
        if not word or not word[0].isupper() or word in _ARTICLES:
            break
        if i > 0 and not text[i - 1].isspace():
            break  # "(Regional" or "end.Regional": not a plain word
        words.append(word)
        end = i
    return tuple(reversed(words))


def longer_name_acronym(token: str, premods: tuple[str, ...]) -> bool:
    """``token`` begins with the initial of the first premodifier: the acronym of the longer
    name (``SPSALW`` for the Special Partnership on Small Arms and Light Weapons)."""
    return bool(premods) and token[:1].upper() == premods[0][:1].upper()


#: Particles that can stand right before a name without being a noun of a longer one.
_PARTICLES = frozenset(
    fold_key(w)
    for w in (
        "في", "من", "إلى", "على", "عن", "مع", "أن", "إن", "لدى", "عند", "بين", "منذ",
        "حتى", "أو", "ثم", "قد", "لقد", "كما", "بعد", "قبل", "هذه", "هذا", "تلك", "ذلك",
    )
)  # fmt: skip
#: The article, alone or after a proclitic (``للجمعية`` is ل + الجمعية).
ARTICLED = ("ال", "لل", "وال", "فال", "بال", "كال", "ولل", "فلل")


def arabic_construct_head(view: SideView, match: TermMatch) -> str | None:
    """The noun a name stands in construct with, right before an Arabic ``match``
    (``لجمعية`` in ``لجمعية الأمم المتحدة``, the United Nations Association): a word with no
    article and no particle, one space before the name; ``None`` otherwise."""
    if view.lang != "ar" or match.term.is_acronym:
        return None
    head = view.text[: match.start]
    if not head.endswith(" ") or head.endswith("  "):
        return None
    word = head[:-1].rsplit(None, 1)[-1] if head[:-1].strip() else ""
    if not word or not all("\u0621" <= ch <= "\u064a" for ch in word):
        return None
    folded = fold_key(word)
    bare = folded[1:] if folded[:1] in PROCLITICS else folded
    if folded.startswith(ARTICLED) or folded in _PARTICLES or bare in _PARTICLES:
        return None
    return word


#: "of the United Nations" as one adjective put into a title or a name (``المبعوث الأممي الخاص``
#: for the Special Envoy, ``المنسق الأممي المقيم``): UN press Arabic, a rendering of the name.
UN_ADJECTIVES = frozenset({"الاممي", "الامميه", "الامميين", "الامميون", "الامميتين"})


def un_adjective_renderings(view: SideView, concept: Concept) -> int:
    """How often an Arabic ``view`` renders ``concept`` with the adjective "UN" (``الأممي``) put
    into it, a one-word gap (``المبعوث الأممي الخاص`` for المبعوث الخاص)."""
    return gapped_renderings(view, concept, limit=1, gap_words=UN_ADJECTIVES)


def gapped_renderings(
    view: SideView,
    concept: Concept,
    limit: int = _MAX_GAP,
    gap_words: frozenset[str] | None = None,
    min_words: int = 2,
) -> int:
    """How often an Arabic ``view`` renders ``concept`` with words inserted into it:
    ``البرنامج المخصص المعني بأمن الحدود`` for ``البرنامج المعني بأمن الحدود``, and after a
    head of several words, ``آلية التنسيق التقنية المعنية بخطاب الكراهية``.

    The first word may carry proclitics (``للمنصة``); every other word must be exact, except
    that the last before the gap may lose its article to a possessor put in construct with it
    (``خطة عمل الأمين العام لمنع التطرف العنيف``, the Secretary-General's Plan of Action).
    With ``gap_words`` every word of the gap must be one of them; only forms of ``min_words``
    words or more count.
    """
    if view.lang != "ar":
        return 0
    words = TOKEN.findall(view.folded.key)
    starts: set[int] = set()
    for term in concept.terms_in("ar"):
        if term.is_acronym:
            continue
        toks = TOKEN.findall(fold_key(term.text))
        if len(toks) < max(2, min_words):
            continue
        head = toks[0]
        bare = head[2:] if head.startswith("ال") else head
        for k in range(1, len(toks)):  # the words before the gap: toks[:k]
            suffix = toks[k:]
            n = len(suffix)
            for i in range(k + 1, len(words) - n + 1):
                if words[i] != suffix[0] or words[i : i + n] != suffix:
                    continue
                for j in range(i - k - 1, max(i - k - 1 - limit, -1), -1):
                    if not _before_gap(words[j + 1 : j + k], toks[1:k]):
                        continue
                    if gap_words is not None and not gap_words.issuperset(words[j + k : i]):
                        continue
                    here = stems(words[j])
                    if head in here or bare in here:
                        starts.add(j)
                        break
    return len(starts)


def coordinated_renderings(view: SideView, concept: Concept) -> int:
    """How often an Arabic ``view`` renders a noun + adjective ``concept`` as the second of two
    coordinated adjectives sharing the noun: ``المنظمات الدولية والإقليمية`` renders
    *regional organizations* in "international and regional organizations" (the English
    shares the noun the other way round)."""
    if view.lang != "ar":
        return 0
    words = TOKEN.findall(view.folded.key)
    found: set[int] = set()
    for term in concept.terms_in("ar"):
        for text in (term.text, *term.forms):
            toks = TOKEN.findall(fold_key(text))
            if term.is_acronym or len(toks) != 2:
                continue
            noun, adjective = (_bare(t) for t in toks)
            for i in range(2, len(words)):
                word = words[i]
                if not word.startswith("و") or _bare(word[1:]) != adjective:
                    continue
                for j in (i - 2, i - 3):  # the noun, one or two adjectives before this one
                    if j >= 0 and noun in {_bare(s) for s in stems(words[j])}:
                        found.add(i)
                        break
    return len(found)


def _before_gap(found: list[str], expected: list[str]) -> bool:
    """The name's words before a gap, as :func:`gapped_renderings` accepts them."""
    if found == expected:
        return True
    return (
        len(found) == len(expected) > 0
        and found[:-1] == expected[:-1]
        and expected[-1].startswith("ال")
        and found[-1] == _bare(expected[-1])
    )


def _bare(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word
