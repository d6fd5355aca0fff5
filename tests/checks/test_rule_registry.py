"""Every rule class in ``mustalah.checks`` is registered in ``ALL_RULES``, exactly once.

A rule written but left out of the registry never runs, and nothing else would say so.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import mustalah.checks
from mustalah.checks.base import CorpusRule, Rule
from mustalah.checks.registry import ALL_RULES

ABSTRACT = {Rule, CorpusRule}


def rule_classes() -> set[type[Rule]]:
    """Every concrete Rule subclass defined in a module of mustalah.checks."""
    found: set[type[Rule]] = set()
    for info in pkgutil.iter_modules(mustalah.checks.__path__, "mustalah.checks."):
        module = importlib.import_module(info.name)
        for _name, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, Rule) and obj not in ABSTRACT and obj.__module__ == module.__name__:
                found.add(obj)
    return found


def test_every_rule_class_is_registered_once() -> None:
    classes = rule_classes()
    assert len(classes) >= 40
    unregistered = sorted(f"{c.__module__}.{c.__qualname__}" for c in classes - set(ALL_RULES))
    assert not unregistered, f"Rule classes missing from checks.registry.ALL_RULES: {unregistered}"
    assert len(ALL_RULES) == len(set(ALL_RULES))
    assert set(ALL_RULES) <= classes


def test_a_rule_class_defined_outside_the_registry_is_found() -> None:
    """The walk sees a new rule class: one defined after import is a subclass like any other."""

    class Unregistered(Rule):
        code = "ZZ999"
        name = "unregistered"

    Unregistered.__module__ = "mustalah.checks.meta"
    import mustalah.checks.meta as meta

    meta.Unregistered = Unregistered  # type: ignore[attr-defined]
    try:
        assert Unregistered in rule_classes() - set(ALL_RULES)
    finally:
        del meta.Unregistered  # type: ignore[attr-defined]
