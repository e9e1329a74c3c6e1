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
