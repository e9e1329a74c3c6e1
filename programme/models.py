"""Programme content: the programme, its phases, partner organisations, donor contacts,
reusable boilerplate texts, and the country and theme vocabularies used by every app."""

from __future__ import annotations

from babel import Locale as BabelLocale
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from programme.blocks import RICH_TEXT_FEATURES, base_blocks


def current_language() -> str:
    return (get_language() or "ru").split("-")[0]


# --- Vocabularies -------------------------------------------------------------------------


class CountryTag(TagBase):
    """A country, identified by its ISO 3166-1 alpha-2 code as slug (``kz``) in every locale.

    Labels come from CLDR through Babel, so no one translates country names by hand.
    ``free_tagging = False`` makes Wagtail's tag widget offer existing countries only.
    """

    free_tagging = False

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["slug"]

    @property
    def code(self) -> str:
        return self.slug.upper()

    def label(self, language: str | None = None) -> str:
        language = language or current_language()
        try:
            return BabelLocale.parse(language).territories.get(self.code) or self.name
        except (ValueError, LookupError):
            return self.name


class ThemeTag(TagBase, ClusterableModel):
    """A theme (``prevention``, ``treatment``...): stable slug, a label per locale.

    ``name`` is the label in the default language; ``labels`` hold the others and are
    edited by editors in the admin (Snippets > Themes), no code needed.
    """

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["slug"]

    panels = [FieldPanel("name"), FieldPanel("slug"), InlinePanel("labels", label=_("Labels"))]

    def label(self, language: str | None = None) -> str:
        language = language or current_language()
        for item in self.labels.all():  # uses prefetch_related("labels") when given
            if item.language == language:
                return item.label
        return self.name


class ThemeLabel(Orderable):
    theme = ParentalKey(ThemeTag, on_delete=models.CASCADE, related_name="labels")
    language = models.CharField(_("language"), max_length=10)
    label = models.CharField(_("label"), max_length=100)

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["theme", "language"], name="unique_theme_label_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.theme.slug} [{self.language}] {self.label}"


# --- Reusable texts -----------------------------------------------------------------------


class Boilerplate(TranslatableMixin, models.Model):
    """A reusable text (about the programme, credits, donor boilerplate, disclaimer).

    Articles choose one per kind (the site settings hold the default), so a change to the
    boilerplate reaches every article at once instead of living pasted in each body.
    """

    class Kind(models.TextChoices):
        ABOUT_PROGRAMME = "about_programme", _("About the programme")
        IMPLEMENTER_CREDIT = "implementer_credit", _("Implementer credit")
        FUNDER_CREDIT = "funder_credit", _("Funder credit")
        DONOR = "donor", _("Donor boilerplate")
        DISCLAIMER = "disclaimer", _("Disclaimer")
        FOOTER = "footer", _("Footer text")

    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)
    text = RichTextField(_("text"), features=RICH_TEXT_FEATURES)

    panels = [FieldPanel("kind"), FieldPanel("title"), FieldPanel("text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("boilerplate")
        verbose_name_plural = _("boilerplates")
        ordering = ["kind", "title"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"


register_snippet(Boilerplate)


# --- Programme and phases -----------------------------------------------------------------


class ProgrammePage(Page):
    """The programme as a whole; its children are the phases."""

    acronym = models.CharField(_("acronym"), max_length=32, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    body = StreamField(base_blocks(), blank=True, verbose_name=_("body"))

    subpage_types = ["programme.ProgrammePhasePage"]
    parent_page_types = ["portal.HomePage"]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("start_year")]),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("acronym", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("acronym"),
        APIField("summary"),
        APIField("start_year"),
        APIField("body"),
    ]

    class Meta:
        verbose_name = _("programme")

    def phases(self):
        return ProgrammePhasePage.objects.child_of(self).live().public().order_by("number")


class ProgrammePhasePage(Page):
    """One phase of the programme, with its dates, budget, places, themes and partners."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed")

    number = models.PositiveSmallIntegerField(_("phase number"))
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    budget_amount = models.DecimalField(
        _("budget"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    budget_currency = models.CharField(
        _("currency"), max_length=3, default="EUR", help_text=_("ISO 4217 code, e.g. EUR")
    )
    status_override = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        blank=True,
        help_text=_("Leave empty to derive the status from the dates."),
    )
    summary = models.TextField(_("summary"), blank=True)
    objectives = StreamField(base_blocks(), blank=True, verbose_name=_("objectives"))
    results = StreamField(base_blocks(), blank=True, verbose_name=_("results"))
    countries = ClusterTaggableManager(
        through="programme.PhaseCountry",
        blank=True,
        verbose_name=_("countries"),
        related_name="tagged_phases",
    )
    themes = ClusterTaggableManager(
        through="programme.PhaseTheme",
        blank=True,
        verbose_name=_("themes"),
        related_name="tagged_phases",
    )

    parent_page_types = ["programme.ProgrammePage"]
    subpage_types: list[str] = []

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("number"), FieldPanel("status_override")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("budget_amount"), FieldPanel("budget_currency")]),
            ],
            heading=_("Phase"),
        ),
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("results"),
        MultiFieldPanel([FieldPanel("countries"), FieldPanel("themes")], heading=_("Tags")),
        InlinePanel("phase_partners", label=_("Partners")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("objectives"),
        index.SearchField("results"),
        index.FilterField("number"),
        index.FilterField("start_date"),
        index.FilterField("countries"),
        index.FilterField("themes"),
    ]
    api_fields = [
        APIField("number"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("budget_amount"),
        APIField("budget_currency"),
        APIField("status"),
        APIField("summary"),
        APIField("objectives"),
        APIField("results"),
    ]

    class Meta:
        verbose_name = _("programme phase")

    @property
    def status(self) -> str:
        if self.status_override:
            return self.status_override
        today = timezone.localdate()
        if self.start_date and self.start_date > today:
            return self.Status.PLANNED
        if self.end_date and self.end_date < today:
            return self.Status.CLOSED
        return self.Status.ACTIVE

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        currency = (self.budget_currency or "").upper()
        if currency and not is_iso_currency(currency):
            errors["budget_currency"] = _("“%(code)s” is not an ISO 4217 currency code.") % {
                "code": self.budget_currency
            }
        self.budget_currency = currency
        if errors:
            raise ValidationError(errors)


def is_iso_currency(code: str) -> bool:
    from babel.numbers import list_currencies

    return code.upper() in list_currencies()


class PhaseCountry(ItemBase):
    tag = models.ForeignKey(CountryTag, on_delete=models.CASCADE, related_name="phase_items")
    content_object = ParentalKey(
        ProgrammePhasePage, on_delete=models.CASCADE, related_name="country_items"
    )


class PhaseTheme(ItemBase):
    tag = models.ForeignKey(ThemeTag, on_delete=models.CASCADE, related_name="phase_items")
    content_object = ParentalKey(
        ProgrammePhasePage, on_delete=models.CASCADE, related_name="theme_items"
    )


class PhasePartner(Orderable):
    """A partner's role in one phase: the same agency may fund one phase and implement another."""

    class Role(models.TextChoices):
        FUNDING = "funding", _("Funding")
        IMPLEMENTING = "implementing", _("Implementing")
        BENEFICIARY = "beneficiary", _("Beneficiary")
        ASSOCIATE = "associate", _("Associate")

    phase = ParentalKey(ProgrammePhasePage, on_delete=models.CASCADE, related_name="phase_partners")
    partner = models.ForeignKey(
        "programme.PartnerOrganisationPage",
        on_delete=models.CASCADE,
        related_name="phase_roles",
        verbose_name=_("partner"),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)

    panels = [FieldPanel("partner"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("phase partner")


# --- Partners -----------------------------------------------------------------------------


class PartnerIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    subpage_types = ["programme.PartnerOrganisationPage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("partner index")


class PartnerOrganisationPage(Page):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Government agency")
        CIVIL_SOCIETY = "civil_society", _("Civil society organisation")
        IMPLEMENTING = "implementing", _("Implementing agency")
        DONOR = "donor", _("Donor")
        INTERNATIONAL = "international", _("International organisation")

    acronym = models.CharField(_("acronym"), max_length=32, blank=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    country = models.ForeignKey(
        CountryTag,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partners",
        verbose_name=_("country"),
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    themes = ClusterTaggableManager(
        through="programme.PartnerTheme",
        blank=True,
        verbose_name=_("themes"),
        related_name="tagged_partners",
    )

    parent_page_types = ["programme.PartnerIndexPage"]
    subpage_types: list[str] = []

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("country"), FieldPanel("website")]),
        FieldPanel("logo"),
        FieldPanel("description"),
        FieldPanel("themes"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("acronym", boost=3),
        index.SearchField("description"),
        index.AutocompleteField("acronym"),
        index.FilterField("kind"),
        index.FilterField("country"),
        index.FilterField("themes"),
    ]
    api_fields = [
        APIField("acronym"),
        APIField("kind"),
        APIField("website"),
        APIField("description"),
    ]

    class Meta:
        verbose_name = _("partner organisation")

    @property
    def display_name(self) -> str:
        return f"{self.title} ({self.acronym})" if self.acronym else self.title


class PartnerTheme(ItemBase):
    tag = models.ForeignKey(ThemeTag, on_delete=models.CASCADE, related_name="partner_items")
    content_object = ParentalKey(
        PartnerOrganisationPage, on_delete=models.CASCADE, related_name="theme_items"
    )


# --- Donor contacts -----------------------------------------------------------------------


class ContactIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    subpage_types = ["programme.DonorContactPage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("contact index")


class DonorContactPage(Page):
    """A media or donor contact office (e.g. a delegation), reusable in press releases."""

    office_name = models.CharField(_("office"), max_length=255)
    organisation = models.ForeignKey(
        PartnerOrganisationPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
        verbose_name=_("organisation"),
    )
    street_address = models.CharField(_("street address"), max_length=255, blank=True)
    locality = models.CharField(_("city"), max_length=100, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    region = models.CharField(_("region"), max_length=100, blank=True)
    country = models.ForeignKey(
        CountryTag,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
        verbose_name=_("country"),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)

    parent_page_types = ["programme.ContactIndexPage"]
    subpage_types: list[str] = []

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("office_name"), FieldPanel("organisation")]),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("locality")]),
                FieldRowPanel([FieldPanel("region"), FieldPanel("country")]),
            ],
            heading=_("Postal address"),
        ),
        InlinePanel("phones", label=_("Phone numbers")),
        FieldRowPanel([FieldPanel("email"), FieldPanel("website")]),
        InlinePanel("social_links", label=_("Social links")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("office_name", boost=2),
        index.SearchField("locality"),
        index.SearchField("street_address"),
        index.AutocompleteField("office_name"),
        index.FilterField("country"),
    ]
    api_fields = [
        APIField("office_name"),
        APIField("street_address"),
        APIField("locality"),
        APIField("postal_code"),
        APIField("region"),
        APIField("email"),
        APIField("website"),
    ]

    class Meta:
        verbose_name = _("donor contact")


class ContactPhone(Orderable):
    contact = ParentalKey(DonorContactPage, on_delete=models.CASCADE, related_name="phones")
    label = models.CharField(_("label"), max_length=64, blank=True)
    number = models.CharField(_("number"), max_length=32)

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("number")])]


class ContactSocialLink(Orderable):
    class Network(models.TextChoices):
        FACEBOOK = "facebook", "Facebook"
        X = "x", "X (Twitter)"
        INSTAGRAM = "instagram", "Instagram"
        LINKEDIN = "linkedin", "LinkedIn"
        YOUTUBE = "youtube", "YouTube"
        TELEGRAM = "telegram", "Telegram"
        OTHER = "other", _("Other")

    contact = ParentalKey(DonorContactPage, on_delete=models.CASCADE, related_name="social_links")
    network = models.CharField(_("network"), max_length=16, choices=Network.choices)
    url = models.URLField(_("URL"))

    panels = [FieldRowPanel([FieldPanel("network"), FieldPanel("url")])]
