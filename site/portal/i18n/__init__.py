"""Translations, as readers and translators meet them.

``alternates`` (published translations, hreflang), ``fallback`` (a page asked for in a language
it is not translated into), ``middleware`` (that fallback for addresses with no page at all, and
the translator scope in wagtail-localize's views), ``models`` and ``permissions`` (translators
limited to their locales), ``workflow`` (the wagtail-localize workflow in code), ``status`` and
``views`` (the translation status report), ``hooks`` (their Wagtail hooks).
"""
