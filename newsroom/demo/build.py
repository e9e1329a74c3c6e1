"""Places the newsroom's demo data: the newsroom index and its items, each in Russian and in
every language that has texts for it.

The programme pages the items point at (phase, partners, media contact) are looked up
first, so the programme app's own demo is used when it ran; whatever is missing is created
minimally here, so this demo also works on its own. Idempotent: a second run changes nothing.

A new language is a ``data_<code>.py`` module (``PAGES`` keyed like ``data_ru``) and one
line in ``LANGUAGES``; an item it has no texts for stays untranslated.
"""

from __future__ import annotations

from typing import Any

from wagtail.models import Locale, Page

from newsroom.demo import data_en, data_kk, data_ky, data_ru, data_tg, data_tk, data_uz
from newsroom.demo.data_items import ITEMS, NEWS_INDEX, Item
from newsroom.demo.data_programme import (
    CONTACT,
    CONTACT_INDEX,
    PARTNER_INDEX,
    PARTNERS,
    PHASE,
    PROGRAMME,
    partner_slug,
)
from newsroom.models import NewsCountry, NewsIndexPage, NewsPage, NewsTheme
from programme.demo.build import contact_details, ensure_vocabularies
from programme.demo.pages import (
    SOURCE_LANGUAGE,
    ensure_page,
    ensure_translations,
    paragraph,
    texts_of,
)
from programme.models import (
    ContactIndexPage,
    CountryTag,
    DonorContactPage,
    PartnerIndexPage,
    PartnerOrganisationPage,
    ProgrammePage,
    ProgrammePhasePage,
    ThemeTag,
)

#: The languages the newsroom's demo is written in, source language first.
LANGUAGES = {
    "ru": data_ru,
    "en": data_en,
    "kk": data_kk,
    "ky": data_ky,
    "tg": data_tg,
    "tk": data_tk,
    "uz": data_uz,
}


def page_texts(slug: str) -> dict[str, dict]:
    return texts_of(slug, LANGUAGES)


def item_texts(slug: str) -> dict[str, dict]:
    """An item's per-language fields, its body as StreamField blocks: a string is a
    paragraph, a dict a quote."""
    texts = page_texts(slug)
    for language, fields in texts.items():
        if "body" in fields:
            texts[language] = {**fields, "body": [_block(part) for part in fields["body"]]}
    return texts


def _block(part: str | dict[str, str]) -> dict[str, Any]:
    return paragraph(part) if isinstance(part, str) else {"type": "quote", "value": dict(part)}


# --- programme pages the items refer to ----------------------------------------------------


def first_of(model: type[Page], locale: Locale, **filters: Any) -> Page | None:
    return model.objects.filter(locale=locale, **filters).order_by("path").first()


def first_or_new(parent: Page, model: type[Page], slug: str, **fields: Any) -> Page:
    """The first ``model`` page of the parent's locale (the programme's demo made it), or a
    new child ``slug`` of ``parent``; translated either way."""
    texts = page_texts(slug)
    existing = first_of(model, parent.locale)
    if existing is None:
        return ensure_page(parent, model, slug, texts, **fields)
    return ensure_translations(existing, texts)


def ensure_phase(home: Page) -> ProgrammePhasePage:
    locale = home.locale
    phase = first_of(ProgrammePhasePage, locale, number=PHASE["number"]) or (
        ProgrammePhasePage.objects.filter(locale=locale).order_by("-number").first()
    )
    if phase is not None:
        return phase
    fields = {k: v for k, v in PROGRAMME.items() if k != "slug"}
    programme = first_or_new(home, ProgrammePage, PROGRAMME["slug"], **fields)
    fields = {k: v for k, v in PHASE.items() if k != "slug"}
    return ensure_page(
        programme, ProgrammePhasePage, PHASE["slug"], page_texts(PHASE["slug"]), **fields
    )


def ensure_partners(home: Page, countries: dict[str, CountryTag]) -> dict[str, Page]:
    locale = home.locale
    partners: dict[str, Page] = {}
    index = None
    for acronym, (kind, country) in PARTNERS.items():
        partner = first_of(PartnerOrganisationPage, locale, acronym=acronym)
        if partner is None:
            index = index or first_or_new(home, PartnerIndexPage, PARTNER_INDEX)
            slug = partner_slug(acronym)
            partner = ensure_page(
                index,
                PartnerOrganisationPage,
                slug,
                page_texts(slug),
                acronym=acronym,
                kind=kind,
                country=countries.get(country) if country else None,
            )
        partners[acronym] = partner
    return partners


def ensure_contact(home: Page, countries: dict[str, CountryTag]) -> DonorContactPage:
    existing = first_of(DonorContactPage, home.locale)
    if existing is not None:
        return existing
    index = first_or_new(home, ContactIndexPage, CONTACT_INDEX)
    return ensure_page(
        index,
        DonorContactPage,
        CONTACT["slug"],
        page_texts(CONTACT["slug"]),
        prepare=contact_details(CONTACT),
        country=countries[CONTACT["country"]],
        postal_code=CONTACT["postal_code"],
        email=CONTACT["email"],
        website=CONTACT["website"],
    )


# --- the newsroom --------------------------------------------------------------------------


def ensure_newsroom(home: Page) -> NewsIndexPage:
    texts = page_texts(NEWS_INDEX)
    existing = NewsIndexPage.objects.child_of(home).first()
    if existing is not None:
        return ensure_translations(existing, texts)
    return ensure_page(home, NewsIndexPage, NEWS_INDEX, texts, show_in_menus=True)


def item_fields(
    item: Item,
    *,
    phase: Page,
    partners: dict[str, Page],
    contact: Page,
    countries: dict[str, CountryTag],
    themes: dict[str, ThemeTag],
) -> dict[str, Any]:
    """An item's non-translatable fields, its references resolved to pages and tags."""
    fields: dict[str, Any] = {
        "kind": item.kind,
        "publication_date": item.date,
        "related_phase": phase,
        "related_partners": [partners[a] for a in item.partners],
        "country_items": [NewsCountry(tag=countries[s]) for s in item.countries],
        "theme_items": [NewsTheme(tag=themes[s]) for s in item.themes],
    }
    if item.contact:
        fields["media_contact"] = contact
    if item.event:
        fields["event_start"], fields["event_end"] = item.event
    return fields


def load(homes: dict[str, Page], stdout) -> None:
    countries, themes = ensure_vocabularies()
    home = homes[SOURCE_LANGUAGE]
    references = {
        "phase": ensure_phase(home),
        "partners": ensure_partners(home, countries),
        "contact": ensure_contact(home, countries),
        "countries": countries,
        "themes": themes,
    }
    index = ensure_newsroom(home)
    created = 0
    for item in ITEMS:
        exists = NewsPage.objects.child_of(index).filter(slug=item.slug).exists()
        fields = item_fields(item, **references)
        ensure_page(index, NewsPage, item.slug, item_texts(item.slug), **fields)
        created += not exists
    languages = ", ".join(LANGUAGES)
    stdout.write(f"Newsroom demo: {len(ITEMS)} items, in {languages} ({created} new).")
