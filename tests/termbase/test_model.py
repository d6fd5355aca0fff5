"""The termbase model as the rest of the toolkit uses it (through a real loaded termbase)."""

from __future__ import annotations

from dataclasses import replace

from mustalah.termbase import Gender, Status, TermType, load_termbase

from .helpers import GOOD


def test_preferred_prefers_full_form_and_gender() -> None:
    tb = load_termbase(GOOD)
    unoct = tb["UNOCT"]
    assert unoct.preferred("en") is not None
    assert unoct.preferred("en").text == "United Nations Office of Counter-Terrorism"  # type: ignore[union-attr]
    post = tb["post-permanent-representative"]
    assert post.preferred("ar", Gender.FEMININE).text == "الممثلة الدائمة"  # type: ignore[union-attr]
    assert post.preferred("ar", Gender.MASCULINE).text == "الممثل الدائم"  # type: ignore[union-attr]
    assert post.preferred("fr") is None


def test_acronyms_languages_and_lookup() -> None:
    tb = load_termbase(GOOD)
    assert [t.text for t in tb["UNOCT"].acronyms("ar")] == ["UNOCT"]
    assert tb["UNOCT"].languages == ("en", "ar")
    assert tb.get("NOPE") is None
    assert set(tb.languages) == {"en", "ar"}
    assert sum(1 for _ in tb.terms("ar")) == sum(len(c.terms_in("ar")) for c in tb)


def test_defaults_of_a_plain_string_term() -> None:
    term = load_termbase(GOOD)["UNCCT"].terms_in("ar")[0]
    assert (term.status, term.type, term.gender, term.exact, term.forms) == (
        Status.PREFERRED, TermType.FULL_FORM, None, False, ()
    )
    assert term.approved and not term.is_acronym


def test_content_hash_tracks_matching_fields_only() -> None:
    tb = load_termbase(GOOD)
    concept = tb["FTF"]
    changed = replace(concept, terms=(replace(concept.terms[0], exact=True), *concept.terms[1:]))
    other = replace(tb, concepts=tuple(changed if c.id == "FTF" else c for c in tb))
    assert other.content_hash() != tb.content_hash()
    renoted = replace(tb, concepts=tuple(replace(c, note="x") for c in tb))
    assert renoted.content_hash() == tb.content_hash()
