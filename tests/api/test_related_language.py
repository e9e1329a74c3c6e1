"""Related pages in the API come in the item's language and only while publicly visible
(``headless.related``): a news item's phase, partners and media contact, a phase's
partners, a contact's organisation, a page chosen in a StreamField and a page's parent.
Resolved in bulk: one query for the related pages of a whole list page."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from headless.related import resolve
from tests.factories.newsroom import NewsPageFactory
from tests.factories.programme import PartnerOrganisationPageFactory

pytestmark = pytest.mark.django_db

#: The news listing's queries: content clock, locale, count, items, country and theme tags,
#: theme labels, images, renditions, partner ids, locale codes, and the one resolving every
#: related page.
LIST_BUDGET = 12

NOW = timezone.now()
DAY = datetime.timedelta(days=1)


def news_item(client, locale: str, page_id: int) -> dict:
    response = client.get(f"/api/v3/news/?locale={locale}&limit=100")
    assert response.status_code == 200
    return next(item for item in response.json()["items"] if item["id"] == page_id)


def test_an_en_item_refers_to_the_en_phase_partners_and_contact(client, site_content):
    c = site_content
    assert c.article_en.related_phase_id == c.phase.pk  # stored: the ru source
    item = news_item(client, "en", c.article_en.pk)
    assert item["related_phase"]["id"] == c.phase_en.pk
    assert (item["related_phase"]["locale"], item["related_phase"]["title"]) == ("en", "Phase 7")
    assert [p["id"] for p in item["related_partners"]] == [c.partner_en.pk]
    detail = client.get(f"/api/v3/news/{c.article_en.pk}/").json()
    assert detail["related_phase"]["id"] == c.phase_en.pk
    assert detail["media_contact"]["id"] == c.contact_en.pk
    assert detail["media_contact"]["office_name"] == "EU Delegation"
    # The contact's organisation has no en translation: the ru page, labelled ru.
    assert detail["media_contact"]["organisation"]["id"] == c.donor.pk
    assert detail["media_contact"]["organisation"]["locale"] == "ru"
    # The ru item keeps the ru pages.
    item = news_item(client, "ru", c.article.pk)
    assert item["related_phase"]["id"] == c.phase.pk
    assert [p["id"] for p in item["related_partners"]] == [c.partner.pk]


def test_phase_partners_and_wagtail_pages_route_follow_the_language(client, site_content):
    c = site_content
    phases = client.get("/api/v3/phases/?locale=en").json()["items"]
    en_phase = next(p for p in phases if p["id"] == c.phase_en.pk)
    assert [p["partner"]["id"] for p in en_phase["partners"]] == [c.partner_en.pk]
    page = client.get(f"/api/v3/pages/{c.article_en.pk}/").json()
    assert page["related_phase"]["id"] == c.phase_en.pk
    assert page["meta"]["parent"]["id"] == c.newsroom_en.pk


def test_the_phase_filter_matches_every_translation_of_the_phase(client, site_content):
    c = site_content
    for phase_id in (c.phase.pk, c.phase_en.pk):
        ids = [
            i["id"] for i in client.get(f"/api/v3/news/?locale=en&phase={phase_id}").json()["items"]
        ]
        assert ids == [c.article_en.pk], phase_id
    for partner_id in (c.partner.pk, c.partner_en.pk):
        url = f"/api/v3/news/?locale=en&partner={partner_id}"
        assert [i["id"] for i in client.get(url).json()["items"]] == [c.article_en.pk]


def test_a_hidden_translation_falls_back_to_the_visible_source(client, site_content):
    c = site_content
    c.phase_en.unpublish()
    partner_en = Page.objects.get(pk=c.partner_en.pk)
    partner_en.expire_at = NOW - DAY
    partner_en.save(update_fields=["expire_at"])
    PageViewRestriction.objects.create(page=c.contact_en, restriction_type="password", password="x")
    item = news_item(client, "en", c.article_en.pk)
    assert (item["related_phase"]["id"], item["related_phase"]["locale"]) == (c.phase.pk, "ru")
    assert [p["id"] for p in item["related_partners"]] == [c.partner.pk]
    detail = client.get(f"/api/v3/news/{c.article_en.pk}/").json()
    assert detail["media_contact"]["id"] == c.contact.pk


def test_a_related_page_never_shown_when_no_version_is_publicly_visible(client, site_content):
    c = site_content
    for page in (c.phase, c.phase_en):
        page.unpublish()
    for page in (c.partner, c.partner_en):
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    for page in (c.contact, c.contact_en):
        Page.objects.filter(pk=page.pk).update(expire_at=NOW - DAY)
    for locale, article in (("en", c.article_en), ("ru", c.article)):
        item = news_item(client, locale, article.pk)
        assert item["related_phase"] is None and item["related_partners"] == []
        detail = client.get(f"/api/v3/news/{article.pk}/").json()
        assert detail["related_phase"] is None and detail["media_contact"] is None
        body = client.get(f"/api/v3/pages/{article.pk}/").json()
        assert body["related_phase"] is None and body["media_contact"] is None


def test_an_embargoed_or_alias_page_is_not_resolved(site_content):
    c = site_content
    embargoed = NewsPageFactory(parent=c.newsroom, publication_date=NOW + DAY)
    embargoed.save_revision().publish()
    found = resolve([embargoed.pk, c.article.pk], {c.homes["en"].locale_id})
    assert found.get(embargoed.pk, c.homes["en"].locale_id) is None
    assert found.get(c.article.pk, c.homes["en"].locale_id).pk == c.article_en.pk
    # An alias (an untranslated page in a synchronised tree) is never shown instead.
    alias = c.others[1].create_alias(
        parent=c.newsroom_en, update_locale=c.homes["en"].locale, update_slug="alias"
    )
    found = resolve([c.others[1].pk], {alias.locale_id})
    assert found.get(c.others[1].pk, alias.locale_id).pk == c.others[1].pk


def test_a_page_chosen_in_the_body_is_shown_in_the_item_language(client, site_content):
    c = site_content
    article_en = c.article_en.specific
    article_en.body = [("call_to_action", {"text": "Read", "link": "", "page": c.phase})]
    article_en.save_revision().publish()
    body = client.get(f"/api/v3/news/{c.article_en.pk}/").json()["body"]
    assert body[0]["value"]["page"]["id"] == c.phase_en.pk
    c.phase.unpublish()
    c.phase_en.unpublish()
    body = client.get(f"/api/v3/news/{c.article_en.pk}/").json()["body"]
    assert body[0]["value"]["page"] is None


def test_related_pages_of_a_list_page_cost_one_query(
    client, site_content, django_assert_max_num_queries
):
    """Twenty en items, each referring to the phase, a partner and the contact in ru: one
    query finds all their en translations, whatever the number of items."""
    c = site_content
    created = set()
    for n in range(20):
        page = NewsPageFactory(
            parent=c.newsroom_en, slug=f"en-{n}", related_partners=[c.partner], countries=[c.kz]
        )
        page.related_phase = c.phase
        page.save_revision().publish()
        created.add(page.pk)
    client.get("/api/v3/news/?locale=en&limit=100")
    counts = []
    for limit in (2, 100):
        with django_assert_max_num_queries(LIST_BUDGET) as captured:
            items = client.get(f"/api/v3/news/?locale=en&limit={limit}").json()["items"]
        resolving = [q for q in captured.captured_queries if "publicly_visible" in q["sql"]]
        assert len(resolving) == 1
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1] and len(items) >= 20
    new = [item for item in items if item["id"] in created]
    assert len(new) == 20
    for item in new:
        assert item["related_phase"]["id"] == c.phase_en.pk
        assert [p["id"] for p in item["related_partners"]] == [c.partner_en.pk]


def test_a_detail_resolves_its_related_pages_in_one_query_whatever_their_number(
    client, site_content, django_assert_max_num_queries
):
    """A news detail resolves its phase, partners, contact and its contact's organisation in
    one query: five more partners cost no query."""
    c = site_content
    url = f"/api/v3/news/{c.article_en.pk}/"
    client.get(url)  # renditions are created once, on first use
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    resolving = [q for q in before.captured_queries if "publicly_visible" in q["sql"]]
    assert len(resolving) == 1
    budget = len(before.captured_queries)  # read now: the log is a bounded deque
    more = [
        PartnerOrganisationPageFactory(parent=c.partner.get_parent(), title=f"Партнёр {n}")
        for n in range(5)
    ]
    article_en = c.article_en.specific
    article_en.related_partners.add(*more)
    article_en.save_revision().publish()
    client.get(url)
    with django_assert_max_num_queries(budget):
        item = client.get(url).json()
    assert len(item["related_partners"]) == 6
    assert item["related_partners"][0]["id"] == c.partner_en.pk
