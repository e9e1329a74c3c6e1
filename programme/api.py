"""Headless API of the programme app: the shapes shared by every app's API (tags, images,
page references, StreamField) and routers for phases, partners, contacts and vocabularies.

Front ends must be able to build pages from the JSON alone, so everything a template shows is
serialised here with labels in the asked language and URLs already resolved. Query parameters
are checked strictly: a typo in a filter is a 400 naming the parameter, not a silent no-op.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Literal

from django.conf import settings
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.utils import translation
from ninja import Field, Query, Router, Schema
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.rich_text import expand_db_html

from programme.models import (
    ContactIndexPage,
    CountryTag,
    DonorContactPage,
    PartnerIndexPage,
    PartnerOrganisationPage,
    PhasePartner,
    ProgrammePage,
    ProgrammePhasePage,
    ThemeTag,
)

# --- Errors ---------------------------------------------------------------------------------


class BadParameter(Exception):
    """A query parameter a front end got wrong; answered as 400 naming the parameter."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.message = message


PAGINATION_PARAMS = frozenset({"limit", "offset"})
COMMON_PARAMS = frozenset({"locale", "site", "rich_text_format"})


def reject_unknown(request: HttpRequest, allowed: Iterable[str]) -> None:
    """Refuse parameters the endpoint does not know, so typos do not pass unnoticed."""
    allowed = set(allowed) | COMMON_PARAMS
    for name in request.GET:
        if name not in allowed:
            raise BadParameter(
                name, f"Unknown query parameter '{name}'. Allowed: {', '.join(sorted(allowed))}."
            )


def max_limit() -> int:
    return int(getattr(settings, "WAGTAILAPI_LIMIT_MAX", 100) or 100)


def check_limit(limit: int) -> None:
    if limit > max_limit():
        raise BadParameter("limit", f"limit cannot be higher than {max_limit()}.")


def resolve_locale(language: str | None, request: HttpRequest | None = None) -> Locale:
    """The asked locale (default: the site's default language); 400 for an unknown one."""
    code = language or settings.LANGUAGE_CODE
    known = {code for code, _ in settings.LANGUAGES}
    if code not in known:
        raise BadParameter("locale", f"Unknown locale '{code}'. Known: {', '.join(sorted(known))}.")
    try:
        return Locale.objects.get(language_code=code)
    except Locale.DoesNotExist:
        raise BadParameter("locale", f"Locale '{code}' is not enabled on this site.") from None


def locale_codes(request: HttpRequest) -> dict[int, str]:
    """{locale id: language code}, read once per request (a handful of rows)."""
    codes = getattr(request, "_api_locale_codes", None)
    if codes is None:
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        request._api_locale_codes = codes
    return codes


def public_pages(model: type[Page], locale: Locale | None = None) -> QuerySet:
    """Live, public, non-alias pages of ``model`` (in ``locale`` when given).

    Drafts, view-restricted subtrees and wagtail-localize alias pages (untranslated copies
    of the source tree) never reach a front end.
    """
    queryset = model.objects.live().filter(alias_of__isnull=True)
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    for restriction in PageViewRestriction.objects.select_related("page"):
        queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
    return queryset


def get_public_page(model: type[Page], page_id: int) -> Page:
    page = public_pages(model).filter(pk=page_id).first()
    if page is None:
        raise Http404(f"No published {model._meta.verbose_name} with id {page_id}.")
    return page


# --- Shared shapes --------------------------------------------------------------------------


class TagSchema(Schema):
    slug: str = Field(description="Stable identifier, the same in every locale.")
    label: str = Field(description="Label in the asked locale.")


class RenditionSchema(Schema):
    url: str
    width: int
    height: int


class RenditionedImageSchema(Schema):
    id: int
    title: str
    alt: str
    width: int
    height: int
    renditions: dict[str, RenditionSchema] = Field(
        description="Named renditions (see API_IMAGE_RENDITIONS): thumbnail, medium, large..."
    )


class DocumentRefSchema(Schema):
    id: int
    title: str
    url: str


class PageRefSchema(Schema):
    id: int
    title: str
    url: str | None = Field(description="Absolute URL of the page on the public site.")
    locale: str
    type: str


class StreamBlockSchema(Schema):
    type: str = Field(description="Block type: paragraph, heading, image, quote, fact_box...")
    id: str | None = None
    value: Any = Field(
        description="Block value: rendered HTML for rich text, objects for structured blocks, "
        "images with renditions, pages as references."
    )


class LinkSchema(Schema):
    label: str
    url: str


def page_language(page: Page, context: dict) -> str:
    """Labels of a page's tags are in the page's own language."""
    return locale_codes(context_request(context)).get(page.locale_id, settings.LANGUAGE_CODE)


def label_in_page_language(page: Page, context: dict, label) -> str:
    """A choice label (lazy: ``get_FOO_display()`` has already translated) in the page's own
    language: the API has no language prefix, so the request's language is the default one
    whatever the item's locale."""
    with translation.override(page_language(page, context)):
        return str(label)


def country_tag(tag: CountryTag, language: str) -> dict:
    return {"slug": tag.slug, "label": tag.label(language)}


def theme_tag(tag: ThemeTag, language: str) -> dict:
    return {"slug": tag.slug, "label": tag.label(language)}


def tags_of(items: Iterable, language: str) -> list[dict]:
    """Tags of a page from its prefetched through-items, sorted by slug."""
    tags = sorted((item.tag for item in items), key=lambda tag: tag.slug)
    return [{"slug": tag.slug, "label": tag.label(language)} for tag in tags]


def with_tags(queryset: QuerySet) -> QuerySet:
    """Prefetch the country and theme tags (with theme labels) a page type has."""
    from django.core.exceptions import FieldDoesNotExist

    model = queryset.model
    lookups = []
    for name in ("country_items", "theme_items"):
        try:
            through = model._meta.get_field(name).related_model
        except FieldDoesNotExist:
            continue
        items = through.objects.select_related("tag")
        if name == "theme_items":
            items = items.prefetch_related("tag__labels")
        lookups.append(Prefetch(name, queryset=items))
    return queryset.prefetch_related(*lookups)


def image_queryset():
    return get_image_model().objects.prefetch_renditions(*rendition_specs().values())


def rendition_specs() -> dict[str, str]:
    return getattr(settings, "API_IMAGE_RENDITIONS", {"original": "original"})


def image_data(image) -> dict | None:
    if image is None:
        return None
    specs = rendition_specs()
    renditions = image.get_renditions(*specs.values())
    return {
        "id": image.pk,
        "title": image.title,
        "alt": getattr(image, "description", "") or image.title,
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {
                "url": renditions[spec].url,
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in specs.items()
        },
    }


def document_data(document) -> dict | None:
    if document is None:
        return None
    return {"id": document.pk, "title": document.title, "url": document.url}


def page_ref(page: Page | None, request: HttpRequest) -> dict | None:
    if page is None:
        return None
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_full_url(request),
        "locale": locale_codes(request).get(page.locale_id, ""),
        "type": page.specific_class._meta.label if page.specific_class else "wagtailcore.Page",
    }


def rich_text_html(value: str | None) -> str:
    """Database HTML with links and embeds resolved, ready for a front end to insert."""
    return expand_db_html(value or "")


def block_value(block: blocks.Block, value: Any, request: HttpRequest) -> Any:
    """A block value as JSON: structure kept, rich text rendered, references resolved."""
    if value is None:
        return None
    if isinstance(block, blocks.RichTextBlock):
        return rich_text_html(value.source)
    if isinstance(block, ImageChooserBlock):
        return image_data(value)
    if isinstance(block, DocumentChooserBlock):
        return document_data(value)
    if isinstance(block, blocks.PageChooserBlock):
        page = value.specific if hasattr(value, "specific") else value
        return page_ref(page, request) if page.live else None
    if isinstance(block, EmbedBlock):
        return {"url": getattr(value, "url", str(value))}
    if isinstance(block, blocks.StructBlock):
        return {
            name: block_value(child, value.get(name), request)
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [block_value(block.child_block, item, request) for item in value]
    if isinstance(block, blocks.StreamBlock):
        return stream_data(value, request)
    return block.get_api_representation(value, {"request": request})


def stream_data(stream, request: HttpRequest) -> list[dict]:
    return [
        {
            "type": child.block_type,
            "id": child.id,
            "value": block_value(child.block, child.value, request),
        }
        for child in stream or []
    ]


def context_request(context: dict) -> HttpRequest:
    return context["request"]


# --- Page read schemas ------------------------------------------------------------------------
# Used by our routers and registered with Wagtail's API registry, so /api/v3/pages/{id}/
# returns the same typed shape.


class PageInfoSchema(Schema):
    type: str
    locale: str
    slug: str
    url: str | None
    html_url: str | None = None
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None
    seo_title: str
    search_description: str
    show_in_menus: bool
    parent: PageRefSchema | None = None

    @staticmethod
    def resolve_type(obj: Page) -> str:
        return obj.specific_class._meta.label

    @staticmethod
    def resolve_locale(obj: Page, context: dict) -> str:
        return locale_codes(context_request(context)).get(obj.locale_id, "")

    @staticmethod
    def resolve_url(obj: Page, context: dict) -> str | None:
        return obj.get_full_url(context_request(context))

    @staticmethod
    def resolve_html_url(obj: Page, context: dict) -> str | None:
        return obj.get_full_url(context_request(context))

    @staticmethod
    def resolve_parent(obj: Page, context: dict) -> dict | None:
        if not context.get("with_parent", True):
            return None
        parent = obj.get_parent()
        if parent is None or parent.depth <= 1:
            return None
        return page_ref(parent.specific, context_request(context))


class BasePageDetail(Schema):
    id: int
    title: str
    meta: PageInfoSchema

    @staticmethod
    def resolve_meta(obj: Page) -> Page:
        return obj


class ProgrammePageDetail(BasePageDetail):
    acronym: str
    summary: str
    start_year: int | None
    body: list[StreamBlockSchema]
    phases: list[PageRefSchema]

    @staticmethod
    def resolve_body(obj: ProgrammePage, context: dict) -> list[dict]:
        return stream_data(obj.body, context_request(context))

    @staticmethod
    def resolve_phases(obj: ProgrammePage, context: dict) -> list[dict]:
        request = context_request(context)
        phases = public_pages(ProgrammePhasePage).child_of(obj).order_by("number")
        return [page_ref(phase, request) for phase in phases]


class PhasePartnerSchema(Schema):
    role: str
    role_label: str
    partner: PageRefSchema


class ProgrammePhaseSummarySchema(Schema):
    id: int
    title: str
    url: str | None
    locale: str
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

    @staticmethod
    def resolve_url(obj: Page, context: dict) -> str | None:
        return obj.get_full_url(context_request(context))

    @staticmethod
    def resolve_locale(obj: Page, context: dict) -> str:
        return locale_codes(context_request(context)).get(obj.locale_id, "")

    @staticmethod
    def resolve_countries(obj: ProgrammePhasePage, context: dict) -> list[dict]:
        return tags_of(obj.country_items.all(), page_language(obj, context))

    @staticmethod
    def resolve_themes(obj: ProgrammePhasePage, context: dict) -> list[dict]:
        return tags_of(obj.theme_items.all(), page_language(obj, context))

    @staticmethod
    def resolve_partners(obj: ProgrammePhasePage, context: dict) -> list[dict]:
        request = context_request(context)
        return [
            {
                "role": item.role,
                "role_label": label_in_page_language(
                    obj, context, PhasePartner.Role(item.role).label
                ),
                "partner": page_ref(item.partner, request),
            }
            for item in obj.phase_partners.all()
            if item.partner.live and item.partner.alias_of_id is None
        ]


class ProgrammePhasePageDetail(BasePageDetail, ProgrammePhaseSummarySchema):
    objectives: list[StreamBlockSchema]
    results: list[StreamBlockSchema]

    @staticmethod
    def resolve_objectives(obj: ProgrammePhasePage, context: dict) -> list[dict]:
        return stream_data(obj.objectives, context_request(context))

    @staticmethod
    def resolve_results(obj: ProgrammePhasePage, context: dict) -> list[dict]:
        return stream_data(obj.results, context_request(context))


class PartnerSummarySchema(Schema):
    id: int
    title: str
    url: str | None
    locale: str
    acronym: str
    kind: str
    kind_label: str
    country: TagSchema | None
    website: str
    logo: RenditionedImageSchema | None
    themes: list[TagSchema]

    @staticmethod
    def resolve_url(obj: Page, context: dict) -> str | None:
        return obj.get_full_url(context_request(context))

    @staticmethod
    def resolve_locale(obj: Page, context: dict) -> str:
        return locale_codes(context_request(context)).get(obj.locale_id, "")

    @staticmethod
    def resolve_kind_label(obj: PartnerOrganisationPage, context: dict) -> str:
        return label_in_page_language(obj, context, PartnerOrganisationPage.Kind(obj.kind).label)

    @staticmethod
    def resolve_country(obj: PartnerOrganisationPage, context: dict) -> dict | None:
        if obj.country is None:
            return None
        return country_tag(obj.country, page_language(obj, context))

    @staticmethod
    def resolve_logo(obj: PartnerOrganisationPage) -> dict | None:
        return image_data(obj.logo)

    @staticmethod
    def resolve_themes(obj: PartnerOrganisationPage, context: dict) -> list[dict]:
        return tags_of(obj.theme_items.all(), page_language(obj, context))


class PartnerOrganisationPageDetail(BasePageDetail, PartnerSummarySchema):
    description: str

    @staticmethod
    def resolve_description(obj: PartnerOrganisationPage) -> str:
        return rich_text_html(obj.description)


class PhoneSchema(Schema):
    label: str
    number: str


class SocialLinkSchema(Schema):
    network: str
    url: str


class ContactSummarySchema(Schema):
    id: int
    title: str
    url: str | None
    locale: str
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

    @staticmethod
    def resolve_url(obj: Page, context: dict) -> str | None:
        return obj.get_full_url(context_request(context))

    @staticmethod
    def resolve_locale(obj: Page, context: dict) -> str:
        return locale_codes(context_request(context)).get(obj.locale_id, "")

    @staticmethod
    def resolve_organisation(obj: DonorContactPage, context: dict) -> dict | None:
        organisation = obj.organisation
        if organisation is None or not organisation.live:
            return None
        return page_ref(organisation, context_request(context))

    @staticmethod
    def resolve_country(obj: DonorContactPage, context: dict) -> dict | None:
        if obj.country is None:
            return None
        return country_tag(obj.country, page_language(obj, context))

    @staticmethod
    def resolve_phones(obj: DonorContactPage) -> list[dict]:
        return [{"label": p.label, "number": p.number} for p in obj.phones.all()]

    @staticmethod
    def resolve_social_links(obj: DonorContactPage) -> list[dict]:
        return [{"network": s.network, "url": s.url} for s in obj.social_links.all()]


class DonorContactPageDetail(BasePageDetail, ContactSummarySchema):
    pass


class IndexPageDetail(BasePageDetail):
    intro: str

    @staticmethod
    def resolve_intro(obj: Page) -> str:
        return rich_text_html(obj.intro)


class PartnerIndexPageDetail(IndexPageDetail):
    pass


class ContactIndexPageDetail(IndexPageDetail):
    pass


def page_schema(model: type[Page], schema: type[Schema]) -> type[Schema]:
    """``schema`` with ``meta.type`` narrowed to the model's label, so each page type's
    schema is distinguishable in the OpenAPI union of page types (as Wagtail's own are)."""
    name = model._meta.object_name
    meta = type(PageInfoSchema)(
        f"{name}Info",
        (PageInfoSchema,),
        {"__annotations__": {"type": Literal[model._meta.label]}},
    )
    return type(schema)(f"{name}Read", (schema,), {"__annotations__": {"meta": meta}})


#: model -> read schema; portal.api registers them with Wagtail's API registry.
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


# --- Listing helpers -----------------------------------------------------------------------


def list_envelope(items: Iterable, count: int, limit: int, offset: int) -> dict:
    return {"count": count, "limit": limit, "offset": offset, "items": list(items)}


class PhaseList(Schema):
    count: int
    limit: int
    offset: int
    items: list[ProgrammePhaseSummarySchema]


class PartnerList(Schema):
    count: int
    limit: int
    offset: int
    items: list[PartnerSummarySchema]


class ContactList(Schema):
    count: int
    limit: int
    offset: int
    items: list[ContactSummarySchema]


def phase_queryset(locale: Locale) -> QuerySet:
    queryset = public_pages(ProgrammePhasePage, locale).select_related("locale")
    return with_tags(queryset).prefetch_related(
        Prefetch(
            "phase_partners",
            queryset=PhasePartner.objects.select_related("partner").order_by("sort_order"),
        )
    )


def partner_queryset(locale: Locale) -> QuerySet:
    queryset = public_pages(PartnerOrganisationPage, locale).select_related("country")
    return with_tags(queryset).prefetch_related(Prefetch("logo", queryset=image_queryset()))


def contact_queryset(locale: Locale) -> QuerySet:
    return (
        public_pages(DonorContactPage, locale)
        .select_related("country", "organisation")
        .prefetch_related("phones", "social_links")
    )


LIMIT = Query(20, ge=1, description="Page size (at most WAGTAILAPI_LIMIT_MAX, 100 by default).")
OFFSET = Query(0, ge=0)

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
    reject_unknown(request, {"country", "theme", "status"} | PAGINATION_PARAMS)
    check_limit(limit)
    queryset = phase_queryset(resolve_locale(locale)).order_by("number", "pk")
    if country:
        queryset = queryset.filter(country_items__tag__slug=country)
    if theme:
        queryset = queryset.filter(theme_items__tag__slug=theme)
    items = list(queryset)  # status is derived from dates: filter in Python (few phases)
    if status:
        items = [phase for phase in items if phase.status == status]
    return list_envelope(items[offset : offset + limit], len(items), limit, offset)


@router.get(
    "/phases/{page_id}/",
    response=PAGE_SCHEMAS[ProgrammePhasePage],
    operation_id="phases_detail",
    summary="Programme phase",
)
def get_phase(request: HttpRequest, page_id: int):
    reject_unknown(request, set())
    phase = get_public_page(ProgrammePhasePage, page_id)
    return phase


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
    reject_unknown(request, {"kind", "country", "theme"} | PAGINATION_PARAMS)
    check_limit(limit)
    queryset = partner_queryset(resolve_locale(locale))
    if kind:
        queryset = queryset.filter(kind=kind)
    if country:
        queryset = queryset.filter(country__slug=country)
    if theme:
        queryset = queryset.filter(theme_items__tag__slug=theme)
    queryset = queryset.order_by("title", "pk")
    return list_envelope(queryset[offset : offset + limit], queryset.count(), limit, offset)


@router.get(
    "/partners/{page_id}/",
    response=PAGE_SCHEMAS[PartnerOrganisationPage],
    operation_id="partners_detail",
    summary="Partner organisation",
)
def get_partner(request: HttpRequest, page_id: int):
    reject_unknown(request, set())
    return get_public_page(PartnerOrganisationPage, page_id)


@router.get("/contacts/", response=ContactList, operation_id="contacts_list", summary="Contacts")
def list_contacts(
    request: HttpRequest,
    locale: str | None = None,
    country: str | None = None,
    limit: int = LIMIT,
    offset: int = OFFSET,
):
    reject_unknown(request, {"country"} | PAGINATION_PARAMS)
    check_limit(limit)
    queryset = contact_queryset(resolve_locale(locale))
    if country:
        queryset = queryset.filter(country__slug=country)
    queryset = queryset.order_by("title", "pk")
    return list_envelope(queryset[offset : offset + limit], queryset.count(), limit, offset)


@router.get(
    "/contacts/{page_id}/",
    response=PAGE_SCHEMAS[DonorContactPage],
    operation_id="contacts_detail",
    summary="Donor contact",
)
def get_contact(request: HttpRequest, page_id: int):
    reject_unknown(request, set())
    return get_public_page(DonorContactPage, page_id)


# --- Vocabularies ---------------------------------------------------------------------------


class VocabularyTermSchema(Schema):
    slug: str
    label: str
    news: int = Field(description="Published news items in the asked locale.")
    phases: int = Field(description="Published programme phases in the asked locale.")
    partners: int = Field(description="Published partner organisations in the asked locale.")


#: Models whose published pages are counted per term: {count name: (model, items relation)}.
#: Other apps add theirs (newsroom adds "news") through register_counted.
COUNTED: dict[str, tuple[str, str]] = {}


def register_counted(name: str, model_label: str) -> None:
    COUNTED[name] = (model_label, name)


def _counts(relation_by_name: dict[str, str], locale: Locale) -> dict:
    """{count name: {slug: count}} with one grouped query per counted model."""
    from django.apps import apps

    results: dict[str, dict[str, int]] = {}
    for name, (model_label, through_attr) in relation_by_name.items():
        model = apps.get_model(model_label)
        pages = public_pages(model, locale).order_by()  # no ordering column in GROUP BY
        if through_attr == "country":  # partners: a plain foreign key
            rows = pages.exclude(country=None).values("country__slug").annotate(n=Count("pk"))
            results[name] = {row["country__slug"]: row["n"] for row in rows}
            continue
        rows = (
            pages.filter(**{f"{through_attr}__isnull": False})
            .values(f"{through_attr}__tag__slug")
            .annotate(n=Count("pk", distinct=True))
        )
        results[name] = {row[f"{through_attr}__tag__slug"]: row["n"] for row in rows}
    return results


def vocabulary_counts(kind: str, locale: Locale) -> dict[str, dict[str, int]]:
    relations = {"phases": ("programme.ProgrammePhasePage", f"{kind}_items")}
    if kind == "country":
        relations["partners"] = ("programme.PartnerOrganisationPage", "country")
    else:
        relations["partners"] = ("programme.PartnerOrganisationPage", "theme_items")
    for name, (model_label, _unused) in COUNTED.items():
        relations[name] = (model_label, f"{kind}_items")
    return _counts(relations, locale)


def vocabulary(kind: str, locale: Locale, request: HttpRequest) -> list[dict]:
    language = locale.language_code
    counts = vocabulary_counts(kind, locale)
    if kind == "country":
        tags = CountryTag.objects.all()
    else:
        tags = ThemeTag.objects.prefetch_related("labels")
    return [
        {
            "slug": tag.slug,
            "label": tag.label(language),
            "news": counts.get("news", {}).get(tag.slug, 0),
            "phases": counts["phases"].get(tag.slug, 0),
            "partners": counts["partners"].get(tag.slug, 0),
        }
        for tag in tags.order_by("slug")
    ]


@router.get(
    "/vocabularies/countries/",
    response=list[VocabularyTermSchema],
    operation_id="vocabularies_countries",
    summary="Countries with labels and counts",
    tags=["vocabularies"],
)
def list_countries(request: HttpRequest, locale: str | None = None):
    reject_unknown(request, set())
    return vocabulary("country", resolve_locale(locale), request)


@router.get(
    "/vocabularies/themes/",
    response=list[VocabularyTermSchema],
    operation_id="vocabularies_themes",
    summary="Themes with labels and counts",
    tags=["vocabularies"],
)
def list_themes(request: HttpRequest, locale: str | None = None):
    reject_unknown(request, set())
    return vocabulary("theme", resolve_locale(locale), request)
