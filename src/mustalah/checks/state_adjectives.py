"""A Member State rendered by its relational adjective (nisba): "the Government of Jordan" =
``الحكومة الأردنية``, "Chinese experts" = ``الخبراء الصينيون`` (TM001 asks this module).

Arabic names a State's government, people and institutions by the adjective built on its name:
the name without its article or final alef (``الأردن`` → ``أردني``, ``فرنسا`` → ``فرنسي``,
``ألمانيا`` → ``ألماني``, ``السعودية`` → ``سعودي``), then the adjective's own endings (feminine
``ـية``, plurals ``ـيون``/``ـيين``, dual ``ـيان``/``ـيتان``/``ـيين``/``ـيتين``), with the article and
proclitics.  Only single-word names are derived; irregular adjectives (``النمسا`` → ``نمساوي``,
``المملكة المتحدة`` → ``بريطاني``) are not, and stay a note.
"""

from __future__ import annotations

from ..termbase.model import Concept
from .base import SideView
from .reshaped import approved_token_forms, side_words

#: The adjective's endings after its ي (folded: ة is ه): masculine, feminine, plurals and duals.
_ENDINGS = ("", "ه", "ون", "ين", "ان", "تان", "تين", "ات")


def _adjective_stem(name: str) -> str | None:
    """``اردن`` → ``اردني``; ``المانيا`` → ``الماني``; ``سعوديه`` → ``سعودي``; ``فرنسا`` → ``فرنسي``
    (folded, no article)."""
    if len(name) < 3:
        return None
    if name.endswith("يه"):
        return name[:-1]
    if name.endswith("يا"):
        return name[:-1]
    if name.endswith(("ا", "ه", "ى")):
        return name[:-1] + "ي"
    return name + "ي"


def adjectives_of(concept: Concept) -> frozenset[str]:
    """Every folded, article-free form of the relational adjectives of a Member State's names."""
    out: set[str] = set()
    for toks in approved_token_forms(concept):
        if len(toks) != 1:
            continue
        stem = _adjective_stem(toks[0].removeprefix("ال"))
        if stem is not None:
            out.update(stem + ending for ending in _ENDINGS)
    return frozenset(out)


def adjective_renderings(view: SideView, concept: Concept) -> int:
    """How many words of an Arabic ``view`` are a relational adjective of the State ``concept``."""
    if view.lang != "ar" or concept.domain != "member-states":
        return 0
    at = side_words(view).at
    return sum(len(at.get(form, ())) for form in adjectives_of(concept))
