"""Places the programme's demo data: the vocabularies, the partners and contacts indexes, the
partner organisations, the programme with its seven phases, and the donor contacts, each
page in Russian and in every language that has texts for it.

A new language is a ``data_<code>.py`` module (``THEMES`` and ``PAGES`` keyed like
``data_ru``) and one line in ``LANGUAGES``; a page it has no texts for stays untranslated.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.db import transaction
from wagtail.models import Page

from programme.demo import data_en, data_kk, data_ky, data_ru, data_tg, data_tk, data_uz
from programme.demo.data_pages import (
    CONTACTS,
    COUNTRIES,
    INDEXES,
    PARTNER_COUNTRIES,
    PARTNERS,
    PHASE_ROLES,
    PHASES,
    PROGRAMME,
    THEMES,
)
from programme.demo.pages import SOURCE_LANGUAGE, ensure_page, paragraphs, texts_of
from programme.models import (
    ContactPhone,
    ContactSocialLink,
    CountryTag,
    DonorContactPage,
    PartnerOrganisationPage,
    PhasePartner,
    ProgrammePage,
    ProgrammePhasePage,
    ThemeLabel,
    ThemeTag,
)

#: The languages the programme's demo is written in, source language first.
LANGUAGES = {
    "ru": data_ru,
    "en": data_en,
    "kk": data_kk,
    "ky": data_ky,
    "tg": data_tg,
    "tk": data_tk,
    "uz": data_uz,
}


def page_texts(slug: str, derive: Callable[[dict], dict] | None = None) -> dict[str, dict]:
    """The per-language fields of the page ``slug``; ``derive(fields)`` adds fields built
    from the texts (StreamField blocks from plain paragraphs)."""
    texts = texts_of(slug, LANGUAGES)
    if derive is None:
        return texts
    return {language: {**fields, **derive(fields)} for language, fields in texts.items()}


def _programme_fields(fields: dict) -> dict:
    return {"body": paragraphs(*fields["body"])} if "body" in fields else {}


def _phase_fields(fields: dict) -> dict:
    return {"objectives": paragraphs(fields["summary"])} if "summary" in fields else {}


def ensure_vocabularies() -> tuple[dict[str, CountryTag], dict[str, ThemeTag]]:
    """Country tags (labels from CLDR) and theme tags named in the source language, with a
    label in every other language that has one."""
    countries = {code: CountryTag.for_code(code) for code in [*COUNTRIES, *PARTNER_COUNTRIES]}
    themes = {}
    for slug in THEMES:
        names = texts_of(slug, LANGUAGES, "THEMES")
        theme, _created = ThemeTag.objects.get_or_create(
            slug=slug, defaults={"name": names[SOURCE_LANGUAGE]}
        )
        for language, label in names.items():
            if language != SOURCE_LANGUAGE:
                ThemeLabel.objects.get_or_create(
                    theme=theme, language=language, defaults={"label": label}
                )
        themes[slug] = theme
    return countries, themes


def build(homes: dict[str, Page]) -> None:
    countries, themes = ensure_vocabularies()
    home = homes[SOURCE_LANGUAGE]

    indexes = {
        slug: ensure_page(home, model, slug, page_texts(slug), show_in_menus=True)
        for slug, model in INDEXES.items()
    }

    partners: dict[str, Page] = {}
    for slug, kind, country, website, theme_slugs in PARTNERS:

        def tag_partner(page, theme_slugs=theme_slugs):
            page.themes.set([themes[s] for s in theme_slugs])

        partners[slug] = ensure_page(
            indexes["partners"],
            PartnerOrganisationPage,
            slug,
            page_texts(slug),
            prepare=tag_partner,
            kind=kind,
            country=countries[country] if country else None,
            website=website,
        )

    programme = ensure_page(
        home,
        ProgrammePage,
        PROGRAMME["slug"],
        page_texts(PROGRAMME["slug"], _programme_fields),
        acronym=PROGRAMME["acronym"],
        start_year=PROGRAMME["start_year"],
        show_in_menus=True,
    )

    for number, (start, end, budget, theme_slugs) in PHASES.items():

        def tag_phase(page, number=number, theme_slugs=theme_slugs):
            page.countries.set([countries[c] for c in COUNTRIES])
            page.themes.set([themes[s] for s in theme_slugs])
            page.phase_partners = [
                PhasePartner(partner=partners[slug], role=role)
                for slug, (role, numbers) in PHASE_ROLES.items()
                if number in numbers
            ]

        ensure_page(
            programme,
            ProgrammePhasePage,
            f"phase-{number}",
            page_texts(f"phase-{number}", _phase_fields),
            prepare=tag_phase,
            number=number,
            start_date=datetime.date.fromisoformat(start),
            end_date=datetime.date.fromisoformat(end),
            budget_amount=Decimal(budget),
            budget_currency="EUR",
        )

    for contact in CONTACTS:
        ensure_page(
            indexes["contacts"],
            DonorContactPage,
            contact["slug"],
            page_texts(contact["slug"]),
            prepare=contact_details(contact),
            organisation=partners[contact["organisation"]],
            country=countries[contact["country"]],
            postal_code=contact["postal_code"],
            email=contact["email"],
            website=contact["website"],
        )


def contact_details(contact: dict[str, Any]) -> Callable[[Page], None]:
    """The ``prepare`` step of a contact page: its phones and social links (child objects,
    which cannot go through the page's constructor once it has a parent)."""

    def prepare(page: Page) -> None:
        page.phones = [ContactPhone(label=label, number=n) for label, n in contact["phones"]]
        page.social_links = [
            ContactSocialLink(network=network, url=url) for network, url in contact["social"]
        ]

    return prepare


def load(homes: dict[str, Page], stdout) -> None:
    """The programme with seven phases, partners of every kind and two donor contacts."""
    with transaction.atomic():
        build(homes)
    stdout.write("Programme demo content ready (programme, 7 phases, partners, contacts).")
