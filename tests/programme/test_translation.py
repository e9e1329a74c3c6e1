"""Tags belong to the page, not to the language: a translation carries its source's
country and theme tags, and the slugs are the same in every locale."""

from __future__ import annotations

import pytest
from wagtail_localize.fields import get_translatable_fields
from wagtail_localize.models import String, TranslationSource

from programme.models import DonorContactPage, ProgrammePhasePage

pytestmark = pytest.mark.django_db


def slugs(manager) -> set[str]:
    return set(manager.values_list("slug", flat=True))


def test_copy_for_translation_carries_the_tags(tree, locales):
    phase = tree["phase7"]
    translation = phase.copy_for_translation(locales["en"], copy_parents=True)
    translation.save_revision().publish()
    translation = ProgrammePhasePage.objects.get(pk=translation.pk)
    assert translation.locale == locales["en"]
    assert slugs(translation.countries) == {"kz", "kg"}
    assert slugs(translation.themes) == {"prevention"}
    # The same tag rows (same slugs) serve both languages; only labels differ.
    assert set(translation.countries.all()) == set(phase.countries.all())
    kz = translation.countries.get(slug="kz")
    assert (kz.label("ru"), kz.label("en")) == ("Казахстан", "Kazakhstan")
    # Partner roles come along too.
    assert [(p.partner_id, p.role) for p in translation.phase_partners.all()] == [
        (p.partner_id, p.role) for p in phase.phase_partners.all()
    ]


def test_partner_translation_carries_themes_and_country(tree, locales):
    translation = tree["ministry"].copy_for_translation(locales["en"], copy_parents=True)
    translation.save()
    assert slugs(translation.themes) == {"prevention"}
    assert translation.country.slug == "kz"


def test_wagtail_localize_sync_keeps_tags_in_step(tree, locales, vocab):
    """Translating with wagtail-localize, then retagging the source and syncing: the
    translation follows."""
    phase = tree["phase7"]
    source, _created = TranslationSource.get_or_create_from_instance(phase)
    translation, _created = source.create_or_update_translation(
        locales["en"], copy_parent_pages=True, fallback=True
    )
    assert slugs(translation.countries) == {"kz", "kg"}

    phase.countries.set([vocab["countries"]["tj"]])
    phase.themes.add(vocab["treatment"])
    phase.save_revision().publish()
    source.update_from_db()
    translation, _created = source.create_or_update_translation(locales["en"], fallback=True)
    translation = ProgrammePhasePage.objects.get(pk=translation.pk)
    assert slugs(translation.countries) == {"tj"}
    assert slugs(translation.themes) == {"prevention", "treatment"}


def test_codes_are_not_offered_to_translators(tree):
    """Currency and postal code are synchronised: a translator cannot turn EUR into ЕВРО."""
    phase_fields = {f.field_name: f for f in get_translatable_fields(ProgrammePhasePage)}
    assert not phase_fields["budget_currency"].is_translated(tree["phase7"])
    contact_fields = {f.field_name: f for f in get_translatable_fields(DonorContactPage)}
    assert not contact_fields["postal_code"].is_translated(tree["contact"])
    assert contact_fields["office_name"].is_translated(tree["contact"])

    source, _created = TranslationSource.get_or_create_from_instance(tree["phase7"])
    strings = set(String.objects.filter(segments__source=source).values_list("data", flat=True))
    assert "EUR" not in strings
    assert tree["phase7"].title in strings
