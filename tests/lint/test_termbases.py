"""Several termbases at once: later ones override earlier ones per concept id and add the rest;
every finding names the termbase its concept came from; ``termbase check`` over a set reports a
form two termbases give to different concepts; the compiled index is keyed by the whole set."""

from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from mustalah.cli.main import main
from mustalah.matching import cache
from mustalah.termbase.layers import SHIPPED, labeller
from tests.conftest import shared_path

REPO = Path(__file__).resolve().parents[2]
RELEASE = REPO / "corpora" / "releases" / "2020-12-08-uncct-virtual-discussion"

# A per-job list: the client wants the seed's PCVE wording, and مراكز الامتياز for the Centres of
# Excellence (the shipped termbase has مراكز التميز, which the job deprecates).
JOB = """\
domain: concepts
concepts:
  - id: PCVE
    note: The client's style guide asks for منع ومحاربة التطرف العنيف in this job.
    terms:
      en:
        - preventing and countering violent extremism
        - {text: PCVE, type: acronym}
      ar:
        - منع ومحاربة التطرف العنيف
        - {text: PCVE, type: acronym}
  - id: CENTRES-OF-EXCELLENCE
    note: The client writes مراكز الامتياز.
    terms:
      en:
        - {text: Centres of Excellence, forms: [Centre of Excellence]}
      ar:
        - {text: مراكز الامتياز, forms: [مركز الامتياز]}
        - {text: مراكز التميز, status: deprecated, forms: [مركز التميز]}
"""

# A department list that gives the UNCCT's short form to a concept of its own.
DEPT = """\
domain: entities
concepts:
  - id: DEPT-CENTRE
    note: The department's own centre.
    terms:
      en:
        - Counter-Terrorism Centre
      ar:
        - مركز مكافحة الإرهاب التابع للإدارة
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def lint_json(*argv: str) -> list[dict[str, Any]]:
    code, out, err = run("lint", str(RELEASE), "--format", "json", "--fail-on", "never", *argv)
    assert code == 0, err
    findings: list[dict[str, Any]] = json.loads(out)["findings"]
    return findings


@pytest.fixture
def job(tmp_path: Path) -> Path:
    folder = tmp_path / "job"
    folder.mkdir()
    (folder / "job.yaml").write_text(JOB, encoding="utf-8")
    return folder


def test_a_later_termbase_overrides_a_concept_and_findings_say_where_it_came_from(job: Path) -> None:
    alone = lint_json("--no-config")
    layered = lint_json("--no-config", "--termbase", SHIPPED, "--termbase", str(job))
    # Shipped alone: the seed's PCVE wording is deprecated, مراكز التميز is the preferred form.
    assert [f for f in alone if f["concept"] == "PCVE" and f["code"] == "TM002"]
    assert not [f for f in alone if f["concept"] == "CENTRES-OF-EXCELLENCE"]
    assert {f["termbase"] for f in alone if f["concept"]} == {SHIPPED}
    # With the job list on top: the job's PCVE wins (no finding), its Centres form is demanded.
    assert not [f for f in layered if f["concept"] == "PCVE"]
    coe = [f for f in layered if f["concept"] == "CENTRES-OF-EXCELLENCE"]
    assert coe and {(f["code"], f["text"], f["suggestion"], f["termbase"]) for f in coe} == {
        ("TM002", "مراكز التميز", "مراكز الامتياز", str(job))
    }
    # Every other concept still comes from the shipped termbase, unchanged.
    rest = [f for f in layered if f["concept"] not in (None, "CENTRES-OF-EXCELLENCE")]
    assert rest and {f["termbase"] for f in rest} == {SHIPPED}
    key = lambda f: (f["code"], f["unit"], f["start"], f["concept"])  # noqa: E731
    assert sorted(map(key, rest)) == sorted(
        key(f) for f in alone if f["concept"] not in (None, "PCVE", "CENTRES-OF-EXCELLENCE")
    )


def test_the_termbase_field_is_added_to_every_finding(job: Path) -> None:
    for f in lint_json("--no-config", "--termbase", SHIPPED, "--termbase", str(job)):
        assert "termbase" in f and "concept" in f  # added, nothing renamed
        assert (f["termbase"] is None) == (f["concept"] is None)


def test_the_order_decides_which_termbase_wins(job: Path) -> None:
    reversed_ = lint_json("--no-config", "--termbase", str(job), "--termbase", SHIPPED)
    assert not [f for f in reversed_ if f["concept"] == "CENTRES-OF-EXCELLENCE"]
    pcve = [f for f in reversed_ if f["concept"] == "PCVE"]
    assert pcve and {f["termbase"] for f in pcve} == {SHIPPED}


def test_a_set_in_pyproject_is_relative_to_it(tmp_path: Path, job: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.mustalah]\ntermbase = ["@shipped", "job"]\n', encoding="utf-8")
    from_config = lint_json("--config", str(config))
    coe = [f for f in from_config if f["concept"] == "CENTRES-OF-EXCELLENCE"]
    assert coe and {f["termbase"] for f in coe} == {str(tmp_path / "job")}
    # The command line overrides the file.
    only_shipped = lint_json("--config", str(config), "--termbase", SHIPPED)
    assert {f["termbase"] for f in only_shipped if f["concept"]} == {SHIPPED}


@pytest.mark.parametrize("value", ["[]", "[1, 2]", "3"])
def test_a_bad_termbase_setting_is_a_usage_error(tmp_path: Path, value: str) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(f"[tool.mustalah]\ntermbase = {value}\n", encoding="utf-8")
    code, _, err = run("lint", str(RELEASE), "--config", str(config))
    assert code == 2 and "termbase" in err and "list of paths" in err and "Traceback" not in err


def test_a_missing_member_is_named(job: Path) -> None:
    code, _, err = run("lint", str(RELEASE), "--no-config", "--termbase", str(job), "--termbase", "nope.tbx")
    assert code == 2 and "nope.tbx" in err and "termbase not found" in err


def test_check_over_a_set_reports_a_form_under_two_concepts_of_two_termbases(
    tmp_path: Path, job: Path
) -> None:
    dept = tmp_path / "dept.yaml"
    dept.write_text(DEPT, encoding="utf-8")
    argv = ("termbase", "check", "--termbase", SHIPPED, "--termbase", str(dept), "--format", "json")
    code, out, _ = run(*argv)
    doc = json.loads(out)
    assert code == 1
    cross = [p for p in doc["problems"] if p["code"] == "TB016"]
    assert len(cross) == 1 and cross[0]["concept"] == "DEPT-CENTRE"
    assert "'Counter-Terrorism Centre' (en)" in cross[0]["message"]
    assert f"DEPT-CENTRE from {dept}" in cross[0]["message"] and "UNCCT from @shipped" in cross[0]["message"]
    assert cross[0]["file"].endswith("dept.yaml") and cross[0]["line"] > 0
    # Overriding a concept is what a set is for: no problem, and the text summary counts it.
    code, out, _ = run("termbase", "check", "--termbase", SHIPPED, "--termbase", str(job))
    assert code == 0 and "2 concept(s) overridden" in out and "TB016" not in out
    # The same two sources as one termbase: the shared form is the ordinary TB006.
    one = tmp_path / "one"
    one.mkdir()
    (one / "dept.yaml").write_text(DEPT, encoding="utf-8")
    (one / "centre.yaml").write_text(
        "domain: entities\nconcepts:\n  - id: UNCCT\n    note: x\n    terms:\n      en:\n"
        "        - Counter-Terrorism Centre\n      ar:\n        - مركز مكافحة الإرهاب\n",
        encoding="utf-8",
    )
    code, out, _ = run("termbase", "check", "--termbase", str(one), "--format", "json")
    assert {p["code"] for p in json.loads(out)["problems"]} >= {"TB006"} and "TB016" not in out


def test_check_over_a_set_with_a_real_tbx(tmp_path: Path) -> None:
    """A TBX-Basic sample from the TBX steering committee's test files as a second layer."""
    tbx = shared_path("conformance", "tbx", "basic_good.tbx")
    argv = ("termbase", "check", "--termbase", SHIPPED, "--termbase", str(tbx), "--format", "json")
    code, out, _ = run(*argv)
    doc = json.loads(out)
    assert doc["concepts"] > 400  # both layers
    files = {p["file"] for p in doc["problems"] if p["file"]}
    assert any(f.endswith("basic_good.tbx") for f in files)  # its own problems, located in it
    assert code == 1  # the sample has no Arabic: TB008, located


def test_real_po_file_with_a_job_list(tmp_path: Path) -> None:
    """A real Arabic PO catalogue (Gradia, ../shared/conformance/po/ar.po) with a job list that
    deprecates the catalogue's own word for the screenshot folder."""
    po = shared_path("conformance", "po", "ar.po")
    job = tmp_path / "gradia.yaml"
    job.write_text(
        "domain: concepts\nconcepts:\n  - id: SCREENSHOT-FOLDER\n    note: job list\n    terms:\n"
        "      en:\n        - Screenshot Folder\n      ar:\n        - مجلد لقطات الشاشة\n"
        "        - {text: مجلد اللقطات, status: deprecated}\n",
        encoding="utf-8",
    )
    code, out, _ = run(
        "lint", str(po), "--no-config", "--termbase", SHIPPED, "--termbase", str(job), "--format", "json",
        "--fail-on", "never",
    )
    found = [f for f in json.loads(out)["findings"] if f["concept"] == "SCREENSHOT-FOLDER"]
    assert code == 0 and found
    assert {(f["code"], f["text"], f["suggestion"], f["termbase"]) for f in found} == {
        ("TM002", "مجلد اللقطات", "مجلد لقطات الشاشة", str(job))
    }


def test_the_index_cache_key_covers_the_whole_set(
    tmp_path: Path, job: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MUSTALAH_CACHE_DIR", str(tmp_path / "cache"))
    spec = (SHIPPED, str(job))
    first = cache.cache_file(spec)
    assert first != cache.cache_file(spec[::-1]) != cache.cache_file(str(job))
    assert cache.cache_file((SHIPPED,)) == cache.cache_file(None)  # one member is that termbase
    # The layer map is stored with the index: a fresh process (memo cleared) reads it from disk.
    cache.clear_memo()
    cache.cached_index(spec)
    cache.clear_memo()
    termbase, _ = cache.cached_index(spec)
    stats = cache.last_stats()
    assert stats is not None and stats.hit
    label = labeller(spec, termbase)
    assert (label("PCVE"), label("UNCCT"), label(None)) == (str(job), SHIPPED, None)
    # A changed member is another index.
    member = job / "job.yaml"
    st = member.stat()
    os.utime(member, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    assert cache.cache_file(spec) != first
    cache.clear_memo()
