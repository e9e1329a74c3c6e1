"""Typed shapes of the programme's pages: the listing items (phases, partners, contacts), the
page details served by our routers and by /api/v3/pages/{id}/ (``PAGE_SCHEMAS``, registered
with Wagtail's API registry by the host), and the listing envelopes.

Labels come in each page's own language; related pages in it too when translated, and only
while publicly visible (``headless.related``: the page types register what they refer to).
Schemas have no docstrings: pydantic would publish them in the OpenAPI document.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from ninja import Schema
from wagtail.models import Page

from headless.context import context_request
from headless.locales import label_in_page_language
from headless.pagination import ListSchema
from headless.related import localised, register
from headless.resolvers import (
    choice_label,
    image_field,
    related_page,
    rich_text_field,
    stream_field,
)
from headless.schemas import (
    BasePageDetail,
    IndexPageDetail,
    PageRefSchema,
    PageSummarySchema,
    RenditionedImageSchema,
    StreamBlockSchema,
    TagSchema,
    page_schema,
)
from headless.serialisers import page_ref
from headless.visibility import public_pages
from programme.api.tags import countries_of, country_of, themes_of
from programme.models import (
    ContactIndexPage,
    DonorContactPage,
    PartnerIndexPage,
    PartnerOrganisationPage,
    PhasePartner,
    ProgrammePage,
    ProgrammePhasePage,
)

# --- Programme and phases --------------------------------------------------------------------


class ProgrammePageDetail(BasePageDetail):
    acronym: str
    summary: str
    start_year: int | None
    body: list[StreamBlockSchema]
    phases: list[PageRefSchema]

    resolve_body = stream_field("body")

    @staticmethod
    def resolve_phases(obj: ProgrammePage, context: dict) -> list[dict]:
        request = context_request(context)
        phases = public_pages(ProgrammePhasePage).child_of(obj).order_by("number")
        return [page_ref(phase, request) for phase in phases]


class PhasePartnerSchema(Schema):
    role: str
    role_label: str
    partner: PageRefSchema


class ProgrammePhaseSummarySchema(PageSummarySchema):
    number: int
    start_date: datetime.date
    end_date: datetime.date | None
    status: str
    budget_amount: Decimal | None
    budget_currency: str
    summary: str
    countries: list[TagSchema]
    themes: list[TagSchema]
    partners: list[PhasePartnerSchema]

    resolve_countries = staticmethod(countries_of)
    resolve_themes = staticmethod(themes_of)

    @staticmethod
    def resolve_partners(obj: ProgrammePhasePage, context: dict) -> list[dict]:
        request = context_request(context)
        shown = [(item, localised(obj, item.partner_id)) for item in phase_partners(obj)]
        return [
            {
                "role": item.role,
                "role_label": label_in_page_language(
                    obj, context, PhasePartner.Role(item.role).label
                ),
                "partner": page_ref(partner, request),
            }
            for item, partner in shown
            if partner is not None
        ]


class ProgrammePhasePageDetail(BasePageDetail, ProgrammePhaseSummarySchema):
    objectives: list[StreamBlockSchema]
    results: list[StreamBlockSchema]

    resolve_objectives = stream_field("objectives")
    resolve_results = stream_field("results")


# --- Partners ---------------------------------------------------------------------------------


class PartnerSummarySchema(PageSummarySchema):
    acronym: str
    kind: str
    kind_label: str
    country: TagSchema | None
    website: str
    logo: RenditionedImageSchema | None
    themes: list[TagSchema]

    resolve_kind_label = choice_label(PartnerOrganisationPage.Kind)
    resolve_country = staticmethod(country_of)
    resolve_logo = image_field("logo")
    resolve_themes = staticmethod(themes_of)


class PartnerOrganisationPageDetail(BasePageDetail, PartnerSummarySchema):
    description: str

    resolve_description = rich_text_field("description")


# --- Contacts ---------------------------------------------------------------------------------


class PhoneSchema(Schema):
    label: str
    number: str


class SocialLinkSchema(Schema):
    network: str
    url: str


class ContactSummarySchema(PageSummarySchema):
    office_name: str
    organisation: PageRefSchema | None
    street_address: str
    locality: str
    postal_code: str
    region: str
    country: TagSchema | None
    email: str
    website: str
    phones: list[PhoneSchema]
    social_links: list[SocialLinkSchema]

    resolve_organisation = related_page("organisation")
    resolve_country = staticmethod(country_of)

    @staticmethod
    def resolve_phones(obj: DonorContactPage) -> list[dict]:
        return [{"label": p.label, "number": p.number} for p in obj.phones.all()]

    @staticmethod
    def resolve_social_links(obj: DonorContactPage) -> list[dict]:
        return [{"network": s.network, "url": s.url} for s in obj.social_links.all()]


class DonorContactPageDetail(BasePageDetail, ContactSummarySchema):
    pass


# --- What each page type refers to (resolved in the item's language, see headless.related)


def phase_partners(page: ProgrammePhasePage) -> list[PhasePartner]:
    """The phase's partner rows, read once per phase (prefetched by the listing; one query
    on a detail route, shared by the related-page resolution and the resolver)."""
    rows = getattr(page, "_phase_partner_rows", None)
    if rows is None:
        rows = page._phase_partner_rows = list(page.phase_partners.all())
    return rows


register(ProgrammePhasePage, lambda page: [item.partner_id for item in phase_partners(page)])
register(DonorContactPage, lambda page: [page.organisation_id])


# --- Index pages, registry, listings ----------------------------------------------------------


class PartnerIndexPageDetail(IndexPageDetail):
    pass


class ContactIndexPageDetail(IndexPageDetail):
    pass


#: model -> read schema; the host registers them with Wagtail's API registry.
PAGE_SCHEMAS: dict[type[Page], type[Schema]] = {
    model: page_schema(model, schema)
    for model, schema in [
        (ProgrammePage, ProgrammePageDetail),
        (ProgrammePhasePage, ProgrammePhasePageDetail),
        (PartnerIndexPage, PartnerIndexPageDetail),
        (PartnerOrganisationPage, PartnerOrganisationPageDetail),
        (ContactIndexPage, ContactIndexPageDetail),
        (DonorContactPage, DonorContactPageDetail),
    ]
}


class PhaseList(ListSchema):
    items: list[ProgrammePhaseSummarySchema]


class PartnerList(ListSchema):
    items: list[PartnerSummarySchema]


class ContactList(ListSchema):
    items: list[ContactSummarySchema]
