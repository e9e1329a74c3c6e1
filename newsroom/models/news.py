"""A news item of one of four kinds (news, press release, event report, statement), as a
press release is built: dateline, standfirst, body with quoted officials, boilerplates and
credits, media contact, tagged with the programme's countries and themes."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Subquery
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from headless.visibility import is_hidden_by_clock, visible_pages
from newsroom.blocks import news_body_blocks
from newsroom.defaults import site_default
from newsroom.ics import event_calendar
from newsroom.models.index import NewsIndexPage
from newsroom.models.querysets import NewsPageManager
from newsroom.models.sharing import SharingMixin
from newsroom.models.tags import NewsCountry, NewsTheme
from programme import l10n
from programme.admin_forms import HeroImagePageForm
from programme.models import Boilerplate, CountryTag, ThemeTag
from programme.models.attached_tags import attach_tags
from programme.models.boilerplates import boilerplate_choice
from programme.models.images import HeroImageMixin
from programme.models.vocabularies import CountryTagsMixin, ThemeTagsMixin, tags_field


def _localized(model: type[Page], chosen: Q) -> list[Page]:
    """The publicly visible pages of ``model`` matching ``chosen``, each replaced by its
    visible translation in the reader's locale when there is one (Wagtail's ``localized``
    for a whole list, in one query), in path order."""
    active = Locale.get_active()
    keys = model.objects.filter(chosen).values("translation_key")
    rows = list(
        visible_pages(model.objects.filter(translation_key__in=keys))
        .filter(Q(locale_id=active.pk) | chosen)
        .order_by("path")
    )
    translated = {row.translation_key for row in rows if row.locale_id == active.pk}
    return [
        row for row in rows if row.locale_id == active.pk or row.translation_key not in translated
    ]


class NewsPage(
    CountryTagsMixin, ThemeTagsMixin, HeroImageMixin, SharingMixin, RoutablePageMixin, Page
):
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
    countries = tags_field(CountryTag, "newsroom.NewsCountry", related_name="tagged_news")
    themes = tags_field(ThemeTag, "newsroom.NewsTheme", related_name="tagged_news")
    about_programme = boilerplate_choice(Boilerplate.Kind.ABOUT_PROGRAMME, _("about the programme"))
    donor_boilerplate = boilerplate_choice(Boilerplate.Kind.DONOR, _("donor boilerplate"))
    implementer_credit = boilerplate_choice(
        Boilerplate.Kind.IMPLEMENTER_CREDIT, _("implementer credit")
    )
    funder_credit = boilerplate_choice(Boilerplate.Kind.FUNDER_CREDIT, _("funder credit"))

    objects = NewsPageManager()
    base_form_class = HeroImagePageForm
    #: Read with the page when it is served (``portal.routing``): the article shows it.
    serve_related = ("hero_image",)

    #: Until this date comes the item is hidden everywhere (``headless.visibility``), even
    #: when live: an embargoed press release, or a back-dated import gone wrong.
    embargo_field = "publication_date"

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
        HeroImageMixin.hero_panel(),
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
        indexes = [
            models.Index(fields=["publication_date"]),
            # Listings read newest first with a tie-breaker (``published()``): walked in
            # index order, a page of results needs no sort of the whole table
            # (docs/performance.md, tests/perf/explain.py).
            models.Index(fields=["-publication_date", "-page_ptr"], name="news_newest_first"),
            models.Index(
                fields=["kind", "-publication_date", "-page_ptr"], name="news_kind_newest"
            ),
            models.Index(fields=["related_phase", "-publication_date"], name="news_phase_newest"),
        ]

    @classmethod
    def api_detail_queryset(cls, queryset):
        """What the API's detail of an item shows, read with it (``headless.visibility``):
        image, phase, contact with its country and organisation joined; tags in one query,
        partners prefetched. The contact's phones and links are read by the API once it
        knows which contact it shows (the item's, or its translation)."""
        related = ("hero_image", "related_phase", "media_contact__country")
        queryset = queryset.select_related(*related, "media_contact__organisation")
        queryset = queryset.prefetch_related("related_partners")
        queryset._with_tags = True  # NewsPageQuerySet: countries and themes in one query
        return queryset

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

    @property
    def is_event(self) -> bool:
        return self.event_start is not None

    @property
    def source_language(self) -> str:
        """For an untranslated alias listed in another locale: the language its text is in
        (its source's); empty for a page written in its own locale's language."""
        if self.alias_of_id and self.alias_of.locale_id != self.locale_id:
            return self.alias_of.locale.language_code
        return ""

    @property
    def source_language_marker(self) -> str:
        """ "in Russian", in the reader's language, for a card of an untranslated item."""
        return l10n.in_language(self.source_language) if self.source_language else ""

    def display_date(self, language: str | None = None) -> str:
        return l10n.format_long_date(self.publication_date, language)

    def dateline(self, language: str | None = None) -> str:
        """ "Алматы, 30 ноября 2022 г." / "Almaty, November 30, 2022": place and date in the
        reader's language, as a press release opens."""
        date = self.display_date(language)
        if self.dateline_place and date:
            return f"{self.dateline_place}, {date}"
        return self.dateline_place or date

    def event_period(self, language: str | None = None) -> str:
        return l10n.format_period(self.event_start, self.event_end, language)

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
        """The media contact in the reader's locale (its translation there when that is
        publicly visible, else the chosen one), if it is publicly visible: one query, with
        its country, then its phones and links."""
        if self.media_contact_id is None:
            return None
        from programme.models import DonorContactPage

        chosen_key = DonorContactPage.objects.filter(pk=self.media_contact_id).values(
            "translation_key"
        )[:1]
        active = Locale.get_active()
        candidates = list(
            visible_pages(
                DonorContactPage.objects.filter(
                    Q(locale_id=active.pk) | Q(pk=self.media_contact_id),
                    translation_key=Subquery(chosen_key),
                )
            ).select_related("country", "organisation")
        )
        chosen = next((c for c in candidates if c.locale_id == active.pk), None)
        chosen = chosen or (candidates[0] if candidates else None)
        if chosen is not None:
            chosen.attach_lines()
        return chosen

    def phase(self):
        """The phase in the reader's locale (its visible translation there, else the chosen
        one), if it is publicly visible: one query."""
        if self.related_phase_id is None:
            return None
        from programme.models import ProgrammePhasePage

        found = _localized(ProgrammePhasePage, Q(pk=self.related_phase_id))
        return found[0] if found else None

    def partners(self) -> list:
        """The cited partners in the reader's locale, publicly visible ones only: one query,
        however many partners and whatever the locale."""
        from programme.models import PartnerOrganisationPage

        cited = NewsPage.related_partners.through.objects.filter(newspage_id=self.pk)
        return _localized(
            PartnerOrganisationPage, Q(pk__in=cited.values("partnerorganisationpage_id"))
        )

    def related_news(self, limit: int = 3) -> list[NewsPage]:
        """Published items of the same locale sharing a country or a theme, newest first.

        A saved item is matched by subqueries on its stored tags, and its own tags are read
        with the related items' in one query (``attach_tags``); a preview (tags not saved
        yet) matches on the tags it carries."""
        if self.pk and not self._in_preview:
            countries = NewsCountry.objects.filter(content_object_id=self.pk).values("tag_id")
            themes = NewsTheme.objects.filter(content_object_id=self.pk).values("tag_id")
        else:
            countries = [tag.pk for tag in self.country_tags()]
            themes = [tag.pk for tag in self.theme_tags()]
            if not countries and not themes:
                return []
        shared = Q(
            pk__in=NewsCountry.objects.filter(tag_id__in=countries).values("content_object_id")
        ) | Q(pk__in=NewsTheme.objects.filter(tag_id__in=themes).values("content_object_id"))
        related = list(
            NewsPage.objects.published()
            .filter(shared, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .with_listing_relations(tags=False)[:limit]
        )
        attach_tags(related if self._in_preview else [self, *related])
        return related

    _in_preview = False

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        self._in_preview = bool(getattr(request, "is_preview", False))
        # Deferred: the template reads the index's URL and feed links (no query of its own).
        index = self.get_parent().specific_deferred if self.pk else None
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

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        """Readers get a 404 while the item is embargoed (publication date to come) or past
        its expiry, as every listing and the API hide it; previews still work."""
        if is_hidden_by_clock(self) and not getattr(request, "is_preview", False):
            raise Http404(_("This item is not published yet."))
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict[str, Any]]:
        return [] if is_hidden_by_clock(self) else super().get_sitemap_urls(request)

    @path("ics/", name="ics")
    def ics(self, request: HttpRequest) -> HttpResponse:
        """The event as an iCalendar file, for the reader's calendar application."""
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
        TranslatableField("hero_alt"),
        TranslatableField("body"),
        TranslatableField("event_venue"),
        SynchronizedField("kind"),
        SynchronizedField("publication_date"),
        SynchronizedField("event_start"),
        SynchronizedField("event_end"),
        SynchronizedField("hero_image"),
        SynchronizedField("hero_credit"),
        SynchronizedField("hero_decorative"),
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
