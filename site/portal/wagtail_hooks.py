"""Admin and serving hooks of the host site: the missing-translation fallback for readers,
per-locale editing rights for translators, and the translation status report."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale, TranslatableMixin

from portal.admin_views import TranslationStatusView
from portal.i18n import is_untranslated_for_reader, missing_translation_response
from portal.models import TranslatorLocaleScope
from portal.permissions import user_can_edit_locale
from portal.webhooks import admin as webhooks_admin  # noqa: F401  (registers the webhook snippets)

# --- Readers ------------------------------------------------------------------------------


@hooks.register("before_serve_page")
def fall_back_for_missing_translation(page, request, serve_args, serve_kwargs):
    """A page asked for in a locale it is not translated into answers 404 or redirects to
    the source language (``NEWSROOM_MISSING_TRANSLATION``), instead of showing the source
    text under another language's address."""
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


@hooks.register("before_edit_page", order=-10)
def limit_edit_to_locales(request, page):
    return _refuse_unless_locale(request, page.locale_id)


@hooks.register("before_create_page", order=-10)
def limit_create_to_locales(request, parent_page, page_class):
    return _refuse_unless_locale(request, parent_page.locale_id)


@hooks.register("before_publish_page", order=-10)
def limit_publish_to_locales(request, page):
    return _refuse_unless_locale(request, page.locale_id)


@hooks.register("before_delete_page", order=-10)
def limit_delete_to_locales(request, page):
    return _refuse_unless_locale(request, page.locale_id)


@hooks.register("before_unpublish_page", order=-10)
def limit_unpublish_to_locales(request, page):
    return _refuse_unless_locale(request, page.locale_id)


@hooks.register("before_copy_page", order=-10)
def limit_copy_to_locales(request, page):
    return _refuse_unless_locale(request, page.locale_id)


@hooks.register("before_move_page", order=-10)
def limit_move_to_locales(request, page, destination):
    return _refuse_unless_locale(request, page.locale_id) or _refuse_unless_locale(
        request, destination.locale_id
    )


@hooks.register("before_convert_alias_page", order=-10)
def limit_convert_alias_to_locales(request, page):
    return _refuse_unless_locale(request, page.locale_id)


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
