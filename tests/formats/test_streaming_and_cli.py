"""Constant-memory reading of large TMX, and the `mustalah export` command."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from mustalah.cli.main import main
from mustalah.formats import read_segments
from tests.conftest import shared_path
from tests.formats.schemas import assert_valid, tmx_dtd, xliff21


def _big_tmx(path: Path, units: int) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" '
            'segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext" creationtool="t" '
            'creationtoolversion="1"/><body>\n'
        )
        for n in range(units):
            handle.write(
                f'<tu tuid="{n}"><prop type="x-n">{n}</prop><tuv xml:lang="en"><seg>The Office '
                f'<ph x="1">&lt;br/&gt;</ph>number {n} supports Member States.</seg></tuv>'
                f'<tuv xml:lang="ar"><seg>يدعم المكتب رقم {n} الدول الأعضاء.</seg></tuv></tu>\n'
            )
        handle.write("</body></tmx>\n")


def _peak_while_reading(path: Path) -> tuple[int, int]:
    tracemalloc.start()
    count = sum(1 for _ in read_segments(path))
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return count, peak


def test_tmx_reading_memory_is_flat(tmp_path: Path) -> None:
    small, large = tmp_path / "small.tmx", tmp_path / "large.tmx"
    _big_tmx(small, 1_000)
    _big_tmx(large, 15_000)
    small_count, small_peak = _peak_while_reading(small)
    large_count, large_peak = _peak_while_reading(large)
    assert (small_count, large_count) == (1_000, 15_000)
    # 15x the data must not need anywhere near 15x the memory, nor a sizeable share of the file.
    assert large_peak < 3 * small_peak + 512 * 1024
    assert large_peak < large.stat().st_size / 10


def test_export_tmx_from_release_folder_and_refuse_overwrite(tmp_path: Path, capsys: object) -> None:
    folder = tmp_path / "release"
    folder.mkdir()
    (folder / "en.txt").write_text("Title\n\nThe Office met.\n", encoding="utf-8")
    (folder / "ar.txt").write_text("العنوان\n\nاجتمع المكتب.\n", encoding="utf-8")
    out = tmp_path / "out.tmx"
    assert (
        main(["export", "tmx", str(folder), "-o", str(out), "--source-lang", "en", "--target-lang", "ar-SA"])
        == 0
    )
    assert_valid(tmx_dtd(), out)
    segments = list(read_segments(out))
    assert [(s.unit, s.source, s.target, s.target_lang) for s in segments] == [
        ("1", "Title", "العنوان", "ar-SA"),
        ("2", "The Office met.", "اجتمع المكتب.", "ar-SA"),
    ]
    po = shared_path("conformance", "po", "ar.po")
    assert main(["export", "tmx", str(po), str(folder), "-o", str(out)]) == 0
    assert len({s.unit for s in read_segments(out)}) == 276 + 2  # file#unit tuids stay unique
    assert main(["export", "tmx", str(out), "-o", str(out)]) == 2


def test_export_xliff_and_glossary_commands(tmp_path: Path) -> None:
    tmx = shared_path("conformance", "tmx", "ImportTest2A.tmx")
    out = tmp_path / "out.xlf"
    assert (
        main(
            [
                "export",
                "xliff",
                "--version",
                "2.1",
                "--no-hints",
                str(tmx),
                "-o",
                str(out),
                "--source-lang",
                "en-us",
                "--target-lang",
                "fr-ca",
            ]
        )
        == 0
    )
    assert_valid(xliff21(), out)
    assert len(list(read_segments(out))) == 7
    bad = tmp_path / "bad.tmx"
    bad.write_text("<tmx><body><tu>", encoding="utf-8")
    assert main(["export", "tmx", str(bad), "-o", str(tmp_path / "x.tmx")]) == 2
    assert not (tmp_path / "x.tmx").exists()
