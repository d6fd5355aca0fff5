"""Term matching: build an index once from a termbase, then find located matches.

>>> from mustalah.matching import TermIndex
>>> index = TermIndex.build(termbase)                       # doctest: +SKIP
>>> for m in index.match("أطلق مركز الأمم المتحدة لمكافحة الإرهاب", "ar"):  # doctest: +SKIP
...     print(m.concept_id, m.start, m.end, m.clitics, [d.kind for d in m.differences])
"""

from __future__ import annotations

from .index import TermIndex
from .types import MATCHER_VERSION, NearMiss, OrthoDiff, TermMatch

__all__ = ["MATCHER_VERSION", "NearMiss", "OrthoDiff", "TermIndex", "TermMatch"]
