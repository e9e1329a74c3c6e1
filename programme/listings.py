"""Every page tagged with a country or theme, found without knowing which apps tag pages.

Any app may tag its pages with ``CountryTag`` / ``ThemeTag`` through a taggit ``ItemBase``
model whose ``content_object`` is a page (as newsroom does), or point at a country with a
plain foreign key (as partners do). Walking the tag model's reverse relations finds them
all, so programme never imports the apps that build on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from taggit.models import ItemBase, TagBase
from wagtail.models import Locale, Page

from headless.visibility import visible_pages


@dataclass(frozen=True)
class TagRelation:
    """A model pointing at the tag (``field``) whose ``page_field`` holds a page id."""

    model: type[models.Model]
    field: str
    page_field: str


@cache
def tag_relations(tag_model: type[TagBase]) -> tuple[TagRelation, ...]:
    relations = []
    for rel in tag_model._meta.related_objects:
        related = rel.related_model
        if not isinstance(rel.field, models.ForeignKey):
            continue
        if issubclass(related, ItemBase):
            try:
                content_object = related._meta.get_field("content_object")
            except FieldDoesNotExist:
                continue
            target = getattr(content_object, "related_model", None)
            if isinstance(target, type) and issubclass(target, Page):
                relations.append(TagRelation(related, rel.field.name, content_object.attname))
        elif issubclass(related, Page):
            relations.append(TagRelation(related, rel.field.name, "pk"))
    return tuple(sorted(relations, key=lambda r: (r.model._meta.label, r.field)))


def tagged_pages(tag: TagBase, locale: Locale) -> models.QuerySet:
    """Publicly visible pages (``headless.visibility``) of ``locale`` tagged with ``tag``,
    newest first.

    One SQL query, whatever the number of relations: each relation is a subquery of the same
    statement.
    """
    condition = models.Q()
    for relation in tag_relations(type(tag)):
        ids = relation.model._default_manager.filter(**{relation.field: tag}).values(
            relation.page_field
        )
        condition |= models.Q(pk__in=ids)
    if not condition:
        return Page.objects.none()
    return (
        visible_pages(Page.objects.filter(condition, locale=locale))
        .select_related("content_type")
        .order_by("-first_published_at", "-pk")
    )


def type_counts(pages: models.QuerySet) -> list[tuple[str, int]]:
    """[(verbose name plural, count)] per page type among ``pages``, largest first."""
    rows = pages.order_by().values("content_type").annotate(n=models.Count("pk"))
    counts = []
    for row in rows:
        model = ContentType.objects.get_for_id(row["content_type"]).model_class()
        if model is not None:
            counts.append((str(model._meta.verbose_name_plural), row["n"]))
    return sorted(counts, key=lambda c: (-c[1], c[0]))
