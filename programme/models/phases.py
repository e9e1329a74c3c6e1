"""The programme and its phases: dates, budget, countries and themes, and the partners'
roles in each phase (the same agency may fund one phase and implement another)."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from headless.visibility import visible_pages
from programme import l10n, timeline
from programme.admin_forms import HeroImagePageForm
from programme.blocks import base_blocks
from programme.models.images import HeroImageMixin
from programme.models.reader import current_language, localized_pages
from programme.models.vocabularies import (
    CountryTag,
    CountryTagsMixin,
    ThemeTag,
    ThemeTagsMixin,
    tags_field,
)


class ProgrammePage(HeroImageMixin, Page):
    """The programme as a whole; its children are the phases."""

    acronym = models.CharField(_("acronym"), max_length=32, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    body = StreamField(base_blocks(), blank=True, verbose_name=_("body"))

    subpage_types = ["programme.ProgrammePhasePage"]
    parent_page_types = ["portal.HomePage"]
    base_form_class = HeroImagePageForm
    #: Read with the page when it is served (``portal.routing``): the page shows it.
    serve_related = ("hero_image",)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("acronym"), FieldPanel("start_year")]),
        FieldPanel("summary"),
        HeroImageMixin.hero_panel(),
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

    # Translation (docs/translation.md): the start year is a fact, the texts are translated.
    override_translatable_fields = [
        SynchronizedField("start_year"),
        TranslatableField("acronym"),
        *HeroImageMixin.hero_translation_fields(),
    ]

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def phases(self):
        """Live, public phases of this programme (never aliases), in phase order."""
        return visible_pages(ProgrammePhasePage.objects.child_of(self)).order_by(
            "number", "start_date"
        )

    def budget_totals(self, phases=None) -> dict[str, Decimal]:
        """Sum of the phases' budgets, one total per currency (EUR and USD never add up).

        Computed from the phases, so a total is never typed and never stale.
        """
        phases = self.phases() if phases is None else phases
        if isinstance(phases, models.QuerySet):
            rows = (
                phases.exclude(budget_amount__isnull=True)
                .order_by()
                .values("budget_currency")
                .annotate(total=models.Sum("budget_amount"))
            )
            return {
                row["budget_currency"]: row["total"]
                for row in sorted(rows, key=lambda r: r["budget_currency"])
            }
        totals: dict[str, Decimal] = defaultdict(Decimal)
        for phase in phases:
            if phase.budget_amount is not None:
                totals[phase.budget_currency] += phase.budget_amount
        return dict(sorted(totals.items()))

    def formatted_budget_totals(self, phases=None, language: str | None = None) -> list[str]:
        return [
            l10n.format_money(amount, currency, language)
            for currency, amount in self.budget_totals(phases).items()
        ]

    def partners_with_role(self, role: str, phases=None) -> list[Page]:
        """Distinct partner organisations holding ``role`` in any live phase, in the
        reader's locale."""
        phases = self.phases() if phases is None else phases
        links = (
            PhasePartner.objects.filter(phase__in=[p.pk for p in phases], role=role)
            .select_related("partner")
            .order_by("phase__number", "sort_order")
        )
        seen: dict[int, Page] = {}
        for link in links:
            seen.setdefault(link.partner_id, link.partner)
        return localized_pages(list(seen.values()))

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        phases = list(self.phases())
        language = current_language()
        context["phases"] = phases
        context["timeline"] = timeline.build_timeline(phases, timezone.localdate())
        context["budget_totals"] = self.formatted_budget_totals(phases, language)
        context["funders"] = self.partners_with_role(PhasePartner.Role.FUNDING, phases)
        context["implementers"] = self.partners_with_role(PhasePartner.Role.IMPLEMENTING, phases)
        return context


class ProgrammePhasePage(CountryTagsMixin, ThemeTagsMixin, HeroImageMixin, Page):
    """One phase of the programme, with its dates, budget, places, themes and partners."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Active")
        CLOSED = "closed", _("Closed")

    number = models.PositiveSmallIntegerField(_("phase number"))
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    budget_amount = models.DecimalField(
        _("budget"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
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
    countries = tags_field(CountryTag, "programme.PhaseCountry", related_name="tagged_phases")
    themes = tags_field(ThemeTag, "programme.PhaseTheme", related_name="tagged_phases")

    parent_page_types = ["programme.ProgrammePage"]
    subpage_types: list[str] = []
    base_form_class = HeroImagePageForm
    serve_related = ("hero_image",)

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
        HeroImageMixin.hero_panel(),
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
        APIField("countries"),
        APIField("themes"),
    ]

    class Meta:
        verbose_name = _("programme phase")
        verbose_name_plural = _("programme phases")

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

    @property
    def status_label(self) -> str:
        return str(self.Status(self.status).label)

    def budget_display(self, language: str | None = None) -> str:
        return l10n.format_money(self.budget_amount, self.budget_currency, language)

    def budget_compact(self, language: str | None = None) -> str:
        return l10n.format_money_compact(self.budget_amount, self.budget_currency, language)

    @property
    def duration_label(self) -> str:
        if not self.start_date:
            return ""
        end = self.end_date.year if self.end_date else "…"
        return f"{self.start_date.year}–{end}"

    def partners_by_role(self) -> list[tuple[str, list[Page]]]:
        """[(role label, partner organisations in the reader's locale)] in the order of Role."""
        links = list(self.phase_partners.select_related("partner").order_by("sort_order"))
        localized = {
            p.translation_key: p for p in localized_pages([link.partner for link in links])
        }
        groups: list[tuple[str, list[Page]]] = []
        for role in PhasePartner.Role:
            partners = [
                localized[link.partner.translation_key] for link in links if link.role == role
            ]
            if partners:
                groups.append((str(role.label), partners))
        return groups

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        currency = (self.budget_currency or "").strip().upper()
        if currency and not l10n.is_iso_currency(currency):
            errors["budget_currency"] = _(
                "“%(code)s” is not an ISO 4217 currency code (for example EUR, USD, KZT)."
            ) % {"code": self.budget_currency}
        elif self.budget_amount is not None and not currency:
            errors["budget_currency"] = _("Give the currency of the budget (ISO 4217, e.g. EUR).")
        self.budget_currency = currency
        if errors:
            raise ValidationError(errors)

    # Translation (docs/translation.md): facts (number, dates, money, status, tags, partners)
    # are synchronised from the source; texts are translated.
    override_translatable_fields = [
        SynchronizedField("number"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("budget_amount"),
        SynchronizedField("budget_currency", overridable=False),
        SynchronizedField("status_override"),
        SynchronizedField("country_items"),
        SynchronizedField("theme_items"),
        SynchronizedField("phase_partners"),
        *HeroImageMixin.hero_translation_fields(),
    ]


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
        verbose_name_plural = _("phase partners")
