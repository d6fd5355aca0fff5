"""Termbase errors at the command line: located (file:line), coded and explained.

tests/termbase covers the loaders and the checks through the API and a few CLI paths; this adds
what a user meets on the command line: ``termbase check`` on duplicate ids, conflicting statuses
and malformed YAML, ``lint --termbase`` on a broken termbase (exit 2, not a traceback), and a TBX
with unknown data categories in ``check`` and ``import``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import REPO, assert_user_error, run_cli

BAD = REPO / "tests" / "termbase" / "fixtures" / "bad"

UNKNOWN_CATEGORIES_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="UNODC">
<descrip type="inventedCategory">?</descrip>
<langSec xml:lang="en"><termSec><term>UNODC</term>
<termNote type="flavour">sweet</termNote></termSec></langSec>
<langSec xml:lang="ar"><termSec><term>مكتب</term>
<termNote type="administrativeStatus">bogus</termNote></termSec></langSec>
</conceptEntry></body></text></tbx>
"""


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "duplicate_id.yaml",
            [
                "duplicate_id.yaml:8: TB005 duplicate concept id CTED (first defined at",
                "duplicate_id.yaml:3)",
            ],
        ),
        (
            "conflicting.yaml",
            ["conflicting.yaml:8: TB011 'terrorism' (en) is both preferred (line 7) and deprecated"],
        ),
        ("malformed.yaml", ["malformed.yaml:7: TB001 malformed YAML:"]),
    ],
)
def test_check_locates_and_explains(
    capsys: pytest.CaptureFixture[str], fixture: str, expected: list[str]
) -> None:
    outcome = run_cli(capsys, "termbase", "check", "--termbase", str(BAD / fixture))
    assert outcome.code == 1
    assert "Traceback" not in outcome.err
    for needle in expected:
        assert needle in outcome.out, outcome.out


def test_lint_with_a_malformed_termbase_exits_2_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "a.txt"
    text.write_text("United Nations\n", encoding="utf-8")
    outcome = run_cli(capsys, "lint", "--no-config", "--termbase", str(BAD / "malformed.yaml"), str(text))
    assert_user_error(outcome, "malformed.yaml:7: TB001 malformed YAML", "termbase check")


def test_lint_with_a_hostile_termbase_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "a.txt"
    text.write_text("United Nations\n", encoding="utf-8")
    tbx = tmp_path / "evil.tbx"
    tbx.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        '<martif type="TBX"><text><body><termEntry id="a"><langSet xml:lang="en"><tig><term>&x;</term>'
        "</tig></langSet></termEntry></body></text></martif>",
        encoding="utf-8",
    )
    outcome = run_cli(capsys, "lint", "--no-config", "--termbase", str(tbx), str(text))
    assert_user_error(outcome, "evil.tbx:2", "declares entities")


def test_yaml_termbase_that_is_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cp1256.yaml"
    path.write_bytes("domain: entities\nconcepts:\n  - id: X\n    terms: {ar: [مكتب]}\n".encode("cp1256"))
    data = path.read_bytes()
    offset = data.index("م".encode("cp1256"))
    outcome = run_cli(capsys, "termbase", "check", "--termbase", str(path))
    assert outcome.code == 1 and "Traceback" not in outcome.err
    assert "cp1256.yaml:4: TB001 not readable as UTF-8 text" in outcome.out
    assert (
        f"byte offset {offset}" in outcome.out or f"byte offset {offset + 1}" in outcome.out
    )  # lead or trail byte
    text = tmp_path / "a.txt"
    text.write_text("United Nations\n", encoding="utf-8")
    lint = run_cli(capsys, "lint", "--no-config", "--termbase", str(path), str(text))
    assert_user_error(lint, "cp1256.yaml:4: TB001 not readable as UTF-8 text")


def test_tbx_with_unknown_data_categories_is_located_in_check_and_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tbx = tmp_path / "unknown.tbx"
    tbx.write_text(UNKNOWN_CATEGORIES_TBX, encoding="utf-8")
    check = run_cli(capsys, "termbase", "check", "--termbase", str(tbx))
    assert check.code == 0  # warnings: the glossary still imports
    for needle in (
        "unknown.tbx:6: TB102 data category <descrip type='inventedCategory'> is not in TBX-Basic",
        "unknown.tbx:8: TB102 data category <termNote type='flavour'>",
        "unknown.tbx:10: TB103 administrativeStatus value 'bogus'",
    ):
        assert needle in check.out
    out = tmp_path / "imported"
    imported = run_cli(capsys, "termbase", "import", str(tbx), "-o", str(out))
    assert imported.code == 0
    assert "unknown.tbx:8: TB102" in imported.err
    assert "UNODC" in (out / "concepts.yaml").read_text(encoding="utf-8")
