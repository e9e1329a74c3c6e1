"""Headless preview: an editor opens the latest draft of a page in the external front end.

The admin view checks the editor may edit the page, signs a token naming the page's latest
revision and redirects to ``HEADLESS_PREVIEW_URL?token=...``; the front end fetches
``/api/v3/preview/?token=...`` and renders the draft. Tokens expire after
``HEADLESS_PREVIEW_MAX_AGE`` seconds and are useless for any other revision.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.models import Page

from portal.api import preview_token


def headless_preview(request: HttpRequest, page_id: int) -> HttpResponse:
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    revision = page.get_latest_revision()
    token = preview_token(page, revision.pk if revision else None)
    api_url = (
        request.build_absolute_uri(reverse("wagtailapi_v3:preview"))
        + "?"
        + urlencode({"token": token})
    )
    front_end = getattr(settings, "HEADLESS_PREVIEW_URL", "")
    if not front_end:  # no front end configured: show the editor what it would receive
        return JsonResponse({"token": token, "api_url": api_url})
    query = urlencode({"token": token, "content_type": page.specific_class._meta.label})
    separator = "&" if "?" in front_end else "?"
    return HttpResponseRedirect(f"{front_end}{separator}{query}")


class HeadlessPreviewMenuItem(ActionMenuItem):
    label = _("Preview in front end")
    name = "action-headless-preview"
    icon_name = "view"
    order = 90

    def is_shown(self, context) -> bool:
        return context["view"] == "edit"

    def get_url(self, parent_context) -> str:
        return reverse("portal_headless_preview", args=[parent_context["page"].pk])


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "headless-preview/<int:page_id>/",
            headless_preview,
            name="portal_headless_preview",
        )
    ]


@hooks.register("register_page_action_menu_item")
def register_preview_menu_item():
    return HeadlessPreviewMenuItem()
