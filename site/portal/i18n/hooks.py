"""The i18n part's Wagtail hooks: the missing-translation fallback for readers, per-locale
editing rights for translators (and the admin screen for their scopes), the translation
status report, and machine translation run by the worker (with its report). Registered when
Wagtail loads ``portal.wagtail_hooks``, which imports this."""

from __future__ import annotations

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale, TranslatableMixin

from portal.i18n.fallback import is_untranslated_for_reader, missing_translation_response
from portal.i18n.machine import OPEN, latest_job_for
from portal.i18n.models import TranslatorLocaleScope
from portal.i18n.permissions import user_can_edit_locale
from portal.i18n.views import (
    MachineTranslationReportView,
    TranslationStatusView,
    machine_translate,
)

# --- Readers ------------------------------------------------------------------------------


@hooks.register("before_serve_page")
def fall_back_for_missing_translation(page, request, serve_args, serve_kwargs):
    """A page asked for in a locale it is not translated into is served labelled with its
    language (the "source" mode: the template tags of ``portal.i18n.partial`` label it),
    answers 404 or redirects to the source language (``NEWSROOM_MISSING_TRANSLATION``)."""
    if is_untranslated_for_reader(page):
        return missing_translation_response(page, request)
    return None


# --- Per-locale editing rights --------------------------------------------------------------
# order=-10: before wagtail-localize's own before_edit_page hook, which answers the edit
# view of a translated page with its translation editor.


def _refuse_unless_locale(request, locale_id):
    if not user_can_edit_locale(request.user, locale_id):
        return permission_denied(request)
    return None


def limit_page_action_to_locales(request, page, *args):
    """For the hooks called ``(request, page, ...)``. ``before_create_page`` passes the parent
    page there: a new page takes its parent's locale."""
    return _refuse_unless_locale(request, page.locale_id)


for _hook_name in (
    "before_edit_page",
    "before_create_page",
    "before_publish_page",
    "before_delete_page",
    "before_unpublish_page",
    "before_copy_page",
    "before_convert_alias_page",
):
    hooks.register(_hook_name, limit_page_action_to_locales, order=-10)


@hooks.register("before_move_page", order=-10)
def limit_move_to_locales(request, page, destination):
    return _refuse_unless_locale(request, page.locale_id) or _refuse_unless_locale(
        request, destination.locale_id
    )


@hooks.register("before_edit_snippet", order=-10)
def limit_snippet_edit_to_locales(request, instance):
    if isinstance(instance, TranslatableMixin):
        return _refuse_unless_locale(request, instance.locale_id)
    return None


@hooks.register("before_create_snippet", order=-10)
def limit_snippet_create_to_locales(request, model):
    """Wagtail's snippet create view takes the locale from ``?locale=``, else the default."""
    if not issubclass(model, TranslatableMixin):
        return None
    code = request.GET.get("locale")
    locale = Locale.objects.filter(language_code=code).first() if code else None
    return _refuse_unless_locale(request, (locale or Locale.get_default()).pk)


@hooks.register("before_delete_snippet", order=-10)
def limit_snippet_delete_to_locales(request, instances):
    for instance in instances:
        if isinstance(instance, TranslatableMixin):
            if response := _refuse_unless_locale(request, instance.locale_id):
                return response
    return None


class TranslatorLocaleScopeViewSet(ModelViewSet):
    model = TranslatorLocaleScope
    icon = "globe"
    menu_label = _("Translator scopes")
    add_to_settings_menu = True
    form_fields = ["group", "locales"]
    list_display = ["group"]


@hooks.register("register_admin_viewset")
def register_translator_scopes():
    return TranslatorLocaleScopeViewSet("translator_scopes")


# --- Translation status report ------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [
        path(
            "reports/translation-status/",
            TranslationStatusView.as_view(),
            name="portal_translation_status",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("portal_translation_status"),
        icon_name="site",
        order=900,
    )


# --- Machine translation as a task ----------------------------------------------------------
# order=-1: before wagtail-localize's URLs, so the translation editor's "Translate with …"
# form, which posts to reverse("wagtail_localize:machine_translate"), reaches our view (the
# same address, matched first) and the translation service is called by the worker.


@hooks.register("register_admin_urls", order=-1)
def register_machine_translation_urls():
    return [
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            machine_translate,
            name="portal_machine_translate",
        ),
        path(
            "reports/machine-translations/",
            MachineTranslationReportView.as_view(),
            name="portal_machine_translations",
        ),
        path(
            "reports/machine-translations/results/",
            MachineTranslationReportView.as_view(results_only=True),
            name="portal_machine_translations_results",
        ),
    ]


@hooks.register("before_edit_page", order=-5)
@hooks.register("before_edit_snippet", order=-5)
def tell_the_editor_about_machine_translation(request, instance):
    """The translation editor says when its machine translation is still to come, or why
    the last one failed (it shows no job state of its own)."""
    if request.method != "GET" or not isinstance(instance, TranslatableMixin):
        return None
    job = latest_job_for(instance)
    if job is not None and job.status in OPEN:
        if not len(messages.get_messages(request)):  # not just after "queued" (the button's)
            messages.info(request, _("Machine translation is under way: reload in a moment."))
    elif job is not None and job.status == job.Status.FAILED:
        messages.warning(
            request, _("The last machine translation failed: %(error)s") % {"error": job.error}
        )
    return None


@hooks.register("register_reports_menu_item")
def register_machine_translations_menu_item():
    return MenuItem(
        _("Machine translations"),
        reverse("portal_machine_translations"),
        icon_name="site",
        order=910,
    )
