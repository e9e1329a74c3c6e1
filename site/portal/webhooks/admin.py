"""The webhooks in Wagtail's admin: editors keep the list of URLs (Snippets > Webhooks) and read
the delivery log, where dead letters (``failed``) are sent again with the "Send again" bulk
action. Registered when Wagtail loads ``portal.wagtail_hooks``, which imports this."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.webhooks.models import Webhook, WebhookDelivery
from portal.webhooks.outbox import send_again


class WebhookViewSet(SnippetViewSet):
    model = Webhook
    icon = "link-external"
    list_display = ["name", "url", "active"]


class WebhookDeliveryViewSet(SnippetViewSet):
    """The delivery log: read it, filter it; deliveries are written by the system only."""

    model = WebhookDelivery
    icon = "list-ul"
    inspect_view_enabled = True
    list_display = [
        "event",
        "webhook",
        "status",
        "attempts",
        "response_status",
        "next_attempt_at",
        "created_at",
    ]
    list_filter = ["status", "event"]


class SendAgainBulkAction(SnippetBulkAction):
    """Dead letters back into the outbox with fresh attempts (delivered rows are left)."""

    display_name = _("Send again")
    action_type = "send_again"
    aria_label = _("Send the selected deliveries again")
    template_name = "portal/webhooks/confirm_send_again.html"
    action_priority = 10
    models = [WebhookDelivery]

    def check_perm(self, snippet) -> bool:
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", snippet
        )

    @classmethod
    def execute_action(cls, objects, **kwargs):
        queued = send_again(WebhookDelivery.objects.filter(pk__in=[o.pk for o in objects]))
        return queued, 0

    def get_success_message(self, num_parent_objects: int, num_child_objects: int) -> str:
        return ngettext(
            "%(count)d delivery queued again",
            "%(count)d deliveries queued again",
            num_parent_objects,
        ) % {"count": num_parent_objects}


register_snippet(WebhookViewSet)
register_snippet(WebhookDeliveryViewSet)
hooks.register("register_bulk_action", SendAgainBulkAction)
