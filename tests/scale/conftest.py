"""Fixtures for the scale tests: a real bilingual corpus laid out as several inputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RELEASES = REPO / "corpora" / "releases"


def release_lines() -> tuple[list[str], list[str]]:
    """Every non-empty aligned paragraph of the repository's release corpus (real UN text)."""
    en: list[str] = []
    ar: list[str] = []
    for folder in sorted(RELEASES.iterdir()):
        if not (folder / "en.txt").is_file():
            continue
        e = [x for x in (folder / "en.txt").read_text(encoding="utf-8").splitlines() if x.strip()]
        a = [x for x in (folder / "ar.txt").read_text(encoding="utf-8").splitlines() if x.strip()]
        if len(e) == len(a):
            en.extend(e)
            ar.extend(a)
    return en, ar


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Release folders + a Moses pair + a TSV + a plain text file (with blank lines), all real text."""
    out = tmp_path_factory.mktemp("scale")
    en, ar = release_lines()
    assert len(en) > 20
    # Repeat to get a few hundred lines, with blank lines in places (all readers must skip/keep them alike).
    en_lines = [x for _ in range(6) for x in en]
    ar_lines = [x for _ in range(6) for x in ar]
    for k in range(0, len(en_lines), 37):
        en_lines[k] = ""
        ar_lines[k] = ""
    (out / "corpus.en").write_text("\n".join(en_lines) + "\n", encoding="utf-8")
    (out / "corpus.ar").write_text("\n".join(ar_lines) + "\n", encoding="utf-8")
    tsv = [f"{e}\t{a}" if e else "" for e, a in zip(en_lines, ar_lines, strict=False)]
    (out / "pairs.tsv").write_text("\n".join(tsv) + "\n", encoding="utf-8")
    (out / "arabic.txt").write_text("\n".join(ar_lines) + "\n", encoding="utf-8")
    # A snapshot of the releases: every run in a test must see the same bytes.
    shutil.copytree(RELEASES, out / "releases")
    return out


@pytest.fixture(scope="session")
def lint_inputs(corpus_dir: Path) -> list[str]:
    return [
        str(corpus_dir / "releases"),
        str(corpus_dir / "corpus.en"),
        str(corpus_dir / "pairs.tsv"),
        str(corpus_dir / "arabic.txt"),
    ]


@pytest.fixture(scope="session")
def bench_10k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generator's 10k corpus: ``bench/data/10k`` when `make bench` made it, else generated
    here (about a second) with ``../shared/bench/gen_corpus.py``; skipped without ../shared."""
    import subprocess
    import sys

    from tests.conftest import shared_path

    made = REPO / "bench" / "data" / "10k"
    if (made / "manifest.json").is_file():
        return made
    generator = shared_path("bench", "gen_corpus.py")
    out = tmp_path_factory.mktemp("bench")
    subprocess.run(
        [sys.executable, str(generator), "--n", "10k", "--out", str(out)], check=True, capture_output=True
    )
    return out / "10k"


@pytest.fixture(scope="session")
def bench_termbase_10k(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generator's 10k-term termbase in mustalah's TSV layout (bench/termbases.py), from
    ``bench/data/terms`` when `make bench` made it, else generated here; skipped without ../shared."""
    import subprocess
    import sys

    from bench.termbases import convert

    from tests.conftest import shared_path

    made = REPO / "bench" / "data" / "terms" / "termbase-10000.tsv"
    out = tmp_path_factory.mktemp("bench-terms")
    if not made.is_file():
        generator = shared_path("bench", "gen_corpus.py")
        subprocess.run(
            [sys.executable, str(generator), "--terms-only", "--out", str(out)],
            check=True,
            capture_output=True,
        )
        made = out / "terms" / "termbase-10000.tsv"
    return convert(made, out / "converted")
