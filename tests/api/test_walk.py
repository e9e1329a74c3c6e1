"""A front end builds the demo-like site from the API alone: home, navigation, newsroom in ru
and en filtered by a country and a theme, an article and its translation, a phase, a partner,
a contact, the vocabularies and the site settings."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, params, response.content[:500])
    return response.json()


def test_walk_the_site_through_the_api(client, site_content):
    c = site_content
    # Front-end routing: the home page of each language.
    home_en = get(client, "/api/v3/route/", path="/", locale="en")
    assert home_en["id"] == c.homes["en"].pk
    assert home_en["meta"]["type"] == "portal.HomePage"
    assert home_en["meta"]["locale"] == "en"

    nav = get(client, "/api/v3/site/navigation/", locale="ru")
    titles = [item["page"]["title"] for item in nav["items"]]
    assert "Новости" in titles and "Программа" in titles
    assert {ref["locale"] for ref in nav["locales"]} == {"ru", "en"}

    settings = get(client, "/api/v3/site/settings/", locale="en")
    assert "About the programme." in settings["about_programme"]["html"]
    assert settings["footer"]["html"] == "<p>Подвал</p>"  # untranslated: the source text
    assert settings["social_links"] == [{"network": "Telegram", "url": "https://t.me/example"}]

    # The newsroom in ru, filtered by a country and a theme.
    news_ru = get(client, "/api/v3/news/", locale="ru", country="kz", theme="prevention")
    assert news_ru["count"] == 1
    item = news_ru["items"][0]
    assert item["id"] == c.article.pk
    assert item["countries"] == [{"slug": "kz", "label": "Казахстан"}]
    assert item["themes"] == [{"slug": "prevention", "label": "Профилактика"}]
    assert item["kind"] == "press_release"
    assert item["kind_label"] == "Пресс-релиз"
    assert item["url"] == "http://localhost/ru/news/seminar-almaty/"
    assert set(item["hero_image"]["renditions"]) >= {"thumbnail", "medium", "large"}
    assert item["related_phase"]["id"] == c.phase.pk
    assert [p["id"] for p in item["related_partners"]] == [c.partner.pk]

    # ... and in en, with labels in English.
    news_en = get(client, "/api/v3/news/", locale="en", country="kz", theme="prevention")
    assert [i["id"] for i in news_en["items"]] == [c.article_en.pk]
    assert news_en["items"][0]["countries"] == [{"slug": "kz", "label": "Kazakhstan"}]
    assert news_en["items"][0]["themes"] == [{"slug": "prevention", "label": "Prevention"}]
    assert news_en["items"][0]["kind_label"] == "Press release"  # the item's language

    # The article, by its site path, and its translation.
    article = get(client, "/api/v3/route/", path="/ru/news/seminar-almaty/")
    assert article["id"] == c.article.pk
    body_types = [block["type"] for block in article["body"]]
    assert body_types == ["paragraph", "quote", "image", "fact_box"]
    assert article["body"][0]["value"] == "<p>Текст <b>пресс-релиза</b>.</p>"
    assert article["body"][1]["value"]["speaker"] == "А. Иванов"
    assert article["body"][2]["value"]["image"]["renditions"]["medium"]["url"]
    assert article["body"][3]["value"]["facts"] == [{"figure": "5", "label": "стран"}]
    assert article["media_contact"]["office_name"] == c.contact.office_name
    assert "О программе." in article["about_programme"]["html"]

    translations = get(client, f"/api/v3/translations/{c.article.pk}/")
    assert [(t["locale"], t["id"]) for t in translations] == [
        ("ru", c.article.pk),
        ("en", c.article_en.pk),
    ]
    article_en = get(client, f"/api/v3/news/{translations[1]['id']}/")
    assert article_en["title"] == "Prevention seminar in Almaty"
    assert article_en["themes"] == [{"slug": "prevention", "label": "Prevention"}]
    assert "About the programme." in article_en["about_programme"]["html"]
    # Wagtail's own detail endpoint answers with the same typed shape.
    stock = get(client, f"/api/v3/pages/{c.article_en.pk}/")
    assert stock["themes"] == article_en["themes"]
    assert stock["body"] == article_en["body"]

    # A phase, a partner, a contact.
    phase = get(client, f"/api/v3/phases/{article['related_phase']['id']}/")
    assert phase["number"] == 7
    assert [p["partner"]["id"] for p in phase["partners"]] == [c.partner.pk]
    assert phase["partners"][0]["role"] == "implementing"
    assert phase["partners"][0]["role_label"] == "Реализация"
    assert {t["slug"] for t in phase["countries"]} == {"kz", "kg"}
    partner = get(client, f"/api/v3/partners/{phase['partners'][0]['partner']['id']}/")
    assert partner["acronym"] == "MZ"
    assert partner["kind_label"] == "Государственное ведомство"
    assert partner["country"] == {"slug": "kz", "label": "Казахстан"}
    contact = get(client, f"/api/v3/contacts/{article['media_contact']['id']}/")
    assert contact["phones"] == [{"label": "Тел.", "number": "+996 312 000000"}]
    assert contact["organisation"]["id"] == c.donor.pk

    phases_en = get(client, "/api/v3/phases/", locale="en")
    assert [p["id"] for p in phases_en["items"]] == [c.phase_en.pk]
    en_roles = [p["role_label"] for p in phases_en["items"][0]["partners"]]
    assert en_roles == ["Implementing"]  # the en phase's role, in English
    partners = get(client, "/api/v3/partners/", locale="ru", kind="donor")
    assert [p["id"] for p in partners["items"]] == [c.donor.pk]
    contacts = get(client, "/api/v3/contacts/", locale="en")
    assert [p["id"] for p in contacts["items"]] == [c.contact_en.pk]

    # Vocabularies with labels in the asked locale and counts of published items.
    countries = {t["slug"]: t for t in get(client, "/api/v3/vocabularies/countries/", locale="en")}
    assert countries["kz"]["label"] == "Kazakhstan"
    assert countries["kz"]["news"] == 1  # the article's translation only
    countries_ru = {
        t["slug"]: t for t in get(client, "/api/v3/vocabularies/countries/", locale="ru")
    }
    assert countries_ru["kz"]["news"] == 2  # article + event report; never the hidden ones
    assert countries_ru["kg"]["news"] == 2
    assert countries_ru["kz"]["partners"] == 1
    themes = {t["slug"]: t for t in get(client, "/api/v3/vocabularies/themes/", locale="en")}
    assert themes["prevention"]["label"] == "Prevention"
    assert themes["treatment"]["news"] == 0  # the en translation of a treatment item is unpublished

    # Search with facets: the search page's engine.
    found = get(client, "/api/v3/search/", q="профилактике", locale="ru")
    assert c.article.pk in [hit["id"] for hit in found["results"]]
    assert not {hit["id"] for hit in found["results"]} & {c.draft.pk, c.private.pk}
    country_facet = {f["value"]: f for f in found["facets"]["country"]}
    assert country_facet["kz"]["label"] == "Казахстан"
    narrowed = get(client, "/api/v3/search/", q="профилактике", locale="ru", country="kz")
    assert all(f["selected"] for f in narrowed["facets"]["country"] if f["value"] == "kz")
    assert narrowed["total"] <= found["total"]
    found_en = get(client, "/api/v3/search/", q="seminar", locale="en")
    assert [hit["id"] for hit in found_en["results"]] == [c.article_en.pk]
    assert found_en["results"][0]["type"] == "news item"  # in the asked language
    assert found["results"][0]["type"] == "новость"
