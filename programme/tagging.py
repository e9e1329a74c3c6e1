"""Tag fields editors can type into: any label in any locale, the slug or the ISO code.

The country and theme vocabularies are controlled (``free_tagging = False``). Wagtail's tag
field then keeps only values equal to a tag's ``name`` and silently drops the rest, so an
editor typing "Kazakhstan" or "kz" on a Russian site lost the tag without a word. Here:

- :func:`resolve` finds the tag behind what was typed: its slug (``kz``), the ISO code
  (``KZ``), its name, or its label in any of the site's languages (``казахстан``,
  ``Kazakhstan``, ``Қазақстан``), case-insensitive, ``ё`` as ``е``;
- :class:`VocabularyTagField` saves those tags and refuses a value that matches none with a
  form error naming it (never a silent drop, never a new tag);
- :class:`VocabularyTagWidget` shows the tags in the editor's language and asks
  :func:`autocomplete_view` for suggestions in that language.

Works on any tag model whose tags have ``label(language)`` (``CountryTag``, ``ThemeTag``).
"""

from __future__ import annotations

import json

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.http import Http404, HttpRequest, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField as TaggitTagField
from taggit.utils import edit_string_for_tags
from wagtail.admin.forms.tags import TagField
from wagtail.admin.widgets import AdminTagWidget

AUTOCOMPLETE_LIMIT = 10
HELP_TEXT = _(
    "Type a name in any language, the slug or the ISO code; suggestions are in your language."
)


def _key(text: str) -> str:
    return " ".join(str(text).replace("ё", "е").replace("Ё", "Е").casefold().split())


def tag_keys(tag: Model) -> set[str]:
    """Everything an editor may type to mean ``tag``."""
    keys = {_key(tag.slug), _key(tag.name)}
    for language, _name in settings.LANGUAGES:
        keys.add(_key(tag.label(language)))
    keys.update(_key(alias) for alias in getattr(tag, "aliases", list)())
    return {key for key in keys if key}


def vocabulary(tag_model: type[Model]) -> list[Model]:
    """The tags of a (small, controlled) vocabulary, with their labels prefetched."""
    queryset = tag_model.objects.all()
    if hasattr(tag_model, "labels"):
        queryset = queryset.prefetch_related("labels")
    return list(queryset)


def resolve(tag_model: type[Model], text: str, tags: list[Model] | None = None) -> Model | None:
    """The tag ``text`` names (slug, ISO code, name or any locale's label), or None."""
    key = _key(text.strip().strip('"'))
    if not key:
        return None
    for tag in vocabulary(tag_model) if tags is None else tags:
        if key in tag_keys(tag):
            return tag
    return None


def editor_language() -> str:
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


class _Named:
    """A tag as ``edit_string_for_tags`` reads it, named by its label."""

    def __init__(self, name: str):
        self.name = name


class VocabularyTagWidget(AdminTagWidget):
    """Wagtail's tag widget, in the editor's language, suggesting from every label."""

    def format_value(self, value):
        if isinstance(value, (list, tuple)) and all(hasattr(v, "label") for v in value):
            language = editor_language()
            return edit_string_for_tags([_Named(tag.label(language)) for tag in value])
        return super().format_value(value)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        meta = self.tag_model._meta
        attrs = context["widget"]["attrs"]
        attrs["data-w-tag-url-value"] = reverse(
            "programme_vocabulary_autocomplete", args=(meta.app_label, meta.model_name)
        )
        # Free typing in the browser: the field resolves what was typed, or says it cannot.
        options = json.loads(attrs["data-w-tag-options-value"])
        attrs["data-w-tag-options-value"] = json.dumps({**options, "autocompleteOnly": False})
        return context


class VocabularyTagField(TagField):
    """A tag field on a controlled vocabulary that resolves what editors type."""

    widget = VocabularyTagWidget

    def clean(self, value):
        names = TaggitTagField.clean(self, value)  # taggit's parsing, without Wagtail's drop
        tags = vocabulary(self.tag_model)
        found: list[Model] = []
        unknown: list[str] = []
        for name in names:
            tag = resolve(self.tag_model, name, tags)
            if tag is None:
                unknown.append(name)
            elif tag not in found:
                found.append(tag)
        if unknown:
            raise ValidationError(
                gettext(
                    "Unknown %(vocabulary)s: %(values)s. Type a name in any language, the "
                    "slug or the ISO code, or pick a suggestion."
                )
                % {
                    "vocabulary": self.tag_model._meta.verbose_name,
                    "values": ", ".join(f"“{value}”" for value in unknown),
                },
                code="unknown_tag",
            )
        return found

    def has_changed(self, initial_value, data_value) -> bool:
        """Compares tags, not the text: "Kazakhstan" typed over Казахстан is no change."""
        if self.disabled:
            return False
        try:
            data = self.clean(data_value)
            initial = self.clean(initial_value) if isinstance(initial_value, str) else initial_value
        except ValidationError:
            return True
        return {tag.pk for tag in initial or []} != {tag.pk for tag in data}


def autocomplete_view(request: HttpRequest, app_label: str, model_name: str) -> JsonResponse:
    """``?term=`` → labels (in the editor's language) of the tags whose slug, code, name or
    any label starts with the term, or whose label in any language contains it."""
    try:
        tag_model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    if not hasattr(tag_model, "label") or not hasattr(tag_model, "free_tagging"):
        raise Http404
    term = _key(request.GET.get("term", ""))[:100]
    if not term:
        return JsonResponse([], safe=False)
    language = editor_language()
    starts, contains = [], []
    for tag in vocabulary(tag_model):
        keys = tag_keys(tag)
        label = tag.label(language)
        if any(key.startswith(term) for key in keys):
            starts.append(label)
        elif any(term in key for key in keys):
            contains.append(label)
    return JsonResponse((sorted(starts) + sorted(contains))[:AUTOCOMPLETE_LIMIT], safe=False)
