"""Headless API of the newsroom: the filtered news listing front ends build their newsroom
pages from, and the typed shape of a news item (also served by /api/v3/pages/{id}/).

The listing runs a fixed number of SQL queries whatever the page size: everything an item
shows is fetched with select_related/prefetch_related, never per item, and the pages it
refers to (phase, partners, media contact) are resolved for the whole page in one query, in
each item's language and only while publicly visible (``headless.related``).
"""

from __future__ import annotations

import datetime
from typing import Literal

from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from headless.context import context_request
from headless.endpoints import add_detail_route
from headless.errors import BadParameter
from headless.keyset import Keyset
from headless.messages import NEEDS_SEARCH, NOT_BEFORE, message
from headless.pagination import ListSchema, paginate
from headless.params import LIMIT, OFFSET, parse_ids
from headless.prevalidated import list_response
from headless.related import localised, referenced_ids, register, share_related
from headless.resolvers import choice_label, image_field, related_page, stream_field
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
from headless.serialisers import image_queryset, page_ref, rich_text_html
from headless.visibility import public_pages
from newsroom.models import NewsCountry, NewsIndexPage, NewsPage, NewsTheme
from programme.api.schemas import ContactSummarySchema
from programme.api.tags import countries_of, themes_of
from programme.api.vocabularies import register_counted
from programme.models import Boilerplate, CountryTag, DonorContactPage, ThemeTag
from programme.models.vocabularies import tag_ids

register_counted("news", "newsroom.NewsPage")

#: How many search hits the listing considers when ``search`` is combined with filters.
SEARCH_HIT_LIMIT = 1000

#: The date orders a cursor can follow (``headless.keyset``): newest first (the default)
#: and oldest first, ties broken by id, undated items first newest-first.
KEYSETS = {
    "-publication_date": Keyset("publication_date", descending=True),
    "publication_date": Keyset("publication_date", descending=False),
}
ORDERINGS = {
    "-publication_date": KEYSETS["-publication_date"].order(),
    "publication_date": KEYSETS["publication_date"].order(),
    "title": ("title", "pk"),
    "-title": ("-title", "-pk"),
}


class BoilerplateSchema(Schema):
    kind: str
    title: str
    html: str


def boilerplate_data(boilerplate: Boilerplate | None, locale_id: int | None) -> dict | None:
    """The boilerplate in the page's locale when translated, else the source text."""
    if boilerplate is None:
        return None
    if locale_id is not None and boilerplate.locale_id != locale_id:
        translated = Boilerplate.objects.filter(
            translation_key=boilerplate.translation_key, locale_id=locale_id
        ).first()
        boilerplate = translated or boilerplate
    return {
        "kind": boilerplate.kind,
        "title": boilerplate.title,
        "html": rich_text_html(boilerplate.text),
    }


class NewsSummarySchema(PageSummarySchema):
    kind: str
    kind_label: str
    publication_date: datetime.datetime | None
    dateline_place: str
    standfirst: str
    hero_image: RenditionedImageSchema | None
    countries: list[TagSchema]
    themes: list[TagSchema]
    related_phase: PageRefSchema | None
    related_partners: list[PageRefSchema]

    resolve_kind_label = choice_label(NewsPage.Kind)
    resolve_hero_image = image_field("hero_image", alt="hero_alt_text")
    resolve_countries = staticmethod(countries_of)
    resolve_themes = staticmethod(themes_of)
    resolve_related_phase = related_page("related_phase")

    @staticmethod
    def resolve_related_partners(obj: NewsPage, context: dict) -> list[dict]:
        request = context_request(context)
        shown = [localised(obj, pk) for pk in partner_ids(obj)]
        unique = {page.pk: page for page in shown if page is not None}
        return [page_ref(page, request) for page in unique.values()]


class NewsPageDetail(BasePageDetail, NewsSummarySchema):
    hero_caption: str
    hero_credit: str
    body: list[StreamBlockSchema]
    event_start: datetime.datetime | None
    event_end: datetime.datetime | None
    event_venue: str
    media_contact: ContactSummarySchema | None
    about_programme: BoilerplateSchema | None = Field(
        description="The article's own boilerplate, else the site-wide default."
    )
    donor_boilerplate: BoilerplateSchema | None

    resolve_body = stream_field("body")

    @staticmethod
    def resolve_media_contact(obj: NewsPage) -> object | None:
        page = localised(obj, obj.media_contact_id)
        if page is None:
            return None
        if page.pk == obj.media_contact_id and NewsPage.media_contact.is_cached(obj):
            contact = obj.media_contact  # joined with the item (``api_detail_queryset``)
        else:  # its translation in the item's language
            contact = DonorContactPage.objects.select_related("country", "organisation").get(
                pk=page.pk
            )
        # The organisation was resolved with the item's own references when it could be.
        share_related(obj, contact)
        contact.attach_lines()  # phones and social links in one query
        return contact

    @staticmethod
    def resolve_about_programme(obj: NewsPage, context: dict) -> dict | None:
        return boilerplate_data(
            obj.about_programme or _site_default(context, "about_programme"), obj.locale_id
        )

    @staticmethod
    def resolve_donor_boilerplate(obj: NewsPage, context: dict) -> dict | None:
        return boilerplate_data(
            obj.donor_boilerplate or _site_default(context, "donor_boilerplate"), obj.locale_id
        )


def _site_default(context: dict, name: str) -> Boilerplate | None:
    """The site-wide default boilerplate, if the host project provides site settings."""
    getter = SITE_DEFAULTS.get("getter")
    return getter(context_request(context), name) if getter else None


#: The host project plugs its site settings in here (newsroom does not import portal).
SITE_DEFAULTS: dict = {}


def partner_ids(page: NewsPage) -> list[int]:
    """The ids of the item's partners, read once per item (prefetched by the listing; one
    query on a detail route, shared by the related-page resolution and the resolver)."""
    ids = getattr(page, "_partner_ids", None)
    if ids is None:
        ids = page._partner_ids = [partner.pk for partner in page.related_partners.all()]
    return ids


def related_ids(page: NewsPage) -> list[int | None]:
    """The pages an item refers to: its phase, contact and partners, and its contact's
    organisation when the contact was read with the item (a detail route), so that the
    contact's reference is resolved in the same query as the item's."""
    ids = [page.related_phase_id, page.media_contact_id, *partner_ids(page)]
    if NewsPage.media_contact.is_cached(page) and page.media_contact is not None:
        ids.append(page.media_contact.organisation_id)
    return ids


register(NewsPage, related_ids)


class NewsIndexPageDetail(IndexPageDetail):
    pass


PAGE_SCHEMAS = {
    NewsPage: page_schema(NewsPage, NewsPageDetail),
    NewsIndexPage: page_schema(NewsIndexPage, NewsIndexPageDetail),
}


class NewsList(ListSchema):
    count: int | None = Field(
        description="Total number of items matching the filters; null on a page asked for "
        "by cursor (no count is made)."
    )
    offset: int | None = Field(description="Items skipped; null on a page asked for by cursor.")
    next_cursor: str | None = Field(
        None,
        description="Pass as `cursor` for the next page in the same order (date orderings "
        "only); null on the last page.",
    )
    items: list[NewsSummarySchema]


#: The columns a list item shows (``NewsSummarySchema``) or refers by (``related_ids``,
#: the cursor): the body, the event and the rest of a page's row are left in the database
#: (reading and parsing them was a good part of a listing's time).
LIST_FIELDS = (
    "title",
    "url_path",
    "locale",
    "kind",
    "publication_date",
    "dateline_place",
    "standfirst",
    "hero_image",
    "hero_alt",
    "hero_decorative",
    "related_phase",
    "media_contact",
)


def news_queryset(locale: Locale) -> QuerySet:
    """Published news of a locale with everything a list item shows, prefetched."""
    queryset = public_pages(NewsPage, locale).only(*LIST_FIELDS)
    queryset._with_tags = True  # NewsPageQuerySet: countries and themes in ONE query
    return queryset.prefetch_related(Prefetch("hero_image", queryset=image_queryset()))


def attach_partner_ids(pages: list) -> None:
    """The partners' ids of every item of a list page, in one query, where ``partner_ids``
    finds them: ids only (the partners shown are resolved in the item's language by
    ``headless.related``), in the partners' tree order, as a prefetch of the partners gives
    them, without making a page object of each partner."""
    found = referenced_ids(NewsPage._meta.get_field("related_partners"), [p.pk for p in pages])
    for page in pages:
        page._partner_ids = found[page.pk]


def same_pages(ids: list[int]) -> QuerySet:
    """The translation keys of the pages ``ids``: a filter on them matches a reference to any
    translation of those pages (the API shows a related page in the item's language, so a
    client filters by the id it was shown, while the stored reference may be the source)."""
    return Page.objects.filter(pk__in=ids).values("translation_key")


def ordered(queryset: QuerySet, locale: Locale, search: str | None, ordering: str | None):
    """Newest first by default; with ``search``, only the hits, by relevance unless another
    ordering is asked."""
    if not search:
        return queryset.order_by(*ORDERINGS[ordering or "-publication_date"])
    backend = get_search_backend()
    if hasattr(backend, "for_language"):  # word forms in the item's language (docs/search.md)
        backend = backend.for_language(locale.language_code)
    hits = backend.search(search, NewsPage.objects.live().filter(locale=locale))[:SEARCH_HIT_LIMIT]
    ranked = [hit.pk for hit in hits]
    queryset = queryset.filter(pk__in=ranked)
    if ordering not in (None, "relevance"):
        return queryset.order_by(*ORDERINGS[ordering])
    rank = Case(
        *[When(pk=pk, then=Value(i)) for i, pk in enumerate(ranked)],
        output_field=IntegerField(),
    )
    return queryset.annotate(rank=rank).order_by("rank")


router = Router(tags=["news"])

LOCALE_PARAM = Query(None, description="Language code; default: the site's default.")
COUNTRY_PARAM = Query([], description="Country slugs (kz, kg...); repeat for OR.")
THEME_PARAM = Query([], description="Theme slugs; repeat for OR.")
KIND_PARAM = Query([], description="Kinds; repeat for OR.")
PHASE_PARAM = Query([], description="Programme phase page ids; a phase matches in every language.")
PARTNER_PARAM = Query(
    [], description="Partner organisation page ids; a partner matches in every language."
)
DATE_FROM_PARAM = Query(None, description="Published on or after (ISO).")
DATE_TO_PARAM = Query(None, description="Published on or before (ISO).")
SEARCH_PARAM = Query(None, description="Full-text search.")
ORDERING_PARAM = Query(None, description="Default: newest first (relevance when searching).")
CURSOR_PARAM = Query(
    None,
    description="The `next_cursor` of a previous page: the items after it, without an offset "
    "or a count (date orderings only; not with `offset` or `search`).",
)


@router.get("/news/", response=NewsList, operation_id="news_list", summary="News listing")
def list_news(
    request: HttpRequest,
    locale: str | None = LOCALE_PARAM,
    country: list[str] = COUNTRY_PARAM,
    theme: list[str] = THEME_PARAM,
    kind: list[NewsPage.Kind] = KIND_PARAM,
    phase: list[str] = PHASE_PARAM,
    partner: list[str] = PARTNER_PARAM,
    date_from: datetime.date | None = DATE_FROM_PARAM,
    date_to: datetime.date | None = DATE_TO_PARAM,
    search: str | None = SEARCH_PARAM,
    ordering: Literal["-publication_date", "publication_date", "title", "-title", "relevance"]
    | None = ORDERING_PARAM,
    limit: int = LIMIT,
    offset: int = OFFSET,
    cursor: str | None = CURSOR_PARAM,
):
    def check() -> None:
        if date_from and date_to and date_to < date_from:
            raise BadParameter(
                "date_to", message(NOT_BEFORE, {"later": "date_to", "earlier": "date_from"})
            )
        if ordering == "relevance" and not search:
            raise BadParameter("ordering", NEEDS_SEARCH)

    def arrange(queryset: QuerySet, language: Locale) -> QuerySet:
        # Tag and partner filters as subqueries on the through tables (their indexes): no
        # join that repeats items, so no DISTINCT that would sort every match.
        # Tags by id, from the request's copy of the vocabularies: no join to the tag tables.
        if country:
            tagged_with = NewsCountry.objects.filter(tag_id__in=tag_ids(CountryTag, country))
            queryset = queryset.filter(pk__in=tagged_with.values("content_object_id"))
        if theme:
            tagged_with = NewsTheme.objects.filter(tag_id__in=tag_ids(ThemeTag, theme))
            queryset = queryset.filter(pk__in=tagged_with.values("content_object_id"))
        if phase:
            keys = same_pages(parse_ids("phase", phase))
            queryset = queryset.filter(related_phase__translation_key__in=keys)
        if partner:
            citing = NewsPage.related_partners.through.objects.filter(
                partnerorganisationpage__translation_key__in=same_pages(
                    parse_ids("partner", partner)
                )
            )
            queryset = queryset.filter(pk__in=citing.values("newspage_id"))
        return ordered(queryset, language, search, ordering)

    envelope = paginate(
        request,
        locale=locale,
        queryset=news_queryset,
        filters={
            "kind": ("kind__in", kind),
            "date_from": ("publication_date__date__gte", date_from),
            "date_to": ("publication_date__date__lte", date_to),
        },
        also_allowed={"country", "theme", "phase", "partner", "search", "ordering", "cursor"},
        check=check,
        arrange=arrange,
        limit=limit,
        offset=offset,
        keyset=None if search else KEYSETS.get(ordering or "-publication_date"),
        cursor=cursor,
        prepare=attach_partner_ids,
        count_by_parameters=not search,  # search hits come from the index, not the content
    )
    # The items' fields are plain data already: rendered without ninja's validation pass.
    return list_response(request, NewsList, envelope)


add_detail_route(
    router,
    "/news/{page_id}/",
    NewsPage,
    response=PAGE_SCHEMAS[NewsPage],
    operation_id="news_detail",
    summary="News item",
    url_name="get_news",
)
