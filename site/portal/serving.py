"""Page serving held to the visibility rule (``headless.visibility``): a live page the clock
hides (an embargo date still to come, an expiry already passed) answers 404 to readers, like
every listing and API route hides it, without waiting for Wagtail's ``publish_scheduled``
command to unpublish it. Wagtail itself handles drafts (404) and view restrictions (its
login or password form); previews do not go through this hook.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest
from wagtail import hooks
from wagtail.models import Page

from headless.visibility import is_hidden_by_clock


@hooks.register("before_serve_page")
def hide_what_the_clock_hides(page: Page, request: HttpRequest, serve_args, serve_kwargs) -> None:
    if is_hidden_by_clock(page):
        raise Http404("This page is not published.")
