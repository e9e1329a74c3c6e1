"""The missing-translation fallback for addresses that have no page at all in the asked
language (the locale's tree lacks it, or only holds an unpublished translation)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from portal.i18n import missing_translation_mode, source_language_url


class MissingTranslationMiddleware:
    """With ``NEWSROOM_MISSING_TRANSLATION = "redirect"``, a 404 under ``/kk/...`` whose path
    exists in the default language redirects there (302: the translation may come later).
    Pages that do exist in the locale as untranslated aliases are handled earlier, by the
    ``before_serve_page`` hook in wagtail_hooks.py."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code == 404
            and request.method in ("GET", "HEAD")
            and missing_translation_mode() == "redirect"
        ):
            target = source_language_url(request)
            if target:
                return HttpResponseRedirect(target)
        return response


class TranslatorScopeMiddleware:
    """wagtail-localize's "Translate this page/snippet" form lets anyone with the
    ``submit_translation`` permission pick any target locale, and no Wagtail hook runs there:
    a translator limited to kk may only submit translations into kk."""

    GUARDED = {"submit_page_translation", "submit_snippet_translation"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            request.method != "POST"
            or match is None
            or match.namespace != "wagtail_localize"
            or match.url_name not in self.GUARDED
        ):
            return None
        from wagtail.admin.auth import permission_denied

        from portal.permissions import allowed_locale_ids

        allowed = allowed_locale_ids(request.user)
        if allowed is None:
            return None
        wanted = request.POST.getlist("locales")
        if any(not pk.isdigit() or int(pk) not in allowed for pk in wanted):
            return permission_denied(request)
        return None
