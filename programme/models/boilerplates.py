"""Reusable texts (about the programme, credits, donor boilerplate, disclaimer) and the field
an article uses to choose one, so a change to a text reaches every article at once."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet

from headless.memo import MemoForeignKeyDescriptor, table_by_id
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

    @property
    def localized(self):
        """The translation in the reader's locale, else this one (as Wagtail's ``localized``).

        Within a request the boilerplates table (a few dozen rows) is read once, so a page's
        footer, credits and boilerplates cost one query together rather than two each."""
        table = table_by_id(Boilerplate)
        if table is None:
            return super().localized
        from wagtail.models import Locale

        active = Locale.get_active()
        if self.locale_id == active.pk:
            return self
        for row in table.values():
            if row.translation_key == self.translation_key and row.locale_id == active.pk:
                return row
        return self


register_snippet(Boilerplate)


class BoilerplateKey(models.ForeignKey):
    """A foreign key to a boilerplate read from the request's copy of the table
    (``headless.memo``): the footer and an article's four texts then cost no query each."""

    forward_related_accessor_class = MemoForeignKeyDescriptor

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ForeignKey", args, kwargs


def boilerplate_choice(
    kind: Boilerplate.Kind,
    verbose_name: str,
    help_text: str = _("Empty: the site-wide default."),
) -> models.ForeignKey:
    """An optional choice of one boilerplate of ``kind``. On an article, empty means the
    site-wide default (the reader of the field falls back to it, e.g. ``newsroom.defaults``);
    the site-wide default itself passes its own ``help_text``."""
    return BoilerplateKey(
        Boilerplate,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"kind": kind},
        verbose_name=verbose_name,
        help_text=help_text,
    )
