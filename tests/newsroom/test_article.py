"""The article page: dateline, related news, share links, meta, JSON-LD, texts, contact."""

from __future__ import annotations

import datetime
import html as htmllib
import json
import re

import pytest
from django.utils import timezone

from programme.demo import ensure_translation
from programme.models import Boilerplate, ContactPhone
from tests.factories.layers import layer
from tests.factories.newsroom import NewsPageFactory
from tests.factories.programme import (
    BoilerplateFactory,
    ContactIndexPageFactory,
    DonorContactPageFactory,
)
from tests.newsroom.conftest import days_ago, publish

pytestmark = pytest.mark.django_db

ALMATY = datetime.timezone(datetime.timedelta(hours=6))


@layer
def article(tags, newsroom, newsroom_en):
    """Built once per worker and shared by rolling back to it (tests/factories/layers.py)."""
    c, t = tags["countries"], tags["themes"]
    page = NewsPageFactory(
        parent=newsroom,
        title='Диалог в Алматы </script><script>alert("x")</script>',
        kind="press_release",
        dateline_place="Алматы",
        publication_date=datetime.datetime(2022, 11, 30, 12, tzinfo=ALMATY),
        standfirst="Региональный диалог государства и гражданского общества.",
        countries=[c["kz"]],
        themes=[t["prevention"]],
        body=[
            ("paragraph", "<p>Текст.</p>"),
            (
                "quote",
                {
                    "quote": "Вместе мы сильнее.",
                    "speaker": "Элена Фаббри",
                    "role": "представитель",
                    "organisation": "Европейский Союз",
                },
            ),
        ],
    )
    publish(page)
    ensure_translation(page, "en", title="Dialogue in Almaty", dateline_place="Almaty")
    return page


def spaces(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


def json_ld(html: str) -> dict:
    scripts = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def meta(html: str, key: str) -> str | None:
    match = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)
    return htmllib.unescape(match.group(1)) if match else None


def test_article_renders_dateline_in_the_readers_language(client, article):
    ru = client.get(article.url)
    assert ru.status_code == 200
    # CLDR puts a narrow no-break space before "г." (year): keep it, compare without it
    assert "Алматы, 30 ноября 2022 г." in spaces(ru.content.decode())
    en = client.get("/en/news/" + article.slug + "/")
    assert en.status_code == 200
    assert "Almaty, November 30, 2022" in en.content.decode()


def test_quote_block_names_speaker_role_and_organisation(client, article):
    html = client.get(article.url).content.decode()
    assert '<span class="speaker">Элена Фаббри</span>' in html
    assert '<span class="organisation">Европейский Союз</span>' in html


def test_json_ld_is_valid_escaped_news_article(client, article):
    html = client.get(article.url).content.decode()
    head = html.split("</head>")[0]
    assert '<script>alert("x")' not in head
    data = json_ld(html)
    assert data["@type"] == "NewsArticle"
    assert data["@context"] == "https://schema.org"
    assert data["headline"] == article.title[:110]
    assert data["datePublished"].startswith("2022-11-30T06:00:00")
    assert data["inLanguage"] == "ru"
    assert data["url"].endswith(article.url)
    assert spaces(data["dateline"]) == "Алматы, 30 ноября 2022 г."
    assert "Профилактика" in data["keywords"]


def test_open_graph_and_twitter_meta(client, article):
    html = client.get("/en/news/" + article.slug + "/").content.decode()
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:title") == "Dialogue in Almaty"
    assert meta(html, "og:url").endswith(f"/en/news/{article.slug}/")
    assert meta(html, "og:locale") == "en"
    assert meta(html, "twitter:card") == "summary"
    assert meta(html, "twitter:title") == "Dialogue in Almaty"
    assert meta(html, "article:published_time").startswith("2022-11-30")


def test_share_links_carry_the_encoded_article_url(client, article):
    html = client.get(article.url).content.decode()
    nav = html.split('class="share-links"')[1].split("</nav>")[0]
    encoded = "http%3A%2F%2Flocalhost%2Fru%2Fnews%2F" + article.slug
    for host in ("facebook.com", "twitter.com", "linkedin.com", "t.me", "mailto:"):
        links = [u for u in re.findall(r'href="([^"]*)"', nav) if host in u]
        assert links and encoded in links[0], host


def test_print_stylesheet_is_linked(client, article):
    from django.contrib.staticfiles import finders

    html = client.get(article.url).content.decode()
    assert 'href="/static/portal/css/site.css"' in html
    with open(finders.find("portal/css/site.css"), encoding="utf-8") as css:
        assert "@media print" in css.read()


def test_publication_date_is_set_on_first_publish_and_kept_when_back_dated(newsroom):
    fresh = NewsPageFactory(parent=newsroom, publication_date=None, live=False)
    assert fresh.publication_date is None
    publish(fresh)
    assert fresh.publication_date is not None
    assert abs(fresh.publication_date - timezone.now()) < datetime.timedelta(minutes=5)

    back_dated = datetime.datetime(2019, 5, 1, 9, tzinfo=ALMATY)
    old = publish(NewsPageFactory(parent=newsroom, publication_date=back_dated, live=False))
    assert old.publication_date == back_dated


def test_related_news_share_a_country_or_theme_and_exclude_hidden(
    client, article, make_news, tags, hidden_items
):
    c, t = tags["countries"], tags["themes"]
    make_news(title="Same country", countries=[c["kz"]], publication_date=days_ago(3))
    make_news(title="Same theme", themes=[t["prevention"]], publication_date=days_ago(4))
    make_news(title="Unrelated", countries=[c["tm"]], themes=[t["policy"]])
    html = client.get(article.url).content.decode()
    related = html.split('class="related-news"')[1]
    titles = re.findall(r'class="news-card-title"><a href="[^"]*">([^<]*)</a>', related)
    assert titles == ["Same country", "Same theme"]
    assert "HIDDEN" not in html
    assert article.related_news() and all(
        "HIDDEN" not in p.title for p in article.related_news(limit=20)
    )


def test_boilerplates_default_to_site_settings_and_can_be_chosen(client, article, homes):
    from wagtail.models import Locale, Site

    from portal.models import SiteSettings

    ru = Locale.objects.get(language_code="ru")
    en = Locale.objects.get(language_code="en")
    default_about = BoilerplateFactory(
        kind=Boilerplate.Kind.ABOUT_PROGRAMME, locale=ru, text="<p>О программе по умолчанию</p>"
    )
    default_about_en = default_about.copy_for_translation(en)
    default_about_en.text = "<p>Default about text</p>"
    default_about_en.save()
    funder = BoilerplateFactory(
        kind=Boilerplate.Kind.FUNDER_CREDIT, locale=ru, text="<p>Финансирует ЕС</p>"
    )
    settings_obj = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings_obj.about_programme = default_about
    settings_obj.funder_credit = funder
    settings_obj.save()

    html = client.get(article.url).content.decode()
    assert "О программе по умолчанию" in html and "Финансирует ЕС" in html
    assert "Default about text" in client.get(f"/en/news/{article.slug}/").content.decode()

    chosen = BoilerplateFactory(
        kind=Boilerplate.Kind.ABOUT_PROGRAMME, locale=ru, text="<p>Свой текст</p>"
    )
    article.about_programme = chosen
    publish(article)
    html = client.get(article.url).content.decode()
    assert "Свой текст" in html and "О программе по умолчанию" not in html


def test_defaults_hook_is_optional(article, settings, rf):
    from newsroom.defaults import site_default

    request = rf.get("/")
    settings.NEWSROOM_DEFAULTS_SETTING = ""
    assert site_default(request, "about_programme") is None
    settings.NEWSROOM_DEFAULTS_SETTING = "nowhere.Nothing"
    assert site_default(request, "about_programme") is None
    assert article.texts(request)["about_programme"] is None


def test_media_contact_card(client, article, homes):
    contacts = publish(ContactIndexPageFactory(parent=homes["ru"]))
    contact = DonorContactPageFactory(
        parent=contacts, office_name="Представительство ЕС", email="press@example.org"
    )
    contact.phones = [ContactPhone(label="Тел.", number="+996 312 00 00 00")]
    publish(contact)
    article.media_contact = contact
    publish(article)
    html = client.get(article.url).content.decode()
    card = html.split('class="contact-card"')[1].split("</aside>")[0]
    assert "Представительство ЕС" in card
    assert 'href="mailto:press@example.org"' in card
    assert 'href="tel:+996312000000"' in card
    contact.unpublish()
    assert 'class="contact-card"' not in client.get(article.url).content.decode()
