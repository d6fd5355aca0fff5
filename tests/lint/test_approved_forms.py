"""The shipped termbase's own approved forms lint clean: the correct forms of a real text must
never be findings.

Every concept's approved (preferred or admitted) English forms are paired with its approved
Arabic forms of the same gender — the first of one language with each of the other, so a short
form meets the full name (``the 1267 Committee`` / لجنة مجلس الأمن المنشأة عملاً بالقرارات
1267 (1999) …) — in a plain sentence frame, all in one file of units, as a release naming many
bodies and people would.  No error or warning may come of it.  The consistency rules (CO001–CO003)
are left out: one file giving several forms of one concept is exactly what they report.

The Arabic forms are also written with each one-letter proclitic (و، ب، ل: وللجنة، بالمكتب) in
Arabic-only text, where the near-miss search runs without a source to confirm a name.

This found GN003 holding Moussa Faki Mahamat to Amina Mohammed's gender (they share محمد), NU001
asking for the years of a full committee name its short form does not give, and TM006 reading
المجلس وحقوق الإنسان (the Council and human rights) as a misspelt Human Rights Council.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from mustalah.cli.main import main
from mustalah.termbase.loader import load_default
from mustalah.termbase.model import Concept, Gender, Status, Term, TermType
from mustalah.text.arabic import attach_clitics

APPROVED = (Status.PREFERRED, Status.ADMITTED)
CONSISTENCY = ("CO001", "CO002", "CO003")


def _approved(concept: Concept, lang: str) -> list[Term]:
    return [
        t
        for t in concept.terms
        if t.lang == lang and t.status in APPROVED and t.type is not TermType.ACRONYM
    ]


def _frame(concept: Concept, en: str, ar: Term) -> tuple[str, str]:
    if concept.domain == "people":  # the verb agrees with the person (GN004: وأشاد غادة is a slip)
        verb = "وأشادت" if ar.gender is Gender.FEMININE else "وأشاد"
        return f"{en} welcomed the decision.", f"{verb} {ar.text} بالقرار."
    if concept.domain == "member-states":
        return f"The representative of {en} welcomed the decision.", f"وأشاد ممثل {ar.text} بالقرار."
    return f"The statement was issued by the {en}.", f"وصدر البيان عن {ar.text}."


def pairs() -> list[tuple[str, str, str]]:
    """(concept id, English unit, Arabic unit) for every pairing described above."""
    out: list[tuple[str, str, str]] = []
    for concept in load_default():
        ens, ars = _approved(concept, "en"), _approved(concept, "ar")
        if not ens or not ars:
            continue
        combos = [(ens[0], a) for a in ars] + [(e, ars[0]) for e in ens[1:]]
        for en, ar in combos:
            if en.gender and ar.gender and en.gender is not ar.gender:
                continue  # Mr. / السيدة: two forms of one honorific concept, not a rendering
            out.append((concept.id, *_frame(concept, en.text, ar)))
    return out


#: a proclitic and the Arabic frame it is written in
PROCLITIC_FRAMES = (("ل", "وقُدّم الشكر {}."), ("و", "واجتمع المجلس {}."), ("ب", "ورحب المجلس {}."))


def arabic_with_proclitics() -> list[tuple[str, str]]:
    """(concept id, Arabic unit) for every approved Arabic form with every proclitic frame."""
    out: list[tuple[str, str]] = []
    for concept in load_default():
        for term in _approved(concept, "ar"):
            for clitic, frame in PROCLITIC_FRAMES:
                out.append((concept.id, frame.format(attach_clitics(clitic, term.text))))
    return out


def _loud(path: Path, tmp_path: Path) -> list[tuple[int, str, str, str, str]]:
    """(line, code, side, text, message) of every error and warning of a lint of ``path``."""
    out = tmp_path / "out.json"
    with contextlib.redirect_stdout(io.StringIO()):
        code = main(
            [
                "lint", str(path), "--no-config", "--ignore", ",".join(CONSISTENCY),
                "--format", "json", "-o", str(out), "--fail-on", "never",
            ]
        )  # fmt: skip
    assert code == 0
    findings = json.loads(out.read_text(encoding="utf-8"))["findings"]
    return [
        (f["line"], f["code"], f["side"], f["text"], f["message"])
        for f in findings
        if f["severity"] in ("error", "warning")
    ]


def test_every_approved_pairing_lints_clean(tmp_path: Path) -> None:
    units = pairs()
    assert len(units) > 500  # every concept of the shipped termbase, most with several forms
    tsv = tmp_path / "forms.tsv"
    tsv.write_text("".join(f"{en}\t{ar}\n" for _, en, ar in units), encoding="utf-8")
    loud = _loud(tsv, tmp_path)
    assert not loud, [(units[line - 1][0], *rest) for line, *rest in loud]


def test_every_approved_arabic_form_with_a_proclitic_lints_clean(tmp_path: Path) -> None:
    units = arabic_with_proclitics()
    assert len(units) > 1500
    text = tmp_path / "forms.ar.txt"
    text.write_text("".join(f"{ar}\n" for _, ar in units), encoding="utf-8")
    loud = _loud(text, tmp_path)
    assert not loud, [(units[line - 1][0], *rest) for line, *rest in loud]
