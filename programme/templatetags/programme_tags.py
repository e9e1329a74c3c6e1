"""Template helpers of the programme app: vocabulary labels and links, teasers."""

from __future__ import annotations

from django import template
from django.urls import NoReverseMatch, reverse
from taggit.models import TagBase

from programme.models import CountryTag, ThemeTag
from programme.models.reader import current_language

register = template.Library()


@register.filter
def tag_label(tag: TagBase | None) -> str:
    """The tag's label in the reader's language."""
    if tag is None:
        return ""
    label = getattr(tag, "label", None)
    return label(current_language()) if callable(label) else str(tag)


@register.filter
def tag_url(tag: TagBase | None) -> str:
    """The tag's listing page, or "" when the host site does not include programme.urls."""
    route = {CountryTag: "programme:country", ThemeTag: "programme:theme"}.get(type(tag))
    if route is None:
        return ""
    try:
        return reverse(route, kwargs={"slug": tag.slug})
    except NoReverseMatch:
        return ""


@register.filter
def teaser(page) -> str:
    """A line of text about any page: its search description, standfirst or summary."""
    for name in ("search_description", "standfirst", "summary"):
        value = getattr(page, name, "")
        if isinstance(value, str) and value.strip():
            return value
    return ""


@register.filter
def page_type(page) -> str:
    """What the page is to a reader: a news item's kind (press release, statement...) when
    it has one, else its page type's name."""
    kind = getattr(page, "get_kind_display", None)
    if callable(kind) and getattr(page, "kind", ""):
        return str(kind())
    return str(type(page)._meta.verbose_name)


@register.filter
def item_tags(obj) -> list[TagBase]:
    """Tags held through ``*_items`` child relations, read from prefetched rows."""
    return sorted((item.tag for item in obj.all()), key=lambda t: t.slug)


@register.filter
def as_list(value) -> list:
    return [] if value is None else [value]
