"""Delivering an event to the webhooks that want it, as an outbox.

``dispatch`` writes one WebhookDelivery row per webhook in the caller's transaction (the
publish's), all with one ``event_id``, and enqueues a task per row once that transaction
commits. The worker (``manage.py worker``) runs ``deliver_task``: one signed POST per attempt.
A failed attempt is scheduled again after the next back-off delay (``WEBHOOK_RETRY_DELAYS``)
as a deferred task; after the last one the row is a dead letter (``failed``), sent again from
the admin. Nothing depends on the enqueue succeeding: a row whose task never ran (the queue
was down) or whose worker died mid-attempt is found by the worker's sweep (``outbox``).

Receivers get the event id as ``Idempotency-Key``: delivery is at least once (a worker killed
after the receiver answered, before the row was updated, sends again), so a receiver that
must act once per event dedupes on it.
"""

from __future__ import annotations

import json
import logging
import time
import urllib.error
import urllib.request
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from portal.task_queue import task_priority
from portal.webhooks.models import Webhook, WebhookDelivery

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Newsroom-Signature"
EVENT_HEADER = "X-Newsroom-Event"
DELIVERY_HEADER = "X-Newsroom-Delivery"
IDEMPOTENCY_HEADER = "Idempotency-Key"


def dispatch(event: str, payload: dict) -> list[WebhookDelivery]:
    """Write one outbox row per interested active webhook; enqueue them after commit.

    A queue that refuses the tasks is logged, never raised into the publish that has
    already committed: the rows stay ``pending`` and the worker's sweep sends them.
    """
    event_id = uuid.uuid4()
    payload = {**payload, "event_id": str(event_id)}
    now = timezone.now()
    deliveries = [
        WebhookDelivery.objects.create(
            webhook=hook, event=event, payload=payload, event_id=event_id, next_attempt_at=now
        )
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
    for delivery_id in delivery_ids:
        deliver_task.enqueue(delivery_id)


#: Webhooks go before Wagtail's index housekeeping (a dozen tasks per publish): a front end
#: waiting to rebuild should not queue behind reference-index updates.
WEBHOOK_TASK_PRIORITY = 50


@task(priority=task_priority(WEBHOOK_TASK_PRIORITY))
def deliver_task(delivery_id: str) -> str:
    return deliver(delivery_id)


def retry_delays() -> list[float]:
    return list(getattr(settings, "WEBHOOK_RETRY_DELAYS", [5, 10, 20]))


def _claim(delivery_id: str) -> WebhookDelivery | None:
    """Hold the row for one attempt, or None when it is not ours to send (already sent, a
    dead letter, or held by an attempt in progress: a task enqueued twice sends once).
    The attempt is counted here, so one that dies with its worker is counted too."""
    now = timezone.now()
    hold = timedelta(seconds=settings.WEBHOOK_TIMEOUT + settings.WEBHOOK_LEASE_MARGIN)
    claimed = (
        WebhookDelivery.objects.filter(pk=delivery_id, status=WebhookDelivery.Status.PENDING)
        .filter(Q(locked_until__isnull=True) | Q(locked_until__lte=now))
        .update(locked_until=now + hold, attempts=F("attempts") + 1)
    )
    if not claimed:
        return None
    return WebhookDelivery.objects.select_related("webhook").get(pk=delivery_id)


def deliver(delivery_id: str) -> str:
    """Attempt the delivery; returns the row's status afterwards (or "skipped").

    With a backend that can defer (database, RQ) a failed attempt enqueues the next one and
    returns at once; with the immediate backend the attempts run here, sleeping in between.
    """
    while True:
        delivery = _claim(delivery_id)
        if delivery is None:
            return "skipped"
        delay = _attempt(delivery)
        if delay is None:
            return delivery.status
        if deliver_task.get_backend().supports_defer:
            run_after = timezone.now() + timedelta(seconds=delay)
            try:
                deliver_task.using(run_after=run_after).enqueue(delivery_id)
            except Exception:  # the sweep finds the row when it is due
                logger.exception("Could not schedule the next attempt of %s", delivery_id)
            return delivery.status
        time.sleep(delay)


def release_backlog(hook: Webhook, limit: int = 500) -> int:
    """The receiver answers again: send now what waits for a back-off delay to end.

    Back-off protects a receiver that is down; once one delivery to it succeeds, the rows
    waiting for their next attempt (up to 80 s or more after an outage of a minute) are
    sent at once. Their deferred tasks find them delivered and do nothing."""
    now = timezone.now()
    waiting = WebhookDelivery.objects.filter(
        webhook=hook,
        status=WebhookDelivery.Status.PENDING,
        locked_until__isnull=True,
        next_attempt_at__gt=now,
    )
    ids = [str(pk) for pk in waiting.values_list("pk", flat=True)[:limit]]
    if ids:
        WebhookDelivery.objects.filter(pk__in=ids).update(next_attempt_at=now)
        try:
            start_delivery(ids)
        except Exception:  # the sweep sends them when they are due
            logger.exception("Could not enqueue the backlog of %s", hook.url)
    return len(ids)


def _attempt(delivery: WebhookDelivery) -> float | None:
    """One signed POST; records it. Returns the delay before the next attempt, or None when
    there is none (delivered, or out of attempts: a dead letter)."""
    hook = delivery.webhook
    body = json.dumps(delivery.payload, sort_keys=True).encode()
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
            IDEMPOTENCY_HEADER: str(delivery.event_id),
        },
    )
    delivery.locked_until = None
    try:
        with urllib.request.urlopen(request, timeout=settings.WEBHOOK_TIMEOUT) as response:
            delivery.response_status = response.status
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = timezone.now()
        delivery.next_attempt_at = None
        delivery.error = ""
        delivery.save()
        release_backlog(hook)
        return None
    except urllib.error.HTTPError as exc:
        delivery.response_status = exc.code
        delivery.error = f"HTTP {exc.code}"
    except (urllib.error.URLError, OSError) as exc:
        delivery.response_status = None
        delivery.error = str(getattr(exc, "reason", exc))
    delays = retry_delays()
    if delivery.attempts > len(delays):
        delivery.status = WebhookDelivery.Status.FAILED
        delivery.next_attempt_at = None
        delivery.save()
        logger.error("Webhook %s gave up after %s attempts", hook.url, delivery.attempts)
        return None
    delay = delays[delivery.attempts - 1]
    delivery.next_attempt_at = timezone.now() + timedelta(seconds=delay)
    delivery.save()
    logger.warning("Webhook %s attempt %s failed: %s", hook.url, delivery.attempts, delivery.error)
    return delay
