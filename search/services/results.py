"""What a search hands back: plain dataclasses for the page template and the API, the hits
with highlighted titles and snippets, and the editors' picks (Wagtail's search promotions)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.safestring import SafeString
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page, Site
from wagtail.search.utils import normalise_query_string

from headless.memo import once_per_generation
from search.facets import Facet
from search.highlight import highlight, plain_text, query_terms, snippet
from search.services.scope import eligible_pages

logger = logging.getLogger(__package__)


@dataclass
class SearchHit:
    """One result: the specific page plus its highlighted title and snippet (safe HTML)."""

    page: Page
    title: SafeString
    snippet: SafeString
    url: str
    content_type: str


@dataclass
class Promotion:
    """An editor's pick for this query (Wagtail's search promotions)."""

    title: str
    url: str
    description: str
    page: Page | None = None


@dataclass
class SearchResults:
    query: str
    language: str
    results: list[SearchHit]
    total: int
    page: int
    per_page: int
    num_pages: int
    facets: dict[str, list[Facet]]
    filters: dict[str, list[str]] = field(default_factory=dict)
    promotions: list[Promotion] = field(default_factory=list)
    suggestion: str | None = None
    backend: str = "database"

    @property
    def has_facets(self) -> bool:
        """Whether any facet has a value to offer (a search that found nothing has none, and
        an empty "Refine" panel is noise)."""
        return any(self.facets.values())

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def first_index(self) -> int:
        """The rank of the first result on this page (for ``<ol start>``)."""
        return (self.page - 1) * self.per_page + 1

    @property
    def terms(self) -> list[str]:
        return query_terms(self.query)


def hits(pks: list[int], terms: list[str], locale: Locale, recheck: bool = True) -> list[SearchHit]:
    """The results ``pks`` (in that order) as hits, the pages no longer eligible left out.

    ``recheck``: whether the pks may name pages that are no longer eligible. Elasticsearch's
    may (it can lag behind an unpublish or a new view restriction); the database's were
    chosen among the eligible pages by the same request, and need no second look."""
    pages = (eligible_pages(locale) if recheck else Page.objects.all()).filter(pk__in=pks)
    pages = pages.specific()
    by_pk = {page.pk: page for page in pages}
    # Type names in the asked language, whatever the request's (the API has no prefix).
    with translation.override(locale.language_code):
        return _build_hits(pks, by_pk, terms, locale.language_code)


def _build_hits(
    pks: list[int], by_pk: dict[int, Page], terms: list[str], language: str
) -> list[SearchHit]:
    found = []
    # Wagtail reads the site root paths from the cache once per page whose URL it builds
    # unless the page carries them (its own cache object): one read for the whole list.
    root_paths = Site.get_site_root_paths()
    for pk in pks:
        page = by_pk.get(pk)
        if page is None:
            continue
        page._wagtail_cached_site_root_paths = root_paths
        found.append(
            SearchHit(
                page=page,
                title=highlight(page.title, terms, language),
                snippet=snippet(page_text(page), terms, language=language),
                url=page.get_url() or page.url_path,
                content_type=str(page._meta.verbose_name),
            )
        )
    return found


def page_text(page: Page) -> str:
    """The page's indexed text (its SearchFields but the title), for snippets."""
    parts = [getattr(page, "search_description", "") or ""]
    for search_field in page.get_searchable_search_fields():
        if search_field.field_name == "title":
            continue
        try:
            parts.append(plain_text(search_field.get_value(page)))
        except Exception:  # a broken field must not break the results page
            logger.exception("Cannot read %s.%s", type(page).__name__, search_field.field_name)
    # A summary often doubles as the search description: show such a text once.
    return " ".join(dict.fromkeys(part for part in parts if part))


def _read_picks() -> dict[str, list[SearchPromotion]]:
    picks: dict[str, list[SearchPromotion]] = {}
    rows = SearchPromotion.objects.select_related("query", "page").order_by("sort_order")
    for pick in rows:
        picks.setdefault(pick.query.query_string, []).append(pick)
    return picks


def _all_picks() -> dict[str, list[SearchPromotion]]:
    """Every editor's pick by query string, kept for the content generation (a pick saved
    or deleted moves the content clock: ``portal.webhooks.signals``); a search then asks
    the database for picks only when its query has some. A few hundred rows at most."""
    return once_per_generation("search-promotions", _read_picks)


def promotions(query: str, locale: Locale) -> list[Promotion]:
    """Editors' picks for this query, shown in the reader's language or not at all."""
    picks = _all_picks().get(normalise_query_string(query), [])
    if not picks:
        return []
    keys = [pick.page.translation_key for pick in picks if pick.page]
    localised = {
        page.translation_key: page
        for page in eligible_pages(locale).filter(translation_key__in=keys).specific()
    }
    out = []
    for pick in picks:
        if pick.page:
            page = localised.get(pick.page.translation_key)
            if page is not None:
                out.append(Promotion(page.title, page.get_url(), pick.description, page))
        elif pick.external_link_url:
            out.append(
                Promotion(
                    pick.external_link_text or pick.external_link_url,
                    pick.external_link_url,
                    pick.description,
                )
            )
    return out
