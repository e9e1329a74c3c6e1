"""Content for the search tests: news, a programme with a phase, a partner and a contact in
Russian and English, plus pages that must never be found (draft, private, alias, scheduled)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from tests.factories.layers import layer
from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.factories.pages import publish
from tests.factories.programme import (
    ContactIndexPageFactory,
    DonorContactPageFactory,
    PartnerIndexPageFactory,
    PartnerOrganisationPageFactory,
    ProgrammePageFactory,
    ProgrammePhasePageFactory,
    vocabulary,
)


def needs_postgres(why: str):
    """Skip on SQLite (the quick start); CI runs on PostgreSQL, where these tests run."""
    return pytest.mark.skipif(connection.vendor != "postgresql", reason=f"needs PostgreSQL: {why}")


def when(year: int, month: int = 6, day: int = 1):
    return timezone.make_aware(datetime.datetime(year, month, day, 12))


# The news items readers find: {name: (newsroom, fields)}; countries and themes by slug.
NEWS = {
    "ru_press": (
        "ru_news",
        {
            "title": "Семинар в Алматы",
            "slug": "seminar",
            "kind": "press_release",
            "publication_date": when(2022, 11, 30),
            "standfirst": "Эксперты обсудили работу с молодёжью.",
            "body": [
                ("paragraph", "<p>Речь шла о профилактике и о лечении.</p>"),
                (
                    "quote",
                    {
                        "quote": "Мы обсуждаем меры против распространения наркотиков.",
                        "speaker": "Айгерим Сапарова",
                        "role": "директор",
                        "organisation": "Министерство здравоохранения",
                    },
                ),
                (
                    "fact_box",
                    {"title": "Цифры", "facts": [{"figure": "120", "label": "волонтёров"}]},
                ),
            ],
            "countries": ["kz"],
            "themes": ["prevention"],
        },
    ),
    "ru_news_item": (
        "ru_news",
        {
            "title": "Новый центр лечения",
            "slug": "centre",
            "kind": "news",
            "publication_date": when(2021, 3, 1),
            "standfirst": "Центр открылся в Бишкеке.",
            "body": [("paragraph", "<p>Центр принимает пациентов.</p>")],
            "countries": ["kg"],
            "themes": ["treatment"],
        },
    ),
    "en_press": (
        "en_news",
        {
            "title": "Workshop in Almaty",
            "slug": "workshop",
            "kind": "press_release",
            "publication_date": when(2022, 11, 30),
            "standfirst": "Experts discussed drug prevention with young people.",
            "body": [("paragraph", "<p>The workshop covered prevention and treatment.</p>")],
            "countries": ["kz"],
            "themes": ["prevention"],
        },
    ),
}


@layer
def content(homes):
    """Named pages; the ru and en trees hold different words so locale leaks show. Built
    once per worker and shared by rolling back to it (tests/factories/layers.py)."""
    countries, themes = vocabulary(["kz", "kg"], ["prevention", "treatment"])
    kz, kg = countries["kz"], countries["kg"]

    c = {
        "homes": homes,
        "ru_news": publish(NewsIndexPageFactory(parent=homes["ru"])),
        "en_news": publish(NewsIndexPageFactory(parent=homes["en"], title="News", slug="news")),
    }
    for name, (newsroom, fields) in NEWS.items():
        tags = {
            "countries": [countries[code] for code in fields["countries"]],
            "themes": [themes[slug] for slug in fields["themes"]],
        }
        c[name] = publish(NewsPageFactory(parent=c[newsroom], **{**fields, **tags}))
    programme = publish(
        ProgrammePageFactory(parent=homes["ru"], title="Программа действий", slug="programme")
    )
    c["ru_phase"] = publish(
        ProgrammePhasePageFactory(
            parent=programme,
            number=7,
            title="Седьмая фаза",
            summary="Фаза укрепляет межведомственное сотрудничество.",
            countries=[kz, kg],
            themes=[themes["prevention"]],
        )
    )
    partners = publish(PartnerIndexPageFactory(parent=homes["ru"]))
    c["ru_partner"] = publish(
        PartnerOrganisationPageFactory(
            parent=partners,
            title="Агентство по развитию",
            acronym="GIZ",
            kind="implementing",
            description="<p>Исполнитель программы в регионе.</p>",
            country=kz,
        )
    )
    contacts = publish(ContactIndexPageFactory(parent=homes["ru"]))
    c["ru_contact"] = publish(
        DonorContactPageFactory(
            parent=contacts,
            title="Делегация в Бишкеке",
            office_name="Представительство Европейского Союза",
            locality="Бишкек",
        )
    )

    # Pages no reader may find. Each holds the word "секретный".
    ru_news = c["ru_news"]
    draft = NewsPageFactory(parent=ru_news, title="Секретный черновик", slug="draft", live=False)
    draft.save_revision()
    c["draft"] = draft
    private = publish(NewsPageFactory(parent=ru_news, title="Секретный доклад", slug="private"))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    c["private"] = private
    scheduled = NewsPageFactory(
        parent=ru_news, title="Секретный анонс", slug="scheduled", live=False
    )
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=3)
    scheduled.save_revision().publish()
    c["scheduled"] = scheduled
    changed = publish(NewsPageFactory(parent=ru_news, title="Открытый текст", slug="changed"))
    changed.title = "Секретная правка"
    changed.save_revision()  # a draft of a live page: the draft text must stay invisible
    c["changed"] = changed
    c["alias"] = c["ru_press"].create_alias(
        parent=c["en_news"], update_locale=Locale.objects.get(language_code="en")
    )
    return c
