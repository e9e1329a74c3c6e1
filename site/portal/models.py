"""The host site: its home page and the site-wide settings every page template reads.

Django loads only ``portal.models``: the models of the site's parts (translator scopes, publish
webhooks, the content clock) live in their modules and are imported here so they load with the
``portal`` app.
"""

from __future__ import annotations

import copy
from functools import partial

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from headless.memo import table_memo
from headless.visibility import visible_pages
from portal.content_clock import ContentClock
from portal.home import home_context
from portal.i18n.models import MachineTranslationJob, TranslatorLocaleScope
from portal.webhooks.models import Webhook, WebhookDelivery
from programme.admin_forms import ImageAltModelForm
from programme.blocks import RICH_TEXT_FEATURES, base_blocks
from programme.models import Boilerplate
from programme.models.boilerplates import boilerplate_choice

__all__ = [
    "ContentClock",
    "HomePage",
    "SiteSettings",
    "MachineTranslationJob",
    "TranslatorLocaleScope",
    "Webhook",
    "WebhookDelivery",
]


class HomePage(Page):
    """The root of each locale's tree (one per language, linked by wagtail-localize).

    Its sections (latest news, the programme at a glance, themes, partners, the countries'
    map) are read by ``portal.home`` from the plugins' pages of the same language; the editor
    picks the lead story and the headings, the rest follows the content.
    """

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    lead_story = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("lead story"),
        help_text=_("Empty: the latest press release or news item with an image."),
    )
    news_heading = models.CharField(_("latest news heading"), max_length=120, blank=True)
    partners_heading = models.CharField(_("partners heading"), max_length=120, blank=True)
    body = StreamField(base_blocks(), blank=True, verbose_name=_("body"))

    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        PageChooserPanel("lead_story", ["newsroom.NewsPage"]),
        FieldPanel("news_heading"),
        FieldPanel("partners_heading"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context.update(home_context(self, request))
        return context

    def menu_items(self):
        """The main navigation: publicly visible children marked "show in menus" (so no
        untranslated alias that synchronised trees put in other locales' trees). Specific
        classes with deferred fields: one query, whatever the number of page types."""
        return visible_pages(self.get_children().in_menu()).specific(defer=True)


#: The site-wide default of a boilerplate kind (no "empty: the default" help: it IS the default).
site_default = partial(boilerplate_choice, help_text="")


class FunderEmblem(models.TextChoices):
    EU = "eu", _("EU emblem (built in)")
    IMAGE = "image", _("Uploaded logo")
    NONE = "none", _("No emblem")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Texts and links shared by every page.

    The texts are Boilerplate snippets, not plain fields: site settings are per site while
    one site serves every language, and snippets carry a translation per locale.
    """

    about_programme = site_default(Boilerplate.Kind.ABOUT_PROGRAMME, _("about the programme"))
    implementer_credit = site_default(Boilerplate.Kind.IMPLEMENTER_CREDIT, _("implementer credit"))
    funder_credit = site_default(Boilerplate.Kind.FUNDER_CREDIT, _("funder credit"))
    donor_boilerplate = site_default(Boilerplate.Kind.DONOR, _("donor boilerplate"))
    disclaimer = site_default(Boilerplate.Kind.DISCLAIMER, _("disclaimer"))
    footer = site_default(Boilerplate.Kind.FOOTER, _("footer text"))
    facebook_url = models.URLField(_("Facebook"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    telegram_url = models.URLField(_("Telegram"), blank=True)
    funder_emblem = models.CharField(
        _("funder emblem"),
        max_length=8,
        choices=FunderEmblem.choices,
        default=FunderEmblem.EU,
        help_text=_("Shown with the funder statement in the footer and on the home page."),
    )
    funder_logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("funder logo"),
        help_text=_("Used when the emblem is “uploaded logo”; its description is the alt text."),
    )
    funder_statement = site_default(
        Boilerplate.Kind.FUNDER_CREDIT, _("funder statement (beside the emblem)")
    )

    base_form_class = ImageAltModelForm
    #: The logo's alt text is its description in the image library: required
    #: (``programme.admin_forms``).
    image_alt_fields = [("funder_logo", None, None)]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("funder_emblem"),
                FieldPanel("funder_logo"),
                FieldPanel("funder_statement"),
            ],
            heading=_("Funders' visibility"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("about_programme"),
                FieldPanel("implementer_credit"),
                FieldPanel("funder_credit"),
                FieldPanel("donor_boilerplate"),
                FieldPanel("disclaimer"),
                FieldPanel("footer"),
            ],
            heading=_("Default texts"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("x_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("telegram_url"),
            ],
            heading=_("Social links"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")

    @classmethod
    def for_site(cls, site):
        """Wagtail's ``for_site``, kept per content generation for public reads
        (``headless.memo``): every page's footer reads it. Each caller gets its own copy."""
        if site is None:
            return super().for_site(site)
        shared = table_memo(
            f"site-settings:{site.pk}", lambda: BaseSiteSetting.for_site.__func__(cls, site)
        )
        return copy.copy(shared) if shared is not None else super().for_site(site)

    def funder_text(self) -> Boilerplate | None:
        """The statement beside the funder emblem in the reader's language: the chosen
        statement, else the funder credit."""
        chosen = self.funder_statement or self.funder_credit
        return chosen.localized if chosen else None

    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("Facebook", self.facebook_url),
            ("X", self.x_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
            ("LinkedIn", self.linkedin_url),
            ("Telegram", self.telegram_url),
        ]
        return [(name, url) for name, url in links if url]
