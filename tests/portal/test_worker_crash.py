"""Nothing is lost when the worker dies: publishes in one process, a real worker process
(``manage.py worker``, database task backend) killed with SIGKILL while a receiver holds one
of its deliveries, a second worker started after it. Every webhook event reaches the receiver,
which acts once per Idempotency-Key, every outbox row is recorded delivered once, and every
search index update lands."""

from __future__ import annotations

import json
import signal
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from portal.webhooks.models import Webhook
from tests.factories.newsroom import NewsIndexPageFactory
from tests.factories.portal import build_site
from tests.processes import SharedDatabase, manage, process_env, start, stop, wait_until

PAGES = 6
STALL_AT = 3  # the receiver holds the third request it gets until the worker is dead


class DedupingReceiver:
    """A webhook receiver as receivers should be: it acts once per Idempotency-Key. It
    records every request, and holds request number ``stall_at`` until ``release``."""

    def __init__(self, stall_at: int) -> None:
        self.requests: list[str] = []  # the key of every request, duplicates included
        self.acted_on: list[str] = []  # the keys acted on: once each
        self.stalled = threading.Event()
        self.release = threading.Event()
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                key = self.headers["Idempotency-Key"]
                assert body["event_id"] == key
                with receiver.lock:
                    receiver.requests.append(key)
                    number = len(receiver.requests)
                    if key not in receiver.acted_on:
                        receiver.acted_on.append(key)
                if number == stall_at:
                    receiver.stalled.set()
                    receiver.release.wait(30)
                try:
                    self.send_response(204)
                    self.end_headers()
                except OSError:  # the worker that asked is dead
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


PUBLISH = f"""
from newsroom.models import NewsIndexPage
from tests.factories.newsroom import NewsPageFactory
index = NewsIndexPage.objects.get(slug="crash-news")
for number in range({PAGES}):
    page = NewsPageFactory(parent=index, live=False, title=f"Crashproof {{number}}",
                           slug=f"crashproof-{{number}}")
    page.save_revision().publish()
"""


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_delivery_loses_nothing_and_sends_each_event_once(tmp_path):
    home = build_site(("ru",))["ru"]
    NewsIndexPageFactory(parent=home, slug="crash-news")
    receiver = DedupingReceiver(stall_at=STALL_AT)
    Webhook.objects.create(name="Static site", url=receiver.url, secret="s")
    shared = SharedDatabase(tmp_path)
    env = process_env(
        shared.url,
        WEBHOOK_TIMEOUT="3",
        WEBHOOK_LEASE_MARGIN="1",
        WORKER_SWEEP_SECONDS="1",
        WEBHOOK_BACKOFF_SECONDS="1",
    )
    workers = []
    try:
        published = start(manage("shell", "-c", PUBLISH), env, tmp_path / "publish.log")
        workers.append(published)
        assert published.wait(timeout=300) == 0, (tmp_path / "publish.log").read_text()[-3000:]
        pages = shared.query("SELECT id FROM wagtailcore_page WHERE slug LIKE 'crashproof-%%'")
        assert len(pages) == PAGES
        rows = shared.query("SELECT COUNT(*) FROM portal_webhookdelivery WHERE status = 'pending'")
        assert rows == [(PAGES,)]  # the outbox holds every event; nothing is sent yet

        first = start(manage("worker", "--interval=0.1"), env, tmp_path / "worker1.log")
        workers.append(first)
        wait_until(receiver.stalled.is_set, 120, "the receiver to hold a delivery", (first,))
        stop(first, signal.SIGKILL)
        assert first.returncode == -signal.SIGKILL
        receiver.release.set()
        held = receiver.requests[STALL_AT - 1]
        (state,) = shared.query(
            "SELECT status, attempts FROM portal_webhookdelivery WHERE event_id = %s",
            (held if shared.path is None else held.replace("-", ""),),
        )
        assert state == ("pending", 1)  # sent, answered too late: not recorded as delivered

        second = start(manage("worker", "--interval=0.1"), env, tmp_path / "worker2.log")
        workers.append(second)

        def all_delivered():
            return shared.query(
                "SELECT COUNT(*) FROM portal_webhookdelivery WHERE status = 'delivered'"
            ) == [(PAGES,)]

        wait_until(all_delivered, 120, "every delivery to be recorded", (second,))

        def all_indexed():
            indexed = shared.query(
                "SELECT COUNT(DISTINCT object_id) FROM wagtailsearch_indexentry "
                "WHERE object_id IN (SELECT CAST(id AS TEXT) FROM wagtailcore_page "
                "WHERE slug LIKE 'crashproof-%%' AND title LIKE 'Crashproof %%')"
            )
            return indexed == [(PAGES,)]

        wait_until(all_indexed, 120, "every page to be in the search index", (second,))
    finally:
        for process in workers:
            stop(process, signal.SIGKILL)
        receiver.close()

    event_ids = {
        str(row[0]).replace("-", "")
        for row in shared.query("SELECT event_id FROM portal_webhookdelivery")
    }
    assert len(event_ids) == PAGES
    assert {key.replace("-", "") for key in receiver.acted_on} == event_ids
    assert len(receiver.acted_on) == PAGES  # acted on once per event
    assert receiver.requests.count(held) == 2  # the held one came again after the crash
    attempts = shared.query(
        "SELECT attempts, COUNT(*) FROM portal_webhookdelivery "
        "WHERE status = 'delivered' AND delivered_at IS NOT NULL GROUP BY attempts"
    )
    assert sorted(attempts) == [(1, PAGES - 1), (2, 1)]  # recorded delivered once each
