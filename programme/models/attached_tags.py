"""The tags of a whole list of pages in one query (``attach_tags``), where the pages' readers
find them (``tags_in_slug_order`` in ``programme.models.vocabularies``, the API's tag
resolvers).

Listings call this once per page of results, so it is written for that: the statement is
plain SQL kept per page type and relations (its text changes only with the number of ids),
and each row becomes a small ``TaggedItem`` instead of a through-model instance; building the
ORM union and a model per row cost more than the query itself.
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from django.db import connections, models, router
from taggit.models import TagBase


class TaggedItem(NamedTuple):
    """A through row as a listing reads it: the tag it puts on the page. Readers of
    ``prefetched_<relation>`` use ``item.tag`` only, as on a through-model instance."""

    tag: TagBase


class _Relation(NamedTuple):
    name: str
    tag_model: type[TagBase]
    #: ``SELECT ... WHERE <page column> IN `` of this relation's through table.
    select: str


@functools.cache
def _relations(
    model: type[models.Model], names: tuple[str, ...], alias: str
) -> tuple[_Relation, ...]:
    """The statement parts of each through relation of ``model``, built once per process:
    its rows (page id, tag id) joined to the tag's slug and name."""
    quote = connections[alias].ops.quote_name
    parts = []
    for index, name in enumerate(names):
        through = model._meta.get_field(name).related_model
        page_column = through._meta.get_field("content_object").column
        tag_field = through._meta.get_field("tag")
        tag_model = tag_field.related_model
        item, tag = quote(through._meta.db_table), quote(tag_model._meta.db_table)
        columns = ", ".join(
            [
                f"{index}",
                f"{item}.{quote(page_column)}",
                f"{tag}.{quote(tag_model._meta.pk.column)}",
                f"{tag}.{quote(tag_model._meta.get_field('slug').column)}",
                f"{tag}.{quote(tag_model._meta.get_field('name').column)}",
            ]
        )
        parts.append(
            _Relation(
                name,
                tag_model,
                f"SELECT {columns} FROM {item} INNER JOIN {tag} "
                f"ON ({item}.{quote(tag_field.column)} = {tag}.{quote(tag_model._meta.pk.column)}) "
                f"WHERE {item}.{quote(page_column)} IN ",
            )
        )
    return tuple(parts)


def attach_tags(pages: list, relations: tuple[str, ...] = ("country_items", "theme_items")) -> None:
    """Read the tags of every page in ``pages`` (of one page type) for every through relation
    in ``relations``, in ONE query (a ``UNION ALL`` of the through tables joined to their tag
    tables), and leave them where ``tags_in_slug_order`` looks: ``prefetched_<relation>``,
    in slug order.

    A listing page then costs one query for all its tags, however many items, countries and
    themes it shows; theme labels come from the request's table (``ThemeTag.label``)."""
    pages = [page for page in pages if page is not None and page.pk]
    if not pages:
        return
    model = type(pages[0])
    ids = list(dict.fromkeys(page.pk for page in pages))
    alias = router.db_for_read(model)
    shapes = _relations(model, tuple(relations), alias)
    marks = "(" + ", ".join(["%s"] * len(ids)) + ")"
    sql = " UNION ALL ".join(shape.select + marks for shape in shapes)
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, ids * len(shapes))
        rows = cursor.fetchall()
    found: dict[tuple[int, int], list[TaggedItem]] = {}
    tags: dict[tuple[int, int], TagBase] = {}
    for index, page_id, tag_id, slug, name in rows:
        tag = tags.get((index, tag_id))
        if tag is None:
            tag = tags[(index, tag_id)] = shapes[index].tag_model(pk=tag_id, slug=slug, name=name)
        found.setdefault((index, page_id), []).append(TaggedItem(tag))
    for page in pages:
        for index, shape in enumerate(shapes):
            items = sorted(found.get((index, page.pk), []), key=lambda item: item.tag.slug)
            setattr(page, f"prefetched_{shape.name}", items)
