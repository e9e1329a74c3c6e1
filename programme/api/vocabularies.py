"""Vocabularies: the country and theme terms with labels in the asked locale and, per term,
how many published pages of each counted type carry it (news, phases, partners).

Counted types come from other apps too: newsroom adds "news" through ``register_counted``,
so this module never imports newsroom (the dependency points the other way).
"""

from __future__ import annotations

from django.apps import apps
from django.db.models import Count
from django.http import HttpRequest
from ninja import Field, Router, Schema
from wagtail.models import Locale

from headless.locales import resolve_locale
from headless.params import reject_unknown
from headless.visibility import public_pages
from programme.models import CountryTag, ThemeTag


class VocabularyTermSchema(Schema):
    slug: str
    label: str
    news: int = Field(description="Published news items in the asked locale.")
    phases: int = Field(description="Published programme phases in the asked locale.")
    partners: int = Field(description="Published partner organisations in the asked locale.")


#: Models whose published pages are counted per term: {count name: (model, items relation)}.
#: Other apps add theirs (newsroom adds "news") through register_counted.
COUNTED: dict[str, tuple[str, str]] = {}


def register_counted(name: str, model_label: str) -> None:
    COUNTED[name] = (model_label, name)


def _counts(relation_by_name: dict[str, tuple[str, str]], locale: Locale) -> dict:
    """{count name: {slug: count}} with one grouped query per counted model."""
    results: dict[str, dict[str, int]] = {}
    for name, (model_label, through_attr) in relation_by_name.items():
        model = apps.get_model(model_label)
        pages = public_pages(model, locale).order_by()  # no ordering column in GROUP BY
        if through_attr == "country":  # partners: a plain foreign key
            rows = pages.exclude(country=None).values("country__slug").annotate(n=Count("pk"))
            results[name] = {row["country__slug"]: row["n"] for row in rows}
            continue
        rows = (
            pages.filter(**{f"{through_attr}__isnull": False})
            .values(f"{through_attr}__tag__slug")
            .annotate(n=Count("pk", distinct=True))
        )
        results[name] = {row[f"{through_attr}__tag__slug"]: row["n"] for row in rows}
    return results


def vocabulary_counts(kind: str, locale: Locale) -> dict[str, dict[str, int]]:
    relations = {"phases": ("programme.ProgrammePhasePage", f"{kind}_items")}
    if kind == "country":
        relations["partners"] = ("programme.PartnerOrganisationPage", "country")
    else:
        relations["partners"] = ("programme.PartnerOrganisationPage", "theme_items")
    for name, (model_label, _unused) in COUNTED.items():
        relations[name] = (model_label, f"{kind}_items")
    return _counts(relations, locale)


def vocabulary(kind: str, locale: Locale, request: HttpRequest) -> list[dict]:
    language = locale.language_code
    counts = vocabulary_counts(kind, locale)
    if kind == "country":
        tags = CountryTag.objects.all()
    else:
        tags = ThemeTag.objects.prefetch_related("labels")
    return [
        {
            "slug": tag.slug,
            "label": tag.label(language),
            "news": counts.get("news", {}).get(tag.slug, 0),
            "phases": counts["phases"].get(tag.slug, 0),
            "partners": counts["partners"].get(tag.slug, 0),
        }
        for tag in tags.order_by("slug")
    ]


#: Its own router, so its operations carry the "vocabularies" tag; the host adds it right
#: after the programme router.
router = Router(tags=["vocabularies"])


@router.get(
    "/vocabularies/countries/",
    response=list[VocabularyTermSchema],
    operation_id="vocabularies_countries",
    summary="Countries with labels and counts",
)
def list_countries(request: HttpRequest, locale: str | None = None):
    reject_unknown(request, set())
    return vocabulary("country", resolve_locale(locale), request)


@router.get(
    "/vocabularies/themes/",
    response=list[VocabularyTermSchema],
    operation_id="vocabularies_themes",
    summary="Themes with labels and counts",
)
def list_themes(request: HttpRequest, locale: str | None = None):
    reject_unknown(request, set())
    return vocabulary("theme", resolve_locale(locale), request)
