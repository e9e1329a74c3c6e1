"""RSS 2.0 and Atom feeds of a newsroom (whole, per country, per theme), built on Django's
syndication framework. Feeds list only what the listing lists: live, public, non-alias items
of the newsroom's locale whose publication date has come.

The newsroom index serves the feeds from its routes and hands itself in; this module reads
its ``published_items()`` and ``feed_length`` and does not import the newsroom's models."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Page

from programme.models import CountryTag, ThemeTag


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(
        self,
        index: Page,
        country: CountryTag | None = None,
        theme: ThemeTag | None = None,
    ) -> None:
        super().__init__()
        self.index = index
        self.country = country or None
        self.theme = theme or None
        self.language = index.locale.language_code
        self.request: HttpRequest | None = None

    def __call__(self, request: HttpRequest, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def _topic(self) -> str:
        if self.country is not None:
            return self.country.label(self.language)
        if self.theme is not None:
            return self.theme.label(self.language)
        return ""

    def title(self) -> str:
        topic = self._topic()
        return f"{self.index.title}: {topic}" if topic else self.index.title

    def link(self) -> str:
        url = self.index.get_full_url(self.request)
        if self.country is not None:
            return f"{url}?country={self.country.slug}"
        if self.theme is not None:
            return f"{url}?theme={self.theme.slug}"
        return url

    def description(self) -> str:
        topic = self._topic()
        if topic:
            return _("Latest news on %(topic)s") % {"topic": topic}
        return _("Latest news")

    subtitle = description

    def feed_url(self) -> str:
        return self.request.build_absolute_uri(self.request.path) if self.request else ""

    def items(self):
        queryset = self.index.published_items().tagged(
            country=self.country.slug if self.country else None,
            theme=self.theme.slug if self.theme else None,
        )
        return list(queryset.with_listing_relations()[: self.index.feed_length])

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.standfirst or item.search_description or ""

    def item_link(self, item) -> str:
        return item.get_full_url(self.request)

    def item_guid(self, item) -> str:
        return item.get_full_url(self.request)

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return item.publication_date

    def item_updateddate(self, item):
        return item.last_published_at or item.publication_date

    def item_categories(self, item) -> list[str]:
        return [str(item.get_kind_display())] + [
            tag.label(self.language) for tag in item.country_tags() + item.theme_tags()
        ]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
