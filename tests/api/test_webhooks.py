"""Publish webhooks against a real local HTTP server: signed, retried with back-off, logged,
with an idempotency key; dead letters sent again from the admin; the outbox sweep."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone, translation

from portal.webhooks import delivery, outbox
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


@override_settings(WEBHOOK_RETRY_DELAYS=[0.1, 0.2])
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


@override_settings(WEBHOOK_RETRY_DELAYS=[0.2, 0.4])
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


@override_settings(WEBHOOK_RETRY_DELAYS=[0.1])
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



def test_event_filter(home, receiver, django_capture_on_commit_callbacks):
    Webhook.objects.create(
        name="Only deletes", url=receiver.url, secret=SECRET, events=["page.deleted"]
    )
    newsroom = NewsIndexPageFactory(parent=home, live=False)
    with django_capture_on_commit_callbacks(execute=True):
        newsroom.save_revision().publish()
    assert receiver.received == []
    assert not WebhookDelivery.objects.exists()


def test_receivers_get_the_event_id_as_idempotency_key(home, django_capture_on_commit_callbacks):
    first, second = Receiver(), Receiver()
    try:
        Webhook.objects.create(name="A", url=first.url, secret=SECRET)
        Webhook.objects.create(name="B", url=second.url, secret=SECRET)
        newsroom = NewsIndexPageFactory(parent=home, live=False)
        with django_capture_on_commit_callbacks(execute=True):
            newsroom.save_revision().publish()
    finally:
        first.close()
        second.close()
    (a,), (b,) = first.received, second.received
    key = a["headers"]["Idempotency-Key"]
    assert key == b["headers"]["Idempotency-Key"]  # one event, one id, whoever receives it
    assert json.loads(a["body"])["event_id"] == key
    assert set(WebhookDelivery.objects.values_list("event_id", flat=True)) == {uuid.UUID(key)}
    assert a["headers"]["X-Newsroom-Delivery"] != b["headers"]["X-Newsroom-Delivery"]


@override_settings(WEBHOOK_RETRY_DELAYS=[])
def test_a_dead_letter_is_sent_again_from_the_admin(
    home, admin_client, django_capture_on_commit_callbacks
):
    receiver = Receiver(failures=1)
    try:
        Webhook.objects.create(name="Flaky", url=receiver.url, secret=SECRET)
        newsroom = NewsIndexPageFactory(parent=home, live=False)
        with django_capture_on_commit_callbacks(execute=True):
            newsroom.save_revision().publish()
        dead = WebhookDelivery.objects.get()
        assert (dead.status, dead.attempts) == ("failed", 1)
        listing = admin_client.get("/admin/snippets/portal/webhookdelivery/?status=failed")
        assert listing.status_code == 200 and str(dead.event) in listing.content.decode()
        url = f"/admin/bulk/portal/webhookdelivery/send_again/?next=/admin/&id={dead.pk}"
        confirm = admin_client.get(url)
        with translation.override(settings.LANGUAGE_CODE):  # the admin's language
            send_again = translation.gettext("Send again")
        assert confirm.status_code == 200 and send_again in confirm.content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(url)
        assert response.status_code == 302
    finally:
        receiver.close()
    dead.refresh_from_db()
    assert (dead.status, dead.attempts, dead.response_status) == ("delivered", 1, 204)
    assert len(receiver.received) == 2
    assert len({r["headers"]["Idempotency-Key"] for r in receiver.received}) == 1


def test_the_sweep_sends_what_a_dead_worker_or_a_refused_enqueue_left(home, receiver):
    """A row held by an attempt whose worker died (hold expired) and a row whose task never
    ran are sent by the sweep; a row held by a live attempt and a delivered one are not."""
    hook = Webhook.objects.create(name="Static site", url=receiver.url, secret=SECRET)
    now = timezone.now()
    long_ago = now - datetime.timedelta(hours=1)
    payload = {"event": "page.published"}

    def row(**fields):
        return WebhookDelivery.objects.create(
            webhook=hook, event="page.published", payload=payload, **fields
        )

    orphaned = row(next_attempt_at=long_ago, locked_until=now - datetime.timedelta(seconds=1))
    never_ran = row(next_attempt_at=long_ago)
    in_flight = row(next_attempt_at=long_ago, locked_until=now + datetime.timedelta(minutes=1))
    delivered = row(status="delivered", next_attempt_at=None)
    assert set(outbox.stranded(grace=60)) == {orphaned, never_ran}
    assert outbox.sweep(grace=60) == 2
    statuses = dict(WebhookDelivery.objects.values_list("pk", "status"))
    assert statuses == {
        orphaned.pk: "delivered",
        never_ran.pk: "delivered",
        in_flight.pk: "pending",
        delivered.pk: "delivered",
    }
    assert len(receiver.received) == 2
    # Sending a row twice (a sweep racing a late task) posts once.
    assert delivery.deliver(str(orphaned.pk)) == "skipped"
    assert len(receiver.received) == 2


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


def test_a_success_sends_the_backlog_waiting_for_its_back_off(home, receiver):
    """Once the receiver answers again, what waited for a retry delay goes at once."""
    hook = Webhook.objects.create(name="Back", url=receiver.url, secret=SECRET)
    later = timezone.now() + datetime.timedelta(minutes=5)
    waiting = [
        WebhookDelivery.objects.create(
            webhook=hook, event="page.published", payload={"n": n}, attempts=3,
            next_attempt_at=later,
        )
        for n in range(3)
    ]
    fresh = WebhookDelivery.objects.create(
        webhook=hook, event="page.published", payload={"n": 9}, next_attempt_at=timezone.now()
    )
    assert delivery.deliver(str(fresh.pk)) == "delivered"
    for row in waiting:
        row.refresh_from_db()
        assert (row.status, row.attempts) == ("delivered", 4)
    assert len(receiver.received) == 4
