"""Page events -> webhooks: when a page is published, unpublished or deleted, static front ends
are told so they can rebuild, and the content clock (``portal.content_clock``, the API's
Last-Modified) moves on. So does the clock when a row front ends show besides pages changes:
site settings, snippets (boilerplates, the country and theme vocabularies), images, documents.

Publishing must not fail for anything here but the database: the clock and the webhook outbox
rows are database writes, and sending happens after the commit, off the editor's request.

``connect_signals`` is called from ``PortalConfig.ready()``.
"""

from __future__ import annotations

import threading
from functools import cache

from django.db import models
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils import timezone
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.images.models import AbstractRendition
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished

from portal.content_clock import ContentClock, touch_content
from portal.i18n.models import TranslatorLocaleScope
from portal.webhooks.delivery import dispatch
from portal.webhooks.models import Webhook, WebhookDelivery

#: Apps whose non-page rows front ends show (through the pages or the API directly).
CONTENT_APPS = {"portal", "programme", "newsroom", "taggit", "wagtailimages", "wagtaildocs"}
#: Rows of those apps that are bookkeeping, not content.
NOT_CONTENT = (ContentClock, TranslatorLocaleScope, Webhook, WebhookDelivery, AbstractRendition)

# The pages being deleted in this thread: Wagtail unpublishes what it deletes, and those pages
# must not announce "page.unpublished" after their "page.deleted".
_deleting = threading.local()


def page_payload(page: Page, event: str) -> dict:
    """What receivers get: the event, when, and enough of the page to find what to rebuild."""
    try:
        url = page.get_full_url()
    except Exception:  # a deleted page's tree may already be gone
        url = None
    return {
        "event": event,
        "timestamp": timezone.now().isoformat(),
        "page": {
            "id": page.pk,
            "type": page.specific_class._meta.label if page.specific_class else None,
            "title": page.title,
            "locale": page.locale.language_code if page.locale_id else None,
            "url_path": page.url_path,
            "url": url,
        },
    }


def _announce(event: str, page: Page) -> None:
    dispatch(event, page_payload(page, event))


@cache
def shows_content(model: type[models.Model]) -> bool:
    """Whether saving a ``model`` row changes what the public sees outside page events.

    Pages move the clock when published, unpublished or deleted (a draft save shows nothing),
    and so do the rows hanging off a page (tags, partners, phones): they are written when the
    page is published. What is left is the content of its own: settings, snippets, media.
    """
    if model._meta.app_label not in CONTENT_APPS or issubclass(model, (Page, *NOT_CONTENT)):
        return False
    return not any(
        field.is_relation and field.related_model and issubclass(field.related_model, Page)
        for field in model._meta.concrete_fields
    )


def on_content_saved(sender, **kwargs) -> None:
    if not kwargs.get("raw") and shows_content(sender):
        touch_content()


#: Rows that point at pages and still change what the public sees: privacy settings (a view
#: restriction on a page and its subtree, or on a collection's images and documents) change
#: who sees it, the editors' picks are shown on the search page and in the search API, and a
#: site's hostname, port or root page is in every address a page shows, so anonymous answers
#: cached before must go.
SHOWN_SETTINGS = (PageViewRestriction, CollectionViewRestriction, SearchPromotion, Site)


def on_setting_changed(sender, **kwargs) -> None:
    if not kwargs.get("raw"):
        touch_content()


def on_published(sender, instance, **kwargs) -> None:
    touch_content()
    _announce(Webhook.Event.PUBLISHED, instance)


def on_unpublished(sender, instance, **kwargs) -> None:
    touch_content()
    if instance.pk in getattr(_deleting, "pks", set()):
        return  # Wagtail unpublishes the pages it deletes: "page.deleted" already says it
    _announce(Webhook.Event.UNPUBLISHED, instance)


def on_deleted(sender, instance, **kwargs) -> None:
    if not getattr(instance, "live", False):
        return  # a draft leaves no trace on a static site
    touch_content()
    if not hasattr(_deleting, "pks"):
        _deleting.pks = set()
    _deleting.pks.add(instance.pk)
    _announce(Webhook.Event.DELETED, instance)


def on_gone(sender, instance, **kwargs) -> None:
    """The page is deleted: forget it, or a later page given the same id (SQLite reuses
    the ids of rolled-back rows) would never announce its unpublishing."""
    getattr(_deleting, "pks", set()).discard(instance.pk)


def connect_signals() -> None:
    page_published.connect(on_published, dispatch_uid="portal-webhooks-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="portal-webhooks-unpublished")
    pre_delete.connect(on_deleted, sender=Page, dispatch_uid="portal-webhooks-deleted")
    post_delete.connect(on_gone, sender=Page, dispatch_uid="portal-webhooks-gone")
    post_save.connect(on_content_saved, dispatch_uid="portal-content-saved")
    post_delete.connect(on_content_saved, dispatch_uid="portal-content-deleted")
    for model in SHOWN_SETTINGS:
        for signal, event in ((post_save, "saved"), (post_delete, "deleted")):
            uid = f"portal-setting-{event}-{model.__name__}"
            signal.connect(on_setting_changed, sender=model, dispatch_uid=uid)
