"""HTTP behaviour for browsers and caches: CORS for configured origins only, Cache-Control
per endpoint, ETag and Last-Modified with 304 on conditional GET."""

from __future__ import annotations

import datetime
import json

import pytest
from django.test import override_settings
from django.utils import timezone
from django.utils.http import parse_http_date

from headless.rendering import RENDERER
from portal.content_clock import ContentClock, touch_content

pytestmark = pytest.mark.django_db

ORIGIN = "https://front.example.org"


@override_settings(CORS_ALLOWED_ORIGINS=[ORIGIN])
def test_cors_for_a_configured_origin(client, homes):
    response = client.get("/api/v3/site/navigation/", headers={"origin": ORIGIN})
    assert response["Access-Control-Allow-Origin"] == ORIGIN
    assert "Origin" in response["Vary"]
    preflight = client.options(
        "/api/v3/news/",
        headers={"origin": ORIGIN, "access-control-request-method": "GET"},
    )
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]


@override_settings(CORS_ALLOWED_ORIGINS=[ORIGIN])
def test_no_cors_for_other_origins_or_other_paths(client, homes):
    response = client.get("/api/v3/news/", headers={"origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in response
    preflight = client.options(
        "/api/v3/news/",
        headers={"origin": "https://evil.example", "access-control-request-method": "GET"},
    )
    assert preflight.status_code == 403
    page = client.get("/ru/", headers={"origin": ORIGIN})
    assert "Access-Control-Allow-Origin" not in page


def test_cache_control_per_endpoint(client, homes):
    assert client.get("/api/v3/news/")["Cache-Control"] == "public, max-age=60"
    vocab = client.get("/api/v3/vocabularies/themes/")
    assert vocab["Cache-Control"] == "public, max-age=3600"
    assert client.get("/api/v3/site/settings/")["Cache-Control"] == "public, max-age=600"
    assert client.get("/api/v3/pages/")["Cache-Control"] == "public, max-age=300"
    assert client.get("/api/v3/news/?bad=1")["Cache-Control"] == "no-cache"


def settle_clock() -> None:
    """The last change a minute ago: past its own second, If-Modified-Since is honoured."""
    ContentClock.objects.update(changed_at=timezone.now() - datetime.timedelta(minutes=1))


def test_conditional_get_answers_304(client, site_content):
    settle_clock()
    first = client.get("/api/v3/news/", {"locale": "ru"})
    assert first.status_code == 200
    etag, last_modified = first["ETag"], first["Last-Modified"]
    again = client.get("/api/v3/news/", {"locale": "ru"}, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    since = client.get(
        "/api/v3/news/", {"locale": "ru"}, headers={"if-modified-since": last_modified}
    )
    assert since.status_code == 304
    other = client.get("/api/v3/news/", {"locale": "en"}, headers={"if-none-match": etag})
    assert other.status_code == 200


def test_publishing_changes_etag_and_last_modified(client, site_content):
    first = client.get("/api/v3/news/", {"locale": "ru"})
    article = site_content.article
    article.title = "Новый заголовок"
    article.save_revision().publish()
    second = client.get(
        "/api/v3/news/",
        {"locale": "ru"},
        headers={"if-none-match": first["ETag"], "if-modified-since": first["Last-Modified"]},
    )
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    assert "Новый заголовок" in [item["title"] for item in second.json()["items"]]


def test_a_change_within_the_same_second_still_moves_last_modified(client, homes):
    settle_clock()
    first = client.get("/api/v3/news/", {"locale": "ru"})
    touch_content()  # most likely the same second as the requests below
    since = client.get(
        "/api/v3/news/", {"locale": "ru"}, headers={"if-modified-since": first["Last-Modified"]}
    )
    assert since.status_code == 200
    # In the change's own second no 304 is given on a date, and the date sent is older than
    # the change: whatever the client sends next, the clock is later.
    changed = int(ContentClock.objects.get().changed_at.timestamp())
    assert parse_http_date(since["Last-Modified"]) < changed
    assert parse_http_date(first["Last-Modified"]) < changed


@pytest.mark.parametrize(
    "path",
    [
        "/api/v3/news/?locale=ru",
        "/api/v3/pages/?type=newsroom.NewsPage&locale=ru",
        "/api/v3/partners/?locale=ru",
    ],
)
def test_api_json_is_utf8_text_not_escapes(client, site_content, path):
    """Cyrillic in two bytes a letter, not six (headless/rendering.py), for our routes and
    Wagtail's alike; what a parser reads is the same."""
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert b"\\u04" not in response.content
    text = response.content.decode("utf-8")
    assert any(title in text for title in ("Семинар по профилактике", "Министерство"))
    assert json.loads(text) == response.json()


def test_text_that_utf8_cannot_carry_is_escaped_as_before():
    data = {"title": "Семинар", "broken": "a\ud800b"}
    rendered = RENDERER.render(None, data, response_status=200)
    assert rendered.isascii() and json.loads(rendered) == data
    assert RENDERER.render(None, {"title": "Семинар"}, response_status=200) == (
        '{"title": "Семинар"}'.encode()
    )
