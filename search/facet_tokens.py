"""Facet values as tokens stored on the search document (PostgreSQL).

Counting a facet by joining 5,000 matched pages to their tag tables cost more than the text
search itself, once per facet. The search document carries each page's facet values instead
(``search_document.facets``: ``country:3``, ``theme:7``, ``kind:press_release``,
``year:2022``, ``content_type:41``), written with the page's index entry
(``search.backends.postgres``), so a search counts every facet in one pass over its matches.

The values come from the same FilterFields the facets are discovered from
(``search.facets.facet_sources``). A related value is stored by primary key, which an editor
cannot change, and shown by its slug and label read when the search runs: renaming a
country's slug or a theme's label needs no reindexing. A page's own values (its tags, kind,
date) change only when it is published again, which indexes it again.
"""

from __future__ import annotations

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from headless.memo import table_by_id
from search.facets import FacetSource, facet_sources, page_content_types, value_key


def _year(value) -> str | None:
    if isinstance(value, datetime.datetime):  # the year where the site is (``ExtractYear``)
        return str(timezone.localtime(value).year if timezone.is_aware(value) else value.year)
    return str(value.year) if isinstance(value, datetime.date) else None


def _many(source: FacetSource) -> bool:
    field = source.model._meta.get_field(source.field_name)
    return source.kind == "relation" and (field.many_to_many or field.one_to_many)


def _values(obj, source: FacetSource, batch: dict | None = None) -> list[str]:
    if source.kind == "date":
        year = _year(getattr(obj, source.field_name, None))
        return [year] if year else []
    if source.kind == "choice":
        value = getattr(obj, source.field_name, None)
        return [] if value in (None, "") else [str(value)]
    if _many(source):  # a tag manager or a ParentalManyToMany
        if batch is not None and source in batch:
            return batch[source].get(obj.pk, [])
        return [str(related.pk) for related in getattr(obj, source.field_name).all()]
    field = source.model._meta.get_field(source.field_name)
    pk = getattr(obj, field.attname, None)
    return [] if pk is None else [str(pk)]


def facet_tokens(obj, batch: dict | None = None) -> list[str]:
    """The facet tokens of an indexed page (its content type's id, then each facet source
    its type declares). ``batch``: its many-to-many values read with its batch's
    (``batch_values``)."""
    tokens = [f"content_type:{ContentType.objects.get_for_model(obj).pk}"]
    for name, sources in facet_sources().items():
        for source in sources:
            if isinstance(obj, source.model):
                tokens += [f"{name}:{value}" for value in _values(obj, source, batch)]
    return sorted(set(tokens))


def batch_values(objs: list) -> dict | None:
    """{source: {page pk: [related pk]}} of the many-to-many facet values (tags) of a batch
    of pages, read from each through table in one query, instead of a query per page and
    field: a rebuild indexes pages in chunks. None for a single page (a publish), whose
    values may be the ones in memory, not yet in the table."""
    if len(objs) < 2:
        return None
    pks = [obj.pk for obj in objs]
    batch: dict = {}
    for sources in facet_sources().values():
        for source in sources:
            if not _many(source) or not any(isinstance(obj, source.model) for obj in objs):
                continue
            field = source.model._meta.get_field(source.field_name)
            through = field.remote_field.through
            owner = next(
                f
                for f in through._meta.fields
                if f.is_relation
                and f.related_model is not None
                and issubclass(source.model, f.related_model)
            )
            target = next(
                f
                for f in through._meta.fields
                if f.is_relation and f.related_model is field.related_model and f is not owner
            )
            values: dict = {}
            rows = through._default_manager.filter(**{f"{owner.attname}__in": pks})
            for page, related in rows.values_list(owner.attname, target.attname):
                values.setdefault(page, []).append(str(related))
            batch[source] = values
    return batch


def _related_model(name: str):
    sources = [s for s in facet_sources().get(name, []) if s.kind == "relation"]
    return sources[0].related_model if sources else None


def _related_rows(model) -> dict:
    table = table_by_id(model)
    return table if table is not None else {row.pk: row for row in model._default_manager.all()}


def selection_tokens(name: str, values: list[str]) -> list[str]:
    """The tokens a selection of ``values`` (as in the URL: slugs, kinds, years, content type
    keys) of facet ``name`` matches. A value nothing has is no token (it selects nothing)."""
    if name == "content_type":
        types = page_content_types()
        return [f"content_type:{types[v].pk}" for v in values if v in types]
    model = _related_model(name)
    if model is None:
        return [f"{name}:{v}" for v in values]
    key = value_key(model)
    wanted = set(values)
    return [
        f"{name}:{pk}"
        for pk, row in _related_rows(model).items()
        if str(getattr(row, key)) in wanted
    ]


def token_values(name: str, values: set[str]) -> dict[str, str]:
    """{stored value: URL value} of facet ``name``: a related row's slug for its pk (rows that
    no longer exist are left out); other values as they are."""
    if name == "content_type":
        return {v: v for v in values}
    model = _related_model(name)
    if model is None:
        return {v: v for v in values}
    key = value_key(model)
    rows = _related_rows(model)
    return {v: str(getattr(rows[int(v)], key)) for v in values if v.isdigit() and int(v) in rows}
