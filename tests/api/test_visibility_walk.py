"""The one visibility rule, walked: with one page of every hidden kind present (a draft, a
private subtree, an embargoed news item, an expired item and an expired partner, an alias of
an untranslated page, an unpublished translation, a scheduled page, an image and a document
in a private collection), no public HTML URL and no API route shows any of them, by title,
slug, URL or id. Then the reproducers of issue #11's embargo leak, one per route, and the
clock: an embargoed item appears everywhere at its time without a republish.

The content is built once for the module, inside a transaction rolled back at the end.
"""

from __future__ import annotations

import datetime
import json
from types import SimpleNamespace
from unittest import mock

import pytest
import wagtail_factories
from django.test import override_settings
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction

from headless.visibility import public_pages
from newsroom.models import NewsPage
from programme.demo import ensure_translation
from tests.factories.layers import layer
from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.factories.programme import (
    CountryTagFactory,
    PartnerIndexPageFactory,
    PartnerOrganisationPageFactory,
    ThemeTagFactory,
)

pytestmark = pytest.mark.django_db

#: In the title and the slug of everything hidden: no response may contain it.
MARK = "zzhidden"


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build(homes: dict) -> SimpleNamespace:
    now = timezone.now()
    en = Locale.objects.get(language_code="en")
    kz = CountryTagFactory(slug="kz", name="Казахстан")
    prevention = ThemeTagFactory(slug="prevention", name="Профилактика")
    tags = {"countries": [kz], "themes": [prevention]}

    partners = publish(PartnerIndexPageFactory(parent=homes["ru"], slug="partners"))
    partner = publish(
        PartnerOrganisationPageFactory(
            parent=partners, title="Агентство", slug="agency", country=kz
        )
    )
    newsroom = publish(NewsIndexPageFactory(parent=homes["ru"]))
    newsroom_en = ensure_translation(newsroom, "en", title="News")

    def news(title: str, slug: str, **fields) -> NewsPage:
        fields.setdefault("publication_date", now - datetime.timedelta(days=10))
        return NewsPageFactory(
            parent=fields.pop("parent", newsroom),
            title=title,
            slug=slug,
            related_partners=[partner],
            **tags,
            **fields,
        )

    visible = publish(news("Семинар в Алматы", "almaty"))
    visible_en = ensure_translation(visible, "en", title="Seminar in Almaty")
    untranslated = publish(news("Семинар в Оше", "osh"))
    translated = publish(news("Семинар в Бишкеке", "bishkek"))
    expiring = news("Семинар в Таразе", "taraz")
    expiring.expire_at = now + datetime.timedelta(days=20)
    publish(expiring)

    # One of every hidden kind.
    draft = news(f"Семинар {MARK} черновик", f"{MARK}-draft", live=False)
    draft.save_revision()
    closed = publish(
        NewsIndexPageFactory(parent=homes["ru"], title=f"{MARK} раздел", slug=f"{MARK}-closed")
    )
    PageViewRestriction.objects.create(page=closed, restriction_type="login")
    closed_item = publish(news(f"Семинар {MARK} закрытый", f"{MARK}-closed-item", parent=closed))
    embargoed = publish(
        news(
            f"Семинар {MARK} эмбарго",
            f"{MARK}-embargoed",
            publication_date=now + datetime.timedelta(days=30),
        )
    )
    embargoed_en = ensure_translation(
        embargoed, "en", title=f"Seminar {MARK} embargo", slug=f"{MARK}-embargoed"
    )
    expired = publish(news(f"Семинар {MARK} устаревший", f"{MARK}-expired"))
    expired_partner = publish(
        PartnerOrganisationPageFactory(
            parent=partners, title=f"{MARK} партнёр", slug=f"{MARK}-partner", country=kz
        )
    )
    # Past their expiry, before Wagtail's publish_scheduled command has unpublished them.
    Page.objects.filter(pk__in=[expired.pk, expired_partner.pk]).update(
        expire_at=now - datetime.timedelta(hours=1)
    )
    alias = untranslated.create_alias(parent=newsroom_en, update_locale=en)
    unpublished_en = ensure_translation(
        translated, "en", title=f"Seminar {MARK} unpublished", slug=f"{MARK}-unpublished"
    )
    unpublished_en.unpublish()
    scheduled = news(f"Семинар {MARK} анонс", f"{MARK}-scheduled", live=False)
    scheduled.go_live_at = now + datetime.timedelta(days=3)
    scheduled.save_revision().publish()

    private_collection = Collection.get_first_root_node().add_child(name=f"{MARK} коллекция")
    CollectionViewRestriction.objects.create(
        collection=private_collection, restriction_type="login"
    )
    image = wagtail_factories.ImageFactory(title="Семинар, фото")
    hidden_image = wagtail_factories.ImageFactory(
        title=f"{MARK} фото", collection=private_collection
    )
    document = wagtail_factories.DocumentFactory(title="Программа семинара")
    hidden_document = wagtail_factories.DocumentFactory(
        title=f"{MARK} документ", collection=private_collection
    )

    # Old addresses: one redirect per hidden page (its id and route path must not show), one
    # to the visible item (the walk must see it) and one to an external link.
    redirects = [
        Redirect.objects.create(old_path=f"/old/hidden-{n}", redirect_page=page)
        for n, page in enumerate([draft, closed_item, embargoed, expired, scheduled])
    ]
    Redirect.objects.create(old_path="/old/almaty", redirect_page=visible)
    Redirect.objects.create(old_path="/old/elsewhere", redirect_link="https://example.org/")

    hidden_pages = [
        draft,
        closed,
        closed_item,
        embargoed,
        embargoed_en,
        expired,
        expired_partner,
        alias,
        unpublished_en,
        scheduled,
    ]
    return SimpleNamespace(
        homes=homes,
        partner=partner,
        newsroom=newsroom,
        newsroom_en=newsroom_en,
        visible=visible,
        visible_en=visible_en,
        untranslated=untranslated,
        translated=translated,
        expiring=expiring,
        embargoed=embargoed,
        embargoed_en=embargoed_en,
        expired=expired,
        alias=alias,
        image=image,
        document=document,
        hidden_image=hidden_image,
        hidden_document=hidden_document,
        hidden_pages=hidden_pages,
        hidden_ids={page.pk for page in hidden_pages},
        hidden_redirects=redirects,
        # the alias has its source's title: it shows by its address and its id
        alias_url=f"/en/news/{untranslated.slug}/",
    )


@layer
def site(homes):
    """Built once per worker on the shared site tree (tests/factories/layers.py)."""
    return build(homes)


def get(client, url: str, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, params, response.status_code)
    return response


def assert_nothing_hidden(site, response, url: str) -> str:
    body = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        body = json.dumps(response.json(), ensure_ascii=False)  # no \u escapes
    assert MARK not in body.lower(), url
    assert site.alias_url not in body, url
    return body


def page_ids(data) -> set[int]:
    """Ids of the page-like objects anywhere in an API answer (not images or documents)."""
    found: set[int] = set()
    if isinstance(data, dict):
        media = {"width", "renditions", "download_url", "file"} & set(data)
        if "id" in data and "title" in data and not media:
            found.add(data["id"])
        for value in data.values():
            found |= page_ids(value)
    elif isinstance(data, list):
        for value in data:
            found |= page_ids(value)
    return found


# --- the walk --------------------------------------------------------------------------------


HTML_URLS = [
    "/ru/",
    "/en/",
    "/ru/news/",
    "/ru/news/?country=kz",
    "/ru/news/?theme=prevention",
    "/en/news/",
    "/ru/news/almaty/",  # its related news
    "/en/news/almaty/",
    "/ru/partners/agency/",
    "/ru/partners/",
    "/ru/news/rss/",
    "/ru/news/atom/",
    "/en/news/rss/",
    "/ru/news/country/kz/rss/",
    "/ru/news/theme/prevention/atom/",
    "/ru/countries/",
    "/ru/countries/kz/",
    "/ru/themes/prevention/",
    "/en/countries/kz/",
    "/sitemap.xml",
    "/ru/search/?q=Семинар",
    "/ru/search/?country=kz",
    "/en/search/?q=seminar",
    "/ru/search/autocomplete/?q=Семин",
    "/en/search/autocomplete/?q=Semin",
]


@pytest.mark.parametrize("url", HTML_URLS)
@override_settings(NEWSROOM_MISSING_TRANSLATION="redirect")
def test_no_public_html_url_shows_hidden_content(client, site, url):
    """The strict rule. In the default "source" mode a listing also shows the untranslated
    alias, labelled (test_untranslated_alias_is_listed_only_labelled)."""
    body = assert_nothing_hidden(site, get(client, url), url)
    # what each URL must show, so that the walk would see a leak
    expected = "Агентство" if "partners" in url else "Almaty" if "/en/" in url else "Алматы"
    if url not in ("/ru/", "/en/", "/ru/countries/", "/en/news/rss/", "/sitemap.xml"):
        assert expected in body, url


def test_untranslated_alias_is_listed_only_labelled(client, site):
    """NEWSROOM_MISSING_TRANSLATION "source": /en/news/ lists the untranslated alias with its
    language and a marker; every other hidden page stays hidden, and the feed keeps to the
    rule (one language per feed)."""
    html = get(client, "/en/news/").content.decode()
    assert f'<a href="{site.alias_url}" lang="ru">' in html
    assert "(in Russian)" in html
    assert MARK not in html.lower()  # drafts, private, embargoed, expired: still hidden
    assert site.alias_url not in get(client, "/en/news/rss/").content.decode()


def test_hidden_pages_are_not_served(client, site):
    for page in site.hidden_pages:
        if page.pk == site.alias.pk:
            continue  # an alias answers with the missing-translation fallback, unlisted
        url = page.url_path.split("/", 2)[2]
        language = page.locale.language_code
        response = client.get(f"/{language}/{url}")
        assert response.status_code in (302, 404), (page.title, response.status_code)
        assert MARK not in response.content.decode().lower()


API_LISTINGS = [
    ("/api/v3/news/", {"locale": "ru", "limit": 100}),
    ("/api/v3/news/", {"locale": "en", "limit": 100}),
    ("/api/v3/news/", {"locale": "ru", "country": "kz", "theme": "prevention"}),
    ("/api/v3/news/", {"locale": "ru", "search": "Семинар"}),
    ("/api/v3/news/", {"locale": "ru", "partner": "{partner}"}),
    ("/api/v3/pages/", {"limit": 100}),
    ("/api/v3/pages/", {"locale": "en", "limit": 100}),
    ("/api/v3/pages/", {"type": "newsroom.NewsPage", "limit": 100}),
    ("/api/v3/pages/", {"search": "Семинар", "limit": 100}),
    ("/api/v3/pages/", {"child_of": "{newsroom}", "limit": 100}),
    ("/api/v3/pages/", {"child_of": "{newsroom_en}", "limit": 100}),
    ("/api/v3/pages/", {"translation_of": "{visible}"}),
    ("/api/v2/pages/", {"limit": 100}),
    ("/api/v2/pages/", {"type": "newsroom.NewsPage", "limit": 100}),
    ("/api/v2/pages/", {"search": "Семинар", "limit": 100}),
    ("/api/v2/pages/", {"child_of": "{newsroom_en}"}),
    ("/api/v3/search/", {"q": "Семинар", "locale": "ru"}),
    ("/api/v3/search/", {"q": "seminar", "locale": "en"}),
    ("/api/v3/search/", {"country": "kz", "locale": "ru"}),
    ("/api/v3/translations/{visible}/", {}),
    ("/api/v3/translations/{untranslated}/", {}),
    ("/api/v3/site/navigation/", {"locale": "ru"}),
    ("/api/v3/site/navigation/", {"locale": "en"}),
    ("/api/v3/partners/", {"locale": "ru"}),
    ("/api/v3/phases/", {"locale": "ru"}),
    ("/api/v3/contacts/", {"locale": "ru"}),
    ("/api/v3/vocabularies/countries/", {"locale": "ru"}),
    ("/api/v3/vocabularies/themes/", {"locale": "en"}),
    ("/api/v3/news/{visible}/", {}),
    ("/api/v3/pages/{visible}/", {}),
    ("/api/v3/route/", {"path": "/ru/news/almaty/"}),
    ("/api/v3/images/", {"limit": 100}),
    ("/api/v3/redirects/", {"limit": 100}),
    ("/api/v3/documents/", {"limit": 100}),
    ("/api/v2/images/", {}),
    ("/api/v2/documents/", {}),
]


def fill(site, text: str) -> str:
    return text.format(
        partner=site.partner.pk,
        newsroom=site.newsroom.pk,
        newsroom_en=site.newsroom_en.pk,
        visible=site.visible.pk,
        untranslated=site.untranslated.pk,
    )


@pytest.mark.parametrize(("url", "params"), API_LISTINGS)
def test_no_api_route_shows_hidden_content(client, site, url, params):
    url = fill(site, url)
    params = {name: fill(site, str(value)) for name, value in params.items()}
    response = get(client, url, **params)
    assert_nothing_hidden(site, response, url)
    data = response.json()
    assert not page_ids(data) & site.hidden_ids, (url, params, page_ids(data) & site.hidden_ids)
    assert data, url  # something is listed: the walk would see a leak


def test_redirects_to_hidden_pages_are_not_listed_or_served(client, site):
    listed = get(client, "/api/v3/redirects/", limit=100).json()["items"]
    paths = {redirect["old_path"] for redirect in listed}
    assert paths == {"/old/almaty", "/old/elsewhere"}
    assert {r["redirect_page_id"] for r in listed} & site.hidden_ids == set()
    for redirect in site.hidden_redirects:
        assert client.get(f"/api/v3/redirects/{redirect.pk}/").status_code == 404
        found = client.get("/api/v3/redirects/find/", {"html_path": redirect.old_path}, follow=True)
        assert found.status_code == 404


def test_vocabulary_counts_leave_hidden_content_out(client, site):
    terms = get(client, "/api/v3/vocabularies/countries/", locale="ru").json()
    kz = next(term for term in terms if term["slug"] == "kz")
    assert kz["news"] == 4  # Almaty, Osh, Bishkek, Taraz: not the embargoed, expired, closed ones
    assert kz["partners"] == 1  # not the expired partner


def test_a_search_for_the_hidden_finds_nothing(client, site):
    for url, params in [
        ("/api/v3/search/", {"q": MARK, "locale": "ru"}),
        ("/api/v3/search/", {"q": MARK, "locale": "en"}),
        ("/api/v3/news/", {"search": MARK, "locale": "ru"}),
        ("/api/v3/pages/", {"search": MARK}),
        ("/api/v2/pages/", {"search": MARK}),
    ]:
        data = get(client, url, **params).json()
        assert data.get("total", data.get("count", data.get("meta", {}).get("total_count"))) == 0
    assert get(client, "/ru/search/autocomplete/", q=MARK).json() == {"results": []}


def test_images_and_documents_in_a_private_collection_are_not_served(client, site):
    for url in (
        f"/api/v3/images/{site.hidden_image.pk}/",
        f"/api/v2/images/{site.hidden_image.pk}/",
        f"/api/v3/documents/{site.hidden_document.pk}/",
        f"/api/v2/documents/{site.hidden_document.pk}/",
    ):
        assert client.get(url).status_code == 404, url
    assert get(client, f"/api/v3/images/{site.image.pk}/").json()["title"] == "Семинар, фото"
    assert get(client, f"/api/v2/documents/{site.document.pk}/").json()["id"] == site.document.pk


# --- the embargo leak of issue #11, route by route -------------------------------------------


def embargo_urls(site) -> list[str]:
    e, e_en = site.embargoed, site.embargoed_en
    return [
        f"/api/v3/news/{e.pk}/",
        f"/api/v3/pages/{e.pk}/",
        f"/api/v3/pages/{e_en.pk}/",
        f"/api/v3/pages/find/?html_path=/news/{e.slug}/",
        f"/api/v3/route/?path=/ru/news/{e.slug}/",
        f"/api/v3/route/?path=/en/news/{e_en.slug}/",
        f"/api/v3/translations/{e.pk}/",
        f"/api/v2/pages/{e.pk}/",
        f"/api/v2/pages/find/?html_path=/news/{e.slug}/",
        f"/ru/news/{e.slug}/",
    ]


def test_an_embargoed_item_has_no_detail_route_and_no_address(client, site):
    for url in embargo_urls(site):
        response = client.get(url)
        assert response.status_code == 404, (url, response.status_code)
        assert site.embargoed.title not in response.content.decode(), url


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/news/?locale=ru",
        "/api/v3/pages/?type=newsroom.NewsPage",
        "/api/v2/pages/?type=newsroom.NewsPage",
        "/api/v3/search/?q=Семинар&locale=ru",
        "/ru/search/?q=Семинар",
        "/ru/search/autocomplete/?q=Семин",
    ],
)
def test_an_embargoed_item_is_not_listed(client, site, url):
    assert MARK not in get(client, url).content.decode()


def test_stock_pages_listings_leave_aliases_out(client, site):
    for url in ("/api/v3/pages/", "/api/v2/pages/"):
        data = get(client, url, locale="en", limit=100).json()
        ids = {item["id"] for item in data["items"]}
        assert site.visible_en.pk in ids
        assert site.alias.pk not in ids, url
        assert client.get(f"{url}{site.alias.pk}/").status_code == 404


# --- the clock: no republish needed ----------------------------------------------------------


def test_an_embargoed_item_appears_everywhere_at_its_time(client, site):
    later = timezone.now() + datetime.timedelta(days=31)
    e = site.embargoed
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert get(client, f"/api/v3/news/{e.pk}/").json()["id"] == e.pk
        assert get(client, f"/api/v3/pages/{e.pk}/").json()["id"] == e.pk
        assert get(client, f"/api/v2/pages/{e.pk}/").json()["id"] == e.pk
        assert get(client, "/api/v3/route/", path=f"/ru/news/{e.slug}/").json()["id"] == e.pk
        news = get(client, "/api/v3/news/", locale="ru").json()
        assert e.pk in {item["id"] for item in news["items"]}
        assert e.title in get(client, "/ru/news/").content.decode()
        assert e.title in get(client, "/ru/news/rss/").content.decode()
        assert get(client, f"/ru/news/{e.slug}/").status_code == 200
        found = get(client, "/api/v3/search/", q="эмбарго", locale="ru").json()
        assert [hit["id"] for hit in found["results"]] == [e.pk]
        # and an expiry takes effect at its time, before publish_scheduled has run
        x = site.expiring
        assert client.get(f"/api/v3/news/{x.pk}/").status_code == 404
        assert client.get(f"/api/v3/pages/{x.pk}/").status_code == 404
        assert client.get(f"/ru/news/{x.slug}/").status_code == 404
        assert x.title not in get(client, "/ru/news/").content.decode()
    assert get(client, f"/api/v3/news/{x.pk}/").json()["id"] == x.pk


def test_the_rule_is_the_same_for_one_type_and_for_pages_of_every_type(site):
    news = set(public_pages(NewsPage).values_list("pk", flat=True))
    pages = set(
        public_pages(Page).filter(content_type__model="newspage").values_list("pk", flat=True)
    )
    assert news == pages
    assert site.visible.pk in news
    assert not news & site.hidden_ids
    assert set(NewsPage.objects.published().values_list("pk", flat=True)) == news
