"""Wagtail's locale lookups answered from the request's memory (``headless.memo``).

Wagtail looks a ``Locale`` up by language code for every ``.localized`` (``Locale.get_active``)
and Django reads ``page.locale`` with one query per page object: an article with its
translations, boilerplates, partners and related items asked for the same seven rows sixteen
times. The locale table is tiny: the first need in a request reads all of it (one query) and
the rest of the request answers from that. Outside a request Wagtail behaves as always.
"""

from __future__ import annotations

from headless.memo import MemoForeignKeyDescriptor, table_by_id


def install() -> None:
    """Called once from ``PortalConfig.ready``."""
    from django.apps import apps
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale, TranslatableMixin
    from wagtail.models.i18n import LocaleManager

    original = LocaleManager.get_for_language

    def get_for_language(self, language_code):
        table = table_by_id(Locale)
        if table is not None:
            try:
                code = get_supported_content_language_variant(language_code)
            except LookupError:
                code = None
            for locale in table.values():
                if locale.language_code == code:
                    return locale
        return original(self, language_code)

    LocaleManager.get_for_language = get_for_language
    # Multi-table pages inherit the descriptor from ``Page``, which declares the field.
    for model in apps.get_models():
        if issubclass(model, TranslatableMixin) and "locale" in model.__dict__:
            model.locale = MemoForeignKeyDescriptor(model._meta.get_field("locale"))
