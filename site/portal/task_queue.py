"""The task queue as operators see it: the backend, how many tasks are due and not started,
and how long the oldest has waited. Read by ``/readyz`` and the Prometheus metrics.

Raises when the queue cannot be asked (RQ's Redis down): the callers report that part
unavailable.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone


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
