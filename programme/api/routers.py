"""Routers of the programme app: phases, partners and contacts, listed with filters and one by
id, and the querysets that fetch everything a listing item shows in a fixed number of queries.

Query parameters are checked strictly (``headless.pagination.paginate``): a typo in a filter
is a 400 naming the parameter, not a silent no-op.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from ninja import Router
from wagtail.models import Locale

from headless.endpoints import add_detail_route
from headless.pagination import paginate
from headless.params import LIMIT, OFFSET
from headless.serialisers import image_queryset
from headless.visibility import public_pages
from programme.api.schemas import PAGE_SCHEMAS, ContactList, PartnerList, PhaseList
from programme.api.tags import tagged
from programme.models import (
    DonorContactPage,
    PartnerOrganisationPage,
    PhasePartner,
    ProgrammePhasePage,
)


def phase_queryset(locale: Locale) -> QuerySet:
    queryset = public_pages(ProgrammePhasePage, locale).select_related("locale")
    return tagged(queryset).prefetch_related(
        Prefetch(
            "phase_partners",
            queryset=PhasePartner.objects.order_by("sort_order"),
        )
    )


def partner_queryset(locale: Locale) -> QuerySet:
    queryset = public_pages(PartnerOrganisationPage, locale).select_related("country")
    return tagged(queryset).prefetch_related(Prefetch("logo", queryset=image_queryset()))


def contact_queryset(locale: Locale) -> QuerySet:
    return (
        public_pages(DonorContactPage, locale)
        .select_related("country")
        .prefetch_related("phones", "social_links")
    )


router = Router(tags=["programme"])


@router.get("/phases/", response=PhaseList, operation_id="phases_list", summary="Programme phases")
def list_phases(
    request: HttpRequest,
    locale: str | None = None,
    country: str | None = None,
    theme: str | None = None,
    status: ProgrammePhasePage.Status | None = None,
    limit: int = LIMIT,
    offset: int = OFFSET,
):
    def with_status(queryset: QuerySet, _locale: Locale) -> list:
        # status is derived from dates: filter in Python (few phases)
        return [phase for phase in queryset if not status or phase.status == status]

    return paginate(
        request,
        locale=locale,
        queryset=lambda language: phase_queryset(language).order_by("number", "pk"),
        filters={
            "country": ("country_items__tag__slug", country),
            "theme": ("theme_items__tag__slug", theme),
        },
        also_allowed={"status"},
        arrange=with_status,
        limit=limit,
        offset=offset,
    )


add_detail_route(
    router,
    "/phases/{page_id}/",
    ProgrammePhasePage,
    response=PAGE_SCHEMAS[ProgrammePhasePage],
    operation_id="phases_detail",
    summary="Programme phase",
    url_name="get_phase",
)


@router.get("/partners/", response=PartnerList, operation_id="partners_list", summary="Partners")
def list_partners(
    request: HttpRequest,
    locale: str | None = None,
    kind: PartnerOrganisationPage.Kind | None = None,
    country: str | None = None,
    theme: str | None = None,
    limit: int = LIMIT,
    offset: int = OFFSET,
):
    return paginate(
        request,
        locale=locale,
        queryset=lambda language: partner_queryset(language).order_by("title", "pk"),
        filters={
            "kind": ("kind", kind),
            "country": ("country__slug", country),
            "theme": ("theme_items__tag__slug", theme),
        },
        limit=limit,
        offset=offset,
    )


add_detail_route(
    router,
    "/partners/{page_id}/",
    PartnerOrganisationPage,
    response=PAGE_SCHEMAS[PartnerOrganisationPage],
    operation_id="partners_detail",
    summary="Partner organisation",
    url_name="get_partner",
)


@router.get("/contacts/", response=ContactList, operation_id="contacts_list", summary="Contacts")
def list_contacts(
    request: HttpRequest,
    locale: str | None = None,
    country: str | None = None,
    limit: int = LIMIT,
    offset: int = OFFSET,
):
    return paginate(
        request,
        locale=locale,
        queryset=lambda language: contact_queryset(language).order_by("title", "pk"),
        filters={"country": ("country__slug", country)},
        limit=limit,
        offset=offset,
    )


add_detail_route(
    router,
    "/contacts/{page_id}/",
    DonorContactPage,
    response=PAGE_SCHEMAS[DonorContactPage],
    operation_id="contacts_detail",
    summary="Donor contact",
    url_name="get_contact",
)
