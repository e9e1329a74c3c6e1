"""Index upkeep that Wagtail's own signal handlers leave out.

Wagtail (modelsearch) re-indexes a page on every save and removes it on delete, which covers
publish, unpublish, translation publish and the moved page itself. Two changes reach other
pages without saving them: a move rewrites the descendants' tree paths in one UPDATE, and a
view restriction makes a whole subtree private. The database search filters both at query
time; the Elasticsearch indexes store them, so those pages are re-indexed here (and dropped
from the index when they turned private). Failures are logged, never raised: an editor's
action must not fail because a search engine is down.
"""

from __future__ import annotations

import logging

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backends_with_name
from wagtail.signals import post_page_move

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


def register() -> None:
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
