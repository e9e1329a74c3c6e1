"""Related pages as a reader of an item sees them: in the item's language when translated,
and only while publicly visible.

A reference to another page (a news item's phase, partners and media contact, a phase's
partners, a contact's organisation, a page chooser in a StreamField) points at one page,
usually in the source language: wagtail-localize copies such foreign keys unchanged into
every translation. Front ends want the page in the item's own language, so a reference
resolves, in order, to

1. the translation of the referenced page in the item's locale, if publicly visible,
2. else the referenced page itself, if publicly visible (its ``locale`` says which),
3. else nothing: a draft, private, embargoed, expired or alias page is never exposed.

"Publicly visible" is ``headless.visibility``'s one rule. Resolution is in bulk: one query
for every reference of a whole list page (``attach``), so a listing's query count does not
grow with its size. A page type says which pages it refers to with ``register``; the
plugins register theirs (this toolkit knows none of them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from django.db import connections, router
from django.db.models import Exists, ManyToManyField, OuterRef, Q
from wagtail.models import Page

from headless.visibility import visible_pages

#: What a page reference needs: ``headless.serialisers.page_ref`` reads no more.
REF_FIELDS = ("id", "title", "url_path", "locale_id", "content_type_id", "translation_key")

#: The attribute a resolved map is attached under, on each item of a list page.
ATTRIBUTE = "_headless_related"

#: page type -> the ids of the pages an item of it refers to (None entries are skipped).
RELATED_IDS: dict[type[Page], Callable[[Page], Iterable[int | None]]] = {}


def register(model: type[Page], ids_of: Callable[[Page], Iterable[int | None]]) -> None:
    """Declare which pages a ``model`` page refers to. ``ids_of(page)`` should read
    prefetched relations (listings prefetch them), so collecting the ids costs no query."""
    RELATED_IDS[model] = ids_of


def ids_of(page: Page) -> list[int]:
    for model in type(page).__mro__:
        collect = RELATED_IDS.get(model)
        if collect is not None:
            return [pk for pk in collect(page) if pk]
    return []


class LocalisedPages:
    """The referenced pages and their translations, read in one query: ``get(id, locale)``
    is the page to show for a reference to page ``id`` from an item in ``locale``."""

    def __init__(self, pages: Iterable[Page], source_ids: Iterable[int]) -> None:
        self.by_id: dict[int, Page] = {}
        self.by_key: dict[tuple, Page] = {}
        for page in pages:
            self.by_id[page.pk] = page
            if page.publicly_visible:
                self.by_key[(page.translation_key, page.locale_id)] = page
        self.source_ids = set(source_ids)

    def get(self, page_id: int | None, locale_id: int | None) -> Page | None:
        source = self.by_id.get(page_id) if page_id else None
        if source is None:
            return None
        translated = self.by_key.get((source.translation_key, locale_id))
        if translated is not None:
            return translated
        return source if source.publicly_visible else None


def resolve(page_ids: Iterable[int], locale_ids: Iterable[int]) -> LocalisedPages:
    """The pages ``page_ids`` and their translations into ``locale_ids``, each marked with
    whether it is publicly visible: one query (none when there is nothing to resolve)."""
    ids = set(page_ids)
    if not ids:
        return LocalisedPages([], ids)
    keys = Page.objects.filter(pk__in=ids).values("translation_key")
    visible = visible_pages(Page.objects.filter(pk=OuterRef("pk")))
    pages = (
        Page.objects.filter(translation_key__in=keys)
        .filter(Q(pk__in=ids) | Q(locale_id__in=set(locale_ids)))
        .annotate(publicly_visible=Exists(visible))
        .only(*REF_FIELDS)
    )
    return LocalisedPages(pages, ids)


def referenced_ids(field: ManyToManyField, ids: Iterable[int]) -> dict[int, list[int]]:
    """{page id: the ids of the pages it refers to through the many-to-many ``field`` (to a
    page type), in tree order}, for every page of ``ids``: one query for a whole list page,
    read from the relation's table without making an object of each referenced page (their
    ids are all ``attach`` needs)."""
    found: dict[int, list[int]] = {pk: [] for pk in ids}
    if not found:
        return found
    through = field.remote_field.through
    connection = connections[router.db_for_read(through)]
    quote = connection.ops.quote_name
    source, target = quote(field.m2m_column_name()), quote(field.m2m_reverse_name())
    marks = ", ".join(["%s"] * len(found))
    sql = (
        f"SELECT r.{source}, r.{target} FROM {quote(through._meta.db_table)} r "
        f"INNER JOIN {quote(Page._meta.db_table)} p ON (p.{quote(Page._meta.pk.column)} = "
        f"r.{target}) WHERE r.{source} IN ({marks}) ORDER BY p.{quote('path')}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, list(found))
        for page_id, referenced in cursor.fetchall():
            found[page_id].append(referenced)
    return found


def attach(items: Sequence) -> None:
    """Resolve every reference of ``items`` (a list page) in one query and attach the result
    to each item, where ``related_of`` finds it."""
    pages = [item for item in items if isinstance(item, Page)]
    wanted = {item.pk: ids_of(item) for item in pages}
    if not any(wanted.values()):
        return
    found = resolve(
        (pk for ids in wanted.values() for pk in ids), {item.locale_id for item in pages}
    )
    for item in pages:
        setattr(item, ATTRIBUTE, found)


def related_of(page: Page) -> LocalisedPages:
    """The resolved references of ``page``: attached by its listing, else resolved now for
    this page alone (a detail route: one query) and kept on it."""
    found = getattr(page, ATTRIBUTE, None)
    if found is None:
        found = resolve(ids_of(page), {page.locale_id})
        setattr(page, ATTRIBUTE, found)
    return found


def share_related(source: Page, target: Page) -> None:
    """Let ``target`` (a page ``source`` refers to and shows, such as an item's contact) use
    ``source``'s resolved references when they already cover ``target``'s own in the same
    language: the answer is the same, without another query. Otherwise ``target`` resolves
    its references itself when asked."""
    found = getattr(source, ATTRIBUTE, None)
    if found is None or getattr(target, ATTRIBUTE, None) is not None:
        return
    if target.locale_id == source.locale_id and set(ids_of(target)) <= found.source_ids:
        setattr(target, ATTRIBUTE, found)


def localised(page: Page, page_id: int | None) -> Page | None:
    """The page to show for ``page``'s reference to ``page_id`` (see the module's rule)."""
    if not page_id:
        return None
    found = related_of(page)
    if page_id not in found.source_ids:  # a reference the page type did not register
        found = resolve([page_id], {page.locale_id})
    return found.get(page_id, page.locale_id)
