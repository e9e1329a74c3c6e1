"""Donor and media contact offices (a delegation, an agency's press office) under a contacts
index: postal address, phones, e-mail and social links, downloadable as a vCard and reusable
as the contact block of a press release."""

from __future__ import annotations

from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from headless.visibility import visible_pages
from programme import vcard
from programme.models.bases import IntroIndexPage
from programme.models.partners import PartnerOrganisationPage
from programme.models.reader import localized_pages
from programme.models.vocabularies import CountryTag


class ContactIndexPage(IntroIndexPage):
    """Lists its donor and media contact offices."""

    subpage_types = ["programme.DonorContactPage"]

    class Meta:
        verbose_name = _("contact index")
        verbose_name_plural = _("contact indexes")

    def contacts(self) -> models.QuerySet:
        """Live, public contact cards (no aliases) with phones and links prefetched."""
        return (
            visible_pages(DonorContactPage.objects.child_of(self))
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
        verbose_name_plural = _("donor contacts")

    def attach_lines(self) -> None:
        """Read the phones and social links together, in ONE query (a ``UNION ALL`` of the
        two tables), and leave them where ``phones.all`` and ``social_links.all`` look."""
        if not self.pk:
            return
        phones = (
            ContactPhone.objects.filter(contact_id=self.pk)
            .annotate(line=models.Value(0))
            .values_list("line", "pk", "sort_order", "label", "number")
            .order_by()
        )
        links = (
            ContactSocialLink.objects.filter(contact_id=self.pk)
            .annotate(line=models.Value(1))
            .values_list("line", "pk", "sort_order", "network", "url")
            .order_by()
        )
        found: dict[int, list] = {0: [], 1: []}
        for line, pk, order, first, second in phones.union(links, all=True):
            if line == 0:
                item = ContactPhone(pk=pk, sort_order=order, label=first, number=second)
            else:
                item = ContactSocialLink(pk=pk, sort_order=order, network=first, url=second)
            item.contact_id = self.pk
            found[line].append(item)
        cache = getattr(self, "_prefetched_objects_cache", None)
        if cache is None:
            cache = self._prefetched_objects_cache = {}
        for name, model, items in (
            ("phones", ContactPhone, found[0]),
            ("social_links", ContactSocialLink, found[1]),
        ):
            queryset = model.objects.filter(contact_id=self.pk)
            queryset._result_cache = sorted(items, key=lambda item: (item.sort_order or 0, item.pk))
            queryset._prefetch_done = True
            cache[name] = queryset

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

    class Meta(Orderable.Meta):
        verbose_name = _("phone number")
        verbose_name_plural = _("phone numbers")


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

    class Meta(Orderable.Meta):
        verbose_name = _("social link")
        verbose_name_plural = _("social links")
