"""Index upkeep that Wagtail's own signal handlers leave out.

Wagtail (modelsearch) re-indexes a page on every save and removes it on delete, which covers
publish, unpublish, translation publish and the moved page itself. Two changes reach other
pages without saving them: a move rewrites the descendants' tree paths in one UPDATE, and a
view restriction makes a whole subtree private. The database search filters both at query
time; the Elasticsearch indexes store them, so those pages are re-indexed here (and dropped
from the index when they turned private). Third, an object indexes the text of the objects
its ``index.RelatedFields`` name (a news item, its partners' names): publishing a renamed
partner re-indexes what cites it. Failures are logged, never raised: an editor's action must
not fail because a search engine is down.
"""

from __future__ import annotations

import logging
from functools import cache

from django.core.exceptions import FieldDoesNotExist
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail.search.backends import get_search_backends_with_name
from wagtail.signals import page_published, post_page_move

logger = logging.getLogger(__name__)


def elasticsearch_backends():
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        if getattr(backend, "language", None) and hasattr(backend, "es"):
            yield name, backend


def reindex_subtree(page: Page) -> None:
    backends = list(elasticsearch_backends())
    if not backends:
        return
    pages = Page.objects.descendant_of(page, inclusive=True).specific().iterator(chunk_size=200)
    for page_ in pages:
        for name, backend in backends:
            try:
                index = backend.get_index_for_model(type(page_))
                index.add_item(page_)
            except Exception:
                logger.exception("Could not re-index %r in the %r search backend", page_, name)


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
            index.insert_or_update_object(obj)  # logs, never raises, on a backend error
            count += 1
    return count


def on_page_published(sender, instance, **kwargs) -> None:
    try:
        reindex_citing(instance.specific)
    except Exception:
        logger.exception("Could not re-index the pages citing %r", instance)


def register() -> None:
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
