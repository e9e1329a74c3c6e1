"""The webhooks in Wagtail's admin: editors keep the list of URLs (Snippets > Webhooks) and read
the delivery log. Registered when Wagtail loads ``portal.wagtail_hooks``, which imports this."""

from __future__ import annotations

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.webhooks.models import Webhook, WebhookDelivery


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
