"""The i18n part's model: which locales a translators' group may edit (read by
``portal.i18n.permissions``). Its app is ``portal``, the package it sits in; ``portal.models``
imports it because Django loads only ``<app>.models``. Its table and migrations stay the
``portal`` app's."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslatorLocaleScope(models.Model):
    """Limits the members of a group to content in some locales (e.g. "Translators (kk)").

    Wagtail's page permissions follow the tree, not the language. A group with a scope may only
    edit, create, publish, move, copy or delete pages and translatable snippets in the scope's
    locales, whatever its page permissions say; users outside scoped groups (and superusers)
    are not limited. A user in several scoped groups gets the union of their locales.
    """

    group = models.OneToOneField(
        "auth.Group",
        on_delete=models.CASCADE,
        related_name="locale_scope",
        verbose_name=_("group"),
    )
    locales = models.ManyToManyField(
        "wagtailcore.Locale", related_name="+", verbose_name=_("locales")
    )

    class Meta:
        verbose_name = _("translator locale scope")
        verbose_name_plural = _("translator locale scopes")

    def __str__(self) -> str:
        return str(self.group)
