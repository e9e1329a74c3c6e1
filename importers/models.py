"""What the importers remember: which source (a file, a WordPress post) became which page,
so a second run updates that page instead of creating another."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRecord(models.Model):
    """One imported item, keyed by its source: ``file:<name>`` for a press-release file,
    ``wp:<site>:<post id>:<language>`` for a WordPress post, ``wp-image:...`` for an image."""

    source_key = models.CharField(_("source"), max_length=500, unique=True)
    checksum = models.CharField(
        _("checksum"), max_length=64, help_text=_("SHA-256 of what was imported last time.")
    )
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("import record")
        verbose_name_plural = _("import records")

    def __str__(self) -> str:
        return self.source_key
