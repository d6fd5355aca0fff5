"""WMT21 terminology-task files: SGML ``<seg>`` lines with ``<term src=… tgt=…>`` annotations.

Two uses:

* **Default mode.**  The annotations define the terms: each annotation id becomes a concept
  whose source term is ``src`` and whose approved target forms are the ``tgt`` alternatives
  (``|``-separated) plus the reference's own surface.  Source occurrences are the annotations;
  the hypothesis is matched with the project's matcher like any other term.
* **``--compat wmt21``.**  :func:`compat_exact_match` reproduces the official script's
  exact-match count (``evaluate_term_wmt.py``, surface only), quirks included.

Where the default mode differs from the official script, and why (docs/scoring.md, "WMT21
terminology files"):

1. An occurrence is consumed once.  The official loop does not stop at the first matching
   alternative, so every alternative that also occurs uses up a position and can steal a
   later repeated term's match.
2. Forms are literal strings.  The official script puts them into a regular expression
   unescaped (``(`` or ``.`` in a term are live).
3. Matching goes through the matcher: leftmost-longest and non-overlapping across terms, word
   boundaries rather than spaces (``symptômes,`` counts), case tolerated (truecasing makes the
   first word of a segment upper-case), hyphen and other spelling variants are misses.
4. Per segment, hits = min(annotations of that term, occurrences found): a form that occurs
   once cannot satisfy two annotations, and extra occurrences earn nothing.
5. Segments are aligned by position and every segment is scored.  The official script joins the
   hypothesis by ``<seg id>`` (a duplicated id in the reference keeps only the last one).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..termbase.model import Concept, Status, Term, Termbase

_SEG = re.compile(r"<seg\b([^>]*)>(.*?)</seg>", re.S | re.I)
_TERM = re.compile(r"<term\b([^>]*)>(.*?)</term>", re.S | re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TAG = re.compile(r"<[^>]*>")
_SGML_START = re.compile(r"\s*<(srcset|refset|tstset|seg)\b", re.I)


@dataclass(frozen=True, slots=True)
class Annotation:
    """One ``<term>`` element."""

    id: str
    type: str
    src: str
    tgt: str
    surface: str


@dataclass(frozen=True, slots=True)
class SgmSegment:
    id: str
    text: str  # tags removed, entities decoded, white space as in the file
    terms: tuple[Annotation, ...]
    line: int


def is_sgml(path: str | Path) -> bool:
    """True when the file's first non-blank line opens a WMT SGML set or segment."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line.strip():
                    return bool(_SGML_START.match(line))
    except OSError:
        return False
    return False


def _attrs(text: str) -> dict[str, str]:
    return {
        m.group(1).lower(): html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
        for m in _ATTR.finditer(text)
    }


def parse_line(line: str, line_no: int, path: str) -> SgmSegment | None:
    """The segment on one line (None for lines without ``</seg>``, as the official reader)."""
    if "</seg>" not in line.lower():
        return None
    m = _SEG.search(line)
    if m is None:
        raise InputError(
            "a </seg> without a matching <seg …> on the same line",
            file=path,
            line=line_no,
            hint='WMT SGML files have one <seg id="…">…</seg> per line',
        )
    attrs = _attrs(m.group(1))
    body = m.group(2)
    terms = tuple(
        Annotation(
            id=a.get("id", ""),
            type=a.get("type", ""),
            src=a.get("src", ""),
            tgt=a.get("tgt", ""),
            surface=html.unescape(_TAG.sub("", t.group(2))),
        )
        for t in _TERM.finditer(body)
        for a in (_attrs(t.group(1)),)
    )
    return SgmSegment(
        id=attrs.get("id", ""), text=html.unescape(_TAG.sub("", body)), terms=terms, line=line_no
    )


def iter_segments(path: str | Path) -> Iterator[SgmSegment]:
    name = str(path)
    try:
        with open(path, encoding="utf-8") as handle:
            for no, line in enumerate(handle, start=1):
                seg = parse_line(line, no, name)
                if seg is not None:
                    yield seg
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 ({exc.reason})", file=name, hint="convert the file to UTF-8") from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=name) from None


def read_segments(path: str | Path) -> list[SgmSegment]:
    return list(iter_segments(path))


# --- default mode: annotations as a termbase ----------------------------------------------


def concept_id(annotation_id: str) -> str:
    return f"wmt21-{annotation_id}"


def annotation_termbase(
    source: Sequence[SgmSegment],
    reference: Sequence[SgmSegment] | None,
    source_lang: str,
    target_lang: str,
) -> Termbase:
    """One concept per annotation id: source term ``src``; targets ``tgt`` and the reference surfaces.

    Without a reference (reference-free scoring) the targets are the ``tgt`` alternatives of the
    source annotations alone.
    """
    src_forms: dict[str, dict[str, None]] = {}
    tgt_forms: dict[str, dict[str, None]] = {}
    for k, s_seg in enumerate(source):
        for ann in s_seg.terms:
            src_forms.setdefault(ann.id, {}).setdefault(" ".join((ann.src or ann.surface).split()), None)
        targets = reference[k].terms if reference is not None else s_seg.terms
        for ann in targets:
            forms = tgt_forms.setdefault(ann.id, {})
            for form in ann.tgt.split("|"):
                if form.strip():
                    forms.setdefault(" ".join(form.split()), None)
            if reference is not None and ann.surface.strip():
                forms.setdefault(" ".join(ann.surface.split()), None)
    concepts: list[Concept] = []
    for ann_id in sorted(set(src_forms) | set(tgt_forms)):
        terms: list[Term] = [Term(text=t, lang=source_lang) for t in src_forms.get(ann_id, {})]
        for k, form in enumerate(tgt_forms.get(ann_id, {})):
            terms.append(
                Term(text=form, lang=target_lang, status=Status.PREFERRED if k == 0 else Status.ADMITTED)
            )
        concepts.append(Concept(id=concept_id(ann_id), domain="wmt21", terms=tuple(terms)))
    return Termbase(concepts=tuple(concepts), name="wmt21-annotations")


def annotation_occurrences(segment: SgmSegment) -> tuple[tuple[str, str], ...]:
    """Source occurrences of a segment: its annotations, in order."""
    return tuple((concept_id(a.id), " ".join((a.src or a.surface).split())) for a in segment.terms)


# --- --compat wmt21: the official exact-match count --------------------------------------


@dataclass(frozen=True, slots=True)
class Wmt21ExactMatch:
    correct: int
    wrong: int

    @property
    def total(self) -> int:
        return self.correct + self.wrong

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def _padded(text: str) -> str:
    return " " + " ".join(text.split()) + " "


def _official_forms(ref_term: Annotation) -> list[str]:
    tgt = ref_term.tgt
    if ref_term.surface.strip() not in tgt:
        tgt = tgt + "|" + ref_term.surface.strip()
    return tgt.split("|")


def _count_segment(hyp: str, ref_terms: Sequence[Annotation]) -> tuple[int, int]:
    """The official ``compare_EXACT`` without a lemmatiser, quirks included."""
    correct = wrong = 0
    starts: list[int] = []
    for term in ref_terms:
        flag = False
        for form in _official_forms(term):
            try:
                pattern = re.compile("(?= " + form + " )")
            except re.error:  # the official script would crash; treat the form as not found
                continue
            for m in pattern.finditer(hyp):
                if m.start() not in starts:
                    starts.append(m.start())
                    flag = True
                    break  # the official loop leaves only the inner loop: later forms still run
        if flag:
            correct += 1
        else:
            wrong += 1
    return correct, wrong


def compat_segment_stats(
    source: str | Path, reference: str | Path, hypothesis: str | Path
) -> list[list[int]]:
    """Per hypothesis segment (file order): ``[correct, terms]`` as the official script counts them.

    A hypothesis segment whose id is not in the reference counts ``[0, 0]``, as the official
    script skips it.
    """
    src = read_segments(source)
    ref = read_segments(reference)
    if len(src) != len(ref):
        raise InputError(
            f"{len(ref)} segments, but the source {source} has {len(src)}",
            file=str(reference),
            hint="source and reference SGML files must be line-aligned",
        )
    refs: dict[str, tuple[Annotation, ...]] = {}
    for s_seg, r_seg in zip(src, ref, strict=True):
        refs[s_seg.id] = r_seg.terms  # last one wins, as in the official dict
    stats: list[list[int]] = []
    for seg in iter_segments(hypothesis):
        terms = refs.get(seg.id)
        if terms is None:
            stats.append([0, 0])
            continue
        c, w = _count_segment(_padded(seg.text.strip()), terms)
        stats.append([c, c + w])
    return stats


def compat_exact_match(source: str | Path, reference: str | Path, hypothesis: str | Path) -> Wmt21ExactMatch:
    """The official script's exact-match counts for one hypothesis file (``759/901`` on its sample)."""
    stats = compat_segment_stats(source, reference, hypothesis)
    correct = sum(s[0] for s in stats)
    return Wmt21ExactMatch(correct, sum(s[1] for s in stats) - correct)
