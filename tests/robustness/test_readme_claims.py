"""Each robustness claim of the README, held by a run of the command (exit 2, a located
message with a hint, no traceback) — the cases the issue found untrue."""

from __future__ import annotations

import http.server
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from .faults import assert_located, release, run

HEADER = (
    '<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" '
    'creationtool="t" creationtoolversion="1" o-tmf="t"/><body>'
    '<tu><tuv xml:lang="en"><seg>The Security Council met today.</seg></tuv>'
    '<tuv xml:lang="ar"><seg>اجتمع مجلس الأمن اليوم.</seg></tuv></tu></body></tmx>\n'
)


def _lint(tmp_path: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return run("lint", "--no-config", "--no-progress", *argv, cwd=tmp_path)


@pytest.mark.parametrize("name", ["empty.po", "empty.txt", "empty.tmx"])
def test_empty_file_is_an_error(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"")
    assert_located(_lint(tmp_path, name), name, "empty file")


def test_nul_byte_in_po_is_refused(tmp_path: Path) -> None:
    po = tmp_path / "nul.po"
    po.write_bytes(
        b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        b'msgid "Hello\x00 world"\nmsgstr "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7"\n'
    )
    assert_located(_lint(tmp_path, "nul.po"), "nul.po:5", "NUL byte at byte offset 76")


def test_utf8_file_declaring_windows_1256_is_refused(tmp_path: Path) -> None:
    (tmp_path / "lying.tmx").write_text(
        '<?xml version="1.0" encoding="windows-1256"?>\n' + HEADER, encoding="utf-8"
    )
    done = _lint(tmp_path, "lying.tmx")
    assert_located(done, "lying.tmx:1", "windows-1256", "UTF-8")
    # the same text truly in windows-1256 reads (and its Arabic is Arabic)
    (tmp_path / "true.tmx").write_bytes(
        ('<?xml version="1.0" encoding="windows-1256"?>\n' + HEADER).encode("cp1256")
    )
    done = run("export", "tmx", "true.tmx", "-o", "out.tmx", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "مجلس الأمن" in (tmp_path / "out.tmx").read_text(encoding="utf-8")


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'<!ENTITY x "pwned">')

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def dtd_server() -> Iterator[str]:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Recorder.requests = []
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()


def test_dtd_by_url_is_never_fetched(tmp_path: Path, dtd_server: str) -> None:
    """The README's claim as tests show it: a DTD URL other than the official names is refused;
    the official name by URL or by PUBLIC id is read without opening it (no request reaches
    a server listening at that URL)."""
    evil = f'<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "{dtd_server}/evil.dtd">\n' + HEADER
    (tmp_path / "evil.tmx").write_text(evil, encoding="utf-8")
    assert_located(_lint(tmp_path, "evil.tmx"), "evil.tmx:2", "external DTD")
    for name, doctype in (
        ("official.tmx", f'<!DOCTYPE tmx SYSTEM "{dtd_server}/tmx14.dtd">'),
        (
            "public.tmx",
            f'<!DOCTYPE tmx PUBLIC "-//LISA OSCAR:1998//DTD for TMX 1.4//EN" "{dtd_server}/tmx14.dtd">',
        ),
    ):
        (tmp_path / name).write_text(f'<?xml version="1.0"?>\n{doctype}\n' + HEADER, encoding="utf-8")
        done = _lint(tmp_path, name)
        assert done.returncode in (0, 1), done.stderr
    assert _Recorder.requests == []


def test_release_folder_without_arabic_is_an_error(tmp_path: Path) -> None:
    rel = release(tmp_path)
    (rel / "ar.txt").unlink()
    assert_located(_lint(tmp_path, "rel"), "rel", "missing ar.txt")
    (rel / "ar.txt").mkdir()
    assert_located(_lint(tmp_path, "rel"), "rel", "ar.txt is not a file")
    # inside a walked folder too, and with --keep-going it is listed, the others linted
    assert_located(_lint(tmp_path, str(tmp_path)), "ar.txt is not a file")
    release(tmp_path, "good")
    done = _lint(tmp_path, "--keep-going", "--format", "json", "good", "rel")
    assert done.returncode == 2 and "ar.txt is not a file" in done.stderr


def _yaml_termbase(tmp_path: Path) -> Path:
    tsv = tmp_path / "tb.tsv"
    tsv.write_text(
        "concept_id\tlang\tterm\tdomain\nSC\ten\tSecurity Council\tentities\nSC\tar\tمجلس الأمن\tentities\n"
        "GA\ten\tGeneral Assembly\tconcepts\nGA\tar\tالجمعية العامة\tconcepts\n",
        encoding="utf-8",
    )
    done = run("termbase", "import", str(tsv), "-o", "tb", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return tmp_path / "tb"


def test_duplicate_concept_ids_stop_lint_and_import(tmp_path: Path) -> None:
    folder = _yaml_termbase(tmp_path)
    rel = release(tmp_path)
    assert _lint(tmp_path, str(rel), "--termbase", str(folder)).returncode in (0, 1)
    (folder / "zz-copy.yaml").write_bytes((folder / "entities.yaml").read_bytes())
    assert_located(_lint(tmp_path, str(rel), "--termbase", str(folder)), "TB005", "duplicate concept id SC")
    tbx = tmp_path / "dup.tbx"
    done = run(
        "termbase",
        "export",
        "--to",
        "tbx2019",
        "--termbase",
        str(folder / "entities.yaml"),
        "-o",
        str(tbx),
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    text = tbx.read_text(encoding="utf-8")
    start, end = text.index("<conceptEntry"), text.rindex("</conceptEntry>") + len("</conceptEntry>")
    tbx.write_text(text[:end] + text[start:end] + text[end:], encoding="utf-8")
    done = run("termbase", "import", str(tbx), "-o", "out", cwd=tmp_path)
    assert done.returncode == 1 and "TB005" in done.stderr and "nothing written" in done.stderr, done.stderr
    assert not (tmp_path / "out").exists()
    assert_located(_lint(tmp_path, str(rel), "--termbase", str(tbx)), "TB005")


def test_unknown_code_in_per_file_ignores_is_refused(tmp_path: Path) -> None:
    rel = release(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.mustalah.per-file-ignores]\n"rel/*" = ["TM001", "XX999"]\n', encoding="utf-8"
    )
    done = run("lint", "--no-progress", str(rel), cwd=tmp_path)
    assert_located(done, "pyproject.toml", "XX999")


def test_paired_n_zero_is_refused(tmp_path: Path) -> None:
    rel = release(tmp_path)
    done = run(
        "score",
        "--source",
        str(rel / "en.txt"),
        "-r",
        str(rel / "ar.txt"),
        str(rel / "ar.txt"),
        "--paired",
        "bootstrap",
        "--paired-n",
        "0",
        cwd=tmp_path,
    )
    assert_located(done, "--paired-n 0", "at least 1")


# --- the same faults in real files other people wrote (tests/formats/real/PROVENANCE.md) -------

REAL = Path(__file__).resolve().parents[1] / "formats" / "real"


def test_real_po_with_a_nul_byte_or_as_utf16_is_refused(tmp_path: Path) -> None:
    """KDE Lokalize PO (Amine27/plasma_applet_mawakit, GPL-3.0): read as it is; with a NUL
    byte in msgstr "العرض" (line 23), or saved as UTF-16, refused at that place."""
    real = (REAL / "plasma_applet_mawakit.ar.po").read_bytes()
    (tmp_path / "ok.po").write_bytes(real)
    assert _lint(tmp_path, "ok.po").returncode in (0, 1)
    at = real.index("العرض".encode())
    (tmp_path / "nul.po").write_bytes(real[:at] + b"\x00" + real[at:])
    assert_located(_lint(tmp_path, "nul.po"), "nul.po:23", f"NUL byte at byte offset {at}")
    (tmp_path / "utf16.po").write_bytes(real.decode("utf-8").encode("utf-16"))
    assert_located(_lint(tmp_path, "utf16.po"), "utf16.po", "NUL byte")


def test_real_xliff_resaved_with_a_lying_declaration_is_refused(tmp_path: Path) -> None:
    """Angular XLIFF 1.2 (WISE-Community/WISE-Client, GPL-3.0): UTF-8 as written; the same bytes
    under encoding='windows-1256' are refused instead of linted as mojibake."""
    real = (REAL / "wise-messages.ar.xlf").read_bytes()
    (tmp_path / "ok.xlf").write_bytes(real)
    assert _lint(tmp_path, "ok.xlf").returncode in (0, 1)
    lying = real.replace(b"encoding='UTF-8'", b"encoding='windows-1256'", 1)
    assert lying != real
    (tmp_path / "lying.xlf").write_bytes(lying)
    assert_located(_lint(tmp_path, "lying.xlf"), "lying.xlf:1", "windows-1256")


def test_real_tbx_with_a_concept_twice_is_refused(tmp_path: Path) -> None:
    """Microsoft Terminology Collection TBX (poychang/Lookup-Microsoft-Terms): imports; with its
    first termEntry repeated, import writes nothing and lint refuses it as a termbase."""
    real = (REAL / "ms-terminology.tbx").read_text(encoding="utf-8")
    (tmp_path / "ok.tbx").write_text(real, encoding="utf-8")
    assert run("termbase", "import", "ok.tbx", "-o", "ok", cwd=tmp_path).returncode == 0
    start = real.index("<termEntry")
    end = real.index("</termEntry>") + len("</termEntry>")
    (tmp_path / "dup.tbx").write_text(real[:end] + "\n" + real[start:end] + real[end:], encoding="utf-8")
    done = run("termbase", "import", "dup.tbx", "-o", "dup", cwd=tmp_path)
    assert done.returncode == 1 and "TB005" in done.stderr and "nothing written" in done.stderr, done.stderr
    assert not (tmp_path / "dup").exists()
    rel = release(tmp_path)
    assert_located(_lint(tmp_path, str(rel), "--termbase", "dup.tbx"), "TB005", "duplicate concept id")
