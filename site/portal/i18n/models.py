"""The i18n part's model: which locales a translators' group may edit (read by
``portal.i18n.permissions``). Its app is ``portal``, the package it sits in; ``portal.models``
imports it because Django loads only ``<app>.models``. Its table and migrations stay the
``portal`` app's."""

from __future__ import annotations

from django.conf import settings
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


class MachineTranslationJob(models.Model):
    """One request to fill a translation's missing strings with the machine translator, run by
    the worker (``portal.i18n.machine``) so that a slow or failing translation service never
    holds the editor's request. Kept as the record editors read in Reports › Machine
    translations: queued, running, done (with how many strings) or failed (with the error)."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    translation = models.ForeignKey(
        "wagtail_localize.Translation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("translation"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("requested by"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    strings_filled = models.PositiveIntegerField(_("strings translated"), default=0)
    error = models.TextField(_("error"), blank=True)
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("machine translation")
        verbose_name_plural = _("machine translations")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.translation.source.object_repr} → {self.translation.target_locale}"
