"""Wagtail's stock page APIs held to our visibility rule (``headless.visibility``).

Wagtail's v2 ``/api/v2/pages/`` and v3 ``/api/v3/pages/`` (list, detail, ``find``, the
``child_of``/``descendant_of``/``ancestor_of``/``translation_of`` filters) show anonymous
readers Wagtail's own public queryset: live pages without a view restriction they fail,
scoped to the site. That lists aliases, expired pages and embargoed news. Both are narrowed
here to the publicly visible pages:

- v2 through its documented extension point, a ``PagesAPIViewSet`` subclass overriding
  ``get_base_queryset`` (which ``get_queryset`` and the relative filters start from);
- v3 has no such hook: every read of its pages router calls
  ``wagtail.api.v3.querysets.get_pages_queryset``, which asks that module's
  ``get_public_pages_queryset`` for anonymous requests. ``use_visibility_rule_in_v3`` points
  that name at ``public_pages_for``. Requests authenticated with an API token (or an admin
  session) keep Wagtail's editor tier: the pages the user may change or publish.

Wagtail's stock images and documents APIs (v2 and v3) already leave out items in collections
with a view restriction the request fails; ``tests/api/test_visibility_walk.py`` checks it.
"""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.v3 import querysets as v3_querysets
from wagtail.models import Page, PageQuerySet

from headless.visibility import visible_pages


def public_pages_for(request: HttpRequest, model: type[Page] = Page) -> PageQuerySet:
    """Wagtail's public page queryset (live, its view restrictions, the ``site`` scoping)
    narrowed to the publicly visible pages.

    Narrowed by a pk subquery, so that Wagtail's ``search=`` on these listings still works
    (search backends filter on indexed fields; ``id`` is one). Raises ``ValueError`` for an
    ambiguous ``site``, as Wagtail's does (both APIs answer it with a 400).
    """
    queryset = get_public_pages_queryset(request, model)
    return queryset.filter(pk__in=visible_pages(model._default_manager.all()).values("pk"))


class PublicPagesAPIViewSet(PagesAPIViewSet):
    """``/api/v2/pages/``: Wagtail's v2 pages endpoint showing publicly visible pages only."""

    def get_base_queryset(self) -> PageQuerySet:
        try:
            return public_pages_for(self.request)
        except ValueError as error:
            raise BadRequestError(str(error)) from error


def use_visibility_rule_in_v3() -> None:
    """Make Wagtail's v3 pages router read anonymous pages through ``public_pages_for``.

    Idempotent. Fails loudly (AttributeError) if a Wagtail upgrade renames the seam, rather
    than silently serving Wagtail's wider queryset again.
    """
    current = v3_querysets.get_public_pages_queryset  # AttributeError when the seam is gone
    if current is not public_pages_for:
        v3_querysets.get_public_pages_queryset = public_pages_for
