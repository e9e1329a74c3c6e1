"""Page events -> webhooks: when a page is published, unpublished or deleted, static front ends
are told so they can rebuild, and the API's "content changed" clock moves on (its cached
responses and ETags depend on it).

``connect_signals`` is called from ``PortalConfig.ready()``.
"""

from __future__ import annotations

import threading
import time

from django.db.models.signals import pre_delete
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from portal.api.http import touch_content
from portal.webhooks.delivery import dispatch
from portal.webhooks.models import Webhook

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


def _content_changed() -> None:
    touch_content(time.time())


def on_published(sender, instance, **kwargs) -> None:
    _content_changed()
    _announce(Webhook.Event.PUBLISHED, instance)


def on_unpublished(sender, instance, **kwargs) -> None:
    _content_changed()
    if instance.pk in getattr(_deleting, "pks", set()):
        return  # Wagtail unpublishes the pages it deletes: "page.deleted" already says it
    _announce(Webhook.Event.UNPUBLISHED, instance)


def on_deleted(sender, instance, **kwargs) -> None:
    if not getattr(instance, "live", False):
        return  # a draft leaves no trace on a static site
    _content_changed()
    if not hasattr(_deleting, "pks"):
        _deleting.pks = set()
    _deleting.pks.add(instance.pk)
    _announce(Webhook.Event.DELETED, instance)


def connect_signals() -> None:
    page_published.connect(on_published, dispatch_uid="portal-webhooks-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="portal-webhooks-unpublished")
    pre_delete.connect(on_deleted, sender=Page, dispatch_uid="portal-webhooks-deleted")
