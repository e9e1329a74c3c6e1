"""What readers may see of the news items, and what listings fetch with them.

``published()`` is the one visibility rule of ``headless.visibility`` (the news item declares
its publication date as its embargo field), newest first; listings, feeds, related items and
filters all start from it.
"""

from __future__ import annotations

import datetime

from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import PageManager, PageQuerySet

from headless.visibility import visible_pages
from newsroom.models.tags import NewsCountry, NewsTheme

#: The rendition every listing card and feed uses; prefetched so a listing costs the same
#: number of queries whatever its length.
LISTING_RENDITION = "fill-480x270"
SHARE_RENDITION = "fill-1200x630"
#: The responsive card image of templates/newsroom/news_card.html (``{% picture %}``): AVIF,
#: WebP and JPEG at two widths, all prefetched with the listing.
CARD_PICTURE = "format-{avif,webp,jpeg} fill-{480x270,960x540}"
LEAD_PICTURE = "format-{avif,webp,jpeg} fill-{480x270,960x540,1200x675}"
LISTING_RENDITIONS = (
    LISTING_RENDITION,
    SHARE_RENDITION,
    *Filter.expand_spec(CARD_PICTURE),
    *Filter.expand_spec(LEAD_PICTURE),
)


class NewsPageQuerySet(PageQuerySet):
    def published(self, now: datetime.datetime | None = None) -> NewsPageQuerySet:
        """What a reader may see (live, public, not an alias, not expired, publication date
        not in the future: ``headless.visibility``), newest first."""
        return visible_pages(self, now).order_by("-publication_date", "-pk")

    def with_listing_relations(self) -> NewsPageQuerySet:
        """Everything a card shows, fetched in a fixed number of queries."""
        return self.select_related("locale").prefetch_related(
            Prefetch(
                "country_items",
                queryset=NewsCountry.objects.select_related("tag").order_by("tag__slug"),
                to_attr="prefetched_country_items",
            ),
            Prefetch(
                "theme_items",
                queryset=NewsTheme.objects.select_related("tag")
                .prefetch_related("tag__labels")
                .order_by("tag__slug"),
                to_attr="prefetched_theme_items",
            ),
            Prefetch(
                "hero_image",
                queryset=get_image_model().objects.prefetch_renditions(*LISTING_RENDITIONS),
            ),
        )

    def tagged(self, country: str | None = None, theme: str | None = None) -> NewsPageQuerySet:
        qs = self
        if country:
            qs = qs.filter(
                pk__in=NewsCountry.objects.filter(tag__slug=country).values("content_object_id")
            )
        if theme:
            qs = qs.filter(
                pk__in=NewsTheme.objects.filter(tag__slug=theme).values("content_object_id")
            )
        return qs

    def citing_partner(self, slug: str) -> NewsPageQuerySet:
        """Items that cite the partner organisation ``slug`` (a subquery, so an item citing
        several partners is listed once)."""
        through = self.model.related_partners.through
        return self.filter(
            pk__in=through.objects.filter(partnerorganisationpage__slug=slug).values("newspage_id")
        )


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)
