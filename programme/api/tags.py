"""The programme's countries and themes in the API: which tag relations a page type has and
how they are prefetched and shown. Newsroom's pages carry the same relations and use these.

The headless toolkit knows no tag model; this module tells it the relation names.
"""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.models import Page

from headless.locales import page_language
from headless.serialisers import tag_data, tags_of, with_tags

#: {through relation: lookups to prefetch on its items}. Theme labels are not prefetched:
#: ``ThemeTag.label`` reads them from the request's copy of the (small) label table.
TAG_RELATIONS: dict[str, tuple[str, ...]] = {
    "country_items": (),
    "theme_items": (),
}


def tagged(queryset: QuerySet) -> QuerySet:
    """``queryset`` with the country and theme tags (with theme labels) its pages have."""
    return with_tags(queryset, TAG_RELATIONS)


def _items(obj: Page, relation: str):
    """The through items: attached in one query for both relations when the page's query
    did so (``attach_tags``), else the (prefetched) relation."""
    attached = getattr(obj, f"prefetched_{relation}", None)
    return attached if attached is not None else getattr(obj, relation).all()


def countries_of(obj: Page, context: dict) -> list[dict]:
    """A page's country tags, labelled in the page's language (a schema resolver)."""
    return tags_of(_items(obj, "country_items"), page_language(obj, context))


def themes_of(obj: Page, context: dict) -> list[dict]:
    """A page's theme tags, labelled in the page's language (a schema resolver)."""
    return tags_of(_items(obj, "theme_items"), page_language(obj, context))


def country_of(obj: Page, context: dict) -> dict | None:
    """The one country of a partner or contact (a foreign key, not a tag relation)."""
    if obj.country is None:
        return None
    return tag_data(obj.country, page_language(obj, context))
