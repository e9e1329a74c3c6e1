"""Admin: the country and theme vocabularies as snippets, so editors add themes and edit
their labels per language without code (countries take their labels from CLDR)."""

from __future__ import annotations

from django.conf import settings
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from programme.models import CountryTag, ThemeTag
from programme.tagging import autocomplete_view


class LabelsColumn(Column):
    """Every configured language's label, so a missing translation shows at a glance."""

    def get_value(self, instance) -> str:
        return " · ".join(
            f"{code}: {instance.label(code)}" for code, _name in settings.LANGUAGES[:3]
        )


class CountryTagViewSet(SnippetViewSet):
    model = CountryTag
    icon = "globe"
    menu_label = _("Countries")
    list_display = ["slug", "name", LabelsColumn("labels", label=_("Labels (CLDR)"))]
    search_fields = ["name", "slug"]
    ordering = ["slug"]


class ThemeTagViewSet(SnippetViewSet):
    model = ThemeTag
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["slug", "name", LabelsColumn("labels", label=_("Labels"))]
    search_fields = ["name", "slug"]
    ordering = ["slug"]

    def get_queryset(self, request):
        return ThemeTag.objects.prefetch_related("labels")


class VocabularyGroup(SnippetViewSetGroup):
    items = (CountryTagViewSet, ThemeTagViewSet)
    menu_icon = "tag"
    menu_label = _("Vocabularies")
    menu_name = "vocabularies"


register_snippet(VocabularyGroup)


@hooks.register("register_admin_urls")
def vocabulary_autocomplete_urls():
    """Suggestions for the country and theme fields, in the editor's language."""
    return [
        path(
            "programme/vocabulary-autocomplete/<str:app_label>/<str:model_name>/",
            autocomplete_view,
            name="programme_vocabulary_autocomplete",
        )
    ]
