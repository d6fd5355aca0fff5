"""Write ``src/mustalah/data/hamza-stems.txt``: the word stems opening with a hamza that UN Arabic uses.

SP005 (checks/hamza.py) suggests a hamza for a word written without one (``الامم`` → ``الأمم``)
when Hunspell knows the hamzated word.  Hunspell's Arabic dictionary also accepts ``أ`` + almost
any verb stem (the first person, "I …"), so ``أشتية`` or ``وأتا`` pass as words and a name
(``محمد اشتية``, ``حكيم واتا``) would be "corrected".  A stem opening with ``أ`` is therefore
suggested only when UN Arabic itself writes it, and where two hamzas make words (``الامل``:
``الأمل``, ``الآمل``) the one UN Arabic writes is preferred: this list, built from the Arabic of
``corpora/real/*/ar.txt`` (professionally translated UN text) and the termbase.  The Arabic-only
blind sets (``corpora/real-ar``) are left out: they measure the rule on text it has not seen.

    .venv/bin/python scripts/build_hamza_stems.py      # rewrites the data file
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from mustalah.checks.spelling import AR_WORD, UNMARK  # noqa: E402
from mustalah.termbase.loader import load_termbase  # noqa: E402
from mustalah.text.arabic import split_proclitics  # noqa: E402

OUT = ROOT / "src" / "mustalah" / "data" / "hamza-stems.txt"


def stems(text: str) -> set[str]:
    found = set()
    for token in AR_WORD.findall(text.translate(UNMARK)):
        for word in {token, split_proclitics(token)[1]}:
            if word[:1] in ("أ", "إ", "آ") and len(word) >= 3:
                found.add(word)
    return found


def main() -> int:
    words: set[str] = set()
    for path in sorted((ROOT / "corpora" / "real").glob("*/ar.txt")):
        words |= stems(path.read_text(encoding="utf-8"))
    termbase = load_termbase(ROOT / "termbase")
    for concept in termbase.concepts:
        for term in concept.terms:
            if term.lang == "ar":
                for text in (term.text, *term.forms):
                    words |= stems(text)
    header = (
        "# Word stems opening with أ, إ or آ that UN Arabic writes (corpora/real/*/ar.txt, the termbase),\n"
        "# for SP005's suggestions; written by scripts/build_hamza_stems.py: do not edit by hand.\n"
    )
    OUT.write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(words)} stems")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
