"""The two middleware of the i18n part: the missing-translation fallback for addresses that have
no page at all in the asked language (the locale's tree lacks it, or only holds an unpublished
translation), and the translator scope in wagtail-localize's own views, where no Wagtail hook
runs."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from wagtail.admin.auth import permission_denied
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from portal.i18n.fallback import missing_translation_mode, source_language_url
from portal.i18n.permissions import allowed_locale_ids


class MissingTranslationMiddleware:
    """With ``NEWSROOM_MISSING_TRANSLATION`` "redirect" or "source", a 404 under ``/kk/...``
    whose path exists in the default language redirects there (302: the translation may come
    later). In the "source" mode this is the rare case of a translation in draft with no
    alias to show.
    Pages that do exist in the locale as untranslated aliases are handled earlier, by the
    ``before_serve_page`` hook in ``portal.i18n.hooks``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code == 404
            and request.method in ("GET", "HEAD")
            and missing_translation_mode() in ("redirect", "source")
        ):
            target = source_language_url(request)
            if target:
                return HttpResponseRedirect(target)
        return response


class TranslatorScopeMiddleware:
    """Keeps a locale-scoped translator inside its locales in wagtail-localize's own views,
    where no Wagtail hook runs and only tree permissions are checked: the "Translate this
    page/snippet" form (any target locale can be picked), the translation editor's string and
    override API, PO download/upload, machine translation, preview and stop (keyed by a
    translation: its target locale), "update translations" (keyed by a source: its locale)
    and "convert to alias" (keyed by a page: its locale)."""

    SUBMIT = {"submit_page_translation", "submit_snippet_translation"}
    JSON = {"edit_string_translation", "edit_override"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.namespace != "wagtail_localize":
            return None
        allowed = allowed_locale_ids(request.user)
        if allowed is None:
            return None
        wanted = self.locales_concerned(request, match.url_name, view_kwargs)
        if wanted is None or all(pk in allowed for pk in wanted):
            return None
        if match.url_name in self.JSON:
            return JsonResponse(
                {"detail": "This translator may not edit that language."}, status=403
            )
        return permission_denied(request)

    def locales_concerned(self, request, url_name: str, kwargs: dict) -> list[int] | None:
        """The locale ids a request acts on, or None when it acts on none in particular."""
        if url_name in self.SUBMIT:
            if request.method != "POST":
                return None
            return [int(pk) if pk.isdigit() else -1 for pk in request.POST.getlist("locales")]
        if "translation_id" in kwargs:
            found = Translation.objects.filter(pk=kwargs["translation_id"])
            return list(found.values_list("target_locale_id", flat=True)) or None
        if "translation_source_id" in kwargs:
            found = TranslationSource.objects.filter(pk=kwargs["translation_source_id"])
            return list(found.values_list("locale_id", flat=True)) or None
        if url_name == "convert_to_alias":
            found = Page.objects.filter(pk=kwargs.get("page_id"))
            return list(found.values_list("locale_id", flat=True)) or None
        return None
