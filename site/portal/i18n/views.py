"""The translation status report's admin view (thin: the data comes from
``portal.i18n.status``)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from portal.i18n.status import STATE_LABELS, published_share, translation_status


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "portal/admin/translation_status.html"
    page_title = _("Translation status")
    header_icon = "site"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        source = Locale.get_default()
        locales = list(Locale.objects.exclude(pk=source.pk).order_by("pk"))
        wanted = self.request.GET.get("locale")
        if wanted:
            locales = [locale for locale in locales if locale.language_code == wanted] or locales
        rows = translation_status(source, locales)
        if self.request.GET.get("awaiting"):
            rows = [row for row in rows if row.awaiting]
        context.update(
            source_locale=source,
            locales=locales,
            rows=rows,
            states=STATE_LABELS,
            share=[published_share(rows).get(locale.language_code, (0, 0)) for locale in locales],
        )
        return context
