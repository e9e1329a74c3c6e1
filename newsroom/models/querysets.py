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

from headless.visibility import readable_pages, visible_pages
from newsroom.models.tags import NewsCountry, NewsTheme
from programme.models.attached_tags import attach_tags
from programme.models.vocabularies import CountryTagsMixin, ThemeTagsMixin

#: Items that carry tags (values() and values_list() rows do not).
NewsPageTagged = (CountryTagsMixin, ThemeTagsMixin)

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

    def readable(self, now: datetime.datetime | None = None) -> NewsPageQuerySet:
        """``published`` plus the untranslated aliases of published items, for a locale whose
        listings show the source items labelled with their language
        (``NEWSROOM_MISSING_TRANSLATION = "source"``)."""
        return (
            readable_pages(self, now)
            .select_related("alias_of__locale")
            .order_by("-publication_date", "-pk")
        )

    _with_tags = False

    def _clone(self):
        clone = super()._clone()
        clone._with_tags = self._with_tags
        return clone

    def _fetch_all(self) -> None:
        fresh = self._result_cache is None
        super()._fetch_all()
        if fresh and self._with_tags and self._result_cache:
            attach_tags([item for item in self._result_cache if isinstance(item, NewsPageTagged)])

    def with_listing_relations(self, tags: bool = True) -> NewsPageQuerySet:
        """Everything a card shows, fetched in a fixed number of queries: the items, their
        images with renditions, and all their countries and themes in one more query
        (``tags=False``: the caller attaches them, with other pages', in its own one)."""
        clone = self.select_related("locale", "hero_image")
        clone._with_tags = tags
        renditions = get_image_model().get_rendition_model().objects.filter(
            filter_spec__in=LISTING_RENDITIONS
        )
        # The image rides along with the item (a join); its renditions come in one query.
        return clone.prefetch_related(Prefetch("hero_image__renditions", queryset=renditions))

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
