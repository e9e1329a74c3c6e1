"""The i18n part's admin views: the translation status report (thin: the data comes from
``portal.i18n.status``), the machine translation button's task-based view and the report of
machine translation jobs."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from portal.i18n.machine import request_machine_translation
from portal.i18n.models import MachineTranslationJob
from portal.i18n.permissions import allowed_locale_ids, user_can_edit_locale
from portal.i18n.status import STATE_LABELS, published_share, translation_status


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "portal/admin/translation_status.html"
    page_title = gettext_lazy("Translation status")
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


@require_POST
def machine_translate(request: HttpRequest, translation_id: int) -> HttpResponse:
    """The translation editor's "Translate with …" button (it posts to wagtail-localize's
    ``machine_translate`` address, which ``portal.i18n.hooks`` routes here first): the same
    checks as wagtail-localize's view, then a job for the worker instead of calling the
    translation service inside this request (``portal.i18n.machine``)."""
    translator = get_machine_translator()
    if translator is None:
        raise Http404
    translation = get_object_or_404(
        Translation.objects.select_related("source__locale", "target_locale"), pk=translation_id
    )
    if not user_can_edit_locale(request.user, translation.target_locale_id):
        return permission_denied(request)
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:  # started, never saved: nothing to fill yet
        raise Http404 from None
    if not user_can_edit_instance(request.user, target):
        return permission_denied(request)
    if not translator.can_translate(translation.source.locale, translation.target_locale):
        raise Http404
    job = request_machine_translation(translation, request.user)
    job.refresh_from_db()
    if job.status == job.Status.DONE:  # the immediate task backend ran it already
        text = ngettext(
            "Translated %(count)s string with %(name)s.",
            "Translated %(count)s strings with %(name)s.",
            job.strings_filled,
        )
        messages.success(
            request, text % {"count": job.strings_filled, "name": translator.display_name}
        )
    else:
        messages.success(
            request,
            _(
                "Machine translation with %(name)s queued: reload this page in a moment. "
                "Reports › Machine translations shows its progress."
            )
            % {"name": translator.display_name},
        )
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


def _label(field: str):
    """A column's heading: the field's own (translated) name."""
    return capfirst(MachineTranslationJob._meta.get_field(field).verbose_name)


class MachineTranslationReportView(ReportView):
    """Reports › Machine translations: every job, newest first, with its state and error."""

    page_title = gettext_lazy("Machine translations")
    header_icon = "site"
    index_url_name = "portal_machine_translations"
    index_results_url_name = "portal_machine_translations_results"
    columns = [
        Column("__str__", label=_label("translation")),
        Column("status", label=_label("status"), accessor="get_status_display"),
        Column("attempts", label=_label("attempts")),
        Column("strings_filled", label=_label("strings_filled")),
        Column("error", label=_label("error")),
        Column("requested_by", label=_label("requested_by")),
        DateColumn("requested_at", label=_label("requested_at")),
        DateColumn("finished_at", label=_label("finished_at")),
    ]

    def get_queryset(self):
        jobs = MachineTranslationJob.objects.select_related(
            "translation__source", "translation__target_locale", "requested_by"
        )
        allowed = allowed_locale_ids(self.request.user)
        if allowed is not None:  # a scoped translator sees the jobs of their locales
            jobs = jobs.filter(translation__target_locale_id__in=allowed)
        return jobs.order_by("-requested_at")
