"""Prometheus metrics at ``/metrics`` (docs/deploy.md).

django-prometheus counts requests, responses by status and view, and latency (its two
middlewares), and database queries. This module adds what only the site knows, read when
Prometheus scrapes: the task queue's depth and the wait of its oldest task, the webhook
outbox by status (``failed`` are the dead letters), and the Redis cache's hits and misses.

Who may read it: a request from the machine itself (loopback address, no proxy header: a
Prometheus on the host or a sidecar), or one carrying ``Authorization: Bearer
<METRICS_TOKEN>`` when that variable is set. Everyone else gets a 403.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.db.models import Count
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.views.decorators.cache import never_cache
from django_prometheus.exports import ExportToDjangoView
from prometheus_client import REGISTRY
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily

logger = logging.getLogger(__name__)


class SiteCollector:
    """Gauges read at scrape time; a part that does not answer is left out (and logged)."""

    def describe(self):
        """The metric names, without reading anything (registration asks for them)."""
        gauges = [
            ("newsroom_task_queue_depth", ["backend"]),
            ("newsroom_task_queue_oldest_wait_seconds", []),
            ("newsroom_webhook_deliveries", ["status"]),
        ]
        for name, labels in gauges:
            yield GaugeMetricFamily(name, name, labels=labels)
        for name in ("hits", "misses"):
            yield CounterMetricFamily(f"newsroom_cache_{name}", name)

    def collect(self):
        yield from self._tasks()
        yield from self._webhooks()
        yield from self._cache()

    def _tasks(self):
        from portal import task_queue

        try:
            stats = task_queue.stats()
        except Exception:
            logger.warning("Metrics: the task queue did not answer", exc_info=True)
            return
        depth = GaugeMetricFamily(
            "newsroom_task_queue_depth", "Tasks due and not started", labels=["backend"]
        )
        depth.add_metric([stats["backend"]], float(stats["queued"]))
        yield depth
        wait = GaugeMetricFamily(
            "newsroom_task_queue_oldest_wait_seconds", "How long the oldest due task has waited"
        )
        wait.add_metric([], float(stats.get("oldest_wait", 0)))
        yield wait

    def _webhooks(self):
        from portal.webhooks.models import WebhookDelivery

        try:
            counts = dict(
                WebhookDelivery.objects.values_list("status").annotate(n=Count("pk")).order_by()
            )
        except Exception:
            logger.warning("Metrics: the webhook outbox could not be read", exc_info=True)
            return
        gauge = GaugeMetricFamily(
            "newsroom_webhook_deliveries",
            "Webhook outbox rows by status (failed: dead letters)",
            labels=["status"],
        )
        for status in WebhookDelivery.Status.values:
            gauge.add_metric([status], float(counts.get(status, 0)))
        yield gauge

    def _cache(self):
        cache = caches[DEFAULT_CACHE_ALIAS]
        if not hasattr(cache, "_cache") or not hasattr(cache._cache, "get_client"):
            return  # not Redis: local memory has no shared statistics
        try:
            if hasattr(cache, "ping") and not cache.ping():
                return
            stats = cache._cache.get_client(write=True).info("stats")
        except Exception:
            logger.warning("Metrics: Redis did not answer", exc_info=True)
            return
        for name, key in (("hits", "keyspace_hits"), ("misses", "keyspace_misses")):
            counter = CounterMetricFamily(
                f"newsroom_cache_{name}", f"Redis cache lookups that were {name}"
            )
            counter.add_metric([], float(stats.get(key, 0)))
            yield counter


def register() -> None:
    """Once per process (the URLconf imports this)."""
    if not getattr(register, "done", False):
        REGISTRY.register(SiteCollector())
        register.done = True


def allowed(request: HttpRequest) -> bool:
    token = getattr(settings, "METRICS_TOKEN", "")
    header = request.headers.get("Authorization", "")
    if token and hmac.compare_digest(header.encode(), f"Bearer {token}".encode()):
        return True
    if "X-Forwarded-For" in request.headers or "Forwarded" in request.headers:
        return False  # through a proxy: the proxy's own address says nothing
    try:
        return ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False


@never_cache
def metrics(request: HttpRequest) -> HttpResponse:
    if not allowed(request):
        return HttpResponseForbidden("Forbidden", content_type="text/plain")
    return ExportToDjangoView(request)
