"""The task queue as operators see it: the backend, how many tasks are due and not started,
and how long the oldest has waited. Read by ``/readyz`` and the Prometheus metrics.

``stats`` raises when the queue cannot be asked (RQ's Redis down): the callers report that
part unavailable. ``task_priority`` gives our tasks their priority where the backend has one.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from django_tasks import task_backends
from django_tasks.base import DEFAULT_TASK_PRIORITY


def task_priority(wanted: int) -> int:
    """``wanted`` where the configured backend runs tasks by priority (the database one),
    else Django's default: RQ's queues are first in, first out and its backend refuses a task
    declared with any other priority, which would stop the site from starting."""
    if task_backends["default"].supports_priority:
        return wanted
    return DEFAULT_TASK_PRIORITY


def stats() -> dict[str, str]:
    backend = settings.TASK_BACKEND
    if backend == "database":
        from django.db.models import Min
        from django_tasks_db.models import DBTaskResult

        due = DBTaskResult.objects.ready()
        found = due.aggregate(oldest=Min("enqueued_at"))
        depth = due.count()
        oldest = found["oldest"]
        wait = (timezone.now() - oldest).total_seconds() if oldest and depth else 0.0
        return {"backend": "database", "queued": str(depth), "oldest_wait": f"{wait:.1f}"}
    if backend == "rq":
        import redis
        from rq import Queue

        url = settings.RQ_QUEUES["default"]["URL"]
        connection = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2)
        queue = Queue("default", connection=connection)
        return {"backend": "rq", "queued": str(queue.count)}
    return {"backend": backend, "queued": "0"}
