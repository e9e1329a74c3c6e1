"""What the home page shows besides its own fields: the lead story, the latest news, the
programme at a glance, themes, partners' logos, the countries with their news counts (drawn
as a map by ``portal.country_map``) and the feeds. Everything is read from the plugins' pages
in the home page's language, through the one visibility rule, with a fixed number of queries
whatever the amount of content.
"""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Prefetch, Q, Value
from django.http import HttpRequest
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from headless.visibility import visible_pages
from newsroom.models import NewsIndexPage, NewsPage
from newsroom.models.tags import NewsCountry
from portal.country_map import map_context
from programme.models import CountryTag, PartnerIndexPage, PhaseCountry, ProgrammePage
from programme.models.reader import current_language
from programme.models.vocabularies import vocabulary_tags

LATEST_NEWS = 6
PARTNER_LOGOS = 12


#: The index pages the home links to, each read as its own type (``page.<name>``).
INDEX_TYPES: tuple[type[Page], ...] = (NewsIndexPage, PartnerIndexPage, ProgrammePage)


def _first_visible(locale: Locale) -> dict[type[Page], Page]:
    """The first publicly visible page of each of ``INDEX_TYPES`` in ``locale``, in one query:
    the page rows joined with the three types' tables (Django builds each child from the
    joined columns), instead of one query per type."""
    names = [model._meta.model_name for model in INDEX_TYPES]
    typed = Q()
    for name in names:
        typed |= Q(**{f"{name}__isnull": False})
    rows = (
        visible_pages(Page.objects.filter(typed, locale=locale))
        .select_related(*names)
        .order_by("path")
    )
    found: dict[type[Page], Page] = {}
    for row in rows:
        for model, name in zip(INDEX_TYPES, names, strict=True):
            try:
                child = getattr(row, name)
            except ObjectDoesNotExist:
                continue
            if child is not None:
                found.setdefault(model, child)
    return found


def _news(home, locale: Locale) -> tuple[NewsPage | None, list[NewsPage]]:
    items = list(
        NewsPage.objects.filter(locale=locale)
        .published()
        .with_listing_relations()[: LATEST_NEWS + 1]
    )
    lead = None
    if home.lead_story_id:
        lead = next((item for item in items if item.pk == home.lead_story_id), None)
        if lead is None:
            lead = (
                NewsPage.objects.filter(pk=home.lead_story_id, locale=locale)
                .published()
                .with_listing_relations()
                .first()
            )
    if lead is None:
        lead = next((item for item in items if item.hero_image_id), items[0] if items else None)
    latest = [item for item in items if lead is None or item.pk != lead.pk][:LATEST_NEWS]
    return lead, latest


def _programme(programme: ProgrammePage | None, phases: list) -> dict | None:
    if programme is None:
        return None
    today = timezone.localdate()
    running = [p for p in phases if p.start_date <= today and (p.end_date or today) >= today]
    current = running[-1] if running else (phases[-1] if phases else None)
    return {
        "page": programme,
        "current_phase": current,
        "phase_count": len(phases),
        "budget_totals": programme.formatted_budget_totals(phases, current_language()),
    }


def _countries(locale: Locale, phases: list) -> tuple[list[CountryTag], list[tuple]]:
    """(the countries of the programme's phases, [(country, visible news items tagged with
    it in this language)]), both in slug order and in ONE query: a ``UNION ALL`` of the two
    groupings of the tag tables."""
    fields = ("tag_id", "tag__slug", "tag__name")

    def grouped(items, source: int):
        return (
            items.annotate(source=Value(source))
            .values("source", *fields)
            .annotate(n=Count("content_object_id", distinct=True))
            .values_list("source", *fields, "n")
            .order_by()
        )

    visible = NewsPage.objects.filter(locale=locale).published().values("pk")
    news = grouped(NewsCountry.objects.filter(content_object_id__in=visible), 0)
    phase_ids = [phase.pk for phase in phases]
    of_phases = grouped(PhaseCountry.objects.filter(content_object_id__in=phase_ids), 1)
    found: tuple[list, list] = ([], [])
    for source, pk, slug, name, n in news.union(of_phases, all=True):
        found[source].append((CountryTag(pk=pk, slug=slug, name=name), n))
    counts, of_programme = (sorted(rows, key=lambda row: row[0].slug) for rows in found)
    return [tag for tag, _n in of_programme], counts


def _partners(partners_index: PartnerIndexPage | None) -> list:
    """The partners with a logo, for the logo wall: the logo joined, its rendition prefetched
    (what the wall shows, not the listing's prefetches: its themes are not shown here)."""
    if partners_index is None:
        return []
    renditions = get_image_model().get_rendition_model().objects.filter(
        filter_spec=PartnerIndexPage.LOGO_FILTER
    )
    partners = (
        partners_index.partners()
        .filter(logo__isnull=False)
        .prefetch_related(None)
        .select_related("logo")
        .prefetch_related(Prefetch("logo__renditions", renditions))
    )
    return list(partners[:PARTNER_LOGOS])


def home_context(home, request: HttpRequest) -> dict:
    locale = home.locale
    lead, latest = _news(home, locale)
    indexes = _first_visible(locale)
    newsroom = indexes.get(NewsIndexPage)
    partners_index = indexes.get(PartnerIndexPage)
    programme = indexes.get(ProgrammePage)
    phases = list(programme.phases()) if programme is not None else []
    glance = _programme(programme, phases)
    programme_countries, country_counts = _countries(locale, phases)
    if glance is not None:
        glance["countries"] = programme_countries
    return {
        "lead_story": lead,
        "latest_news": latest,
        "newsroom": newsroom,
        "feeds": newsroom.feed_links(request) if newsroom else [],
        "glance": glance,
        # Every theme in slug order, labels from the request's table (``ThemeTag.label``).
        "themes": vocabulary_tags()[1],
        "partners_index": partners_index,
        "partners": _partners(partners_index),
        "country_counts": country_counts,
        # The map reuses the countries and counts read above: no query of its own.
        "country_map": map_context(programme_countries, country_counts),
    }
