"""``manage.py worker``: the background process (webhook outbox, search index updates,
machine translation, Wagtail's own tasks).

It runs the worker of the configured task backend (django-tasks-db's ``db_worker``, or
``rqworker`` for RQ) and, beside it, a sweep every ``WORKER_SWEEP_SECONDS`` that puts back
what a crash or a refused enqueue left behind: webhook rows and machine translation jobs
whose task never ran or whose attempt died with its worker, and (database backend) tasks a
killed worker left "running".
Any number of workers may run at once; each task is claimed by one.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connections
from django.utils import timezone

from portal.i18n import machine

logger = logging.getLogger("portal.worker")

#: Seconds after which a task a database worker started and never finished is run again (its
#: worker was killed). Longer than any task we have; every one of them is safe to run twice.
STALE_RUNNING_SECONDS = 900


def requeue_stale_running(age: float = STALE_RUNNING_SECONDS) -> int:
    """Database backend: tasks left RUNNING by a killed worker go back to READY."""
    if settings.TASK_BACKEND != "database":
        return 0
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - timedelta(seconds=age)
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    ).update(status=TaskResultStatus.READY, started_at=None)


def sweep_once() -> None:
    from portal.webhooks.outbox import sweep

    try:
        sweep()
        machine.sweep()
        requeue_stale_running()
    except Exception:  # the database may be down for a moment: next round
        logger.exception("Worker sweep failed")
    finally:
        close_old_connections()


def sweep_forever(stop: threading.Event, every: float) -> None:
    while not stop.wait(every):
        sweep_once()
    connections.close_all()


class Command(BaseCommand):
    help = "Run the background worker (tasks of the configured backend) with the outbox sweep."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--interval", type=float, default=1.0, help="Idle poll (seconds).")
        parser.add_argument(
            "--batch", action="store_true", help="Run what is due, then exit (database only)."
        )

    def handle(self, *args, interval: float, batch: bool, **options) -> None:
        sweep_once()
        stop = threading.Event()
        sweeper = threading.Thread(
            target=sweep_forever,
            args=(stop, float(settings.WORKER_SWEEP_SECONDS)),
            name="outbox-sweep",
            daemon=True,
        )
        sweeper.start()
        try:
            if settings.TASK_BACKEND == "rq":
                # django-tasks-rq's Job class runs the task behind an RQ job (RQ's own one
                # cannot call a Task object).
                call_command(
                    "rqworker", "default", "--with-scheduler", "--job-class=django_tasks_rq.Job"
                )
            elif settings.TASK_BACKEND == "database":
                extra = ["--batch"] if batch else []
                call_command(
                    "db_worker",
                    f"--interval={interval}",
                    "--no-reload",
                    "--queue-name=*",
                    *extra,
                    verbosity=options["verbosity"],
                )
            else:
                self.stdout.write("TASK_BACKEND=immediate: tasks run in the request, no worker.")
        finally:
            stop.set()
