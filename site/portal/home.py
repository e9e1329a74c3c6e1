"""What the home page shows besides its own fields: the lead story, the latest news, the
programme at a glance, themes, partners' logos, the countries with their news counts (drawn
as a map by ``portal.country_map``) and the feeds. Everything is read from the plugins' pages
in the home page's language, through the one visibility rule, with a fixed number of queries
whatever the amount of content.
"""

from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Locale, Page

from headless.visibility import visible_pages
from newsroom.models import NewsIndexPage, NewsPage
from newsroom.models.tags import NewsCountry
from portal.country_map import map_context
from programme.models import CountryTag, PartnerIndexPage, ProgrammePage, ThemeTag
from programme.models.reader import current_language

LATEST_NEWS = 6
PARTNER_LOGOS = 12


def _first_visible(model: type[Page], locale: Locale) -> Page | None:
    return visible_pages(model.objects.filter(locale=locale)).order_by("path").first()


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


def _programme(locale: Locale) -> dict | None:
    programme = _first_visible(ProgrammePage, locale)
    if programme is None:
        return None
    programme = programme.specific
    phases = list(programme.phases().prefetch_related("country_items__tag"))
    today = timezone.localdate()
    running = [p for p in phases if p.start_date <= today and (p.end_date or today) >= today]
    current = running[-1] if running else (phases[-1] if phases else None)
    countries: dict[str, CountryTag] = {}
    for phase in phases:
        for item in phase.country_items.all():
            countries.setdefault(item.tag.slug, item.tag)
    return {
        "page": programme,
        "current_phase": current,
        "phase_count": len(phases),
        "budget_totals": programme.formatted_budget_totals(phases, current_language()),
        "countries": sorted(countries.values(), key=lambda tag: tag.slug),
    }


def _country_counts(locale: Locale) -> list[tuple[CountryTag, int]]:
    """Countries with the number of visible news items tagged with them in this language."""
    visible = NewsPage.objects.filter(locale=locale).published().values("pk")
    rows = (
        NewsCountry.objects.filter(content_object_id__in=visible)
        .values("tag_id")
        .annotate(n=Count("content_object_id", distinct=True))
    )
    counts = {row["tag_id"]: row["n"] for row in rows}
    tags = CountryTag.objects.filter(pk__in=counts)
    return [(tag, counts[tag.pk]) for tag in tags]


def home_context(home, request: HttpRequest) -> dict:
    locale = home.locale
    lead, latest = _news(home, locale)
    newsroom = _first_visible(NewsIndexPage, locale)
    partners_index = _first_visible(PartnerIndexPage, locale)
    partners = []
    if partners_index is not None:
        partners = [p for p in partners_index.specific.partners().filter(logo__isnull=False)][
            :PARTNER_LOGOS
        ]
    glance = _programme(locale)
    country_counts = _country_counts(locale)
    return {
        "lead_story": lead,
        "latest_news": latest,
        "newsroom": newsroom.specific if newsroom else None,
        "feeds": newsroom.specific.feed_links(request) if newsroom else [],
        "glance": glance,
        "themes": list(ThemeTag.objects.prefetch_related("labels").order_by("slug")),
        "partners_index": partners_index,
        "partners": partners,
        "country_counts": country_counts,
        # The map reuses the countries and counts read above: no query of its own.
        "country_map": map_context(glance["countries"] if glance else [], country_counts),
    }
