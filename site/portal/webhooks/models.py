"""The webhooks editors keep (Snippets > Webhooks) and the log of every delivery to them.

Their app is ``portal`` (the package they sit in): ``portal.models`` imports them, because Django
loads only ``<app>.models``, so their tables and migrations stay those of the ``portal`` app.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


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

    panels = [FieldPanel(name) for name in ("name", "url", "secret", "events", "active")]

    class Meta:
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
    """One event for one webhook: the outbox row the worker sends, and the log editors and
    operators read. ``failed`` rows are dead letters, sent again from the admin."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed (dead letter)")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    #: One id per event, the same for every receiver of it: sent as the Idempotency-Key
    #: header, so a receiver that gets an event twice (a worker killed after sending, before
    #: recording) can tell.
    event_id = models.UUIDField(_("event id"), default=uuid.uuid4, editable=False, db_index=True)
    webhook = models.ForeignKey(
        Webhook, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("webhook")
    )
    event = models.CharField(_("event"), max_length=32)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    response_status = models.PositiveSmallIntegerField(_("response status"), null=True)
    error = models.TextField(_("last error"), blank=True)
    #: When the next attempt is due (the worker's sweep sends overdue rows again).
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    #: An attempt in progress holds the row until then; a hold that outlives it is a worker
    #: that died mid-attempt.
    locked_until = models.DateTimeField(_("held until"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="webhook_outbox_due")]

    def __str__(self) -> str:
        return f"{self.event} -> {self.webhook_id}: {self.status}"
