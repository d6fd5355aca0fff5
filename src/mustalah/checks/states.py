"""Member State names: the UN short name, as the termbase records it."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Finding
from ..termbase.model import Status
from .base import Rule, UnitContext
from .terms import preferred_for, suggest

STATE_DOMAIN = "member-states"


class StateShortName(Rule):
    """A Member State named otherwise than by its UN short name.

    What it catches:
        A Member State (termbase domain ``member-states``) written in a form other
        than its preferred UN short name: a non-UN or outdated name (``Ivory Coast``,
        ``Swaziland``, ``North Korea``) is an error; a formal or alternative name that
        the termbase admits (``Kingdom of Saudi Arabia``) is an info note.  TM002 and
        TM009 leave Member States to this rule.
    Why it matters:
        UN texts name States by the short names of the UN's official list (UNTERM,
        the Protocol list); other names can carry political meaning.
    Example:
        en: the delegation of Ivory Coast
        ar: وفد كوت ديفوار
    Use instead:
        en: the delegation of Côte d'Ivoire
    Suppress:
        `mustalah: ignore ST007` in the unit's note.
    """

    code = "ST007"
    name = "state-short-name"
    category = "style"
    severity = "error"

    def check(self, ctx: UnitContext) -> Iterable[Finding]:
        for view in ctx.sides:
            for m in view.matches:
                if m.term.status is Status.PREFERRED:
                    continue
                concept = ctx.termbase.get(m.concept_id)
                if concept is None or concept.domain != STATE_DOMAIN:
                    continue
                better = preferred_for(concept, m.term, m.term.lang)
                if better is None or better.text == m.term.text:
                    continue
                admitted = m.term.status is Status.ADMITTED
                why = f" ({m.term.note})" if m.term.note else ""
                yield self.finding(
                    ctx,
                    view,
                    m.start,
                    m.end,
                    f"the UN short name of this Member State is '{better.text}'{why}",
                    concept=m.concept_id,
                    suggestion=suggest(m, better),
                    severity="info" if admitted else None,
                )
