"""``mustalah fix``: the safe suggestions applied, nothing else changed, on a release with known
slips, TMX, XLIFF 1.2, PO and a real PO; the result lints with none of the fixed findings and
nothing new."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from mustalah.cli.main import main
from mustalah.lint.fix import SAFE
from tests.conftest import shared_path

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "corpora" / "releases" / "2020-12-08-uncct-virtual-discussion"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def lint(path: Path) -> list[dict[str, Any]]:
    code, out, err = run("lint", str(path), "--no-config", "--format", "json", "--fail-on", "never")
    assert code == 0, err
    findings: list[dict[str, Any]] = json.loads(out)["findings"]
    return findings


def key(f: dict[str, Any]) -> tuple[str, str, str]:
    """Per rule, unit and side (a finding quoting the whole unit quotes the fixed text)."""
    return f["code"], f["unit"], f["side"]


def spans(findings: list[dict[str, Any]]) -> set[tuple[str, str, str, str]]:
    return {(f["code"], f["unit"], f["side"], f["text"]) for f in findings}


def fixable(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [f for f in findings if f["code"] in SAFE and f["suggestion"] not in (None, f["text"])]


def replaced(before: str, changes: list[tuple[str, str]]) -> str:
    """``before`` with each (old, new) replaced once, in order: what the file must become."""
    at = 0
    for old, new in changes:
        at = before.index(old, at)
        before = before[:at] + new + before[at + len(old) :]
        at += len(new)
    return before


def test_a_release_with_known_slips(tmp_path: Path) -> None:
    release = tmp_path / "release"
    shutil.copytree(SEED, release)
    before = lint(release)
    fixed = fixable(before)
    # (التقنيات الجديدة is an admitted form now: its TM009 note is not fixed unasked)
    assert {f["code"] for f in fixed} == {"PU002", "TM002", "TM003"} and len(fixed) == 7
    ar = (release / "ar.txt").read_bytes()
    en = (release / "en.txt").read_bytes()
    code, out, err = run("fix", str(release), "--no-config", "--diff")
    assert code == 0 and "would fix 7 finding(s); 0 left" in err
    assert "-الأمم المتحدة ، 8 ديسمبر 2020\n+الأمم المتحدة، 8 ديسمبر 2020\n" in out
    assert (release / "ar.txt").read_bytes() == ar  # --diff writes nothing
    assert run("fix", str(release), "--no-config", "--in-place")[0] == 0
    # byte for byte: the original with exactly the suggestions put over the flagged spans
    expected = replaced(ar.decode(), [(f["text"], f["suggestion"]) for f in sorted(fixed, key=_position)])
    assert (release / "ar.txt").read_text(encoding="utf-8") == expected
    assert (release / "en.txt").read_bytes() == en
    after = lint(release)
    assert not spans(fixed) & spans(after)  # every fixed finding is gone
    assert Counter(map(key, after)) == Counter(map(key, before)) - Counter(map(key, fixed))  # nothing new
    # clitics stay attached: و + the deprecated PCVE form became و + the preferred one
    assert "ومنع التطرف العنيف ومكافحته (PCVE)" in expected
    assert "لمكتب الأمم المتحدة المعني بالمخدرات" in expected


def _position(f: dict[str, Any]) -> tuple[int, int]:
    return f["line"], f["column"]


TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="en" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"
 creationtool="test" creationtoolversion="1"/><body>
<tu tuid="a"><tuv xml:lang="en"><seg>UNODC &amp; partners met.</seg></tuv>
<tuv xml:lang="ar"><seg>اجتمع مكتب الأمم المتحدة المعنى بالمخدرات والجريمة &amp; شركاؤه .</seg></tuv></tu>
<tu tuid="b"><tuv xml:lang="en"><seg>The <ph x="1">&lt;b&gt;</ph>Office met.</seg></tuv>
<tuv xml:lang="ar"><seg>اجتمع <ph x="1">&lt;b&gt;</ph>المكتب .</seg></tuv></tu>
</body></tmx>
"""

XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
<file original="x" source-language="en" target-language="ar" datatype="plaintext"><body>
<trans-unit id="1"><source>UNODC met, then left.</source>
<target>اجتمع مكتب الأمم المتحدة المعنى بالمخدرات والجريمة , ثم غادر.</target></trans-unit>
</body></file></xliff>
"""

PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: ar\\n"

msgid "UNODC said \\"yes\\"."
msgstr "قال مكتب الأمم المتحدة المعنى بالمخدرات والجريمة \\"نعم\\" ."
"""


@pytest.mark.parametrize(("name", "text"), [("a.tmx", TMX), ("a.xlf", XLIFF), ("a.po", PO)])
def test_formats_change_only_the_spans(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    before = lint(path)
    fixed = fixable(before)
    assert {f["code"] for f in fixed} >= {"TM003"}
    out = tmp_path / f"fixed-{name}"
    code, _, err = run("fix", str(path), "--no-config", "-o", str(out))
    assert code == 0, err
    assert path.read_text(encoding="utf-8") == text  # the input untouched
    got = out.read_text(encoding="utf-8")
    # only the lines holding a fixed span changed
    diff = [(a, b) for a, b in zip(text.splitlines(), got.splitlines(), strict=True) if a != b]
    assert diff and all("المعنى" in a or " ." in a or " ," in a for a, _ in diff)
    after = lint(out)
    assert not [f for f in after if f["code"] in SAFE and f["suggestion"] not in (None, f["text"])]
    assert Counter(map(key, after)) == Counter(map(key, before)) - Counter(map(key, fixed))
    for escaped in ("&amp;", "&lt;b&gt;", '\\"'):  # escapes outside the spans as written
        assert got.count(escaped) == text.count(escaped)


def test_refusals(tmp_path: Path) -> None:
    pairs = tmp_path / "a.tsv"
    pairs.write_text("UNODC met.\tاجتمع مكتب الأمم المتحدة المعنى بالمخدرات والجريمة .\n", encoding="utf-8")
    code, _, err = run("fix", str(pairs), "--no-config", "-o", str(pairs))
    assert code == 2 and "also an input" in err
    code, _, err = run("fix", str(pairs), "--no-config", "--in-place", "--select", "SP001")
    assert code == 2 and "no safe fix for SP001" in err
    with pytest.raises(SystemExit) as exit_:  # one of -o, --in-place, --diff is required
        run("fix", str(pairs), "--no-config")
    assert exit_.value.code == 2
    assert run("fix", str(pairs), "--no-config", "--in-place", "--select", "PU002")[0] == 0
    assert pairs.read_text(encoding="utf-8").endswith("والجريمة.\n")
    assert "المعنى" in pairs.read_text(encoding="utf-8")  # TM003 was not selected


def test_real_po_file(tmp_path: Path) -> None:
    """Gradia's catalogue: whatever is fixed, the file reads back with only those spans changed."""
    po = tmp_path / "ar.po"
    shutil.copyfile(shared_path("conformance", "po", "ar.po"), po)
    before = lint(po)
    fixed = fixable(before)
    assert fixed  # a Latin comma in the Arabic (entry 109)
    original = po.read_bytes()
    assert run("fix", str(po), "--no-config", "--in-place")[0] == 0
    after = lint(po)
    assert Counter(map(key, after)) == Counter(map(key, before)) - Counter(map(key, fixed))
    assert len(po.read_bytes()) - len(original) == sum(
        len(f["suggestion"].encode()) - len(f["text"].encode()) for f in fixed
    )


def test_rules_say_whether_their_fix_is_safe() -> None:
    code, out, _ = run("rules", "TM002", "--no-config")
    assert code == 0 and "Fix: safe: `mustalah fix` applies the suggestion" in out
    code, out, _ = run("rules", "SP001", "--no-config")
    assert "Fix: none: `mustalah fix` leaves it to the reviser" in out
    docs = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert docs.count("*Fix:* safe") == len(SAFE)
