"""Small TMX / XLIFF 1.2 / XLIFF 2 / PO files built from real UN text, with what a unit-range
cut must survive: several ``<file>`` elements with their own languages, groups, TMX header
props and per-tu languages, skipped units, comments and CDATA holding ``<tu``, processing
instructions, multi-line start tags, inline codes, plural forms, msgctxt, CRLF."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from .conftest import release_lines


def corpus_lines(count: int) -> tuple[list[str], list[str]]:
    """``count`` aligned en/ar paragraphs of the release corpus (repeated as needed)."""
    en, ar = release_lines()
    times = -(-count // len(en))
    return (en * times)[:count], (ar * times)[:count]


TMX_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
    '<!-- a comment before the root: <tu tuid="fake"> -->\n<tmx version="1.4">\n'
    '  <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="x"\n'
    '          adminlang="en" srclang="en" datatype="plaintext">\n'
    '    <prop type="x-domain">UN</prop><note>header note</note>\n  </header>\n  <body>\n'
)


def tmx(en: list[str], ar: list[str], *, newline: str = "\n", minified: bool = False) -> str:
    units: list[str] = []
    for k, (e, a) in enumerate(zip(en, ar, strict=True), start=1):
        e, a = escape(e), escape(a)
        tuid = "" if k % 7 == 0 else f' tuid="t{k}"'
        if k % 5 == 0:  # inline codes, paired
            e = f'<bpt i="1">&lt;b&gt;</bpt>{e}<ept i="1">&lt;/b&gt;</ept>'
        if k % 13 == 0:  # no English tuv: skipped by the reader, still counted for positions
            body = f'<tuv xml:lang="fr"><seg>{e}</seg></tuv>'
        elif k % 11 == 0:  # per-tu srclang, tuvs in the other order
            body = f'<tuv xml:lang="ar"><seg>{a}</seg></tuv><tuv xml:lang="en"><seg>{e}</seg></tuv>'
            tuid += ' srclang="ar"'
        else:
            body = f'<tuv xml:lang="en"><seg>{e}</seg></tuv><tuv xml:lang="ar-SA"><seg>{a}</seg></tuv>'
        if k % 9 == 0:
            tuid += '\n      changedate="20240101T000000Z"'  # a start tag over two lines
        if k % 19 == 0:
            body = body.replace("</seg></tuv>", "<![CDATA[ <tu> & </tu> ]]></seg></tuv>", 1)
        extra = '<prop type="x-origin">release</prop><note>checked</note>' if k % 4 == 0 else ""
        unit = f"<tu{tuid}>{extra}{body}</tu>"
        if k % 17 == 0:
            unit = f'<!-- dropped: <tu tuid="c{k}"><tuv xml:lang="en"><seg>x</seg></tuv></tu> -->\n    {unit}'
        if k % 23 == 0:
            unit = f'<?x-tool pass="<tu>"?>{unit}'
        units.append(unit)
    if minified:
        text = TMX_HEAD + "".join(units) + "</body></tmx>\n"
    else:
        text = TMX_HEAD + "".join(f"    {u}\n" for u in units) + "  </body>\n</tmx>\n"
    return text.replace("\n", newline)


def xliff12(en: list[str], ar: list[str], *, newline: str = "\n") -> str:
    """Three <file>s: en→ar, ar→en (grouped), and one without languages."""
    files = [
        (' source-language="en" target-language="ar"', 0),
        (' source-language="ar" target-language="en"', 1),
        ("", 2),
    ]
    third = len(en) // 3
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"\n'
        '       xmlns:x="urn:example:ext">\n'
    ]
    for (langs, which), lo in zip(files, (0, third, 2 * third), strict=True):
        hi = len(en) if which == 2 else lo + third
        out.append(f'  <file original="f{which}.txt" datatype="plaintext"{langs}>\n')
        out.append("    <header><note>file header</note></header>\n    <body>\n")
        if which == 1:
            out.append('      <group id="g1" x:flag="a>b">\n')
        for k in range(lo, hi):
            src, tgt = (en[k], ar[k]) if which != 1 else (ar[k], en[k])
            src, tgt = escape(src), escape(tgt)
            uid = "" if k % 6 == 0 else f' id="u{k}"'
            note = "<note>translator note</note>" if k % 4 == 0 else ""
            if k % 10 == 0:  # two segments through seg-source
                half = len(src) // 2
                seg = (
                    f'<seg-source><mrk mtype="seg" mid="1">{src[:half]}</mrk>'
                    f'<mrk mtype="seg" mid="2">{src[half:]}</mrk></seg-source>'
                    f'<target><mrk mtype="seg" mid="1">{tgt}</mrk></target>'
                )
                out.append(f"        <trans-unit{uid}><source>{src}</source>{seg}{note}</trans-unit>\n")
                continue
            if k % 8 == 0:
                src = f'<g id="1">{src}</g><x id="2"/>'
            if k % 15 == 0:
                out.append(f"        <!-- <trans-unit id='c{k}'><source>x</source></trans-unit> -->\n")
            if k % 12 == 0:
                out.append("        <?x-review <trans-unit>?>\n")
            out.append(
                f'        <trans-unit{uid}\n            resname="r{k}">'
                f'<source>{src}</source><target state="translated">{tgt}</target>{note}</trans-unit>\n'
            )
        if which == 1:
            out.append("      </group>\n")
        out.append("    </body>\n  </file>\n")
    out.append("</xliff>\n")
    return "".join(out).replace("\n", newline)


def xliff2(en: list[str], ar: list[str]) -> str:
    half = len(en) // 2
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ar">\n'
    ]
    for f, (lo, hi) in enumerate(((0, half), (half, len(en)))):
        out.append(f'  <file id="f{f}">\n    <notes><note>file note</note></notes>\n')
        if f == 1:
            out.append('    <group id="g1">\n      <group id="g2">\n')
        for k in range(lo, hi):
            e, a = escape(en[k]), escape(ar[k])
            if k % 5 == 0:
                cut = len(e) // 2
                segs = (
                    f"<segment id='s1'><source>{e[:cut]}</source><target>{a}</target></segment>"
                    f"<ignorable><source> </source></ignorable>"
                    f"<segment><source>{e[cut:]}</source></segment>"
                )
            else:
                segs = f'<segment state="translated"><source>{e}</source><target>{a}</target></segment>'
            if k % 7 == 0:
                segs = '<originalData><data id="d1">&lt;br/&gt;</data></originalData>' + segs.replace(
                    "</source>", '<ph id="1" dataRef="d1"/></source>', 1
                )
            out.append(f'      <unit id="u{k}">{segs}</unit>\n')
        if f == 1:
            out.append("      </group>\n    </group>\n")
        out.append("  </file>\n")
    out.append("</xliff>\n")
    return "".join(out)


def _po_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def po(en: list[str], ar: list[str], *, obsolete: bool = False, newline: str = "\n") -> str:
    out = [
        'msgid ""\nmsgstr ""\n"Language: ar\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : 3;\\n"\n\n'
    ]
    for k, (e, a) in enumerate(zip(en, ar, strict=True)):
        lines = []
        if k % 3 == 0:
            lines.append(f"#. extracted {k}\n# translator {k}\n")
        lines.append(f"#: release.txt:{k + 1}\n")
        if k % 9 == 0:
            lines.append("#, fuzzy\n")
        if k % 4 == 0:
            lines.append(f"msgctxt {_po_string('ctx' + str(k % 8))}\n")
        if k % 6 == 0:  # plural: six Arabic forms
            lines.append(f"msgid {_po_string(e)}\nmsgid_plural {_po_string(e + ' (many)')}\n")
            lines += [f"msgstr[{n}] {_po_string(a if n != 2 else '')}\n" for n in range(6)]
        elif k % 5 == 0:  # wrapped strings
            cut = len(e) // 2
            lines.append(f'msgid ""\n{_po_string(e[:cut])}\n{_po_string(e[cut:])}\nmsgstr {_po_string(a)}\n')
        else:
            lines.append(f"msgid {_po_string(e)}\nmsgstr {_po_string(a)}\n")
        out.append("".join(lines) + "\n")
        if obsolete and k % 10 == 0:
            out.append(f'#~ msgid "old {k}"\n#~ msgstr "قديم"\n\n')
    return "".join(out).replace("\n", newline)


def tall(text: str) -> str:
    """Past line 65,535 (where libxml2 stops keeping element lines): blank lines before each unit,
    segment text over several lines."""
    for start in ("<tu ", "<tu>", "<trans-unit"):
        text = text.replace(start, "\n" * 480 + start)
    return text.replace(" the ", "\nthe\n").replace(" ال", "\nال")


def _utf16(text: str, order: str) -> bytes:
    """UTF-16 with a BOM, declared so, with a character outside the BMP (a surrogate pair)."""
    text = text.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    text = text.replace("</seg></tuv></tu>", " 😀</seg></tuv></tu>").replace("</target>", " 😀</target>")
    bom = b"\xff\xfe" if order == "le" else b"\xfe\xff"
    return bom + text.encode(f"utf-16-{order}")


def write_all(folder: Path, en: list[str], ar: list[str]) -> dict[str, Path]:
    """Every fixture, by name."""
    texts = {
        "units.tmx": tmx(en, ar),
        "tall.tmx": tall(tmx(en, ar, minified=True)),
        "tall.xlf": tall(xliff12(en, ar)),
        "crlf.tmx": tmx(en, ar, newline="\r\n"),
        "minified.tmx": tmx(en, ar, minified=True),
        "units.xlf": xliff12(en, ar),
        "crlf.xlf": xliff12(en, ar, newline="\r\n"),
        "units2.xlf": xliff2(en, ar),
        "units.po": po(en, ar),
        "obsolete.po": po(en, ar, obsolete=True),
        "crlf.po": po(en, ar, newline="\r\n"),
    }
    paths = {}
    for name, text in texts.items():
        paths[name] = folder / name
        paths[name].write_bytes(text.encode("utf-8"))
    for name, data in (
        ("utf16.tmx", _utf16(tmx(en, ar, newline="\r\n"), "le")),
        ("utf16be.xlf", _utf16(xliff12(en, ar), "be")),
        ("tall16.tmx", _utf16(tall(tmx(en, ar)), "le")),
    ):
        paths[name] = folder / name
        paths[name].write_bytes(data)
    return paths
