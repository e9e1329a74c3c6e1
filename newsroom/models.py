"""The newsroom: an index page and news items of four kinds (news, press release, event
report, statement), tagged with the programme's country and theme vocabularies."""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from newsroom import formatting
from newsroom.blocks import news_body_blocks
from newsroom.defaults import site_default
from programme.blocks import RICH_TEXT_FEATURES
from programme.models import Boilerplate, CountryTag, ThemeTag

#: The rendition every listing card and feed uses; prefetched so a listing costs the same
#: number of queries whatever its length.
LISTING_RENDITION = "fill-480x270"
SHARE_RENDITION = "fill-1200x630"


class NewsPageQuerySet(PageQuerySet):
    def published(self, now: datetime.datetime | None = None) -> NewsPageQuerySet:
        """What a reader may see: live, public, not an alias (wagtail-localize synchronised
        trees make untranslated aliases), and with a publication date not in the future
        (go-live scheduling keeps scheduled pages not live; a future back-dated date is
        guarded here too)."""
        now = now or timezone.now()
        return (
            self.live()
            .public()
            .filter(alias_of__isnull=True, publication_date__lte=now)
            .order_by("-publication_date", "-pk")
        )

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
                queryset=get_image_model().objects.prefetch_renditions(
                    LISTING_RENDITION, SHARE_RENDITION
                ),
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


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)


class NewsIndexPage(RoutablePageMixin, Page):
    """The newsroom: a filtered, paginated listing plus RSS and Atom feeds (whole newsroom,
    per country, per theme), one newsroom per locale."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    per_page = models.PositiveSmallIntegerField(
        _("items per page"), default=12, help_text=_("How many news items a listing page shows.")
    )

    subpage_types = ["newsroom.NewsPage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    settings_panels = Page.settings_panels + [FieldPanel("per_page")]
    api_fields = [APIField("intro")]

    feed_length = 30

    class Meta:
        verbose_name = _("newsroom")

    def published_items(self) -> NewsPageQuerySet:
        """The items a reader of this newsroom's locale may see, newest first."""
        return NewsPage.objects.child_of(self).filter(locale_id=self.locale_id).published()

    def paginate(self, queryset, page_number: str | None) -> PaginatorPage:
        """A malformed or out-of-range ``?page=`` gives the first or the last page: old links
        and hand-edited URLs must never answer with an error."""
        paginator = Paginator(queryset, max(1, self.per_page or 12))
        try:
            number = int(page_number or 1)
        except (TypeError, ValueError):
            number = 1
        number = min(max(number, 1), paginator.num_pages)
        return paginator.page(number)

    @path("")
    def listing(self, request: HttpRequest) -> HttpResponse:
        from newsroom.filters import NewsFilterSet

        filters = NewsFilterSet(request.GET, index=self)
        queryset = filters.apply(self.published_items()).with_listing_relations()
        page = self.paginate(queryset, request.GET.get("page"))
        items = list(page.object_list)
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "news_page": page,
                "items": items,
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
        from newsroom.feeds import NewsAtomFeed, NewsRssFeed

        feed_class = NewsAtomFeed if fmt == "atom" else NewsRssFeed
        tag = None
        if country:
            tag = CountryTag.objects.filter(slug=country).first()
        elif theme:
            tag = ThemeTag.objects.filter(slug=theme).prefetch_related("labels").first()
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


class NewsPage(RoutablePageMixin, Page):
    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        PRESS_RELEASE = "press_release", _("Press release")
        EVENT_REPORT = "event_report", _("Event report")
        STATEMENT = "statement", _("Statement")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.NEWS)
    publication_date = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("Set on first publish when empty; edit it for back-dated items."),
    )
    dateline_place = models.CharField(_("dateline place"), max_length=100, blank=True)
    standfirst = models.TextField(_("standfirst"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hero_caption = models.CharField(_("hero caption"), max_length=255, blank=True)
    hero_credit = models.CharField(_("hero credit"), max_length=255, blank=True)
    body = StreamField(news_body_blocks(), blank=True, verbose_name=_("body"))

    event_start = models.DateTimeField(_("event start"), null=True, blank=True)
    event_end = models.DateTimeField(_("event end"), null=True, blank=True)
    event_venue = models.CharField(_("venue"), max_length=255, blank=True)

    related_phase = models.ForeignKey(
        "programme.ProgrammePhasePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_items",
        verbose_name=_("programme phase"),
    )
    related_partners = ParentalManyToManyField(
        "programme.PartnerOrganisationPage",
        blank=True,
        related_name="news_items",
        verbose_name=_("partners"),
    )
    media_contact = models.ForeignKey(
        "programme.DonorContactPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_items",
        verbose_name=_("media contact"),
    )
    countries = ClusterTaggableManager(
        through="newsroom.NewsCountry",
        blank=True,
        verbose_name=_("countries"),
        related_name="tagged_news",
    )
    themes = ClusterTaggableManager(
        through="newsroom.NewsTheme",
        blank=True,
        verbose_name=_("themes"),
        related_name="tagged_news",
    )
    about_programme = models.ForeignKey(
        Boilerplate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": Boilerplate.Kind.ABOUT_PROGRAMME},
        verbose_name=_("about the programme"),
        help_text=_("Empty: the site-wide default."),
    )
    donor_boilerplate = models.ForeignKey(
        Boilerplate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": Boilerplate.Kind.DONOR},
        verbose_name=_("donor boilerplate"),
        help_text=_("Empty: the site-wide default."),
    )
    implementer_credit = models.ForeignKey(
        Boilerplate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": Boilerplate.Kind.IMPLEMENTER_CREDIT},
        verbose_name=_("implementer credit"),
        help_text=_("Empty: the site-wide default."),
    )
    funder_credit = models.ForeignKey(
        Boilerplate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": Boilerplate.Kind.FUNDER_CREDIT},
        verbose_name=_("funder credit"),
        help_text=_("Empty: the site-wide default."),
    )

    objects = NewsPageManager()

    parent_page_types = ["newsroom.NewsIndexPage"]
    subpage_types: list[str] = []

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("publication_date")]),
                FieldPanel("dateline_place"),
            ],
            heading=_("Dateline"),
        ),
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption"), FieldPanel("hero_credit")],
            heading=_("Hero image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_start"), FieldPanel("event_end")]),
                FieldPanel("event_venue"),
            ],
            heading=_("Event"),
            classname="collapsed",
        ),
        MultiFieldPanel(
            [
                FieldPanel("countries"),
                FieldPanel("themes"),
                FieldPanel("related_phase"),
                FieldPanel("related_partners"),
                FieldPanel("media_contact"),
            ],
            heading=_("Programme"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("about_programme"),
                FieldPanel("implementer_credit"),
                FieldPanel("funder_credit"),
                FieldPanel("donor_boilerplate"),
            ],
            heading=_("Boilerplates and credits"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("standfirst", boost=2),
        index.SearchField("body"),
        index.SearchField("dateline_place"),
        index.AutocompleteField("title"),
        index.RelatedFields(
            "related_partners", [index.SearchField("title"), index.SearchField("acronym")]
        ),
        index.FilterField("kind"),
        index.FilterField("publication_date"),
        index.FilterField("countries"),
        index.FilterField("themes"),
        index.FilterField("related_partners"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("publication_date"),
        APIField("dateline_place"),
        APIField("standfirst"),
        APIField("body"),
        APIField("event_start"),
        APIField("event_end"),
        APIField("event_venue"),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        indexes = [models.Index(fields=["publication_date"])]

    @classmethod
    def get_indexed_objects(cls):
        """Wagtail's indexer prefetches related search fields except ParentalManyToManyFields,
        which it then reads once per item and per indexed sub-field (five queries an item): a
        rebuild of the whole newsroom prefetches the cited partners instead."""
        return super().get_indexed_objects().prefetch_related("related_partners")

    def clean(self) -> None:
        super().clean()
        if self.event_start and self.event_end and self.event_end < self.event_start:
            raise ValidationError({"event_end": _("The event cannot end before it starts.")})

    def save(self, *args, **kwargs):
        if self.live and self.publication_date is None:
            self.publication_date = self.first_published_at or timezone.now()
        return super().save(*args, **kwargs)

    # --- what templates, feeds and the API read ------------------------------------------

    def country_tags(self) -> list[CountryTag]:
        items = getattr(self, "prefetched_country_items", None)
        if items is None:
            items = sorted(self.country_items.all(), key=lambda item: item.tag.slug)
        return [item.tag for item in items]

    def theme_tags(self) -> list[ThemeTag]:
        items = getattr(self, "prefetched_theme_items", None)
        if items is None:
            items = sorted(self.theme_items.all(), key=lambda item: item.tag.slug)
        return [item.tag for item in items]

    @property
    def is_event(self) -> bool:
        return self.event_start is not None

    def display_date(self, language: str | None = None) -> str:
        return formatting.format_long_date(self.publication_date, language)

    def dateline(self, language: str | None = None) -> str:
        """ "Алматы, 30 ноября 2022 г." / "Almaty, November 30, 2022": place and date in the
        reader's language, as a press release opens."""
        date = self.display_date(language)
        if self.dateline_place and date:
            return f"{self.dateline_place}, {date}"
        return self.dateline_place or date

    def event_period(self, language: str | None = None) -> str:
        return formatting.format_period(self.event_start, self.event_end, language)

    def texts(self, request: HttpRequest | None = None) -> dict[str, Boilerplate | None]:
        """The boilerplates and credits of this item in the reader's locale: the one chosen
        on the item, else the site-wide default (see ``newsroom.defaults``)."""
        result: dict[str, Boilerplate | None] = {}
        for field in (
            "about_programme",
            "implementer_credit",
            "funder_credit",
            "donor_boilerplate",
        ):
            chosen = getattr(self, field) or site_default(request, field)
            result[field] = chosen.localized if chosen is not None else None
        return result

    def contact(self):
        """The media contact in the reader's locale, if it is live and public."""
        if self.media_contact_id is None:
            return None
        contact = self.media_contact.localized.specific
        if not contact.live or contact.get_view_restrictions().exists():
            return None
        return contact

    def phase(self):
        if self.related_phase_id is None or not self.related_phase.live:
            return None
        return self.related_phase.localized.specific

    def partners(self) -> list:
        return [
            partner.localized.specific for partner in self.related_partners.all() if partner.live
        ]

    def related_news(self, limit: int = 3) -> list[NewsPage]:
        """Published items of the same locale sharing a country or a theme, newest first."""
        country_ids = [tag.pk for tag in self.country_tags()]
        theme_ids = [tag.pk for tag in self.theme_tags()]
        if not country_ids and not theme_ids:
            return []
        shared = Q(
            pk__in=NewsCountry.objects.filter(tag_id__in=country_ids).values("content_object_id")
        ) | Q(pk__in=NewsTheme.objects.filter(tag_id__in=theme_ids).values("content_object_id"))
        return list(
            NewsPage.objects.published()
            .filter(shared, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .with_listing_relations()[:limit]
        )

    def share_links(self, request: HttpRequest | None = None) -> list[tuple[str, str]]:
        url = quote(self.get_full_url(request) or "", safe="")
        title = quote(self.title, safe="")
        return [
            ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={url}"),
            ("X", f"https://twitter.com/intent/tweet?url={url}&text={title}"),
            ("LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?url={url}"),
            ("Telegram", f"https://t.me/share/url?url={url}&text={title}"),
            ("WhatsApp", f"https://wa.me/?text={title}%20{url}"),
            (_("E-mail"), f"mailto:?subject={title}&body={url}"),
        ]

    def share_image_url(self, request: HttpRequest | None = None) -> str:
        if self.hero_image is None:
            return ""
        url = self.hero_image.get_rendition(SHARE_RENDITION).url
        if url.startswith(("http://", "https://")):
            return url
        if request is not None:
            return request.build_absolute_uri(url)
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url

    def json_ld(self, request: HttpRequest | None = None) -> dict[str, Any]:
        """schema.org ``NewsArticle`` for search engines (rendered as escaped JSON)."""
        url = self.get_full_url(request)
        site_name = getattr(settings, "WAGTAIL_SITE_NAME", "")
        site = self.get_site()
        if site is not None and site.site_name:
            site_name = site.site_name
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "url": url,
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "inLanguage": self.locale.language_code,
            "articleSection": self.get_kind_display(),
            "publisher": {"@type": "Organization", "name": site_name},
            "author": {"@type": "Organization", "name": site_name},
        }
        if self.standfirst:
            data["description"] = self.standfirst
        if self.publication_date:
            data["datePublished"] = self.publication_date.isoformat()
        modified = self.last_published_at or self.publication_date
        if modified:
            data["dateModified"] = modified.isoformat()
        if self.dateline_place:
            data["dateline"] = self.dateline(self.locale.language_code)
            data["contentLocation"] = {"@type": "Place", "name": self.dateline_place}
        image = self.share_image_url(request)
        if image:
            data["image"] = [image]
        keywords = [tag.label(self.locale.language_code) for tag in self.theme_tags()]
        keywords += [tag.label(self.locale.language_code) for tag in self.country_tags()]
        if keywords:
            data["keywords"] = keywords
        return data

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        index = self.get_parent().specific if self.pk else None
        context.update(
            related_news=self.related_news(),
            texts=self.texts(request),
            contact=self.contact(),
            newsroom=index if isinstance(index, NewsIndexPage) else None,
            share_links=self.share_links(request),
            share_image=self.share_image_url(request),
            json_ld_data=self.json_ld(request),
        )
        return context

    def is_embargoed(self) -> bool:
        """Live but dated in the future (a back-dated import gone wrong, or an embargo set
        by hand): readers get a 404 until the date comes; previews still work."""
        return self.publication_date is not None and self.publication_date > timezone.now()

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if self.is_embargoed() and not getattr(request, "is_preview", False):
            raise Http404(_("This item is not published yet."))
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict[str, Any]]:
        return [] if self.is_embargoed() else super().get_sitemap_urls(request)

    @path("ics/", name="ics")
    def ics(self, request: HttpRequest) -> HttpResponse:
        """The event as an iCalendar file, for the reader's calendar application."""
        from newsroom.ics import event_calendar

        if not self.is_event:
            raise Http404(_("This item is not an event."))
        response = HttpResponse(
            event_calendar(self, request), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response

    # Translation (docs/translation.md): what the item says is translated (title, dateline
    # place, standfirst, caption, body, venue); what it is about is synchronised from the
    # source (kind, dates, image, tags, phase, partners, contact, boilerplates: templates show
    # ``.localized`` versions of the related pages and snippets).
    override_translatable_fields = [
        TranslatableField("dateline_place"),
        TranslatableField("standfirst"),
        TranslatableField("hero_caption"),
        TranslatableField("body"),
        TranslatableField("event_venue"),
        SynchronizedField("kind"),
        SynchronizedField("publication_date"),
        SynchronizedField("event_start"),
        SynchronizedField("event_end"),
        SynchronizedField("hero_image"),
        SynchronizedField("hero_credit"),
        SynchronizedField("related_phase"),
        SynchronizedField("related_partners"),
        SynchronizedField("media_contact"),
        SynchronizedField("country_items"),
        SynchronizedField("theme_items"),
        SynchronizedField("about_programme"),
        SynchronizedField("implementer_credit"),
        SynchronizedField("funder_credit"),
        SynchronizedField("donor_boilerplate"),
    ]


class NewsCountry(ItemBase):
    tag = models.ForeignKey(CountryTag, on_delete=models.CASCADE, related_name="news_items")
    content_object = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="country_items")


class NewsTheme(ItemBase):
    tag = models.ForeignKey(ThemeTag, on_delete=models.CASCADE, related_name="news_items")
    content_object = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="theme_items")
