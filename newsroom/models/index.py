"""The newsroom index: a filtered, paginated listing of its news items plus RSS and Atom
feeds (whole newsroom, per country, per theme). The listing's filters and the feeds are
helpers in ``newsroom.filters`` and ``newsroom.feeds``; this page hands them what they read."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, PageQuerySet

from headless.pagination import cached_count
from newsroom.feeds import NewsAtomFeed, NewsRssFeed
from newsroom.filters import NewsFilterSet
from programme.models import CountryTag, ThemeTag
from programme.models.bases import IntroIndexPage


class NewsIndexPage(RoutablePageMixin, IntroIndexPage):
    """The newsroom: a filtered, paginated listing plus RSS and Atom feeds (whole newsroom,
    per country, per theme), one newsroom per locale."""

    per_page = models.PositiveSmallIntegerField(
        _("items per page"), default=12, help_text=_("How many news items a listing page shows.")
    )

    subpage_types = ["newsroom.NewsPage"]
    settings_panels = IntroIndexPage.settings_panels + [FieldPanel("per_page")]

    feed_length = 30

    class Meta:
        verbose_name = _("newsroom")
        verbose_name_plural = _("newsrooms")

    @classmethod
    def item_model(cls) -> type[Page]:
        """``NewsPage``, as ``subpage_types`` names it. Read from Wagtail, not imported: the
        news module imports this one (an item links back to its newsroom)."""
        return cls.clean_subpage_models()[0]

    def published_items(self) -> PageQuerySet:
        """The items a reader of this newsroom's locale may see, newest first (a
        ``NewsPageQuerySet``): the feeds' and the API's rule, one language per feed."""
        return self.item_model().objects.child_of(self).filter(locale_id=self.locale_id).published()

    def listed_items(self) -> PageQuerySet:
        """What the HTML listing shows: ``published_items``, and with
        ``NEWSROOM_MISSING_TRANSLATION = "source"`` the items not yet translated into the
        locale too, in their source language (each card says so:
        ``NewsPage.source_language``), so that a locale with partial content is not an
        empty newsroom."""
        if getattr(settings, "NEWSROOM_MISSING_TRANSLATION", "source") != "source":
            return self.published_items()
        return self.item_model().objects.child_of(self).filter(locale_id=self.locale_id).readable()

    def paginate(self, queryset, page_number: str | None) -> PaginatorPage:
        """A malformed or out-of-range ``?page=`` gives the first or the last page: old links
        and hand-edited URLs must never answer with an error."""
        paginator = Paginator(queryset, max(1, self.per_page or 12))
        # The total changes only with the content: counted once per content generation
        # (340 ms of a 530 ms listing at 100,000 items, for the same number every time).
        paginator.count = cached_count(queryset)
        try:
            number = int(page_number or 1)
        except (TypeError, ValueError):
            number = 1
        number = min(max(number, 1), paginator.num_pages)
        return paginator.page(number)

    @path("")
    def listing(self, request: HttpRequest) -> HttpResponse:
        items = self.listed_items()
        filters = NewsFilterSet(request.GET, kinds=self.item_model().Kind.choices, items=items)
        queryset = filters.apply(items).with_listing_relations()
        page = self.paginate(queryset, request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "news_page": page,
                "items": list(page.object_list),
                "prev_url": filters.page_querystring(page.previous_page_number())
                if page.has_previous()
                else "",
                "next_url": filters.page_querystring(page.next_page_number())
                if page.has_next()
                else "",
                "feeds": self.feed_links(request),
            },
        )

    def feed_links(self, request: HttpRequest | None = None) -> list[dict[str, str]]:
        """For ``<link rel="alternate">`` and the visible feed links."""
        return [
            {
                "type": "application/rss+xml",
                "title": f"{self.title} (RSS)",
                "name": "RSS",
                "url": self.feed_url("rss"),
            },
            {
                "type": "application/atom+xml",
                "title": f"{self.title} (Atom)",
                "name": "Atom",
                "url": self.feed_url("atom"),
            },
        ]

    def feed_url(self, name: str, **kwargs: str) -> str:
        return (self.url or "") + self.reverse_subpage(name, kwargs=kwargs)

    def _feed(self, request: HttpRequest, fmt: str, country: str = "", theme: str = ""):
        feed_class = NewsAtomFeed if fmt == "atom" else NewsRssFeed
        tag = None
        if country:
            tag = CountryTag.objects.filter(slug=country).first()
        elif theme:
            tag = ThemeTag.objects.filter(slug=theme).first()  # labels: the request's table
        if (country or theme) and tag is None:
            raise Http404(_("No such country or theme: “%(slug)s”.") % {"slug": country or theme})
        return feed_class(self, country=country and tag, theme=theme and tag)(request)

    @path("rss/", name="rss")
    def rss(self, request: HttpRequest) -> HttpResponse:
        return self._feed(request, "rss")

    @path("atom/", name="atom")
    def atom(self, request: HttpRequest) -> HttpResponse:
        return self._feed(request, "atom")

    @path("country/<slug:slug>/rss/", name="country_rss")
    def country_rss(self, request: HttpRequest, slug: str) -> HttpResponse:
        return self._feed(request, "rss", country=slug)

    @path("country/<slug:slug>/atom/", name="country_atom")
    def country_atom(self, request: HttpRequest, slug: str) -> HttpResponse:
        return self._feed(request, "atom", country=slug)

    @path("theme/<slug:slug>/rss/", name="theme_rss")
    def theme_rss(self, request: HttpRequest, slug: str) -> HttpResponse:
        return self._feed(request, "rss", theme=slug)

    @path("theme/<slug:slug>/atom/", name="theme_atom")
    def theme_atom(self, request: HttpRequest, slug: str) -> HttpResponse:
        return self._feed(request, "atom", theme=slug)
