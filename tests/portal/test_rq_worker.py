"""The RQ option end to end (``TASK_BACKEND=rq``, django-tasks-rq on the real Redis): pages
published in one process put their webhook tasks on RQ, a ``manage.py worker`` process (RQ's
worker with its scheduler) delivers them. Then a receiver refuses one request: the event
comes again after the back-off, as a deferred job that RQ's scheduler puts back in the
queue. Every event arrives once, with its Idempotency-Key.

The queue lives in Redis database 13, which no other test uses (9: the cache tests, 10: the
rate limits, 12: the load benchmark); the test empties it before and after."""

from __future__ import annotations

import json
import signal
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from rq import Queue

from portal.webhooks.models import Webhook
from tests.factories.newsroom import NewsIndexPageFactory
from tests.factories.portal import build_site
from tests.processes import SharedDatabase, manage, process_env, start, stop, wait_until
from tests.services import real_redis

RQ_REDIS_URL = "redis://127.0.0.1:6379/13"
PAGES = 4


class Receiver:
    """Answers 204, or 503 once after ``refuse_next`` is set (a receiver briefly down); keeps
    the Idempotency-Key of every request."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.refuse_next = threading.Event()
        self.lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                key = self.headers["Idempotency-Key"]
                assert body["event_id"] == key
                with receiver.lock:
                    receiver.keys.append(key)
                    refuse = receiver.refuse_next.is_set()
                    receiver.refuse_next.clear()
                self.send_response(503 if refuse else 204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


PUBLISH = """
from newsroom.models import NewsIndexPage
from tests.factories.newsroom import NewsPageFactory
index = NewsIndexPage.objects.get(slug="rq-news")
for number in range({start}, {end}):
    page = NewsPageFactory(parent=index, live=False, title=f"Queued {{number}}",
                           slug=f"queued-{{number}}")
    page.save_revision().publish()
"""


def publish(start_at: int, end: int, env: dict, log) -> None:
    """Publish pages ``start_at`` to ``end`` in a process of their own (the web's part)."""
    process = start(manage("shell", "-c", PUBLISH.format(start=start_at, end=end)), env, log)
    try:
        assert process.wait(timeout=300) == 0, log.read_text()[-3000:]
    finally:
        stop(process)


@pytest.mark.django_db(transaction=True)
def test_publish_to_webhook_through_rq_and_its_worker(tmp_path):
    redis = real_redis(RQ_REDIS_URL)
    redis.flushdb()
    home = build_site(("ru",))["ru"]
    NewsIndexPageFactory(parent=home, slug="rq-news")
    receiver = Receiver()
    Webhook.objects.create(name="Static site", url=receiver.url, secret="s")
    shared = SharedDatabase(tmp_path)
    env = process_env(
        shared.url,
        TASK_BACKEND="rq",
        REDIS_URL=RQ_REDIS_URL,
        CACHE_KEY_PREFIX="rq-test",
        WEBHOOK_BACKOFF_SECONDS="1",
        WORKER_SWEEP_SECONDS="600",  # deliveries must come through RQ, not the worker's sweep
    )

    def count(status: str) -> int:
        sql = "SELECT COUNT(*) FROM portal_webhookdelivery WHERE status = %s"
        return shared.query(sql, (status,))[0][0]

    worker = None
    try:
        publish(0, PAGES, env, tmp_path / "publish.log")
        assert count("pending") == PAGES  # in the outbox, their tasks in Redis
        queue = Queue("default", connection=redis)
        queued = [job for job in queue.get_jobs() if job.func_name.endswith(".deliver_task")]
        rows = {str(row[0]) for row in shared.query("SELECT id FROM portal_webhookdelivery")}
        assert {job.args[0] for job in queued} == rows and len(queued) == PAGES

        worker = start(manage("worker"), env, tmp_path / "worker.log")
        wait_until(lambda: count("delivered") == PAGES, 120, "the RQ deliveries", (worker,))
        assert len(receiver.keys) == PAGES

        # The receiver refuses the next request: that delivery is tried again after its
        # back-off by a deferred job (RQ's scheduler), with no other delivery to hurry it.
        receiver.refuse_next.set()
        publish(PAGES, PAGES + 1, env, tmp_path / "publish2.log")
        wait_until(lambda: count("delivered") == PAGES + 1, 120, "the retry", (worker,))
        wait_until(lambda: queue.count == 0, 60, "the RQ queue to drain", (worker,))
    finally:
        if worker is not None:
            stop(worker, signal.SIGTERM)
        receiver.close()
        redis.flushdb()

    event_ids = {
        str(row[0]).replace("-", "")
        for row in shared.query("SELECT event_id FROM portal_webhookdelivery")
    }
    keys = [key.replace("-", "") for key in receiver.keys]
    assert set(keys) == event_ids and len(event_ids) == PAGES + 1
    assert len(keys) == PAGES + 2  # the refused one came once more
    assert keys[-1] == keys[-2]  # ... the same event, the same key
    attempts = shared.query("SELECT attempts FROM portal_webhookdelivery ORDER BY attempts")
    assert attempts == [(1,)] * PAGES + [(2,)]
