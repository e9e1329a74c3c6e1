"""Headless preview: an editor opens the latest draft of a page in the external front end.

The admin view checks the editor may edit the page, signs a token naming the page's latest
revision and redirects to ``HEADLESS_PREVIEW_URL?token=...``; the front end fetches
``/api/v3/preview/?token=...`` and renders the draft. Tokens expire after
``HEADLESS_PREVIEW_MAX_AGE`` seconds and are useless for any other revision.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.models import Page

from headless.errors import BadParameter
from headless.messages import PREVIEW_EXPIRED, PREVIEW_GONE, PREVIEW_INVALID
from headless.params import reject_unknown

#: Kept as it was when this lived in portal/api.py: changing it would void the tokens in flight.
PREVIEW_SALT = "portal.api.preview"


def preview_token(page: Page, revision_id: int | None) -> str:
    """A signed, expiring token naming one revision of one page."""
    return signing.dumps({"page": page.pk, "revision": revision_id}, salt=PREVIEW_SALT)


# The API side, /api/v3/preview/ (put on the site router by ``registry``): the revision a valid
# token names, whatever its publication state. No docstring: it would become the operation's
# description in the OpenAPI document.
def preview(request: HttpRequest, token: str):
    reject_unknown(request, {"token"})
    max_age = getattr(settings, "HEADLESS_PREVIEW_MAX_AGE", 3600)
    try:
        data = signing.loads(token, salt=PREVIEW_SALT, max_age=max_age)
    except signing.SignatureExpired:
        raise BadParameter("token", PREVIEW_EXPIRED) from None
    except signing.BadSignature:
        raise BadParameter("token", PREVIEW_INVALID) from None
    page = Page.objects.filter(pk=data["page"]).first()
    if page is None:
        raise Http404(PREVIEW_GONE)
    page = page.specific
    revision = (
        page.revisions.filter(pk=data.get("revision")).first() if data.get("revision") else None
    )
    draft = revision.as_object() if revision else page
    return draft


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
