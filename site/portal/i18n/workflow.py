"""The translation workflow in code, as the admin does it in wagtail-localize: start a
translation, fill it with the machine translator, publish it, re-sync after the source changed.

Used by load_demo and the tests; editors do the same from the page's "Translate" and
"Sync translated pages" actions.
"""

from __future__ import annotations

import json
from collections import defaultdict

from django.db import models, transaction
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue


def start_translation(instance: models.Model, locale: Locale) -> Translation:
    """The (enabled) wagtail-localize translation of ``instance`` into ``locale``, with the
    source refreshed from the database."""
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    if not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])
    return translation


def machine_translate(translation: Translation, user=None, translator=None) -> int:
    """Fill every untranslated string of ``translation`` with the configured machine
    translator (DeepL or the dummy one); returns how many strings were filled. Strings a
    person already translated are kept."""
    translator = translator or get_machine_translator()
    if translator is None or not translator.can_translate(
        translation.source.locale, translation.target_locale
    ):
        return 0
    pending = defaultdict(list)
    for segment in translation.source.stringsegment_set.select_related("context", "string"):
        if StringTranslation.objects.filter(
            translation_of_id=segment.string_id,
            locale=translation.target_locale,
            context_id=segment.context_id,
        ).exists():
            continue
        value = StringSegmentValue(segment.context.path, segment.string.as_value())
        if segment.attrs:
            value.attrs = json.loads(segment.attrs)
        pending[value.string].append((segment.string_id, segment.context_id))
    if not pending:
        return 0
    results = translator.translate(
        translation.source.locale, translation.target_locale, pending.keys()
    )
    filled = 0
    with transaction.atomic():
        for string, places in pending.items():
            result = results.get(string)
            if result is None or result.data is None:
                continue
            for string_id, context_id in places:
                StringTranslation.objects.get_or_create(
                    translation_of_id=string_id,
                    locale=translation.target_locale,
                    context_id=context_id,
                    defaults={
                        "data": result.data,
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                        "tool_name": translator.display_name,
                        "last_translated_by": user,
                        "has_error": False,
                        "field_error": "",
                    },
                )
                filled += 1
    return filled


def sync_translations(instance: models.Model, user=None, publish: bool = True) -> list:
    """After the source changed: refresh its TranslationSource and save every enabled
    translation again, so synchronised fields follow and new strings appear (untranslated
    strings fall back to the source text until someone translates them)."""
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None:
        return []
    source.update_from_db()
    targets = []
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        translation.save_target(user=user, publish=publish)
        targets.append(translation.get_target_instance())
    return targets
