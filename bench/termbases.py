"""Adapter: the generator's ``termbase-N.tsv`` (id, en, ar, en_acronym, ar_acronym, kind, origin)
→ mustalah's CSV/TSV termbase layout (one row per term: concept_id, lang, term, domain, type).

The generator's layout is one row per concept; ours is one row per term, so the bench converts
once into bench/out/ instead of teaching the importer a second layout.
"""

from __future__ import annotations

import csv
from pathlib import Path

_DOMAIN = {"entity": "entities", "title": "posts", "concept": "concepts"}


def convert(generated: Path, out_dir: Path) -> Path:
    """Write ``out_dir/<name>.mustalah.tsv`` (skipped when newer than the source) and return it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{generated.stem}.mustalah.tsv"
    if target.exists() and target.stat().st_mtime >= generated.stat().st_mtime:
        return target
    tmp = target.with_suffix(".tmp")
    with (
        open(generated, encoding="utf-8", newline="") as src,
        open(tmp, "w", encoding="utf-8", newline="") as dst,
    ):
        reader = csv.DictReader(src, delimiter="\t", quoting=csv.QUOTE_NONE)
        writer = csv.writer(dst, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")
        writer.writerow(["concept_id", "lang", "term", "domain", "type"])
        for row in reader:
            cid, domain = row["id"], _DOMAIN.get(row["kind"], "concepts")
            writer.writerow([cid, "en", row["en"], domain, "fullForm"])
            writer.writerow([cid, "ar", row["ar"], domain, "fullForm"])
            if row.get("en_acronym"):
                writer.writerow([cid, "en", row["en_acronym"], domain, "acronym"])
            if row.get("ar_acronym"):
                writer.writerow([cid, "ar", row["ar_acronym"], domain, "acronym"])
    tmp.replace(target)
    return target
