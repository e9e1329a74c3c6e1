"""Index updates of external search servers (Elasticsearch, OpenSearch) as background tasks.

Wagtail updates every ``AUTO_UPDATE`` backend inline on save and only logs a failure, so an
update made while the server is down is lost. The settings turn ``AUTO_UPDATE`` off for the
external backends; instead every save and delete of an indexed object enqueues a task (after
the transaction commits) that updates them from the worker. A backend that fails is tried
again after ``SEARCH_INDEX_RETRY_DELAYS`` (a deferred task), so the updates made during an
outage land when the server is back; past the last delay, ``manage.py update_index``
rebuilds. The database backend stays inline: it is the same database, in the same
transaction, and it is what the site falls back to.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from wagtail.search import index
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)


def external_backend_names() -> list[str]:
    """Backends on a search server: those the settings keep out of Wagtail's inline updates."""
    return [
        name
        for name, params in getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).items()
        if params.get("AUTO_UPDATE", True) is False and params.get("URLS")
    ]


def _label(obj) -> tuple[str, str]:
    return obj._meta.app_label, obj._meta.model_name


def schedule_update(obj) -> None:
    """Enqueue the update of ``obj`` in every external backend once the transaction commits."""
    names = external_backend_names()
    if not names or not index.class_is_indexed(type(obj)):
        return
    app_label, model_name = _label(obj)
    pk = str(obj.pk)
    transaction.on_commit(
        lambda: _enqueue(update_external_index, app_label, model_name, pk, names), robust=True
    )


def schedule_removal(obj) -> None:
    names = external_backend_names()
    if not names or not index.class_is_indexed(type(obj)):
        return
    app_label, model_name = _label(obj)
    pk = str(obj.pk)
    transaction.on_commit(
        lambda: _enqueue(remove_from_external_index, app_label, model_name, pk, names),
        robust=True,
    )


def _enqueue(task_, *args, attempt: int = 0) -> None:
    delays = list(getattr(settings, "SEARCH_INDEX_RETRY_DELAYS", []))
    if attempt:
        if attempt > len(delays) or not task_.get_backend().supports_defer:
            logger.error("Search index update %s%r given up after %s tries", task_, args, attempt)
            return
        run_after = timezone.now() + timedelta(seconds=delays[attempt - 1])
        task_.using(run_after=run_after).enqueue(*args, attempt=attempt)
    else:
        task_.enqueue(*args)


def _apply(action: str, obj, backend_names: list[str]) -> list[str]:
    """Run ``backend.add``/``backend.delete`` on each backend; the names of those that failed."""
    failed = []
    for name in backend_names:
        try:
            getattr(get_search_backend(name), action)(obj)
        except Exception:
            logger.warning("Search backend %r: %s of %r failed", name, action, obj, exc_info=True)
            failed.append(name)
    return failed


@task()
def update_external_index(
    app_label: str, model_name: str, pk: str, backend_names: list[str], attempt: int = 0
) -> list[str]:
    """Write the object's current state (or its absence) to the backends; retry the failed."""
    model = apps.get_model(app_label, model_name)
    instance = model._default_manager.filter(pk=pk).first()
    indexed = index.get_indexed_instance(instance) if instance is not None else None
    if indexed is None:  # gone, or not indexed any more (Wagtail's check): drop it
        failed = _apply("delete", instance or model(pk=pk), backend_names)
    else:
        failed = _apply("add", indexed, backend_names)
    if failed:
        _enqueue(update_external_index, app_label, model_name, pk, failed, attempt=attempt + 1)
    return failed


@task()
def remove_from_external_index(
    app_label: str, model_name: str, pk: str, backend_names: list[str], attempt: int = 0
) -> list[str]:
    model = apps.get_model(app_label, model_name)
    failed = _apply("delete", model(pk=pk), backend_names)
    if failed:
        _enqueue(
            remove_from_external_index, app_label, model_name, pk, failed, attempt=attempt + 1
        )
    return failed
