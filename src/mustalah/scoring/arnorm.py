"""Opt-in Arabic orthographic normalization for the string metrics.

Machine translation and human references disagree on spellings that readers do not
notice (../shared/research/mt-eval.md §1.3): hamza seats on alef, alef maqsura written for yaa,
haa for taa marbuta, tatweel, vowel marks.  Those disagreements can move BLEU by 20
points, so folding them is *opt-in*, applied to hypothesis and reference alike, and
named in every signature (``arnorm:alef+ya+ta+tatweel+diac``).

Term accuracy never uses this: the term metric must still see a variant spelling as a
miss, so it always reads the raw hypothesis.
"""

from __future__ import annotations

import unicodedata

#: The tag that goes into the signatures of BLEU/chrF/chrF++/TER when normalization is on.
ARNORM_TAG = "alef+ya+ta+tatweel+diac"

_TABLE: dict[int, str | None] = {
    ord("أ"): "ا",
    ord("إ"): "ا",
    ord("آ"): "ا",
    ord("ى"): "ي",
    ord("ة"): "ه",
    0x0640: None,  # tatweel
    0x0670: None,  # superscript (dagger) alef
}
# Harakat, shadda, sukun and the combining maddah / hamza marks (a decomposed أ is ا + U+0654).
for _cp in range(0x064B, 0x0660):
    _TABLE[_cp] = None


def normalize_arabic(text: str) -> str:
    """Fold alef/hamza seats (أ إ آ → ا), ى → ي, ة → ه; delete tatweel and diacritics."""
    # NFC first: a decomposed أ (ا + U+0654) becomes أ and folds like the composed one,
    # while a decomposed ؤ stays ؤ instead of losing its hamza to the mark deletion.
    return unicodedata.normalize("NFC", text).translate(_TABLE)
