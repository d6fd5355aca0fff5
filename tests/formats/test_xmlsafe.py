"""Hostile XML is refused, located and explained, in every XML format we parse."""

from __future__ import annotations

from pathlib import Path

import pytest

from mustalah.errors import InputError
from mustalah.formats import read_segments
from mustalah.xmlsafe import iterparse_safe, parse_safe

BODIES = {
    "tmx": (
        '<tmx version="1.4"><header srclang="en" segtype="sentence" o-tmf="x" adminlang="en" '
        'datatype="plaintext" creationtool="t" creationtoolversion="1"/><body><tu><tuv xml:lang="en">'
        '<seg>{ref}</seg></tuv><tuv xml:lang="ar"><seg>نص</seg></tuv></tu></body></tmx>'
    ),
    "xliff": (
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" '
        'source-language="en" target-language="ar" datatype="plaintext"><body><trans-unit id="1">'
        "<source>{ref}</source></trans-unit></body></file></xliff>"
    ),
    "tbx": (
        '<martif type="TBX"><text><body><termEntry id="c1"><langSet xml:lang="en"><tig><term>{ref}'
        "</term></tig></langSet></termEntry></body></text></martif>"
    ),
}
ATTACKS = {
    "billion_laughs": (
        '<!DOCTYPE {root} [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
        "&d;",
    ),
    "quadratic_blowup": ('<!DOCTYPE {root} [<!ENTITY big "' + "x" * 50000 + '">]>', "&big;" * 200),
    "external_file_entity": ('<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;"),
    "external_url_entity": ('<!DOCTYPE {root} [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/x">]>', "&xxe;"),
    "parameter_entity": ('<!DOCTYPE {root} [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>', "x"),
    "external_dtd_file": ('<!DOCTYPE {root} SYSTEM "file:///etc/passwd">', "x"),
    "external_dtd_url": ('<!DOCTYPE {root} SYSTEM "http://127.0.0.1:9/evil.dtd">', "x"),
    "external_dtd_abs_path": ('<!DOCTYPE {root} SYSTEM "/etc/passwd">', "x"),
}
ROOTS = {"tmx": "tmx", "xliff": "xliff", "tbx": "martif"}
SUFFIX = {"tmx": ".tmx", "xliff": ".xlf", "tbx": ".tbx"}


def _write(tmp_path: Path, fmt: str, doctype: str, ref: str) -> Path:
    path = tmp_path / f"attack{SUFFIX[fmt]}"
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + doctype.replace("{root}", ROOTS[fmt]) + "\n"
    path.write_text(text + BODIES[fmt].replace("{ref}", ref), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", sorted(BODIES))
@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_attack_is_refused_with_location_and_hint(tmp_path: Path, fmt: str, attack: str) -> None:
    doctype, ref = ATTACKS[attack]
    path = _write(tmp_path, fmt, doctype, ref)
    with pytest.raises(InputError) as caught:
        list(iterparse_safe(path))
    error = caught.value
    assert error.file == str(path)
    assert error.line == 2  # the DOCTYPE line
    assert error.hint
    assert "DOCTYPE" in error.message
    with pytest.raises(InputError):
        parse_safe(path)
    if fmt != "tbx":
        with pytest.raises(InputError):
            list(read_segments(path))


@pytest.mark.parametrize("fmt", sorted(BODIES))
def test_plain_dtd_reference_still_reads(tmp_path: Path, fmt: str) -> None:
    dtd = {"tmx": "tmx14.dtd", "xliff": "xliff.dtd", "tbx": "TBXcoreStructV02.dtd"}[fmt]
    path = _write(tmp_path, fmt, f'<!DOCTYPE {{root}} SYSTEM "{dtd}">', "Office")
    tree = parse_safe(path)
    assert "Office" in "".join(tree.getroot().itertext())
    if fmt != "tbx":
        assert [s.source for s in read_segments(path)] == ["Office"]


def test_lying_encoding_declaration_reports_byte_offset(tmp_path: Path) -> None:
    text = BODIES["tmx"].replace("{ref}", "x").replace("نص", "مكتب")
    data = b'<?xml version="1.0" encoding="UTF-8"?>\n' + text.encode("cp1256")
    path = tmp_path / "lie.tmx"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        list(read_segments(path))
    expected = data.index("مكتب".encode("cp1256"))
    assert f"byte offset {expected}" in caught.value.message
    assert caught.value.line == 2


def test_declared_windows_1256_reads(tmp_path: Path) -> None:
    text = BODIES["tmx"].replace("{ref}", "Office").replace("نص", "مكتب الأمم المتحدة")
    path = tmp_path / "cp1256.tmx"
    path.write_bytes(b'<?xml version="1.0" encoding="windows-1256"?>\n' + text.encode("cp1256"))
    (segment,) = read_segments(path)
    assert segment.target == "مكتب الأمم المتحدة"


def test_malformed_xml_is_located(tmp_path: Path) -> None:
    path = tmp_path / "bad.tmx"
    path.write_text(BODIES["tmx"].replace("{ref}", "a & b").replace("><body>", ">\n<body>"), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(read_segments(path))
    assert caught.value.line == 2 and caught.value.column


def test_nul_byte_in_xml_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nul.tmx"
    path.write_bytes(BODIES["tmx"].replace("{ref}", "a\x00b").encode())
    with pytest.raises(InputError):
        list(read_segments(path))
