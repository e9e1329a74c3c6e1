"""The outbox's recovery: rows that should be on their way but are not.

Two ways a pending delivery can have no task that will send it: the queue refused the task
(Redis down under RQ, say), or a worker died in the middle of an attempt (its hold,
``locked_until``, outlives it). ``sweep`` enqueues both kinds again; ``manage.py worker``
runs it at start and every ``WORKER_SWEEP_SECONDS``. A task enqueued twice sends once
(``delivery._claim``), so sweeping too eagerly costs a no-op task, never a second POST.

``send_again`` is the admin's action on dead letters.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from portal.webhooks.delivery import start_delivery
from portal.webhooks.models import WebhookDelivery

logger = logging.getLogger(__name__)


def stranded(grace: float | None = None):
    """Pending rows overdue by more than ``grace`` seconds (``WEBHOOK_STRANDED_AFTER``: a
    backlog is not stranded) and not held by a live attempt, or held by a dead one."""
    if grace is None:
        grace = settings.WEBHOOK_STRANDED_AFTER
    now = timezone.now()
    return WebhookDelivery.objects.filter(
        Q(locked_until__lte=now)
        | Q(locked_until__isnull=True, next_attempt_at__lte=now - timedelta(seconds=grace))
        | Q(locked_until__isnull=True, next_attempt_at__isnull=True),
        status=WebhookDelivery.Status.PENDING,
    )


def sweep(grace: float | None = None) -> int:
    """Enqueue the stranded rows again; how many."""
    ids = [str(pk) for pk in stranded(grace).values_list("pk", flat=True)[:1000]]
    if ids:
        logger.warning("Webhook outbox: sending %s stranded deliveries again", len(ids))
        start_delivery(ids)
    return len(ids)


def send_again(deliveries) -> int:
    """Put dead letters (and anything else not delivered) back in the queue with fresh
    attempts; delivered rows stay as they are. Returns how many were queued."""
    rows = deliveries.exclude(status=WebhookDelivery.Status.DELIVERED)
    ids = [str(pk) for pk in rows.values_list("pk", flat=True)]
    rows.update(
        status=WebhookDelivery.Status.PENDING,
        attempts=0,
        locked_until=None,
        next_attempt_at=timezone.now(),
        error="",
    )
    start_delivery(ids)
    return len(ids)
