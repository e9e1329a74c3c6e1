"""Publish webhooks: static front ends rebuild when a page is published, unpublished or
deleted. Editors keep the list of URLs (Snippets > Webhooks); every delivery is signed with
HMAC-SHA256 over the body, retried with back-off, and logged as a WebhookDelivery row.

Delivery happens after the database transaction commits, in a background thread by default
(``WEBHOOK_DELIVERY_MODE = "thread"``) or as a django_tasks task (``"task"``; Wagtail ships
the immediate backend, a real queue backend makes it asynchronous).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import threading
import time
import urllib.error
import urllib.request
import uuid

from django.conf import settings
from django.db import connections, models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Newsroom-Signature"
EVENT_HEADER = "X-Newsroom-Event"
DELIVERY_HEADER = "X-Newsroom-Delivery"


class Webhook(models.Model):
    class Event(models.TextChoices):
        PUBLISHED = "page.published", _("Page published")
        UNPUBLISHED = "page.unpublished", _("Page unpublished")
        DELETED = "page.deleted", _("Page deleted")

    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(_("URL"), max_length=500)
    secret = models.CharField(
        _("secret"),
        max_length=255,
        help_text=_("Shared secret; the receiver checks the X-Newsroom-Signature header."),
    )
    events = models.JSONField(
        _("events"),
        default=list,
        blank=True,
        help_text=_('Empty: every event. Otherwise a list such as ["page.published"].'),
    )
    active = models.BooleanField(_("active"), default=True)

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("secret"), FieldPanel("events")]
    panels.append(FieldPanel("active"))

    class Meta:
        app_label = "portal"
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.url})"

    def wants(self, event: str) -> bool:
        return not self.events or event in self.events

    def sign(self, body: bytes) -> str:
        return "sha256=" + hmac.new(self.secret.encode(), body, hashlib.sha256).hexdigest()


class WebhookDelivery(models.Model):
    """One event sent to one webhook: the log editors and operators read."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(_("event"), max_length=32)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    response_status = models.PositiveSmallIntegerField(_("response status"), null=True)
    error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        app_label = "portal"
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.event} -> {self.webhook_id}: {self.status}"


class WebhookViewSet(SnippetViewSet):
    model = Webhook
    icon = "link-external"
    list_display = ["name", "url", "active"]


class WebhookDeliveryViewSet(SnippetViewSet):
    """The delivery log: read it, filter it; deliveries are written by the system only."""

    model = WebhookDelivery
    icon = "list-ul"
    inspect_view_enabled = True
    list_display = ["event", "webhook", "status", "attempts", "response_status", "created_at"]
    list_filter = ["status", "event"]


register_snippet(WebhookViewSet)
register_snippet(WebhookDeliveryViewSet)


def page_payload(page, event: str) -> dict:
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


def dispatch(event: str, payload: dict) -> list[WebhookDelivery]:
    """Log one delivery per interested active webhook; send them after commit."""
    deliveries = [
        WebhookDelivery.objects.create(webhook=hook, event=event, payload=payload)
        for hook in Webhook.objects.filter(active=True)
        if hook.wants(event)
    ]
    if deliveries:
        ids = [str(d.pk) for d in deliveries]
        transaction.on_commit(lambda: start_delivery(ids))
    return deliveries


def start_delivery(delivery_ids: list[str]) -> None:
    mode = getattr(settings, "WEBHOOK_DELIVERY_MODE", "thread")
    if mode == "task":
        for delivery_id in delivery_ids:
            deliver_task.enqueue(delivery_id)
    else:
        thread = threading.Thread(
            target=_deliver_in_thread, args=(delivery_ids,), name="webhooks", daemon=True
        )
        thread.start()


def _deliver_in_thread(delivery_ids: list[str]) -> None:
    try:
        for delivery_id in delivery_ids:
            deliver(delivery_id)
    finally:
        # The thread ends here: its database connections would otherwise stay open (with
        # CONN_MAX_AGE) until garbage collection, holding a server session.
        connections.close_all()


@task()
def deliver_task(delivery_id: str) -> str:
    return deliver(delivery_id)


def deliver(delivery_id: str) -> str:
    """POST the payload, retrying with the configured delays; returns the final status."""
    delivery = WebhookDelivery.objects.select_related("webhook").get(pk=delivery_id)
    hook = delivery.webhook
    body = json.dumps(delivery.payload, sort_keys=True).encode()
    delays = [0, *getattr(settings, "WEBHOOK_RETRY_DELAYS", [1, 5, 30])]
    timeout = getattr(settings, "WEBHOOK_TIMEOUT", 10)
    for delay in delays:
        if delay:
            time.sleep(delay)
        delivery.attempts += 1
        request = urllib.request.Request(
            hook.url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "User-Agent": "programme-newsroom-webhooks/1",
                SIGNATURE_HEADER: hook.sign(body),
                EVENT_HEADER: delivery.event,
                DELIVERY_HEADER: str(delivery.pk),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                delivery.response_status = response.status
            delivery.status = WebhookDelivery.Status.DELIVERED
            delivery.delivered_at = timezone.now()
            delivery.error = ""
            delivery.save()
            return delivery.status
        except urllib.error.HTTPError as exc:
            delivery.response_status = exc.code
            delivery.error = f"HTTP {exc.code}"
        except (urllib.error.URLError, OSError) as exc:
            delivery.response_status = None
            delivery.error = str(getattr(exc, "reason", exc))
        delivery.save()
        logger.warning(
            "Webhook %s attempt %s failed: %s", hook.url, delivery.attempts, delivery.error
        )
    delivery.status = WebhookDelivery.Status.FAILED
    delivery.save()
    logger.error("Webhook %s gave up after %s attempts", hook.url, delivery.attempts)
    return delivery.status


# --- Signals ----------------------------------------------------------------------------------


def _content_changed() -> None:
    from portal.api.http import touch_content

    touch_content(time.time())


def on_published(sender, instance, **kwargs) -> None:
    _content_changed()
    dispatch(Webhook.Event.PUBLISHED, page_payload(instance, Webhook.Event.PUBLISHED))


_deleting = threading.local()


def on_unpublished(sender, instance, **kwargs) -> None:
    _content_changed()
    if instance.pk in getattr(_deleting, "pks", set()):
        return  # Wagtail unpublishes the pages it deletes: "page.deleted" already says it
    dispatch(Webhook.Event.UNPUBLISHED, page_payload(instance, Webhook.Event.UNPUBLISHED))


def on_deleted(sender, instance, **kwargs) -> None:
    if not getattr(instance, "live", False):
        return  # a draft leaves no trace on a static site
    _content_changed()
    if not hasattr(_deleting, "pks"):
        _deleting.pks = set()
    _deleting.pks.add(instance.pk)
    dispatch(Webhook.Event.DELETED, page_payload(instance, Webhook.Event.DELETED))


def connect_signals() -> None:
    from django.db.models.signals import pre_delete
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished

    page_published.connect(on_published, dispatch_uid="portal-webhooks-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="portal-webhooks-unpublished")
    pre_delete.connect(on_deleted, sender=Page, dispatch_uid="portal-webhooks-deleted")
