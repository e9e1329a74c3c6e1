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

Wagtail's v3 redirects list and detail are public reads of every redirect, including those
pointing at drafts, private, embargoed or expired pages (their id and route path would leak).
``use_visibility_rule_for_redirects`` swaps the two reads for ones that show anonymous
readers only redirects to external links or to publicly visible pages.
"""

from __future__ import annotations

import importlib
from typing import Any

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query
from ninja.pagination import paginate
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.v3 import querysets as v3_querysets
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.schemas.params import APIFieldFilterSchema, OrderingSchema
from wagtail.api.validators import SiteFilterValidator
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageQuerySet

from headless.visibility import visible_pages

# The module, not the ``router`` its package exports under the same name.
redirects_v3 = importlib.import_module("wagtail.contrib.redirects.api.v3.router")


def public_pages_for(request: HttpRequest, model: type[Page] = Page) -> PageQuerySet:
    """Wagtail's public page queryset (live, no view restriction the reader fails, scoped to
    the ``site`` and its root's translations) narrowed to the publicly visible pages.

    Built without Wagtail's ``get_public_pages_queryset``, which reads every view
    restriction and the site root's translations in two queries of their own each time:
    the visibility rule already leaves out every restricted page (whoever asks), and the
    site scoping is a subquery on the root's translations. Same pages, one query (the site)
    less two. Narrowed by a pk subquery, so that Wagtail's ``search=`` on these listings
    still works (search backends filter on indexed fields; ``id`` is one). Raises
    ``ValueError`` for an ambiguous ``site``, as Wagtail's does (both APIs answer it with
    a 400).
    """
    site = SiteFilterValidator(site=request.GET.get("site"), request=request).site_obj
    if site is None:  # no site configured: nothing is public, as in Wagtail
        return model._default_manager.none()
    root = site.root_page
    scope = Q(path__startswith=root.path)
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        # Below any translation of the root (Wagtail adds each translation's tree).
        roots = Page.objects.filter(translation_key=root.translation_key).annotate(
            prefix=Substr(OuterRef("path"), 1, Length("path"))
        )
        scope |= Exists(roots.filter(path=F("prefix")))
    visible = visible_pages(model._default_manager.filter(scope))
    return model._default_manager.live().filter(pk__in=visible.values("pk"))


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


def prepared_specific(page: Page) -> Page:
    """``page.specific``, read with what its detail shows when its type says so
    (``api_detail_queryset``, as our own detail routes do: ``headless.visibility``): Wagtail
    reads the specific row alone and then each image, tag, partner and contact line apart
    (29 queries for a news item with its tags)."""
    model = page.specific_class
    prepare = getattr(model, "api_detail_queryset", None)
    if model is None or prepare is None:
        return page.specific
    found = prepare(model._default_manager.filter(pk=page.pk)).first()
    return found if found is not None else page.specific


def prepared_page_detail(
    request: HttpRequest,
    page_id: int,
    version: str = "live",
    rich_text_format: Any = None,
) -> Page:
    """Wagtail's ``pages_detail`` (same parameters, same access tiers through
    ``get_pages_queryset``) with the live page read by ``prepared_specific``."""
    page = get_object_or_404(v3_querysets.get_pages_queryset(request), pk=page_id)
    if version == "draft" and request.user.is_authenticated:
        return page.get_latest_revision_as_object()
    return prepared_specific(page)


def use_prepared_page_detail() -> None:
    """Point the operation ``pages_detail`` of Wagtail's v3 pages router at
    ``prepared_page_detail``. Its parameters are unchanged, so the OpenAPI document stays
    the same. Fails loudly (LookupError) if an upgrade renames it.

    Imported here, when ``portal.api.registry.register`` runs: importing Wagtail's pages
    router freezes the page schemas it finds in the registry, which must be ours by then."""
    pages_v3 = importlib.import_module("wagtail.api.v3.routers.pages")
    operations = {
        operation.operation_id: operation
        for path_view in pages_v3.router.path_operations.values()
        for operation in path_view.operations
    }
    if "pages_detail" not in operations:
        raise LookupError("Wagtail's pages router has no 'pages_detail'")
    operations["pages_detail"].view_func = prepared_page_detail


def visible_redirects(request: HttpRequest) -> QuerySet[Redirect]:
    """Every redirect for a token holder; for anyone else only those to an external link or
    to a publicly visible page."""
    redirects = Redirect.objects.all()
    if request.user.is_authenticated:
        return redirects
    visible = visible_pages(Page.objects.all()).values("pk")
    return redirects.filter(Q(redirect_page__isnull=True) | Q(redirect_page__in=visible))


ORDERING = Query(...)  # as Wagtail declares it: the OpenAPI document stays the same


@paginate(WagtailLimitOffsetPagination, pass_parameter="pagination_info")
def list_visible_redirects(
    request: HttpRequest, ordering: OrderingSchema = ORDERING, **kwargs: Any
) -> QuerySet[Redirect]:
    """Wagtail's ``redirects_list`` (same parameters, filters and ordering) on
    ``visible_redirects``."""
    field_filter = APIFieldFilterSchema.with_exclude_schemas(
        raw_params=request.GET,
        schemas=(OrderingSchema,),
        base_fields=redirects_v3.BASE_REDIRECT_READ_FIELDS,
    )
    queryset = field_filter.filter_queryset(visible_redirects(request))
    return ordering.order_queryset(
        queryset, kwargs.get("pagination_info"), base_fields=redirects_v3.BASE_REDIRECT_READ_FIELDS
    )


def visible_redirect_detail(request: HttpRequest, redirect_id: int) -> Redirect:
    """Wagtail's ``redirects_detail`` on ``visible_redirects`` (``redirects_find`` answers
    with a redirect to this address, so it is covered too)."""
    return get_object_or_404(visible_redirects(request), pk=redirect_id)


def use_visibility_rule_for_redirects() -> None:
    """Point the operations ``redirects_list`` and ``redirects_detail`` of Wagtail's v3
    redirects router at the readers above. Their parameters are unchanged, so the OpenAPI
    document stays the same. Fails loudly (LookupError) if an upgrade renames them."""
    readers = {
        "redirects_list": list_visible_redirects,
        "redirects_detail": visible_redirect_detail,
    }
    operations = {
        operation.operation_id: operation
        for path_view in redirects_v3.router.path_operations.values()
        for operation in path_view.operations
    }
    missing = set(readers) - set(operations)
    if missing:
        raise LookupError(f"Wagtail's redirects router has no {sorted(missing)}")
    for operation_id, reader in readers.items():
        operations[operation_id].view_func = reader
