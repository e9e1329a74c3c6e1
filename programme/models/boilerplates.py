"""Reusable texts (about the programme, credits, donor boilerplate, disclaimer) and the field
an article uses to choose one, so a change to a text reaches every article at once."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet

from programme.blocks import RICH_TEXT_FEATURES


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


def boilerplate_choice(
    kind: Boilerplate.Kind,
    verbose_name: str,
    help_text: str = _("Empty: the site-wide default."),
) -> models.ForeignKey:
    """An optional choice of one boilerplate of ``kind``. On an article, empty means the
    site-wide default (the reader of the field falls back to it, e.g. ``newsroom.defaults``);
    the site-wide default itself passes its own ``help_text``."""
    return models.ForeignKey(
        Boilerplate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": kind},
        verbose_name=verbose_name,
        help_text=help_text,
    )
