"""Index upkeep that Wagtail's own signal handlers leave out.

Wagtail (modelsearch) re-indexes a page on every save and removes it on delete, which covers
publish, unpublish, translation publish and the moved page itself. Two changes reach other
pages without saving them: a move rewrites the descendants' tree paths in one UPDATE, and a
view restriction makes a whole subtree private. The database search filters both at query
time; the Elasticsearch indexes store them, so those pages are re-indexed here (and dropped
from the index when they turned private). Third, an object indexes the text of the objects
its ``index.RelatedFields`` name (a news item, its partners' names): publishing a renamed
partner re-indexes what cites it.

Every save and delete of an indexed object, and the re-indexing above, reach the search servers
through ``search.tasks``: queued after the commit, retried while the server is down, so an
editor's action never fails or loses an update because a search engine is down.
"""

from __future__ import annotations

import logging
from functools import cache

from django.core.exceptions import FieldDoesNotExist
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.signals import page_published, post_page_move

from search import tasks

logger = logging.getLogger(__name__)


def reindex_subtree(page: Page) -> None:
    """Queue the re-indexing of the page and its descendants in the external backends."""
    if not tasks.external_backend_names():
        return
    pages = Page.objects.descendant_of(page, inclusive=True).specific().iterator(chunk_size=200)
    for page_ in pages:
        tasks.schedule_update(page_)


def on_indexed_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw and getattr(sender, "search_auto_update", True):
        tasks.schedule_update(instance)


def on_indexed_deleted(sender, instance, **kwargs) -> None:
    if getattr(sender, "search_auto_update", True):
        tasks.schedule_removal(instance)


def on_page_move(sender, instance, **kwargs) -> None:
    reindex_subtree(instance)


def on_view_restriction_change(sender, instance, **kwargs) -> None:
    try:
        page = Page.objects.get(pk=instance.page_id)
    except Page.DoesNotExist:
        return
    reindex_subtree(page)


@cache
def citing_fields() -> list[tuple[type, str, type]]:
    """(indexed model, field name, related model) for every ``index.RelatedFields``."""
    found = []
    for model in index.get_indexed_models():
        for search_field in model.get_search_fields():
            if not isinstance(search_field, index.RelatedFields):
                continue
            try:
                field = model._meta.get_field(search_field.field_name)
            except FieldDoesNotExist:  # a method, not a relation: nothing to follow
                continue
            if field.related_model is not None:
                found.append((model, search_field.field_name, field.related_model))
    return found


def reindex_citing(instance) -> int:
    """Re-index the objects whose RelatedFields include ``instance``; how many there were."""
    count = 0
    for model, field_name, related_model in citing_fields():
        if not isinstance(instance, related_model):
            continue
        citing = model.get_indexed_objects().filter(**{field_name: instance.pk})
        for obj in citing.iterator(chunk_size=200):
            index.insert_or_update_object(obj)  # the database backend, inline
            tasks.schedule_update(obj)  # the search servers, queued
            count += 1
    return count


def on_page_published(sender, instance, **kwargs) -> None:
    try:
        reindex_citing(instance.specific)
    except Exception:
        logger.exception("Could not re-index the pages citing %r", instance)


def register() -> None:
    for model in index.get_indexed_models():
        post_save.connect(on_indexed_saved, sender=model, dispatch_uid=f"search.saved.{model}")
        post_delete.connect(
            on_indexed_deleted, sender=model, dispatch_uid=f"search.deleted.{model}"
        )
    page_published.connect(on_page_published, dispatch_uid="search.on_page_published")
    post_page_move.connect(on_page_move, dispatch_uid="search.on_page_move")
    post_save.connect(
        on_view_restriction_change,
        sender=PageViewRestriction,
        dispatch_uid="search.view_restriction_saved",
    )
    post_delete.connect(
        on_view_restriction_change,
        sender=PageViewRestriction,
        dispatch_uid="search.view_restriction_deleted",
    )
