"""Wagtail search backends that know the language of each page.

``search.backends.database`` wraps Wagtail's database backend, analysing each page in its
locale's language and each query in the reader's: ``search.backends.postgres`` (a text
search configuration per language) and ``search.backends.sqlite`` (FTS5 with Snowball stems
computed in Python), both with the truncated-stem prefix fallback of ``search.analysis``
for languages without a stemmer. ``search.backends.elasticsearch`` wraps Wagtail's
``elasticsearch8`` backend with one index per locale, each analysed by that language's
analyser.
"""

from __future__ import annotations

from functools import lru_cache

from wagtail.models import Locale


def page_language(obj, locales: dict[int, str] | None = None) -> str | None:
    """The language code of an indexed object, or None when it has no locale.

    ``locales`` maps locale ids to language codes so bulk indexing costs no query per page.
    """
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return None
    if locales is None:
        locales = locale_languages()
    language = locales.get(locale_id)
    if language is None:
        locale_languages.cache_clear()
        language = locale_languages().get(locale_id)
    return language


@lru_cache(maxsize=1)
def locale_languages() -> dict[int, str]:
    return dict(Locale.objects.values_list("pk", "language_code"))
