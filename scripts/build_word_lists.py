"""Write the lists of words UN Arabic writes that the spelling rules check their suggestions
against: ``src/mustalah/data/hamza-stems.txt`` (SP005), ``final-letter-words.txt`` (SP006),
``common-words.txt`` and ``unlisted-words.txt`` (SP007).

All are built from the Arabic of ``corpora/real/*/ar.txt`` (professionally translated UN text)
and the termbase.  The Arabic-only blind sets (``corpora/real-ar``) are left out: they measure the
rules on text they have not seen.

* **hamza-stems.txt** — the word stems opening with ``أ``, ``إ`` or ``آ``.  SP005 suggests a hamza
  for a word written without one (``الامم`` → ``الأمم``) when Hunspell knows the hamzated word.
  Hunspell's Arabic dictionary also accepts ``أ`` + almost any verb stem (the first person, "I …"),
  so ``أشتية`` or ``وأتا`` pass as words and a name (``محمد اشتية``, ``حكيم واتا``) would be
  "corrected".  A stem opening with ``أ`` is therefore suggested only when UN Arabic itself writes
  it, and where two hamzas make words (``الامل``: ``الأمل``, ``الآمل``) the one UN Arabic writes is
  preferred.
* **final-letter-words.txt** — the words (and their stems after proclitics) ending in ``ي``,
  ``ى``, ``ة`` or ``ه`` that the corpus writes at least twice, or the termbase once.  SP006 reports
  ``الذى`` for ``الذي`` or ``هذة`` for ``هذه`` only when the mended word is one of these: a name the
  dictionary lacks (``هيلانة``, ``دومة``) has no frequent UN word one letter away.
* **common-words.txt** — the words (as written, proclitics and all) the corpus writes twenty times
  or more.  SP007
  mends a non-word with a letter dropped, two letters swapped or one typed twice only into one
  of these (``الفلسطنية`` → ``الفلسطينية``).
* **definite-words.txt** — the words with the article that UN Arabic writes twice or more, in
  both real corpora: TM006 reads a two-word name's first word with a letter dropped inside
  (``الجعية العامة``) only when it is none of these (``المحدثة``, "updated", beside ``المتحدثة``).
* **unlisted-words.txt** — the words the corpus writes twice or more that neither Hunspell nor
  the termbase knows: names of places and people (``أربيل``, Erbil), which SP007 must not mend
  (into ``أبريل``).  Needs Hunspell's Arabic dictionary (the ``spell`` extra).

    .venv/bin/python scripts/build_word_lists.py      # rewrites the five data files
    .venv/bin/python scripts/build_word_lists.py definite-words.txt   # only the lists named
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from mustalah.checks.spelling import AR_WORD, UNMARK  # noqa: E402
from mustalah.termbase.loader import load_termbase  # noqa: E402
from mustalah.text.arabic import split_proclitics  # noqa: E402

DATA = ROOT / "src" / "mustalah" / "data"
FINAL_LETTERS = ("ي", "ى", "ة", "ه")
FINAL_MIN_COUNT = 2
COMMON_MIN_COUNT = 20
UNLISTED_MIN_COUNT = 2
DEFINITE_MIN_COUNT = 2


def words_and_stems(text: str) -> Counter[str]:
    """Every Arabic word of ``text`` (vowel marks dropped) and, when it has proclitics, its stem."""
    found: Counter[str] = Counter()
    for token in AR_WORD.findall(text.translate(UNMARK)):
        found.update({token, split_proclitics(token)[1]})
    return found


def main() -> int:
    corpus: Counter[str] = Counter()
    tokens: Counter[str] = Counter()
    for path in sorted((ROOT / "corpora" / "real").glob("*/ar.txt")):
        text = path.read_text(encoding="utf-8")
        corpus.update(words_and_stems(text))
        tokens.update(AR_WORD.findall(text.translate(UNMARK)))
    termbase_words: set[str] = set()
    for concept in load_termbase(ROOT / "termbase").concepts:
        for term in concept.terms:
            if term.lang == "ar":
                for text in (term.text, *term.forms):
                    termbase_words |= set(words_and_stems(text))
    every = set(corpus) | termbase_words
    stems = {w for w in every if w[:1] in ("أ", "إ", "آ") and len(w) >= 3}
    finals = {w for w in every if len(w) >= 3 and w.endswith(FINAL_LETTERS)}
    finals = {w for w in finals if corpus[w] >= FINAL_MIN_COUNT or w in termbase_words}
    hamza_what = "Word stems opening with أ, إ or آ that UN Arabic writes"
    hamza_what += " (corpora/real/*/ar.txt,\n# the termbase)"
    final_what = "Words ending in ي, ى, ة or ه that UN Arabic writes"
    final_what += " (corpora/real/*/ar.txt twice\n# or more, the termbase)"
    common = {w for w, n in tokens.items() if n >= COMMON_MIN_COUNT and len(w) >= 3}
    common_what = f"Words UN Arabic writes {COMMON_MIN_COUNT} times or more (corpora/real/*/ar.txt)"
    unlisted = unlisted_words(tokens)
    unlisted_what = "Words UN Arabic writes twice or more (corpora/real/*/ar.txt) that neither Hunspell"
    unlisted_what += "\n# nor the termbase knows (names)"
    definite = definite_words()
    definite_what = f"Words with the article UN Arabic writes {DEFINITE_MIN_COUNT} times or more"
    definite_what += " (corpora/real/*/ar.txt\n# and corpora/real-ar: they only keep a slip from being read)"
    for name, words, what in (
        ("definite-words.txt", definite, definite_what + ", which TM006 takes for no slip"),
        ("hamza-stems.txt", stems, hamza_what + ", for SP005's suggestions"),
        ("final-letter-words.txt", finals, final_what + ", for SP006's suggestions"),
        ("common-words.txt", common, common_what + ", for SP007's suggestions"),
        ("unlisted-words.txt", unlisted, unlisted_what + ", which SP007 leaves alone"),
    ):
        if sys.argv[1:] and name not in sys.argv[1:]:
            continue  # only the lists named on the command line
        header = f"# {what}; written by scripts/build_word_lists.py: do not edit by hand.\n"
        (DATA / name).write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
        print(f"{(DATA / name).relative_to(ROOT)}: {len(words)} words")
    return 0


def definite_words() -> set[str]:
    """The words with the article (a conjunction or preposition before it dropped, ``لل`` read as
    ``ال``) that UN Arabic writes ``DEFINITE_MIN_COUNT`` times or more, in both real corpora: a
    name's first word one letter short of its form is a slip only when it is none of these
    (``المحدثة``, "updated", beside ``المتحدثة``; ``المثل``, "the ideal", beside ``الممثل``).
    The Arabic-only blind sets count too: this list only keeps a finding from being made."""
    counts: Counter[str] = Counter()
    real, alone = ROOT / "corpora" / "real", ROOT / "corpora" / "real-ar"
    paths = [*real.glob("*/ar.txt"), *alone.glob("*/text.ar.txt")]
    for path in sorted(paths):
        for token in AR_WORD.findall(path.read_text(encoding="utf-8").translate(UNMARK)):
            bare = re.sub("^[وف]?[بك]?", "", token)
            if bare.startswith("لل"):
                bare = "ال" + bare[2:]
            if bare.startswith("ال") and len(bare) >= 4:
                counts[bare] += 1
    return {w for w, n in counts.items() if n >= DEFINITE_MIN_COUNT}


def unlisted_words(corpus: Counter[str]) -> set[str]:
    """The words of ``corpus`` seen often enough that the dictionary and the termbase lack."""
    from mustalah.checks.spelling import arabic_speller, arabic_word_known

    speller = arabic_speller()
    if speller is None:
        raise SystemExit("unlisted-words.txt needs Hunspell's Arabic dictionary (make install)")
    termbase = load_termbase(ROOT / "termbase")
    return {
        w
        for w, n in corpus.items()
        if n >= UNLISTED_MIN_COUNT and len(w) >= 3 and not arabic_word_known(w, termbase, speller)
    }


if __name__ == "__main__":
    raise SystemExit(main())
