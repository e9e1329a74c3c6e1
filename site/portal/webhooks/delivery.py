"""Delivering an event to the webhooks that want it: one WebhookDelivery row per webhook,
written in the caller's transaction, sent once that transaction commits. Every request is
signed with HMAC-SHA256 over the body and retried with back-off; the row logs the outcome.

Sending happens in a background thread by default (``WEBHOOK_DELIVERY_MODE = "thread"``) or as a
django_tasks task (``"task"``; Wagtail ships the immediate backend, a real queue backend makes
it asynchronous).
"""

from __future__ import annotations

import json
import logging
import threading
import time
import urllib.error
import urllib.request

from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone
from django_tasks import task

from portal.webhooks.models import Webhook, WebhookDelivery

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Newsroom-Signature"
EVENT_HEADER = "X-Newsroom-Event"
DELIVERY_HEADER = "X-Newsroom-Delivery"


def dispatch(event: str, payload: dict) -> list[WebhookDelivery]:
    """Log one delivery per interested active webhook; send them after commit.

    The rows are the outbox: written with the change, they stay ``pending`` when sending
    cannot even start (a task queue that is down), and that failure is logged, never raised
    into the publish that has already committed.
    """
    deliveries = [
        WebhookDelivery.objects.create(webhook=hook, event=event, payload=payload)
        for hook in Webhook.objects.filter(active=True)
        if hook.wants(event)
    ]
    if deliveries:
        ids = [str(d.pk) for d in deliveries]

        def send_after_commit() -> None:
            start_delivery(ids)

        transaction.on_commit(send_after_commit, robust=True)
    return deliveries


def start_delivery(delivery_ids: list[str]) -> None:
    mode = getattr(settings, "WEBHOOK_DELIVERY_MODE", "thread")
    if mode == "task":
        for delivery_id in delivery_ids:
            deliver_task.enqueue(delivery_id)
    else:
        thread = threading.Thread(
            target=_deliver_in_thread, args=(delivery_ids,), name="webhooks", daemon=True
        )
        thread.start()


def _deliver_in_thread(delivery_ids: list[str]) -> None:
    try:
        for delivery_id in delivery_ids:
            deliver(delivery_id)
    finally:
        # The thread ends here: its database connections would otherwise stay open (with
        # CONN_MAX_AGE) until garbage collection, holding a server session.
        connections.close_all()


@task()
def deliver_task(delivery_id: str) -> str:
    return deliver(delivery_id)


def deliver(delivery_id: str) -> str:
    """POST the payload, retrying with the configured delays; returns the final status."""
    delivery = WebhookDelivery.objects.select_related("webhook").get(pk=delivery_id)
    hook = delivery.webhook
    body = json.dumps(delivery.payload, sort_keys=True).encode()
    delays = [0, *getattr(settings, "WEBHOOK_RETRY_DELAYS", [1, 5, 30])]
    timeout = getattr(settings, "WEBHOOK_TIMEOUT", 10)
    for delay in delays:
        if delay:
            time.sleep(delay)
        delivery.attempts += 1
        request = urllib.request.Request(
            hook.url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "User-Agent": "programme-newsroom-webhooks/1",
                SIGNATURE_HEADER: hook.sign(body),
                EVENT_HEADER: delivery.event,
                DELIVERY_HEADER: str(delivery.pk),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                delivery.response_status = response.status
            delivery.status = WebhookDelivery.Status.DELIVERED
            delivery.delivered_at = timezone.now()
            delivery.error = ""
            delivery.save()
            return delivery.status
        except urllib.error.HTTPError as exc:
            delivery.response_status = exc.code
            delivery.error = f"HTTP {exc.code}"
        except (urllib.error.URLError, OSError) as exc:
            delivery.response_status = None
            delivery.error = str(getattr(exc, "reason", exc))
        delivery.save()
        logger.warning(
            "Webhook %s attempt %s failed: %s", hook.url, delivery.attempts, delivery.error
        )
    delivery.status = WebhookDelivery.Status.FAILED
    delivery.save()
    logger.error("Webhook %s gave up after %s attempts", hook.url, delivery.attempts)
    return delivery.status
