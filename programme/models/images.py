"""The hero image fields of a page (news items, the programme, its phases), with their alt
text and "decorative" flag (``programme.images``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail_localize.fields import SynchronizedField, TranslatableField

from programme.images import alt_text


class HeroImageMixin(models.Model):
    """A hero image with its caption, credit, alt text and decorative flag.

    The image, its credit and the flag are facts synchronised to translations; the caption
    and the alt text are translated with the page. Page types using it set
    ``base_form_class = HeroImagePageForm`` so the admin asks for the alt text.
    """

    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
    )
    hero_alt = models.CharField(
        _("alt text"),
        max_length=255,
        blank=True,
        help_text=_(
            "What the image shows, for readers who cannot see it, in this page’s language. "
            "Empty: the image’s description in the image library."
        ),
    )
    hero_decorative = models.BooleanField(
        _("decorative image"),
        default=False,
        help_text=_("Tick when the image adds nothing to the text: screen readers skip it."),
    )
    hero_caption = models.CharField(_("hero caption"), max_length=255, blank=True)
    hero_credit = models.CharField(_("hero credit"), max_length=255, blank=True)

    #: (image field, alt text field, decorative field) for ``ImageAltFormMixin``.
    image_alt_fields = [("hero_image", "hero_alt", "hero_decorative")]

    class Meta:
        abstract = True

    @property
    def hero_alt_text(self) -> str:
        return alt_text(self.hero_image, self.hero_alt, self.hero_decorative)

    @classmethod
    def hero_panel(cls) -> MultiFieldPanel:
        return MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_alt"),
                FieldPanel("hero_decorative"),
                FieldPanel("hero_caption"),
                FieldPanel("hero_credit"),
            ],
            heading=_("Hero image"),
        )

    @classmethod
    def hero_translation_fields(cls) -> list:
        """For ``override_translatable_fields``: the image, credit and flag are synchronised,
        the caption and alt text translated."""
        return [
            SynchronizedField("hero_image"),
            SynchronizedField("hero_credit"),
            SynchronizedField("hero_decorative"),
            TranslatableField("hero_caption"),
            TranslatableField("hero_alt"),
        ]
