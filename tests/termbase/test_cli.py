"""`mustalah termbase …` run in-process: exit codes, output shapes, written files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mustalah.cli.main import main
from mustalah.termbase.loader import read_termbase
from mustalah.termbase.yaml_io import read_yaml

from ..conftest import shared_path
from .helpers import BAD, GOOD


def test_stats_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["termbase", "stats", "--termbase", str(GOOD), "--format", "json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    tb = read_yaml(GOOD).termbase
    assert stats["concepts"] == len(tb)
    assert stats["terms"]["en"] == len(list(tb.terms("en")))
    assert stats["terms"]["ar"] == len(list(tb.terms("ar")))
    assert stats["by_domain"] == {"concepts": 3, "entities": 2}
    assert sum(stats["by_status"].values()) == sum(stats["by_type"].values()) == sum(stats["terms"].values())


def test_stats_default_termbase_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["termbase", "stats"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("concepts: ") and "terms:" in out


def test_check_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["termbase", "check", "--termbase", str(GOOD)]) == 0
    assert "clean" in capsys.readouterr().out
    assert main(["termbase", "check", "--termbase", str(BAD / "no_note.yaml")]) == 0  # warnings only
    capsys.readouterr()
    assert main(["termbase", "check", "--termbase", str(BAD / "shared_form.yaml")]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert "shared_form.yaml:14: TB006 'security council' (en) is a form of OTHER-COUNCIL" in lines[0]
    assert lines[-1].endswith("5 concepts, 2 error(s), 0 warning(s)")
    assert main(["termbase", "check", "--termbase", str(tmp_path / "missing")]) == 2
    assert "termbase not found" in capsys.readouterr().err


def test_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["termbase", "check", "--termbase", str(BAD / "dangling.yaml"), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["version"] == 1 and (report["errors"], report["warnings"]) == (2, 1)
    assert {p["code"] for p in report["problems"]} == {"TB010", "TB015"}
    assert all(p["line"] == 3 and p["concept"] == "GCTS" for p in report["problems"])


def test_check_unreadable_tbx_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    path = shared_path("conformance", "tbx", "poorly_formed_xml.tbx")
    assert main(["termbase", "check", "--termbase", str(path)]) == 2
    assert "poorly_formed_xml.tbx:42" in capsys.readouterr().err


@pytest.mark.parametrize(("target", "name"), [
    ("tbx2019", "o.tbx"), ("tbx2008", "o2008.tbx"), ("csv", "o.csv"), ("tsv", "o.tsv"), ("yaml", "o.yaml"),
])
def test_export_every_target_reads_back(tmp_path: Path, target: str, name: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / name
    assert main(["termbase", "export", "--to", target, "--termbase", str(GOOD), "-o", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().err
    assert read_termbase(out).termbase.concepts == read_yaml(GOOD).termbase.concepts


def test_export_refuses_bad_output_and_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "in.yaml"
    target.write_bytes((GOOD / "concepts.yaml").read_bytes())
    assert main(["termbase", "export", "--to", "csv", "--termbase", str(target), "-o", str(target)]) == 2
    assert "also an input" in capsys.readouterr().err
    assert main(["termbase", "export", "--to", "csv", "--termbase", str(BAD / "bad_values.yaml"),
                 "-o", str(tmp_path / "x.csv")]) == 2
    assert not (tmp_path / "x.csv").exists()
    with pytest.raises(SystemExit) as info:
        main(["termbase", "export", "--to", "docx", "-o", str(tmp_path / "x")])
    assert info.value.code == 2


def test_import_tbx_to_yaml_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = shared_path("conformance", "tbx", "tbx_basic_sample_badelement.tbx")
    assert main(["termbase", "import", str(source), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "TB101 unknown element <comment>" in err and "wrote" in err
    back = read_yaml(tmp_path / "out")
    assert [p.code for p in back.problems] == []
    assert len(back.termbase) == 2


def test_import_with_errors_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "g.csv"
    source.write_text("concept_id,lang,term,status\nA,en,x,favourite\n", encoding="utf-8")
    assert main(["termbase", "import", str(source), "-o", str(tmp_path / "out.yaml")]) == 1
    assert "nothing written" in capsys.readouterr().err
    assert not (tmp_path / "out.yaml").exists()


def test_help_texts(capsys: pytest.CaptureFixture[str]) -> None:
    for action in ("stats", "check", "export", "import"):
        with pytest.raises(SystemExit):
            main(["termbase", action, "--help"])
        assert "--termbase" in capsys.readouterr().out or action == "import"
    assert main(["termbase"]) == 2
    assert "ACTION" in capsys.readouterr().err
