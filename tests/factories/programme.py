"""Factories for the programme app. Pages need ``parent=``; tags are looked up by slug."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from programme.models import (
    Boilerplate,
    ContactIndexPage,
    ContactPhone,
    ContactSocialLink,
    CountryTag,
    DonorContactPage,
    PartnerIndexPage,
    PartnerOrganisationPage,
    PhasePartner,
    ProgrammePage,
    ProgrammePhasePage,
    ThemeLabel,
    ThemeTag,
)
from tests.factories.pages import RelatedPageFactory

COUNTRY_NAMES = {
    "kz": "Kazakhstan",
    "kg": "Kyrgyzstan",
    "tj": "Tajikistan",
    "tm": "Turkmenistan",
    "uz": "Uzbekistan",
}

# The themes the tests tag with: {slug: (Russian name, English label)}.
THEME_NAMES = {
    "prevention": ("Профилактика", "Prevention"),
    "treatment": ("Лечение", "Treatment"),
    "policy": ("Политика", "Policy"),
}


class CountryTagFactory(DjangoModelFactory):
    slug = "kz"
    name = factory.LazyAttribute(lambda o: COUNTRY_NAMES.get(o.slug, o.slug.upper()))

    class Meta:
        model = CountryTag
        django_get_or_create = ("slug",)


class ThemeTagFactory(DjangoModelFactory):
    slug = factory.Sequence(lambda n: f"theme-{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("-", " ").capitalize())

    class Meta:
        model = ThemeTag
        django_get_or_create = ("slug",)


class ThemeLabelFactory(DjangoModelFactory):
    theme = factory.SubFactory(ThemeTagFactory)
    language = "en"
    label = factory.LazyAttribute(lambda o: f"{o.theme.name} ({o.language})")

    class Meta:
        model = ThemeLabel


def vocabulary(
    countries: Iterable[str], themes: Iterable[str], *, labels: bool = True
) -> tuple[dict[str, CountryTag], dict[str, ThemeTag]]:
    """({code: country tag}, {slug: theme tag}): the vocabulary a test's pages are tagged
    with. Themes are named in Russian (THEME_NAMES) and, unless ``labels=False``, carry
    their English label."""
    country_tags = {code: CountryTagFactory(slug=code) for code in countries}
    theme_tags = {}
    for slug in themes:
        name, label = THEME_NAMES[slug]
        theme_tags[slug] = ThemeTagFactory(slug=slug, name=name)
        if labels:
            ThemeLabelFactory(theme=theme_tags[slug], language="en", label=label)
    return country_tags, theme_tags


class BoilerplateFactory(DjangoModelFactory):
    kind = Boilerplate.Kind.ABOUT_PROGRAMME
    title = factory.Sequence(lambda n: f"Boilerplate {n}")
    text = "<p>About the programme.</p>"

    class Meta:
        model = Boilerplate


class ProgrammePageFactory(wagtail_factories.PageFactory):
    title = "Программа"
    slug = factory.Sequence(lambda n: f"programme-{n}")
    acronym = "CADAP"
    summary = "Программа сокращения спроса на наркотики."
    start_year = 2003

    class Meta:
        model = ProgrammePage


class ProgrammePhasePageFactory(RelatedPageFactory):
    number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda o: f"Фаза {o.number}")
    slug = factory.LazyAttribute(lambda o: f"phase-{o.number}")
    start_date = datetime.date(2021, 1, 1)
    end_date = datetime.date(2025, 12, 31)
    budget_amount = Decimal("6800000.00")
    budget_currency = "EUR"

    class Meta:
        model = ProgrammePhasePage


class PhasePartnerFactory(DjangoModelFactory):
    role = PhasePartner.Role.IMPLEMENTING

    class Meta:
        model = PhasePartner


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Партнёры"
    slug = "partners"

    class Meta:
        model = PartnerIndexPage


class PartnerOrganisationPageFactory(RelatedPageFactory):
    title = factory.Sequence(lambda n: f"Организация {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    kind = PartnerOrganisationPage.Kind.GOVERNMENT
    website = "https://example.org/"

    class Meta:
        model = PartnerOrganisationPage


class ContactIndexPageFactory(wagtail_factories.PageFactory):
    title = "Контакты"
    slug = "contacts"

    class Meta:
        model = ContactIndexPage


class DonorContactPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Представительство {n}")
    slug = factory.Sequence(lambda n: f"contact-{n}")
    office_name = "Представительство Европейского Союза"
    street_address = "Бульвар Эркиндик 21"
    locality = "Бишкек"
    postal_code = "720040"
    email = "delegation@example.org"

    class Meta:
        model = DonorContactPage


class ContactPhoneFactory(DjangoModelFactory):
    number = factory.Sequence(lambda n: f"+996 312 26 10 {n % 100:02d}")

    class Meta:
        model = ContactPhone


class ContactSocialLinkFactory(DjangoModelFactory):
    network = ContactSocialLink.Network.FACEBOOK
    url = "https://www.facebook.com/example"

    class Meta:
        model = ContactSocialLink
