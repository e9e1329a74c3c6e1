"""Machine translation as background work: the editor's "Translate with …" button (and code)
asks for it, the worker does it.

wagtail-localize's own button calls the translation service (DeepL) inside the editor's
request: a slow service holds the request, a failing one loses the click. Here the request
only writes a ``MachineTranslationJob`` and enqueues a task after the commit; the worker
(``manage.py worker``) fills the translation's missing strings with the configured
translator (``portal.i18n.workflow.machine_translate``: strings a person translated are kept,
nothing is published; the editor reviews and publishes as before). A failed attempt is tried
again after ``MACHINE_TRANSLATION_RETRY_DELAYS`` (a deferred task), then the job is
``failed`` with the error, which editors read in Reports › Machine translations.
A job whose task never ran (the queue refused it) or died with its worker is enqueued again
by the worker's sweep (``sweep``), so a click is never lost.
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task
from wagtail_localize.models import Translation

from portal.i18n.models import MachineTranslationJob
from portal.i18n.workflow import machine_translate
from portal.task_queue import task_priority

logger = logging.getLogger(__name__)

#: Seconds between attempts (about 20 minutes in all): a translation service that is down
#: or rate-limiting usually answers again within minutes.
DEFAULT_RETRY_DELAYS = [10, 30, 90, 270, 810]
#: How long an attempt holds its job; a job still "running" after it died with its worker.
LEASE_SECONDS = 900
#: After webhooks (50), before Wagtail's index housekeeping (0): an editor is waiting.
MACHINE_TRANSLATION_TASK_PRIORITY = 20

Status = MachineTranslationJob.Status
OPEN = (Status.QUEUED, Status.RUNNING)


def retry_delays() -> list[float]:
    return list(getattr(settings, "MACHINE_TRANSLATION_RETRY_DELAYS", DEFAULT_RETRY_DELAYS))


def request_machine_translation(translation: Translation, user=None) -> MachineTranslationJob:
    """The job that fills ``translation``: a new one enqueued after the commit, or the one
    already queued or running for it (a second click does not translate twice)."""
    with transaction.atomic():
        Translation.objects.select_for_update().filter(pk=translation.pk).first()
        job = MachineTranslationJob.objects.filter(translation=translation, status__in=OPEN).first()
        if job is not None:
            return job
        job = MachineTranslationJob.objects.create(
            translation=translation, requested_by=user, next_attempt_at=timezone.now()
        )
        job_id = job.pk
        transaction.on_commit(lambda: enqueue(job_id), robust=True)
    return job


def enqueue(job_id: int, run_after=None) -> None:
    """Enqueue the job's task; a refused enqueue is logged (the sweep finds the job)."""
    try:
        if run_after is not None:
            machine_translation_task.using(run_after=run_after).enqueue(job_id)
        else:
            machine_translation_task.enqueue(job_id)
    except Exception:
        logger.exception("Could not enqueue machine translation job %s", job_id)


@task(priority=task_priority(MACHINE_TRANSLATION_TASK_PRIORITY))
def machine_translation_task(job_id: int) -> str:
    return run_job(job_id)


def run_job(job_id: int) -> str:
    """Attempt the job; returns its status afterwards (or "skipped" when it is not due or
    another worker holds it). With a backend that can defer (database, RQ) a failed attempt
    enqueues the next one and returns; with the immediate backend the attempts run here."""
    while True:
        job = _claim(job_id)
        if job is None:
            return "skipped"
        delay = _attempt(job)
        if delay is None:
            return job.status
        if machine_translation_task.get_backend().supports_defer:
            enqueue(job_id, run_after=job.next_attempt_at)
            return job.status
        time.sleep(delay)


def _claim(job_id: int) -> MachineTranslationJob | None:
    """Hold a due job for one attempt (counted here, so an attempt that dies is counted)."""
    now = timezone.now()
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    claimed = (
        MachineTranslationJob.objects.filter(pk=job_id, status__in=OPEN)
        .filter(due)
        .update(
            status=Status.RUNNING,
            attempts=F("attempts") + 1,
            next_attempt_at=now + timedelta(seconds=LEASE_SECONDS),
        )
    )
    if not claimed:
        return None
    return MachineTranslationJob.objects.select_related(
        "translation__source", "translation__target_locale", "requested_by"
    ).get(pk=job_id)


def _attempt(job: MachineTranslationJob) -> float | None:
    """One call of the translator; records it. Returns the delay before the next attempt, or
    None when there is none (done, or out of attempts: failed)."""
    try:
        filled = machine_translate(job.translation, user=job.requested_by)
    except Exception as exc:  # the service's errors are many (HTTP, quota, timeouts)
        job.error = f"{type(exc).__name__}: {exc}"[:2000]
        delays = retry_delays()
        if job.attempts > len(delays):
            job.status = Status.FAILED
            job.next_attempt_at = None
            job.finished_at = timezone.now()
            job.save()
            logger.error("Machine translation job %s gave up: %s", job.pk, job.error)
            return None
        delay = delays[job.attempts - 1]
        job.status = Status.QUEUED
        job.next_attempt_at = timezone.now() + timedelta(seconds=delay)
        job.save()
        logger.warning("Machine translation job %s attempt %s failed", job.pk, job.attempts)
        return delay
    job.status = Status.DONE
    job.strings_filled = filled
    job.error = ""
    job.next_attempt_at = None
    job.finished_at = timezone.now()
    job.save()
    return None


def latest_job_for(instance) -> MachineTranslationJob | None:
    """The newest job that fills ``instance`` (a translated page or snippet), if any: what
    the editor of that translation is told about."""
    return (
        MachineTranslationJob.objects.filter(
            translation__source__object_id=instance.translation_key,
            translation__target_locale_id=instance.locale_id,
        )
        .order_by("-requested_at")
        .first()
    )


def sweep(stranded_after: float | None = None) -> int:
    """Enqueue again the open jobs overdue by ``stranded_after`` seconds: their task was
    refused by the queue, or their worker died mid-attempt (the lease ran out)."""
    if stranded_after is None:
        stranded_after = float(getattr(settings, "WEBHOOK_STRANDED_AFTER", 300))
    cutoff = timezone.now() - timedelta(seconds=stranded_after)
    ids = list(
        MachineTranslationJob.objects.filter(
            status__in=OPEN, next_attempt_at__lte=cutoff
        ).values_list("pk", flat=True)[:500]
    )
    for job_id in ids:
        enqueue(job_id)
    return len(ids)
