"""Reference shape and line counts are checked before scoring; the CLI exits 2 with a located message."""

from __future__ import annotations

from pathlib import Path

import pytest

from mustalah.cli.main import main
from mustalah.errors import InputError
from mustalah.scoring import ScoreOptions, check_reference_shape, score_corpus

from .conftest import lines

HYPS = ["the cat sat", "on the mat", "today"]


def test_segment_lists_instead_of_streams_are_rejected_with_a_hint() -> None:
    # sacreBLEU silently scores only the first segment for this shape (mjpost/sacrebleu#220).
    with pytest.raises(InputError) as err:
        check_reference_shape(HYPS, [[h] for h in HYPS])
    assert "reference stream 1 has 1 strings for 3 hypotheses" in str(err.value)
    assert "K streams of N strings" in str(err.value)


def test_flat_reference_list_is_rejected() -> None:
    with pytest.raises(InputError, match="flat list"):
        check_reference_shape(HYPS, HYPS)


def test_short_second_stream_is_located() -> None:
    with pytest.raises(InputError) as err:
        score_corpus([HYPS], [HYPS, HYPS[:2]], ScoreOptions(metrics=("bleu",)))
    assert err.value.unit == "references[1]"


def test_right_shape_passes() -> None:
    check_reference_shape(HYPS, [HYPS, HYPS])


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["score", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_line_count_mismatch_exits_2_naming_files_and_counts(
    tmp_path: Path, mt_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    short = tmp_path / "short.ar"
    short.write_text("\n".join(lines(mt_dir / "system-a.ar")[:20]) + "\n", encoding="utf-8")
    code, out, err = _run(
        capsys,
        "--source",
        str(mt_dir / "source.en"),
        "--reference",
        str(mt_dir / "reference.ar"),
        str(short),
        "--metrics",
        "bleu",
    )
    assert code == 2
    assert out == ""
    assert f"{short}: hypothesis has 20 segments, but {mt_dir / 'source.en'} has 25" in err
    assert "Traceback" not in err


def test_cli_reference_mismatch_and_missing_file(
    tmp_path: Path, mt_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ref = tmp_path / "ref.ar"
    ref.write_text("واحد\nاثنان\n", encoding="utf-8")
    code, _, err = _run(
        capsys,
        "--source",
        str(mt_dir / "source.en"),
        "--reference",
        str(ref),
        str(mt_dir / "system-a.ar"),
        "-m",
        "chrf++",
    )
    assert code == 2 and f"{ref}: reference has 2 segments, but" in err
    code, _, err = _run(
        capsys,
        "--source",
        str(mt_dir / "source.en"),
        "--reference",
        str(tmp_path / "nope.ar"),
        str(mt_dir / "system-a.ar"),
        "-m",
        "bleu",
    )
    assert code == 2 and "nope.ar: no such file" in err


def test_cli_bad_metric_and_bad_encoding(
    tmp_path: Path, mt_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(
        capsys,
        "--source",
        str(mt_dir / "source.en"),
        "--reference",
        str(mt_dir / "reference.ar"),
        str(mt_dir / "system-a.ar"),
        "-m",
        "bleu,meteor",
    )
    assert code == 2 and "unknown metric 'meteor'" in err
    latin = tmp_path / "latin1.ar"
    latin.write_bytes(b"caf\xe9\n" * 25)
    code, _, err = _run(
        capsys,
        "--source",
        str(mt_dir / "source.en"),
        "--reference",
        str(mt_dir / "reference.ar"),
        str(latin),
        "-m",
        "bleu",
    )
    assert code == 2 and f"{latin}:1: not UTF-8" in err
