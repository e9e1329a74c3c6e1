"""Facets discovered from the models' own ``search_fields``.

The search app knows no content app: a page type takes part in a facet by declaring an
``index.FilterField`` with one of the names below. Relations (a country tag manager, a country
foreign key) are keyed by the related object's ``slug``; labels come from the related object's
``label(language)`` when it has one (the vocabularies do), else from ``str()``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Cast, ExtractYear
from django.utils import translation
from taggit.models import TagBase
from wagtail.models import Page
from wagtail.search import index

from headless.memo import table_by_id

#: facet name -> FilterField names that feed it, in order of preference.
FACET_SOURCES: dict[str, tuple[str, ...]] = {
    "country": ("countries", "country"),
    "theme": ("themes",),
    "kind": ("kind",),
    # The year of publication: news items only. Phases' start dates and partners' first
    # publication are no "year" a reader filters by (issue #13: the facet counted partners).
    "year": ("publication_date",),
}
FACETS: tuple[str, ...] = ("content_type", "country", "theme", "kind", "year")


@dataclass(frozen=True)
class FacetSource:
    model: type[models.Model]
    field_name: str
    kind: str  # "relation", "choice", "date"
    #: for a source on Page itself: page types it must leave out (they have their own date)
    exclude: tuple = ()

    def queryset(self):
        qs = self.model._default_manager.all()
        if self.exclude:
            types = ContentType.objects.get_for_models(*self.exclude).values()
            qs = qs.exclude(content_type__in=[ct.pk for ct in types])
        return qs

    @property
    def related_model(self):
        return self.model._meta.get_field(self.field_name).related_model

    @property
    def value_path(self) -> str:
        if self.kind == "relation":
            return f"{self.field_name}__{value_key(self.related_model)}"
        return self.field_name


def value_key(model) -> str:
    """The attribute a related value goes by in URLs and counts: its slug, else its pk."""
    return "slug" if any(f.name == "slug" for f in model._meta.get_fields()) else "pk"


def searchable_page_models() -> list[type[Page]]:
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page)
        and model is not Page
        and issubclass(model, index.Indexed)
        and model.get_search_fields()
    ]


def _filter_field_names(model) -> set[str]:
    return {
        field.field_name
        for field in model.get_search_fields()
        if isinstance(field, index.FilterField)
    }


@cache
def facet_sources() -> dict[str, list[FacetSource]]:
    """{facet: [FacetSource]} for every page model declaring a matching FilterField."""
    sources: dict[str, list[FacetSource]] = defaultdict(list)
    dated = []
    for model in searchable_page_models():
        declared = _filter_field_names(model)
        for facet, names in FACET_SOURCES.items():
            for name in names:
                if name not in declared:
                    continue
                try:
                    field = model._meta.get_field(name)
                except FieldDoesNotExist:  # a FilterField on a plain attribute
                    continue
                if field.is_relation:
                    kind = "relation"
                elif isinstance(field, (models.DateField, models.DateTimeField)):
                    kind = "date"
                    dated.append(model)
                else:
                    kind = "choice"
                sources[facet].append(FacetSource(model, name, kind))
                if facet == "year":
                    break  # one date per model: the first it declares
    return dict(sources)


def content_type_key(model) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def page_content_types() -> dict[str, ContentType]:
    models_ = searchable_page_models()
    by_model = ContentType.objects.get_for_models(*models_)
    return {content_type_key(model): ct for model, ct in by_model.items()}


def filter_q(facet: str, values: list[str]) -> Q:
    """A Q on Page selecting pages whose ``facet`` has any of ``values``."""
    if facet == "content_type":
        types = page_content_types()
        return Q(content_type__in=[types[v].pk for v in values if v in types])
    q = Q(pk__in=[])
    for source in facet_sources().get(facet, []):
        if source.kind == "date":
            lookup = {f"{source.field_name}__year__in": [int(v) for v in values]}
        else:
            lookup = {f"{source.value_path}__in": values}
        q |= Q(pk__in=source.queryset().filter(**lookup).values("pk"))
    return q


@dataclass(frozen=True)
class Facet:
    """One value of a facet: ``value`` goes in the URL, ``label`` on the screen."""

    value: str
    label: str
    count: int
    selected: bool = False


def with_selection(
    counted: dict[str, list[Facet]], filters: dict[str, list[str]]
) -> dict[str, list[Facet]]:
    """Every facet of :data:`FACETS` with a count, its values marked selected as ``filters``
    select them."""
    facets = {}
    for name in FACETS:
        selected = set(filters.get(name, []))
        facets[name] = [
            Facet(c.value, c.label, c.count, c.value in selected)
            for c in counted.get(name, [])
            if c.count
        ]
    return facets


def _as_lookup(matching):
    return matching.as_lookup_value() if hasattr(matching, "as_lookup_value") else matching


def _counts(position: int, queryset, value) -> QuerySet:
    """``(position, value as text, matches)`` rows of ``queryset`` grouped by ``value``: one
    arm of the ``UNION ALL`` that counts every facet at once."""
    return (
        queryset.order_by()
        .annotate(facet=models.Value(position), v=Cast(value, models.CharField()))
        .values("facet", "v")
        .annotate(n=Count("pk", distinct=True))
        .values_list("facet", "v", "n")
    )


def facet_arms(
    names: list[str], matching
) -> tuple[list[tuple[str, FacetSource | None]], QuerySet | None]:
    """The ``UNION ALL`` of grouped counts that counts every facet of ``names`` over the pages
    ``matching`` selects (a list of pks, a values("pk") queryset, or anything with
    ``as_lookup_value()``), and what each of its arms counts: ``(facet name, source)`` by
    position. Each facet's sources (the page types declaring it) are arms, so one query
    counts them all instead of a query per facet and per page type; ``None`` for no arm."""
    matching = _as_lookup(matching)
    arms: list[tuple[str, FacetSource | None]] = []
    queries = []
    for name in names:
        if name == "content_type":
            arms.append((name, None))
            pages = Page.objects.filter(pk__in=matching)
            queries.append(_counts(len(arms) - 1, pages, models.F("content_type_id")))
            continue
        for source in facet_sources().get(name, []):
            arms.append((name, source))
            qs = source.queryset().filter(pk__in=matching)
            if source.kind == "date":
                value = ExtractYear(source.field_name)
            else:
                value = models.F(source.value_path)
            queries.append(_counts(len(arms) - 1, qs, value))
    return arms, (queries[0].union(*queries[1:], all=True) if queries else None)


def count_facets(names: list[str], matching, language: str) -> dict[str, list[Facet]]:
    """Counts of each facet of ``names`` over the pages whose pks ``matching`` (a list of pks
    or a values("pk") queryset) selects, most frequent first, years newest first: ONE query
    (``facet_arms``)."""
    arms, union = facet_arms(names, matching)
    return label_facets(names, arms, list(union) if union is not None else [], language)


def label_facets(
    names: list[str], arms: list[tuple[str, FacetSource | None]], rows, language: str
) -> dict[str, list[Facet]]:
    """The facets of ``names`` from the ``(position, value, count)`` rows of ``facet_arms``'
    statement. Labels of related values come from the vocabulary's table kept for the
    request (``headless.memo``) when there is one."""
    counts: dict[str, dict[str, int]] = {name: defaultdict(int) for name in names}
    labels: dict[str, dict[str, str]] = {name: {} for name in names}
    related: dict[type, set[str]] = defaultdict(set)
    for position, value, n in rows:
        name, source = arms[position]
        if value is None:
            continue
        counts[name][value] += n
        if source is None:
            continue
        if source.kind == "choice":
            field = source.model._meta.get_field(source.field_name)
            choices = {str(key): label for key, label in field.flatchoices}
            labels[name].setdefault(value, str(choices.get(value, value)))
        elif source.kind == "date":
            labels[name][value] = value
        else:
            related[source.related_model].add(value)
    related_labels = _related_labels(related, language)
    result = {}
    for name in names:
        if name == "content_type":
            result[name] = _content_type_facet(counts[name], language)
            continue
        found = [
            Facet(value, labels[name].get(value) or related_labels.get(value, value), n)
            for value, n in counts[name].items()
        ]
        if name == "year":
            result[name] = sorted(found, key=lambda c: c.value, reverse=True)
        else:
            result[name] = sorted(found, key=lambda c: (-c.count, c.label))
    return result


def _content_type_facet(counts: dict[str, int], language: str) -> list[Facet]:
    by_id = {str(ct.pk): (key, ct) for key, ct in page_content_types().items()}
    result = []
    for type_id, n in counts.items():
        if type_id not in by_id:
            continue
        key, ct = by_id[type_id]
        model = ct.model_class()
        with translation.override(language):
            label = str(model._meta.verbose_name_plural if model else key)
        result.append(Facet(key, label[:1].upper() + label[1:], n))
    return sorted(result, key=lambda c: (-c.count, c.label))


def _related_labels(related: dict[type, set[str]], language: str) -> dict[str, str]:
    """{value: label} of related values (slugs, else pks). A vocabulary (a taggit tag model:
    a few dozen rows) is read from the request's table when there is one."""
    labels: dict[str, str] = {}
    for model, values in related.items():
        key = value_key(model)
        table = table_by_id(model) if issubclass(model, TagBase) else None
        if table is not None:
            objs = [obj for obj in table.values() if str(getattr(obj, key)) in values]
        else:
            objs = model._default_manager.filter(**{f"{key}__in": values})
            if hasattr(model, "labels"):  # per-locale labels (themes): one query for all
                objs = objs.prefetch_related("labels")
        for obj in objs:
            label = obj.label(language) if callable(getattr(obj, "label", None)) else str(obj)
            labels[str(getattr(obj, key))] = label
    return labels
