"""Programme content: the programme, its phases, partner organisations, donor contacts,
reusable boilerplate texts, and the country and theme vocabularies used by every app."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from babel import Locale as BabelLocale
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from programme import money, timeline, vcard
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

    panels = [FieldPanel("slug"), FieldPanel("name")]

    def label(self, language: str | None = None) -> str:
        """CLDR's name, unless ``PROGRAMME_COUNTRY_LABELS`` prefers another (the region
        writes "Кыргызстан" where CLDR's Russian says "Киргизия")."""
        language = language or current_language()
        override = country_label_overrides().get(language, {}).get(self.code)
        if override:
            return override
        try:
            return BabelLocale.parse(language).territories.get(self.code) or self.name
        except (ValueError, LookupError):
            return self.name

    def clean(self) -> None:
        self.slug = (self.slug or "").strip().lower()
        if not is_iso_country(self.slug):
            raise ValidationError(
                {
                    "slug": _("“%(code)s” is not an ISO 3166-1 alpha-2 country code.")
                    % {"code": self.slug}
                }
            )
        if not self.name:
            self.name = self.label(settings.LANGUAGE_CODE)

    def save(self, *args, **kwargs):
        # The slug is the ISO code, never derived from the (localised) name.
        self.slug = (self.slug or "").strip().lower()
        if not self.name and self.slug:
            self.name = self.label(settings.LANGUAGE_CODE)
        return super().save(*args, **kwargs)

    @classmethod
    def for_code(cls, code: str) -> CountryTag:
        """The tag of an ISO code, created (named from CLDR) on first use."""
        code = code.strip().lower()
        if not is_iso_country(code):
            raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-2 country code")
        tag = cls.objects.filter(slug=code).first()
        if tag is None:
            tag = cls(slug=code)
            tag.name = tag.label(settings.LANGUAGE_CODE)
            tag.save()
        return tag


DEFAULT_COUNTRY_LABELS = {"ru": {"KG": "Кыргызстан"}}
# CLDR territories that are no ISO 3166-1 country: unknown, pseudo, unions, regions.
NOT_COUNTRIES = {"ZZ", "QO", "EU", "EZ", "UN", "XA", "XB"}


def country_label_overrides() -> dict[str, dict[str, str]]:
    return getattr(settings, "PROGRAMME_COUNTRY_LABELS", DEFAULT_COUNTRY_LABELS)


def is_iso_country(code: str) -> bool:
    """ISO 3166-1 alpha-2 codes known to CLDR (``kz``); regions (``150``), ``EU``, ``ZZ``
    and the like are not countries."""
    code = (code or "").upper()
    return (
        len(code) == 2
        and code.isalpha()
        and code not in NOT_COUNTRIES
        and code in BabelLocale.parse("en").territories
    )


class ThemeTag(TagBase, ClusterableModel):
    """A theme (``prevention``, ``treatment``...): stable slug, a label per locale.

    ``name`` is the label in the default language; ``labels`` hold the others and are
    edited by editors in the admin (Snippets > Themes), no code needed.
    """

    # A controlled vocabulary: an editor typing an English label into the tag widget must not
    # create a second "prevention"; new themes are added under Snippets > Themes.
    free_tagging = False

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["slug"]

    panels = [
        FieldPanel("name", help_text=_("The label in the site's default language.")),
        FieldPanel("slug", help_text=_("Stable identifier shared by every language.")),
        InlinePanel("labels", label=_("Labels in other languages")),
    ]

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

    panels = [
        FieldRowPanel(
            [
                FieldPanel("language", widget=forms.Select(choices=settings.LANGUAGES)),
                FieldPanel("label"),
            ]
        )
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["theme", "language"], name="unique_theme_label_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.theme.slug} [{self.language}] {self.label}"

    def clean(self) -> None:
        if self.language not in dict(settings.LANGUAGES):
            raise ValidationError({"language": _("Choose one of the site's languages.")})


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

    # Translation (docs/translation.md): the start year is a fact, the texts are translated.
    override_translatable_fields = [
        SynchronizedField("start_year"),
        TranslatableField("acronym"),
    ]

    class Meta:
        verbose_name = _("programme")

    def phases(self):
        """Live, public phases of this programme (never aliases), in phase order."""
        return (
            ProgrammePhasePage.objects.child_of(self)
            .live()
            .public()
            .filter(alias_of__isnull=True)
            .order_by("number", "start_date")
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
            money.format_money(amount, currency, language)
            for currency, amount in self.budget_totals(phases).items()
        ]

    def partners_with_role(self, role: str, phases=None) -> list[PartnerOrganisationPage]:
        """Distinct partners holding ``role`` in any live phase, in the reader's locale."""
        phases = self.phases() if phases is None else phases
        links = (
            PhasePartner.objects.filter(phase__in=[p.pk for p in phases], role=role)
            .select_related("partner")
            .order_by("phase__number", "sort_order")
        )
        seen: dict[int, PartnerOrganisationPage] = {}
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


def localized_pages(pages: list[Page], language: str | None = None) -> list[Page]:
    """Each page replaced by its live translation in the reader's locale when there is one.

    One query for the whole list (``page.localized`` costs one per page). Relations to
    pages are synchronised, so a translated phase still points at the source partners.
    """
    if not pages:
        return []
    from wagtail.models import Locale

    language = language or current_language()
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return pages
    keys = {p.translation_key for p in pages if p.locale_id != locale.pk}
    if not keys:
        return pages
    model = type(pages[0])
    found = {
        t.translation_key: t
        for t in model.objects.filter(translation_key__in=keys, locale=locale)
        .live()
        .filter(alias_of__isnull=True)
    }
    return [found.get(p.translation_key, p) if p.locale_id != locale.pk else p for p in pages]


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
        APIField("countries"),
        APIField("themes"),
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

    @property
    def status_label(self) -> str:
        return str(self.Status(self.status).label)

    def budget_display(self, language: str | None = None) -> str:
        return money.format_money(self.budget_amount, self.budget_currency, language)

    def budget_compact(self, language: str | None = None) -> str:
        return money.format_money_compact(self.budget_amount, self.budget_currency, language)

    @property
    def duration_label(self) -> str:
        if not self.start_date:
            return ""
        end = self.end_date.year if self.end_date else "…"
        return f"{self.start_date.year}–{end}"

    def partners_by_role(self) -> list[tuple[str, list[PartnerOrganisationPage]]]:
        """[(role label, partners in the reader's locale)] in the order of Role."""
        links = list(self.phase_partners.select_related("partner").order_by("sort_order"))
        localized = {
            p.translation_key: p for p in localized_pages([link.partner for link in links])
        }
        groups: list[tuple[str, list[PartnerOrganisationPage]]] = []
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
        if currency and not is_iso_currency(currency):
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
    ]


def is_iso_currency(code: str) -> bool:
    return money.is_iso_currency(code)


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
    """Lists its partner organisations; readers filter by kind, country and theme."""

    PER_PAGE = 24
    LOGO_FILTER = "max-240x120"

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    subpage_types = ["programme.PartnerOrganisationPage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("partner index")

    def partners(self) -> models.QuerySet:
        """Live, public partners (no aliases) with everything the listing shows, prefetched."""
        from wagtail.images import get_image_model

        return (
            PartnerOrganisationPage.objects.child_of(self)
            .live()
            .public()
            .filter(alias_of__isnull=True)
            .select_related("country")
            .prefetch_related(
                models.Prefetch(
                    "logo",
                    queryset=get_image_model().objects.prefetch_renditions(self.LOGO_FILTER),
                ),
                models.Prefetch(
                    "theme_items",
                    queryset=PartnerTheme.objects.select_related("tag").prefetch_related(
                        "tag__labels"
                    ),
                ),
            )
            .order_by("title")
        )

    def filter_form(self, request: HttpRequest):
        from programme.filters import PartnerFilterForm

        return PartnerFilterForm(
            request.GET or None,
            kinds=PartnerOrganisationPage.Kind.choices,
            countries=CountryTag.objects.all(),
            themes=ThemeTag.objects.prefetch_related("labels"),
            language=current_language(),
        )

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

        context = super().get_context(request, *args, **kwargs)
        form = self.filter_form(request)
        partners = self.partners()
        bad_input: list[str] = []
        if form.is_bound and not form.is_valid():
            bad_input = [str(e) for errors in form.errors.values() for e in errors]
            partners = partners.none()
        else:
            filters = form.active_filters()
            if "kind" in filters:
                partners = partners.filter(kind=filters["kind"])
            if "country" in filters:
                partners = partners.filter(country__slug=filters["country"])
            if "theme" in filters:
                partners = partners.filter(theme_items__tag__slug=filters["theme"]).distinct()
        paginator = Paginator(partners, self.PER_PAGE)
        try:
            page_obj = paginator.page(request.GET.get("page") or 1)
        except PageNotAnInteger:
            bad_input.append(str(_("The page number must be a whole number.")))
            page_obj = paginator.page(1)
            page_obj.object_list = []
        except EmptyPage:
            bad_input.append(str(_("There is no such page of results.")))
            page_obj = paginator.page(1)
            page_obj.object_list = []
        context.update(
            filter_form=form,
            partners=list(page_obj.object_list),
            page_obj=page_obj,
            bad_input=bad_input,
            querystring_without_page=_querystring_without_page(request),
        )
        return context

    def serve(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = super().serve(request, *args, **kwargs)
        if getattr(response, "context_data", None) and response.context_data.get("bad_input"):
            response.status_code = 400
        return response


def _querystring_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


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

    def theme_tags(self) -> list[ThemeTag]:
        """The themes through ``theme_items`` (prefetched by listings) in slug order."""
        return sorted((item.tag for item in self.theme_items.all()), key=lambda t: t.slug)

    def roles_in_phases(self) -> models.QuerySet:
        """This organisation's roles in live phases of the reader's tree.

        Phase partners are synchronised between translations and keep pointing at the source
        organisation, so the match is on the translation key, not the page id.
        """
        return (
            PhasePartner.objects.filter(
                partner__translation_key=self.translation_key,
                phase__in=ProgrammePhasePage.objects.live()
                .public()
                .filter(locale_id=self.locale_id, alias_of__isnull=True),
            )
            .select_related("phase")
            .order_by("phase__number")
        )

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["phase_roles"] = list(self.roles_in_phases())
        context["contacts"] = list(
            DonorContactPage.objects.live()
            .public()
            .filter(
                organisation__translation_key=self.translation_key,
                locale_id=self.locale_id,
                alias_of__isnull=True,
            )
            .order_by("title")
        )
        return context

    # Translation (docs/translation.md): names and descriptions are translated; the kind,
    # country, website, logo and themes are synchronised.
    override_translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("country"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
        SynchronizedField("theme_items"),
    ]


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

    def contacts(self) -> models.QuerySet:
        """Live, public contact cards (no aliases) with phones and links prefetched."""
        return (
            DonorContactPage.objects.child_of(self)
            .live()
            .public()
            .filter(alias_of__isnull=True)
            .select_related("country", "organisation")
            .prefetch_related("phones", "social_links")
            .order_by("title")
        )

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        contacts = list(self.contacts())
        organisations = localized_pages(
            list({c.organisation_id: c.organisation for c in contacts if c.organisation}.values())
        )
        by_key = {o.translation_key: o for o in organisations}
        for contact in contacts:
            if contact.organisation is not None:
                contact.localized_organisation = by_key.get(
                    contact.organisation.translation_key, contact.organisation
                )
        context["contacts"] = contacts
        return context


class DonorContactPage(RoutablePageMixin, Page):
    """A media or donor contact office (e.g. a delegation), reusable in press releases.

    ``/…/<slug>/vcard/`` downloads the card as ``<slug>.vcf`` for address books (Wagtail's
    page URLs allow no dot, hence no ``.vcf`` in the path itself).
    """

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

    def address_lines(self, language: str | None = None) -> list[str]:
        lines = [self.street_address]
        lines.append(" ".join(part for part in [self.postal_code, self.locality] if part))
        lines.append(self.region)
        if self.country is not None:
            lines.append(self.country.label(language))
        return [line for line in lines if line]

    def organisation_name(self) -> str:
        organisation = getattr(self, "localized_organisation", None) or self.organisation
        if organisation is None:
            return ""
        if organisation.locale_id != self.locale_id:
            organisation = localized_pages([organisation], self.locale.language_code)[0]
        return organisation.title

    def to_vcard(self) -> vcard.Card:
        language = self.locale.language_code
        return vcard.Card(
            formatted_name=self.office_name or self.title,
            organisation=[self.organisation_name() or self.office_name, self.office_name]
            if self.organisation_id
            else [self.office_name],
            address=vcard.Address(
                street=self.street_address,
                locality=self.locality,
                region=self.region,
                postal_code=self.postal_code,
                country=self.country.label(language) if self.country else "",
            ),
            phones=[(phone.label, phone.number) for phone in self.phones.all()],
            emails=[self.email] if self.email else [],
            urls=[self.website] if self.website else [],
            social=[(link.network, link.url) for link in self.social_links.all()],
        )

    @path("vcard/", name="vcard")
    def vcard_download(self, request: HttpRequest) -> HttpResponse:
        response = HttpResponse(
            self.to_vcard().serialize(), content_type="text/vcard; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.vcf"'
        return response

    def vcard_url(self, request: HttpRequest | None = None) -> str:
        url = self.get_url(request)
        return f"{url}vcard/" if url else ""

    # Translation (docs/translation.md): office name and address lines are translated (or
    # transliterated); codes, e-mail, phones and links are synchronised.
    override_translatable_fields = [
        SynchronizedField("organisation"),
        SynchronizedField("postal_code", overridable=False),
        SynchronizedField("country"),
        SynchronizedField("email"),
        SynchronizedField("website"),
        SynchronizedField("phones"),
        SynchronizedField("social_links"),
    ]


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
