"""Publish webhooks against a real local HTTP server: signed, retried with back-off, logged."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import connection, transaction
from django.test import override_settings

from portal.webhooks.models import Webhook, WebhookDelivery
from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

SECRET = "s3cret"


class Receiver:
    """A local endpoint recording what it receives; fails the first ``failures`` calls."""

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.received: list[dict] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append(
                    {"headers": dict(self.headers), "body": body, "at": time.monotonic()}
                )
                status = 503 if len(receiver.received) <= receiver.failures else 204
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


def signature(body: bytes) -> str:
    return "sha256=" + hmac.new(SECRET.encode(), body, hashlib.sha256).hexdigest()


@override_settings(WEBHOOK_DELIVERY_MODE="task", WEBHOOK_RETRY_DELAYS=[0.1, 0.2])
def test_publish_unpublish_delete_are_delivered_signed(
    home, receiver, django_capture_on_commit_callbacks
):
    hook = Webhook.objects.create(name="Static site", url=receiver.url, secret=SECRET)
    Webhook.objects.create(name="Off", url=receiver.url, secret="x", active=False)
    newsroom = NewsIndexPageFactory(parent=home)
    page = NewsPageFactory(parent=newsroom, live=False, title="Статья")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    page.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()

    events = [json.loads(r["body"])["event"] for r in receiver.received]
    assert events == ["page.published", "page.unpublished", "page.published", "page.deleted"]
    for request in receiver.received:
        assert request["headers"]["X-Newsroom-Signature"] == signature(request["body"])
        assert request["headers"]["Content-Type"] == "application/json"
    payload = json.loads(receiver.received[0]["body"])
    assert payload["page"]["title"] == "Статья"
    assert payload["page"]["type"] == "newsroom.NewsPage"
    assert payload["page"]["locale"] == "ru"
    deliveries = WebhookDelivery.objects.filter(webhook=hook)
    assert deliveries.count() == 4
    assert set(deliveries.values_list("status", flat=True)) == {"delivered"}
    assert set(deliveries.values_list("response_status", flat=True)) == {204}


@override_settings(WEBHOOK_DELIVERY_MODE="task", WEBHOOK_RETRY_DELAYS=[0.2, 0.4])
def test_failures_are_retried_with_back_off_and_logged(home, django_capture_on_commit_callbacks):
    receiver = Receiver(failures=2)
    try:
        Webhook.objects.create(name="Flaky", url=receiver.url, secret=SECRET)
        newsroom = NewsIndexPageFactory(parent=home, live=False)
        with django_capture_on_commit_callbacks(execute=True):
            newsroom.save_revision().publish()
    finally:
        receiver.close()
    assert len(receiver.received) == 3
    times = [r["at"] for r in receiver.received]
    assert times[1] - times[0] >= 0.2
    assert times[2] - times[1] >= 0.4
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == "delivered"
    assert delivery.attempts == 3


@override_settings(WEBHOOK_DELIVERY_MODE="task", WEBHOOK_RETRY_DELAYS=[0.1])
def test_gives_up_and_logs_the_error(home, django_capture_on_commit_callbacks):
    receiver = Receiver(failures=10)
    try:
        Webhook.objects.create(name="Down", url=receiver.url, secret=SECRET)
        Webhook.objects.create(name="Unreachable", url="http://127.0.0.1:9/nothing", secret=SECRET)
        newsroom = NewsIndexPageFactory(parent=home, live=False)
        with django_capture_on_commit_callbacks(execute=True):
            newsroom.save_revision().publish()
    finally:
        receiver.close()
    down = WebhookDelivery.objects.get(webhook__name="Down")
    assert (down.status, down.attempts, down.response_status) == ("failed", 2, 503)
    assert down.error == "HTTP 503"
    unreachable = WebhookDelivery.objects.get(webhook__name="Unreachable")
    assert unreachable.status == "failed"
    assert unreachable.error


@override_settings(WEBHOOK_DELIVERY_MODE="task")
def test_event_filter(home, receiver, django_capture_on_commit_callbacks):
    Webhook.objects.create(
        name="Only deletes", url=receiver.url, secret=SECRET, events=["page.deleted"]
    )
    newsroom = NewsIndexPageFactory(parent=home, live=False)
    with django_capture_on_commit_callbacks(execute=True):
        newsroom.save_revision().publish()
    assert receiver.received == []
    assert not WebhookDelivery.objects.exists()


@pytest.mark.django_db(transaction=True)
@override_settings(WEBHOOK_DELIVERY_MODE="thread", WEBHOOK_RETRY_DELAYS=[0.1])
def test_thread_mode_delivers_in_the_background(receiver):
    from tests.factories.portal import build_site

    home = build_site(("ru",))["ru"]
    Webhook.objects.create(name="Static site", url=receiver.url, secret=SECRET)
    newsroom = NewsIndexPageFactory(parent=home, live=False)
    newsroom.save_revision().publish()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if WebhookDelivery.objects.filter(status="delivered").exists():
            break
        time.sleep(0.05)
    assert WebhookDelivery.objects.get().status == "delivered"
    assert json.loads(receiver.received[0]["body"])["event"] == "page.published"


@override_settings(WEBHOOK_DELIVERY_MODE="task")
def test_a_deleted_page_does_not_silence_a_later_page_with_its_id(
    home, receiver, django_capture_on_commit_callbacks
):
    Webhook.objects.create(name="Static site", url=receiver.url, secret=SECRET)
    newsroom = NewsIndexPageFactory(parent=home)
    with pytest.raises(RuntimeError), transaction.atomic():
        gone = NewsPageFactory(parent=newsroom, slug="gone")
        gone.delete()
        raise RuntimeError("rolled back, as at the end of a test")
    again = NewsPageFactory(parent=newsroom, slug="again")
    if connection.vendor == "sqlite":  # SQLite hands out a rolled-back row's id again
        assert again.pk == gone.pk
    with django_capture_on_commit_callbacks(execute=True):
        again.unpublish()
    assert [json.loads(r["body"])["event"] for r in receiver.received] == ["page.unpublished"]
