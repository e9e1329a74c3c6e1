"""Benchmark (not a test): publish webhooks through the outbox and a real worker process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom python tests/perf/bench_webhooks.py

1. Latency: --publishes (200) news items are published one after another; for each, the time
   from the publish's commit to the receiver getting its event (matched by Idempotency-Key).
   Prints p50, p95 and max.
2. Outage: the receiver goes away for --outage seconds (60; connections refused) while
   --backlog (200) more items are published; then it comes back. Prints how long the outbox
   took to deliver everything after the return, the drain rate, and the attempts it took.

The script creates Django's throw-away test database next to DATABASE_URL's (test_<name>),
runs `manage.py worker` on it (database task backend, the production back-off settings
unless WEBHOOK_BACKOFF_SECONDS etc. are set), and drops the database at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
os.environ["TASK_BACKEND"] = "database"


class Receiver:
    """Records when each event id first arrives; can be stopped and started on one port."""

    def __init__(self) -> None:
        self.first_seen: dict[str, float] = {}
        self.requests = 0
        self.port = 0
        self.server: ThreadingHTTPServer | None = None

    def start(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests += 1
                receiver.first_seen.setdefault(self.headers["Idempotency-Key"], time.time())
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        assert self.server is not None
        self.server.shutdown()
        self.server.server_close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def publish(index, number: int) -> tuple[str, float]:
    """Publish one item; its event id and the time the publish wrote its event."""
    from portal.webhooks.models import WebhookDelivery
    from tests.factories.newsroom import NewsPageFactory

    page = NewsPageFactory(
        parent=index, live=False, title=f"Bench {number}", slug=f"bench-{number}"
    )
    page.save_revision().publish()
    # The outbox row is written in the publish's transaction: its time is the publish's.
    row = WebhookDelivery.objects.filter(payload__page__id=page.pk).get()
    return str(row.event_id), row.created_at.timestamp()


def wait_for(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--publishes", type=int, default=200)
    parser.add_argument("--backlog", type=int, default=200)
    parser.add_argument("--outage", type=float, default=60.0)
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    from portal.webhooks.models import Webhook, WebhookDelivery
    from tests.factories.newsroom import NewsIndexPageFactory
    from tests.factories.portal import build_site
    from tests.processes import SharedDatabase, manage, process_env, start, stop

    setup_test_environment()
    print("Creating the benchmark database (migrations)...", flush=True)
    old_config = setup_databases(verbosity=0, interactive=False)
    receiver = Receiver()
    receiver.start()
    worker = None
    try:
        home = build_site(("ru",))["ru"]
        index = NewsIndexPageFactory(parent=home, slug="bench-news")
        Webhook.objects.create(name="Bench", url=f"http://127.0.0.1:{receiver.port}/", secret="s")
        database_url = SharedDatabase(Path("/tmp")).url if connection.vendor != "sqlite" else None
        if database_url is None:
            sys.exit("bench_webhooks.py needs PostgreSQL: set DATABASE_URL=postgres://...")
        log = Path(f"/tmp/bench-webhooks-worker-{os.getpid()}.log")
        worker = start(manage("worker", "--interval=0.05"), process_env(database_url), log)
        time.sleep(3)  # the worker's start-up

        committed: dict[str, float] = {}
        for number in range(args.publishes):
            event_id, at = publish(index, number)
            committed[event_id] = at
        if not wait_for(lambda: set(committed) <= set(receiver.first_seen), 300):
            sys.exit(f"not everything arrived; worker log: {log}")
        latencies = [receiver.first_seen[e] - committed[e] for e in committed]
        print(f"\nLatency publish -> receipt over {len(latencies)} publishes:")
        print(
            f"  p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
            f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms, "
            f"max {max(latencies) * 1000:.0f} ms, mean {statistics.mean(latencies) * 1000:.0f} ms"
        )

        receiver.stop()
        outage_started = time.monotonic()
        backlog: list[str] = []
        spacing = args.outage / max(args.backlog, 1)
        for number in range(args.backlog):
            backlog.append(publish(index, args.publishes + number)[0])
            pause = outage_started + (number + 1) * spacing - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        while time.monotonic() - outage_started < args.outage:
            time.sleep(0.1)
        failed_meanwhile = WebhookDelivery.objects.filter(attempts__gt=0, status="pending").count()
        receiver.start()  # the same port again
        back = time.time()
        if not wait_for(lambda: set(backlog) <= set(receiver.first_seen), 3600):
            sys.exit(f"the backlog did not drain; worker log: {log}")
        if not wait_for(
            lambda: not WebhookDelivery.objects.exclude(status="delivered").exists(), 60
        ):
            sys.exit("deliveries arrived but were not all recorded as delivered")
        drained = max(receiver.first_seen[e] for e in backlog) - back
        attempts = list(
            WebhookDelivery.objects.filter(event_id__in=backlog).values_list("attempts", flat=True)
        )
        print(
            f"\nOutage of {args.outage:.0f} s with {len(backlog)} publishes "
            f"({failed_meanwhile} had failed an attempt when the receiver returned):"
        )
        print(
            f"  all delivered {drained:.1f} s after the return: "
            f"{len(backlog) / max(drained, 0.001):.1f} deliveries/s; attempts per delivery: "
            f"median {statistics.median(attempts):.0f}, max {max(attempts)}"
        )
        print(json.dumps({"p50_ms": round(percentile(latencies, 0.5) * 1000),
                          "p95_ms": round(percentile(latencies, 0.95) * 1000),
                          "drain_seconds": round(drained, 1)}))
    finally:
        if worker is not None:
            stop(worker)
        teardown_databases(old_config, verbosity=0)


if __name__ == "__main__":
    main()
