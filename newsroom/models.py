"""The newsroom: an index page and news items of four kinds (news, press release, event
report, statement), tagged with the programme's country and theme vocabularies."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from newsroom.blocks import news_body_blocks
from programme.blocks import RICH_TEXT_FEATURES
from programme.models import Boilerplate, CountryTag, ThemeTag


class NewsIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    subpage_types = ["newsroom.NewsPage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("newsroom")


class NewsPage(Page):
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
            [FieldPanel("about_programme"), FieldPanel("donor_boilerplate")],
            heading=_("Boilerplates"),
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

    def clean(self) -> None:
        super().clean()
        if self.event_start and self.event_end and self.event_end < self.event_start:
            raise ValidationError({"event_end": _("The event cannot end before it starts.")})

    def save(self, *args, **kwargs):
        if self.live and self.publication_date is None:
            self.publication_date = self.first_published_at or timezone.now()
        return super().save(*args, **kwargs)


class NewsCountry(ItemBase):
    tag = models.ForeignKey(CountryTag, on_delete=models.CASCADE, related_name="news_items")
    content_object = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="country_items")


class NewsTheme(ItemBase):
    tag = models.ForeignKey(ThemeTag, on_delete=models.CASCADE, related_name="news_items")
    content_object = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="theme_items")
