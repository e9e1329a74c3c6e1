"""``headless.visibility`` on its own: the embargo is discovered generically (any page type
declaring ``embargo_field``, for a queryset of that type and for ``Page`` querysets mixing
types), the clock is read when the statement is compiled (a queryset built once serves later
moments), and building the rule runs no query."""

from __future__ import annotations

import datetime
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from headless.visibility import (
    embargo_field,
    is_hidden_by_clock,
    is_publicly_visible,
    public_pages,
    visible_pages,
)
from newsroom.models import NewsPage
from programme.models import PartnerOrganisationPage
from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.factories.programme import PartnerIndexPageFactory, PartnerOrganisationPageFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()
DAY = datetime.timedelta(days=1)


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def pages(home):
    newsroom = publish(NewsIndexPageFactory(parent=home))
    partners = publish(PartnerIndexPageFactory(parent=home))
    return {
        "news": publish(NewsPageFactory(parent=newsroom, publication_date=NOW - DAY)),
        "embargoed": publish(NewsPageFactory(parent=newsroom, publication_date=NOW + DAY)),
        "partner": publish(PartnerOrganisationPageFactory(parent=partners)),
        "partners": partners,
    }


def ids(queryset) -> set[int]:
    return set(queryset.values_list("pk", flat=True))


def test_news_declare_their_publication_date_as_embargo(pages):
    assert embargo_field(NewsPage) == "publication_date"
    assert embargo_field(Page) is None
    assert is_hidden_by_clock(pages["embargoed"])
    assert not is_hidden_by_clock(pages["news"])
    assert not is_publicly_visible(pages["embargoed"])
    assert is_publicly_visible(pages["news"])


def test_the_embargo_holds_for_one_type_and_for_pages_of_every_type(pages):
    news, embargoed = pages["news"].pk, pages["embargoed"].pk
    assert news in ids(public_pages(NewsPage)) and embargoed not in ids(public_pages(NewsPage))
    assert news in ids(public_pages(Page)) and embargoed not in ids(public_pages(Page))
    # a moment given to the rule is the one it compares with
    later = NOW + 2 * DAY
    assert embargoed in ids(visible_pages(NewsPage.objects.all(), later))
    assert embargoed in ids(visible_pages(Page.objects.all(), later))


def test_the_clock_is_read_when_the_statement_runs_not_when_it_is_built(pages):
    news, embargoed = pages["news"].pk, pages["embargoed"].pk
    Page.objects.filter(pk=news).update(expire_at=NOW + DAY / 2)
    built_now = public_pages(NewsPage)
    both = visible_pages(Page.objects.all())
    assert ids(built_now.all()) & {news, embargoed} == {news}
    with mock.patch("django.utils.timezone.now", return_value=NOW + 2 * DAY):
        # The same querysets, compiled later: the embargo has ended, the expiry has passed.
        assert ids(built_now.all()) & {news, embargoed} == {embargoed}
        assert ids(both.all()) & {news, embargoed} == {embargoed}
        assert ids(public_pages(NewsPage)) & {news, embargoed} == {embargoed}
    assert ids(public_pages(NewsPage)) & {news, embargoed} == {news}


def test_any_page_type_may_declare_an_embargo(pages, monkeypatch):
    """The rule finds the declaration among Wagtail's page models: nothing names newsroom."""
    monkeypatch.setattr(
        PartnerOrganisationPage, "embargo_field", "first_published_at", raising=False
    )
    partner = pages["partner"]
    Page.objects.filter(pk=partner.pk).update(first_published_at=NOW + DAY)
    assert partner.pk not in ids(public_pages(Page))
    assert partner.pk not in ids(public_pages(PartnerOrganisationPage))
    assert partner.pk in ids(visible_pages(Page.objects.all(), NOW + 2 * DAY))


def test_expiry_and_restrictions_of_an_ancestor_hide(pages):
    # published a day ago, expired half a day ago: visible in between
    Page.objects.filter(pk=pages["news"].pk).update(expire_at=NOW - DAY / 2)
    assert pages["news"].pk not in ids(public_pages(Page))
    assert pages["news"].pk in ids(visible_pages(Page.objects.all(), NOW - DAY * 3 / 4))
    PageViewRestriction.objects.create(page=pages["partners"], restriction_type="login")
    assert not ids(public_pages(PartnerOrganisationPage))
    assert pages["partners"].pk not in ids(public_pages(Page))


def test_building_the_rule_runs_no_query(pages):
    with CaptureQueriesContext(connection) as queries:
        queryset = public_pages(Page)
    assert len(queries) == 0
    with CaptureQueriesContext(connection) as queries:
        list(queryset)
    assert len(queries) == 1
