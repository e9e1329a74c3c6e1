"""A demo-like site for the API tests, built with factories: programme, phase, partners,
contacts, a newsroom in ru and en, and content that must never leak (a draft, a private page,
an unpublished translation)."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest
import wagtail_factories
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from newsroom.models import NewsPage
from portal.models import SiteSettings
from programme.demo import ensure_translation
from programme.models import Boilerplate, ContactPhone, PartnerOrganisationPage, PhasePartner
from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.factories.portal import build_site
from tests.factories.programme import (
    BoilerplateFactory,
    ContactIndexPageFactory,
    CountryTagFactory,
    DonorContactPageFactory,
    PartnerIndexPageFactory,
    PartnerOrganisationPageFactory,
    ProgrammePageFactory,
    ProgrammePhasePageFactory,
    ThemeLabelFactory,
    ThemeTagFactory,
)


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page: Page, language: str, **fields) -> Page:
    return ensure_translation(page, language, **fields)


def when(day: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(2022, 11, day, 10))


@pytest.fixture
def site_content(homes):
    """The whole demo-like site; returns a namespace of its objects."""
    return build_site_content(homes)


@pytest.fixture(scope="module")
def module_site_content(django_db_setup, django_db_blocker):
    """``site_content`` built once for a module whose tests only read it: inside a transaction
    rolled back after the module's last test (each test's own transaction nests in it as a
    savepoint). The cache is cleared after, as it may name rows that are gone."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_site_content(build_site())
        transaction.set_rollback(True)
    cache.clear()


def build_site_content(homes: dict) -> SimpleNamespace:
    """The whole demo-like site under ``homes``; returns a namespace of its objects."""
    ru = homes["ru"]
    kz = CountryTagFactory(slug="kz", name="Kazakhstan")
    kg = CountryTagFactory(slug="kg", name="Kyrgyzstan")
    prevention = ThemeTagFactory(slug="prevention", name="Профилактика")
    ThemeLabelFactory(theme=prevention, language="en", label="Prevention")
    treatment = ThemeTagFactory(slug="treatment", name="Лечение")
    ThemeLabelFactory(theme=treatment, language="en", label="Treatment")

    about = BoilerplateFactory(
        kind=Boilerplate.Kind.ABOUT_PROGRAMME, text="<p><i>О программе.</i></p>", locale=ru.locale
    )
    about_en = about.copy_for_translation(homes["en"].locale)
    about_en.text = "<p><i>About the programme.</i></p>"
    about_en.save()
    footer = BoilerplateFactory(
        kind=Boilerplate.Kind.FOOTER, text="<p>Подвал</p>", locale=ru.locale
    )
    settings_obj = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.about_programme = about
    settings_obj.footer = footer
    settings_obj.telegram_url = "https://t.me/example"
    settings_obj.save()

    programme = ProgrammePageFactory(parent=ru, slug="programme", show_in_menus=True)
    phase = ProgrammePhasePageFactory(parent=programme, number=7, countries=[kz, kg])
    phase.themes.set([prevention])
    partners_index = PartnerIndexPageFactory(parent=ru, show_in_menus=True)
    partner = PartnerOrganisationPageFactory(
        parent=partners_index,
        title="Министерство здравоохранения",
        acronym="MZ",
        kind=PartnerOrganisationPage.Kind.GOVERNMENT,
        country=kz,
        themes=[prevention],
    )
    donor = PartnerOrganisationPageFactory(
        parent=partners_index,
        title="Европейский союз",
        acronym="EU",
        kind=PartnerOrganisationPage.Kind.DONOR,
        country=None,
    )
    PhasePartner.objects.create(phase=phase, partner=partner, role=PhasePartner.Role.IMPLEMENTING)
    phase.save()
    contacts_index = ContactIndexPageFactory(parent=ru)
    contact = DonorContactPageFactory(parent=contacts_index, organisation=donor, country=kg)
    ContactPhone.objects.create(contact=contact, label="Тел.", number="+996 312 000000")
    for page in (programme, phase, partners_index, partner, donor, contacts_index, contact):
        publish(page)

    newsroom = NewsIndexPageFactory(parent=ru, show_in_menus=True)
    image = wagtail_factories.ImageFactory(title="Семинар")
    article = NewsPageFactory(
        parent=newsroom,
        title="Семинар по профилактике в Алматы",
        slug="seminar-almaty",
        kind=NewsPage.Kind.PRESS_RELEASE,
        publication_date=when(30),
        countries=[kz],
        themes=[prevention],
        related_partners=[partner],
    )
    article.hero_image = image
    article.related_phase = phase
    article.media_contact = contact
    article.body = [
        ("paragraph", "<p>Текст <b>пресс-релиза</b>.</p>"),
        (
            "quote",
            {"quote": "Профилактика важна.", "speaker": "А. Иванов", "role": "Министр"},
        ),
        ("image", {"image": image, "caption": "Участники", "credit": ""}),
        ("fact_box", {"title": "Цифры", "facts": [{"figure": "5", "label": "стран"}]}),
    ]
    article.save()
    others = [
        NewsPageFactory(
            parent=newsroom, publication_date=when(20), countries=[kg], themes=[treatment]
        ),
        NewsPageFactory(
            parent=newsroom,
            kind=NewsPage.Kind.EVENT_REPORT,
            publication_date=when(10),
            countries=[kz, kg],
            themes=[treatment],
        ),
    ]
    for page in (newsroom, article, *others):
        publish(page)

    # The English tree: translations of the programme, phase, partner, contact and news.
    newsroom_en = translate(newsroom, "en", title="Newsroom")
    article_en = translate(
        article, "en", title="Prevention seminar in Almaty", standfirst="In English."
    )
    phase_en = translate(phase, "en", title="Phase 7")
    partner_en = translate(partner, "en", title="Ministry of Health")
    contact_en = translate(contact, "en", title="EU Delegation", office_name="EU Delegation")
    translate(programme, "en", title="Programme")

    # Content that must never appear.
    draft = NewsPageFactory(
        parent=newsroom, title="Черновик", slug="draft", live=False, countries=[kz]
    )
    draft.save_revision()
    private = publish(
        NewsPageFactory(parent=newsroom, title="Закрытая", slug="private", countries=[kz])
    )
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    unpublished_en = translate(others[0], "en", title="Unpublished translation")
    unpublished_en.unpublish()
    future = NewsPageFactory(
        parent=newsroom, title="Запланированная", slug="future", live=False, countries=[kz]
    )
    future.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(days=3))

    return SimpleNamespace(
        homes=homes,
        kz=kz,
        kg=kg,
        prevention=prevention,
        treatment=treatment,
        programme=programme,
        phase=phase,
        phase_en=phase_en,
        partner=partner,
        partner_en=partner_en,
        donor=donor,
        contact=contact,
        contact_en=contact_en,
        newsroom=newsroom,
        newsroom_en=newsroom_en,
        article=article,
        article_en=article_en,
        others=others,
        image=image,
        draft=draft,
        private=private,
        unpublished_en=unpublished_en,
        future=future,
        hidden_titles={"Черновик", "Закрытая", "Unpublished translation", "Запланированная"},
    )
