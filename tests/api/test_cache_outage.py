"""Redis down, site up: with the cache pointed at a closed port (settings only; nothing on the
machine is stopped) every public route answers from the database, publishing succeeds and
still records its webhooks and moves the content clock, and only /readyz says so (503)."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import pytest
from django.test import override_settings

from portal import cache as cache_module
from portal.content_clock import ContentClock
from portal.webhooks import delivery
from portal.webhooks.models import Webhook, WebhookDelivery
from tests.api.test_webhooks import Receiver
from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.services import free_port

pytestmark = pytest.mark.django_db


PORT = free_port()
#: What no response may show: where Redis is, or what the client library said.
LEAKS = [f":{PORT}", "Connection refused", "ConnectionError", "Error 111", "Traceback"]


@pytest.fixture
def redis_down(monkeypatch):
    monkeypatch.setattr(cache_module, "_outages", {})
    caches = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{PORT}/0",
            "KEY_PREFIX": "newsroom-test",
        }
    }
    with override_settings(CACHES=caches):
        yield


def public_routes(c) -> list[str]:
    article = c.article
    return [
        "/ru/",
        "/en/",
        "/ru/news/",
        article.url,
        c.article_en.url,
        "/ru/news/rss/",
        "/ru/news/atom/",
        "/ru/countries/",
        "/ru/countries/kz/",
        "/ru/themes/prevention/",
        "/ru/search/?q=семинар",
        "/ru/search/?q=прафилактика",  # a misspelling: the "did you mean" vocabulary is cached
        "/ru/search/autocomplete/?q=сем",
        "/sitemap.xml",
        "/api/v3/news/?locale=ru",
        f"/api/v3/news/{article.pk}/",
        "/api/v3/pages/",
        f"/api/v3/pages/{article.pk}/",
        "/api/v3/search/?q=семинар&locale=ru",
        "/api/v3/vocabularies/countries/?locale=ru",
        "/api/v3/vocabularies/themes/?locale=en",
        "/api/v3/route/?path=/ru/news/seminar-almaty/",
        f"/api/v3/translations/{article.pk}/",
        "/api/v3/site/settings/?locale=ru",
        "/api/v3/site/navigation/?locale=ru",
        "/api/v2/pages/",
        "/admin/login/",
        "/healthz",
    ]


def test_every_public_route_answers_from_the_database(client, site_content, redis_down, caplog):
    client.raise_request_exception = False
    failures = []
    with caplog.at_level(logging.WARNING):
        for url in public_routes(site_content):
            response = client.get(url)
            body = response.content.decode(errors="replace")
            if response.status_code != 200:
                failures.append((url, response.status_code, body[:300]))
            failures += [(url, "leaks", leak) for leak in LEAKS if leak in body]
        news = client.get("/api/v3/news/", {"locale": "ru"}).json()
    assert failures == []
    assert site_content.article.title in [item["title"] for item in news["items"]]
    # One outage, one line in the log (not one per request or per cache call).
    cache_lines = [r.getMessage() for r in caplog.records if r.name == "portal.cache"]
    assert len(cache_lines) == 1, cache_lines


def test_readiness_names_the_cache(client, homes, redis_down):
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["broken"] == ["cache"]
    assert body["parts"]["cache"] == {"state": "unavailable", "backend": "redis"}
    assert body["parts"]["database"]["state"] == "ok"
    assert not [leak for leak in LEAKS if leak in response.content.decode()]
    assert client.get("/healthz").status_code == 200  # alive all the same


@override_settings(WEBHOOK_RETRY_DELAYS=[])
def test_publishing_succeeds_and_does_everything_else(
    client, site_content, redis_down, django_capture_on_commit_callbacks
):
    receiver = Receiver()
    try:
        Webhook.objects.create(name="Static site", url=receiver.url, secret="s")
        before = client.get("/api/v3/news/", {"locale": "ru"})
        clock_before = ContentClock.objects.get().changed_at
        article = site_content.article
        article.title = "Заголовок, опубликованный без Redis"
        with django_capture_on_commit_callbacks(execute=True):
            article.save_revision().publish()
    finally:
        receiver.close()
    assert ContentClock.objects.get().changed_at > clock_before
    sent = WebhookDelivery.objects.get()
    assert (sent.event, sent.status) == ("page.published", "delivered")
    assert len(receiver.received) == 1
    after = client.get(
        "/api/v3/news/", {"locale": "ru"}, headers={"if-modified-since": before["Last-Modified"]}
    )
    assert after.status_code == 200
    assert "Заголовок, опубликованный без Redis" in [i["title"] for i in after.json()["items"]]



def test_a_queue_that_cannot_take_the_delivery_leaves_it_pending(
    home, redis_down, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    """A task queue on the same dead Redis (RQ) refuses the job: the publish still succeeds
    and the outbox row stays pending, to be sent when the queue is back."""

    def refuse(*args, **kwargs):
        raise ConnectionError("Error 111 connecting to the task queue")

    monkeypatch.setattr(delivery, "deliver_task", SimpleNamespace(enqueue=refuse))
    Webhook.objects.create(name="Static site", url="http://127.0.0.1:9/hook", secret="s")
    article = NewsPageFactory(parent=NewsIndexPageFactory(parent=home), live=False)
    article.title = "Опубликовано при лежащей очереди"
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    article.refresh_from_db()
    assert article.title == "Опубликовано при лежащей очереди" and article.live
    assert WebhookDelivery.objects.get().status == "pending"
    assert "start_delivery" in caplog.text or "send_after_commit" in caplog.text
