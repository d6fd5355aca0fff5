"""Mentions: a name and the acronym in parentheses after it, paired up.

``مركز الأمم المتحدة لمكافحة الإرهاب (UNCCT)`` is one mention of UNCCT.  When the
acronym belongs to another concept (``… (UNOCT)``) the pair is kept with both
concepts so the acronym rule can report it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .types import TermMatch

_BETWEEN = re.compile(r"^\s*\(\s*$")
_AFTER = re.compile(r"^\s*\)")


@dataclass(frozen=True, slots=True)
class Mention:
    concept_id: str
    name: TermMatch | None
    acronym: TermMatch | None

    @property
    def start(self) -> int:
        first = self.name or self.acronym
        assert first is not None
        return first.start

    @property
    def paired_other(self) -> bool:
        """A name followed by another concept's acronym."""
        return (
            self.name is not None
            and self.acronym is not None
            and self.acronym.concept_id != self.name.concept_id
        )


def mentions(text: str, matches: tuple[TermMatch, ...]) -> list[Mention]:
    out: list[Mention] = []
    i = 0
    while i < len(matches):
        m = matches[i]
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        if (
            not m.term.is_acronym
            and nxt is not None
            and nxt.term.is_acronym
            and _BETWEEN.match(text[m.end : nxt.start])
            and _AFTER.match(text[nxt.end :])
        ):
            out.append(Mention(m.concept_id, m, nxt))
            i += 2
            continue
        if m.term.is_acronym:
            out.append(Mention(m.concept_id, None, m))
        else:
            out.append(Mention(m.concept_id, m, None))
        i += 1
    return out
