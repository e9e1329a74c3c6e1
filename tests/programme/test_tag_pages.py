"""Country and theme listing pages gather every page tagged so, in the reader's language."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from newsroom.models import NewsCountry, NewsPage
from programme.listings import tag_relations, tagged_pages
from programme.models import (
    CountryTag,
    PartnerOrganisationPage,
    PhaseCountry,
    ProgrammePhasePage,
    ThemeTag,
)
from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.factories.programme import ProgrammePhasePageFactory

pytestmark = pytest.mark.django_db


def test_relations_are_discovered_without_naming_apps():
    country_models = {(r.model, r.field) for r in tag_relations(CountryTag)}
    assert (PhaseCountry, "tag") in country_models
    assert (NewsCountry, "tag") in country_models  # newsroom's, found generically
    assert (PartnerOrganisationPage, "country") in country_models  # a plain FK to the tag
    theme_models = {r.model._meta.label for r in tag_relations(ThemeTag)}
    assert {"programme.PhaseTheme", "programme.PartnerTheme", "newsroom.NewsTheme"} <= (
        theme_models
    )
    # ThemeLabel points at ThemeTag but is no page relation.
    assert "programme.ThemeLabel" not in theme_models


def test_country_page_lists_phases_partners_and_news(client, tree, vocab):
    news_index = NewsIndexPageFactory(parent=tree["programme"].get_parent())
    news = NewsPageFactory(
        parent=news_index, title="Диалог в Алматы", countries=[vocab["countries"]["kz"]]
    )
    response = client.get("/ru/countries/kz/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Казахстан</h1>" in html
    titles = {item.title for item in response.context["items"]}
    assert titles == {tree["phase7"].title, tree["ministry"].title, news.title}
    assert tree["phase6"].title not in titles  # tagged kg only
    assert f'href="{news.url}"' in html


def test_theme_page_uses_the_label_of_the_language(client, tree, homes):
    ru = client.get("/ru/themes/prevention/")
    assert "<h1>Профилактика</h1>" in ru.content.decode()
    en = client.get("/en/themes/prevention/")
    assert en.status_code == 200
    assert "<h1>Prevention</h1>" in en.content.decode()
    # Nothing has been translated into English yet: the English list is empty.
    assert en.context["items"] == []


def test_only_the_reader_locale_appears(client, tree, locales):
    translation = tree["phase7"].copy_for_translation(locales["en"], copy_parents=True)
    translation.title = "Phase 7 (en)"
    translation.save_revision().publish()
    ru_titles = {p.title for p in client.get("/ru/countries/kz/").context["items"]}
    en_titles = {p.title for p in client.get("/en/countries/kz/").context["items"]}
    assert "Phase 7 (en)" not in ru_titles
    assert en_titles == {"Phase 7 (en)"}


def test_drafts_private_and_scheduled_never_appear(client, tree, vocab):
    programme = tree["programme"]
    kz = vocab["countries"]["kz"]
    draft = ProgrammePhasePageFactory(parent=programme, number=20, title="Черновик")
    draft.countries.set([kz])
    draft.save()
    draft.unpublish()
    private = ProgrammePhasePageFactory(parent=programme, number=21, title="Закрытая")
    private.countries.set([kz])
    private.save()
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    future = ProgrammePhasePageFactory(parent=programme, number=22, title="Будущая")
    future.countries.set([kz])
    future.go_live_at = timezone.now() + datetime.timedelta(days=3)
    future.live = False
    future.save_revision(approved_go_live_at=future.go_live_at)
    future.save()
    titles = {p.title for p in client.get("/ru/countries/kz/").context["items"]}
    assert "Черновик" not in titles
    assert "Закрытая" not in titles
    assert "Будущая" not in titles
    assert tree["phase7"].title in titles


def test_aliases_are_excluded(client, tree, locales):
    en_programme = tree["programme"].copy_for_translation(locales["en"], copy_parents=True)
    en_programme.save_revision().publish()
    alias = tree["phase7"].create_alias(parent=en_programme, update_locale=locales["en"])
    assert alias.alias_of_id == tree["phase7"].pk
    assert PhaseCountry.objects.filter(content_object=alias).exists()
    assert client.get("/en/countries/kz/").context["items"] == []


def test_unknown_tag_is_404_and_upper_case_redirects(client, tree):
    response = client.get("/ru/countries/xx/")
    assert response.status_code == 404
    response = client.get("/ru/themes/no-such-theme/")
    assert response.status_code == 404
    response = client.get("/ru/countries/KZ/")
    assert response.status_code == 301
    assert response["Location"] == "/ru/countries/kz/"


@pytest.mark.parametrize(("page", "status"), [("abc", 400), ("99", 404), ("1", 200)])
def test_bad_page_numbers_get_a_message(client, tree, page, status):
    response = client.get(f"/ru/countries/kz/?page={page}")
    assert response.status_code == status
    if status != 200:
        assert 'role="alert"' in response.content.decode()


def test_tag_indexes_list_every_tag(client, tree):
    html = client.get("/en/countries/").content.decode()
    assert 'href="/en/countries/kz/"' in html and ">Kazakhstan<" in html
    html = client.get("/en/themes/").content.decode()
    assert 'href="/en/themes/treatment/"' in html and ">Treatment<" in html


def test_tagged_pages_is_one_statement(tree, vocab, locales, django_assert_num_queries):
    pages = tagged_pages(vocab["countries"]["kz"], locales["ru"])  # reads view restrictions
    with django_assert_num_queries(1):
        assert len(list(pages)) == 2


def _tag_many(tree, vocab, count: int) -> None:
    kz = vocab["countries"]["kz"]
    news_index = NewsIndexPageFactory(parent=tree["programme"].get_parent(), slug="news-bulk")
    for n in range(count):
        phase = ProgrammePhasePageFactory(parent=tree["programme"], number=100 + n)
        phase.countries.set([kz])
        phase.save()
        NewsPageFactory(parent=news_index, countries=[kz])


@pytest.mark.parametrize("count", [5, 50])
def test_listing_queries_are_bounded(client, tree, vocab, count, django_assert_max_num_queries):
    _tag_many(tree, vocab, count)
    client.get("/ru/countries/kz/")  # warm the site-root-paths and content-type caches
    # measured with the merged site frame: 17 at 5 children, 16 at 50 (never more)
    with django_assert_max_num_queries(17):
        response = client.get("/ru/countries/kz/")
    assert response.status_code == 200
    assert len(response.context["items"]) == min(2 + 2 * count, 20)
    assert {type(p) for p in response.context["items"]} >= {ProgrammePhasePage, NewsPage}


def test_items_are_specific_pages(client, tree):
    items = client.get("/ru/countries/kz/").context["items"]
    assert all(type(item) is not Page for item in items)


def test_tag_page_labels_news_by_kind_in_sections(client, tree, vocab):
    """Issue #13: press releases and statements were all labelled "news"."""
    news_index = NewsIndexPageFactory(parent=tree["programme"].get_parent())
    kz = vocab["countries"]["kz"]
    NewsPageFactory(parent=news_index, title="Релиз", kind="press_release", countries=[kz])
    NewsPageFactory(parent=news_index, title="Заявление", kind="statement", countries=[kz])
    response = client.get("/ru/countries/kz/")
    labels = [label for label, _items in response.context["groups"]]
    assert "Пресс-релиз" in labels and "Заявление" in labels
    assert len(labels) == len(set(labels))
    assert '<span class="page-type">Пресс-релиз</span>' in response.content.decode()
