"""Partner organisations (government agencies, civil society, implementers, donors) and the
index that lists them, filtered by kind, country and theme."""

from __future__ import annotations

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from headless.visibility import visible_pages
from programme.blocks import RICH_TEXT_FEATURES
from programme.filters import PartnerFilterForm
from programme.models.bases import IntroIndexPage
from programme.models.phases import PhasePartner, ProgrammePhasePage
from programme.models.reader import current_language
from programme.models.vocabularies import CountryTag, ThemeTag, ThemeTagsMixin, tags_field


class PartnerIndexPage(IntroIndexPage):
    """Lists its partner organisations; readers filter by kind, country and theme."""

    PER_PAGE = 24
    LOGO_FILTER = "max-240x120"

    subpage_types = ["programme.PartnerOrganisationPage"]

    class Meta:
        verbose_name = _("partner index")
        verbose_name_plural = _("partner indexes")

    def partners(self) -> models.QuerySet:
        """Live, public partners (no aliases) with everything the listing shows, prefetched."""
        return (
            visible_pages(PartnerOrganisationPage.objects.child_of(self))
            .select_related("country")
            .prefetch_related(
                models.Prefetch(
                    "logo",
                    queryset=get_image_model().objects.prefetch_renditions(self.LOGO_FILTER),
                ),
                models.Prefetch(
                    "theme_items",
                    # Theme labels come from the request's table (``ThemeTag.label``).
                    queryset=PartnerTheme.objects.select_related("tag"),
                ),
            )
            .order_by("title")
        )

    def filter_form(self, request: HttpRequest) -> PartnerFilterForm:
        return PartnerFilterForm(
            request.GET or None,
            kinds=PartnerOrganisationPage.Kind.choices,
            countries=CountryTag.objects.all(),
            themes=ThemeTag.objects.all(),  # labels: the request's table (ThemeTag.label)
            language=current_language(),
        )

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
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


class PartnerOrganisationPage(ThemeTagsMixin, Page):
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
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    themes = tags_field(ThemeTag, "programme.PartnerTheme", related_name="tagged_partners")

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
        verbose_name_plural = _("partner organisations")

    @property
    def display_name(self) -> str:
        return f"{self.title} ({self.acronym})" if self.acronym else self.title

    def roles_in_phases(self) -> models.QuerySet:
        """This organisation's roles in live phases of the reader's tree.

        Phase partners are synchronised between translations and keep pointing at the source
        organisation, so the match is on the translation key, not the page id.
        """
        return (
            PhasePartner.objects.filter(
                partner__translation_key=self.translation_key,
                phase__in=visible_pages(
                    ProgrammePhasePage.objects.filter(locale_id=self.locale_id)
                ),
            )
            .select_related("phase")
            .order_by("phase__number")
        )

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["phase_roles"] = list(self.roles_in_phases())
        context["contacts"] = list(self.contact_pages())
        return context

    def contact_pages(self) -> models.QuerySet:
        """Visible contact offices of this organisation in its locale, matched on the
        translation key (contacts keep pointing at the source organisation).

        The contact model comes through the ``contacts`` reverse relation, not an import:
        ``programme.models.contacts`` imports this module for its foreign key.
        """
        contact_page = self._meta.get_field("contacts").related_model
        return visible_pages(
            contact_page.objects.filter(
                organisation__translation_key=self.translation_key, locale_id=self.locale_id
            )
        ).order_by("title")

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
