"""The home page's sections (portal.home) and the funders' visibility block (site settings)."""

from __future__ import annotations

import pytest
from wagtail.models import Site

from portal.models import SiteSettings
from programme.models import Boilerplate
from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.factories.programme import BoilerplateFactory

pytestmark = pytest.mark.django_db


def test_home_shows_lead_story_and_six_latest_news_by_kind(client, homes):
    newsroom = NewsIndexPageFactory(parent=homes["ru"])
    release = NewsPageFactory(parent=newsroom, title="Релиз", kind="press_release")  # newest
    items = [NewsPageFactory(parent=newsroom, title=f"Новость {n}") for n in range(8)]
    homes["ru"].lead_story = items[3]
    homes["ru"].save_revision().publish()
    response = client.get("/ru/")
    assert response.context["lead_story"].pk == items[3].pk
    latest = response.context["latest_news"]
    assert len(latest) == 6 and items[3].pk not in {item.pk for item in latest}
    html = response.content.decode()
    assert '<span class="kind kind-badge kind-press_release">' in html
    assert release.title in html
    assert html.count("<h1") == 1
    assert html.count('class="news-card"') == 6
    assert 'type="application/rss+xml"' in html and 'type="application/atom+xml"' in html


def test_funder_block_comes_from_the_site_settings(client, homes):
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    statement = BoilerplateFactory(
        kind=Boilerplate.Kind.FUNDER_CREDIT, locale=homes["ru"].locale,
        text="<p>Финансируется Европейским союзом</p>",
    )
    site_settings.funder_statement = statement
    site_settings.funder_emblem = "eu"
    site_settings.save()
    html = client.get("/ru/").content.decode()
    assert "Финансируется Европейским союзом" in html
    assert html.count('<svg class="funder-logo"') == 2  # footer and home page
    assert html.count("<polygon") == 24  # twelve stars, twice

    site_settings.funder_emblem = "none"
    site_settings.save()
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    html = client.get("/ru/").content.decode()
    assert '<svg class="funder-logo"' not in html
    assert "Финансируется Европейским союзом" in html


def test_title_names_the_site_once(client, homes):
    html = client.get("/ru/").content.decode()
    title = html.split("<title>")[1].split("</title>")[0]
    assert title == homes["ru"].title
