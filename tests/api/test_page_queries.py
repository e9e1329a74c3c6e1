"""Query budgets: every public page type answers in at most 15 SQL queries and every API
endpoint in at most 10, uncached, however many tags, labels, partners, related items and
translations the content has (docs/performance.md).

The content is the API tests' site (``site_content``) with more of everything on top: the
article carries every country and theme (each theme labelled in seven languages), cites a
dozen partners, has a dozen related items, and each of those pages is translated.
"""

from __future__ import annotations

import pytest

from programme.demo import ensure_translation
from programme.models import CountryTag, ThemeLabel, ThemeTag
from tests.factories.layers import layer
from tests.factories.newsroom import NewsPageFactory
from tests.factories.pages import publish
from tests.factories.programme import PartnerOrganisationPageFactory

pytestmark = pytest.mark.django_db

PAGE_BUDGET = 15
API_BUDGET = 10
LANGUAGES = ("ru", "en", "kk", "ky", "tg", "tk", "uz")


@layer
def rich_content(site_content):
    c = site_content
    countries = [CountryTag.for_code(code) for code in ("kz", "kg", "tj", "tm", "uz", "af")]
    themes = [c.prevention, c.treatment]
    for slug in ("harm-reduction", "research", "gender", "youth", "prisons", "policy"):
        themes.append(ThemeTag.objects.create(slug=slug, name=slug))
    for theme in themes:
        for language in LANGUAGES[1:]:
            ThemeLabel.objects.get_or_create(
                theme=theme, language=language, defaults={"label": f"{theme.slug}-{language}"}
            )
    partners = [c.partner, c.donor]
    partners_index = c.partner.get_parent()
    for n in range(10):
        partner = PartnerOrganisationPageFactory(
            parent=partners_index, title=f"Партнёр {n}", country=countries[n % 6], themes=themes
        )
        publish(partner)
        ensure_translation(partner, "en", title=f"Partner {n}")
        partners.append(partner)
    article = c.article
    article.countries.set(countries)
    article.themes.set(themes)
    article.related_partners.set(partners)
    publish(article)
    for n in range(12):
        item = NewsPageFactory(
            parent=c.newsroom, countries=countries, themes=themes, related_partners=partners[:4]
        )
        publish(item)
        ensure_translation(item, "en", title=f"Item {n}")
    return c


def pages(c) -> dict[str, str]:
    return {
        "home": "/ru/",
        "home en": "/en/",
        "news listing": c.newsroom.url,
        "news listing filtered": f"{c.newsroom.url}?country=kz&theme=prevention",
        "article": c.article.url,
        "article en": c.article_en.url,
        "programme": c.programme.url,
        "phase": c.phase.url,
        "partners index": c.partner.get_parent().url,
        "partner": c.partner.url,
        "contacts index": c.contact.get_parent().url,
        "contact": c.contact.url,
        "country": "/ru/countries/kz/",
        "theme": "/ru/themes/prevention/",
        "search": "/ru/search/?q=профилактика",
    }


@pytest.mark.parametrize(
    "name",
    [
        "home",
        "home en",
        "news listing",
        "news listing filtered",
        "article",
        "article en",
        "programme",
        "phase",
        "partners index",
        "partner",
        "contacts index",
        "contact",
        "country",
        "theme",
        "search",
    ],
)
def test_page_budget(client, rich_content, name, django_assert_max_num_queries):
    url = pages(rich_content)[name]
    assert client.get(url).status_code == 200  # renditions are made on first view
    with django_assert_max_num_queries(PAGE_BUDGET):
        response = client.get(url)
    assert response.status_code == 200, (name, url)


def api(c) -> dict[str, str]:
    return {
        "news": "/api/v3/news/?locale=ru",
        "news filtered": "/api/v3/news/?locale=ru&country=kz&theme=prevention",
        "news detail": f"/api/v3/news/{c.article.pk}/",
        "pages": "/api/v3/pages/?locale=ru&type=newsroom.NewsPage",
        "page detail": f"/api/v3/pages/{c.article.pk}/",
        "search": "/api/v3/search/?q=профилактика&locale=ru",
        "vocabularies": "/api/v3/vocabularies/themes/?locale=en",
    }


@pytest.mark.parametrize(
    "name",
    [
        "news",
        "news filtered",
        "news detail",
        "pages",
        "page detail",
        "search",
        "vocabularies",
    ],
)
def test_api_budget(client, rich_content, name, django_assert_max_num_queries):
    url = api(rich_content)[name]
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(API_BUDGET):
        response = client.get(url)
    assert response.status_code == 200, (name, url, response.content[:300])
