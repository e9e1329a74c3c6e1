"""Detail endpoints: one publicly visible page of a type by id, the same steps everywhere
(no parameters but the common ones, the visibility rule, 404 otherwise)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema
from wagtail.models import Page

from headless.params import reject_unknown
from headless.visibility import get_public_page


def add_detail_route(
    router: Router,
    path: str,
    model: type[Page],
    *,
    response: type[Schema],
    operation_id: str,
    summary: str,
    url_name: str,
) -> None:
    """Put ``GET path`` on ``router``: the public ``model`` page whose id is in the path.

    ``url_name`` names the Django URL (django-ninja would otherwise name it after the view
    function, the same closure for every detail route).
    """

    def detail(request: HttpRequest, page_id: int) -> Page:
        reject_unknown(request, set())
        return get_public_page(model, page_id)

    router.get(
        path, response=response, operation_id=operation_id, summary=summary, url_name=url_name
    )(detail)
