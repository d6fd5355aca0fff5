"""The lead's worksheet for a blind set: show its findings, write the verdict stub, freeze the
first review, add the verdicts to the reviewed files.

    python scripts/blind_review.py show REPORT.json          # errors and warnings, with unit text
    python scripts/blind_review.py stub REPORT.json OUT.yaml # one entry per finding key, verdict '?'
    python scripts/blind_review.py first N COMMIT ORDINAL DESC VERDICTS.yaml REPORT.json [--arabic-only]
    python scripts/blind_review.py add REPORT.json VERDICTS.yaml [TARGET.yaml]
    python scripts/blind_review.py merge-arabic-only N [N ...]

A set is linted once, at a committed HEAD, before any change (``mustalah lint … --format json``);
``stub`` writes the worksheet; the lead fills ``verdict`` (true / defensible / false) and
``cause``; ``first`` freezes ``corpora/real/blindN-first-review.yaml`` (or, with
``--arabic-only``, ``corpora/real-ar/blindarN-first-review.yaml``) with the counts
``scripts/blind_precision.py`` pools; ``add`` appends the verdicts to ``corpora/real/reviewed.yaml``
(or the file named), and ``merge-arabic-only`` merges Arabic-only first reviews into
``corpora/real-ar/reviewed.yaml`` in file and unit order.  An entry covers every finding with
the same file, unit, code and flagged text (``mustalah review``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

from mustalah.lint.review import stubs

ROOT = Path(__file__).resolve().parent.parent
REVIEWED = ("error", "warning")
VERDICTS = ("true", "defensible", "false")
Key = tuple[str, str, str, str]


def _findings(report: str) -> list[dict[str, Any]]:
    return [
        f
        for f in json.loads(Path(report).read_text(encoding="utf-8"))["findings"]
        if f["severity"] in REVIEWED
    ]


def _key(entry: dict[str, Any]) -> Key:
    return (entry["file"], str(entry["unit"]), entry["code"], entry["text"])


def _unit(path: str, unit: str) -> str:
    lines = [ln for ln in (ROOT / path).read_text(encoding="utf-8").split("\n") if ln.strip()]
    return lines[int(unit) - 1] if unit.isdigit() and int(unit) <= len(lines) else "?"


def _other(path: str) -> str | None:
    for a, b in (("/ar.txt", "/en.txt"), ("/en.txt", "/ar.txt")):
        if path.endswith(a) and (ROOT / (path[: -len(a)] + b)).exists():
            return path[: -len(a)] + b
    return None


def show(report: str) -> None:
    for i, f in enumerate(_findings(report)):
        print(f"#{i} {f['severity']} {f['code']} {f['file']} u{f['unit']} [{f['text']}]")
        print(f"   {f['message']} | fix: {f.get('suggestion')}")
        print(f"   this: {_unit(f['file'], str(f['unit']))}")
        other = _other(f["file"])
        if other:
            print(f"   other: {_unit(other, str(f['unit']))}")
        print()


def stub(report: str, out: str) -> None:
    """The worksheet ``mustalah review --stub`` writes, one entry per finding key."""
    first_of: dict[Key, dict[str, Any]] = {}
    for f in _findings(report):
        first_of.setdefault(_key(f), f)
    Path(out).write_text(stubs(first_of.values()), encoding="utf-8")
    print(f"{len(first_of)} entries -> {out}")


def _verdicts(path: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    for row in rows:
        if row.get("verdict") not in VERDICTS or not row.get("cause"):
            sys.exit(f"{path}: judge every entry (verdict and cause): {_key(row)}")
    return rows


def _flow(rows: list[dict[str, Any]], indent: str) -> str:
    keys = ("cause", "code", "file", "severity", "text", "unit", "verdict")
    out = []
    for row in rows:
        entry = {k: str(row[k]) if k == "unit" else row[k] for k in keys if k in row}
        out.append(
            indent
            + yaml.safe_dump(
                [entry], allow_unicode=True, default_flow_style=None, width=10**6, sort_keys=True
            )
        )
    return "".join(out)


def first(
    n: str, commit: str, ordinal: str, desc: str, verdicts: str, report: str, arabic_only: bool
) -> None:
    base, prefix = ("corpora/real-ar", "blindar") if arabic_only else ("corpora/real", "blind")
    findings = _findings(report)
    rows = _verdicts(verdicts)
    judged = {_key(r): r for r in rows}
    missing = {_key(f) for f in findings} - judged.keys()
    extra = judged.keys() - {_key(f) for f in findings}
    if missing or extra:
        sys.exit(f"the verdicts do not match the report: missing {sorted(missing)}, extra {sorted(extra)}")
    severity = {_key(f): f["severity"] for f in findings}
    for row in rows:
        row["severity"] = severity[_key(row)]
    total = {s: sum(f["severity"] == s for f in findings) for s in REVIEWED}
    right = {
        s: sum(f["severity"] == s and judged[_key(f)]["verdict"] != "false" for f in findings)
        for s in REVIEWED
    }

    def pct(s: str) -> str:
        return f"{round(100 * right[s] / total[s])} %" if total[s] else "n/a"

    head = (
        f"# The {ordinal} blind set's first review: every error and warning `mustalah lint` gave on the\n"
        f"# {base}/{prefix}{n}-* folders ({desc}) with the linter of\n"
        f"# commit {commit}, the first time they were linted, judged before any change to the linter.\n"
        "# Frozen: it records precision on unseen real UN text.  Current verdicts live in reviewed.yaml.\n#\n"
        + "".join(
            f"# {s + 's:':10}{total[s]} ({right[s]} true or defensible, {total[s] - right[s]} false)"
            f"  precision {pct(s)}\n"
            for s in REVIEWED
        )
    )
    rows.sort(
        key=lambda r: (r["file"], int(r["unit"]) if str(r["unit"]).isdigit() else 0, r["code"], r["text"])
    )
    body = f"measured_at: '{commit}'\n" + ("reviewed:\n" + _flow(rows, "") if rows else "reviewed: []\n")
    out = ROOT / base / f"{prefix}{n}-first-review.yaml"
    out.write_text(head + body, encoding="utf-8")
    done = ", ".join(f"{s}s {right[s]}/{total[s]}" for s in REVIEWED)
    print(f"wrote {out.relative_to(ROOT)}: {done}")


def add(report: str, verdicts: str, target: str = "corpora/real/reviewed.yaml") -> None:
    keys = {_key(f) for f in _findings(report)}
    rows = _verdicts(verdicts)
    for row in rows:
        row.pop("severity", None)
        row.pop("message", None)
        if _key(row) not in keys:
            sys.exit(f"not in the report: {_key(row)}")
    path = ROOT / target
    text = path.read_text(encoding="utf-8")
    have = {_key(e) for e in yaml.safe_load(text)["reviewed"]}
    new = [r for r in rows if _key(r) not in have]
    # corpora/real/reviewed.yaml indents its entries; reviewed-arabic-only.yaml does not
    indent = "  " if "\n  - {" in text else ""
    path.write_text(text.rstrip("\n") + "\n" + _flow(new, indent), encoding="utf-8")
    print(f"added {len(new)} to {target} ({len(rows) - len(new)} already there)")


def merge_arabic_only(numbers: list[str]) -> None:
    path = ROOT / "corpora/real-ar/reviewed.yaml"
    text = path.read_text(encoding="utf-8")
    head = text[: text.index("reviewed:")]
    rows = yaml.safe_load(text)["reviewed"]
    have = {_key(r) for r in rows}
    added = 0
    for n in numbers:
        frozen = yaml.safe_load(
            (ROOT / f"corpora/real-ar/blindar{n}-first-review.yaml").read_text(encoding="utf-8")
        )
        for row in frozen["reviewed"] or []:
            row = {k: v for k, v in row.items() if k != "severity"}
            if _key(row) not in have:
                rows.append(row)
                have.add(_key(row))
                added += 1
    rows.sort(key=lambda r: (r["file"], int(r["unit"])))
    path.write_text(head + "reviewed:\n" + _flow(rows, "  "), encoding="utf-8")
    print(f"added {added}, {len(rows)} in all")


def main(argv: list[str]) -> None:
    if not argv:
        sys.exit(__doc__)
    command, args = argv[0], argv[1:]
    if command == "show" and len(args) == 1:
        show(*args)
    elif command == "stub" and len(args) == 2:
        stub(*args)
    elif command == "first" and len(args) in (6, 7):
        n, commit, ordinal, desc, verdicts, report = args[:6]
        first(n, commit, ordinal, desc, verdicts, report, arabic_only=args[6:] == ["--arabic-only"])
    elif command == "add" and len(args) in (2, 3):
        add(*args)
    elif command == "merge-arabic-only" and args:
        merge_arabic_only(args)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
