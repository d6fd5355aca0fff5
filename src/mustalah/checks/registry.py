"""The rule registry: every rule, once.  Codes are never reused."""

from __future__ import annotations

from .acronyms import AcronymMismatch, AcronymMissing, AcronymUnknown
from .base import Rule
from .entities import NoSuchEntity, TermWrongEntity
from .meta import UnusedSuppression
from .gender import HonorificSourceGender, HonorificTitleGender
from .terms import (
    ConstructArticle,
    TermAdmitted,
    TermDeprecated,
    TermMissing,
    TermNearMiss,
    TermSpellingVariant,
    TermVariant,
)

ALL_RULES: tuple[type[Rule], ...] = (
    TermMissing,
    TermDeprecated,
    TermVariant,
    TermSpellingVariant,
    ConstructArticle,
    TermNearMiss,
    TermWrongEntity,
    NoSuchEntity,
    TermAdmitted,
    AcronymMismatch,
    AcronymMissing,
    AcronymUnknown,
    HonorificTitleGender,
    HonorificSourceGender,
    UnusedSuppression,
)


def rules_by_code() -> dict[str, type[Rule]]:
    out: dict[str, type[Rule]] = {}
    for rule in ALL_RULES:
        out[rule.code] = rule
        out[rule.name] = rule
        for alias in rule.aliases:
            out[alias] = rule
    return out


def select_rules(select: list[str] | None, ignore: list[str] | None) -> list[type[Rule]]:
    """Rules enabled by ``select``/``ignore`` (codes, code prefixes like ``TM``, names or categories)."""

    def hit(rule: type[Rule], patterns: list[str]) -> bool:
        for p in patterns:
            if p in ("ALL", rule.code, rule.name, rule.category) or p in rule.aliases:
                return True
            if p.isalnum() and p.isupper() and rule.code.startswith(p):
                return True
        return False

    chosen = [r for r in ALL_RULES if not select or hit(r, select)]
    return [r for r in chosen if not ignore or not hit(r, ignore)]
