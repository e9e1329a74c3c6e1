"""Ready-made django-ninja resolvers for the fields every page schema has in some form: the
page's absolute URL and locale code, a StreamField, a rich-text field, an image, a choice
label in the page's own language. A schema then says ``resolve_body = stream_field("body")``
instead of repeating the same three-line method.

django-ninja only calls resolvers that are static methods (ninja/schema.py, ``Resolver``),
hence the ``staticmethod`` wrappers; resolvers taking ``context`` get the request from it.
"""

from __future__ import annotations

from django.db.models import Choices
from wagtail.models import Page

from headless.context import context_request
from headless.locales import label_in_page_language, locale_codes
from headless.page_urls import full_url
from headless.related import localised, resolve
from headless.serialisers import chosen_pages, image_data, page_ref, rich_text_html, stream_data


def page_url(obj: Page, context: dict) -> str | None:
    """Absolute URL of the page on the public site."""
    return full_url(obj, context_request(context))


def page_locale(obj: Page, context: dict) -> str:
    return locale_codes(context_request(context)).get(obj.locale_id, "")


def stream_field(name: str) -> staticmethod:
    """Resolver: the StreamField ``name`` as a list of blocks, its chosen pages in the page's
    language and only while publicly visible (all of them resolved in one query)."""

    def resolve_stream(obj: Page, context: dict) -> list[dict]:
        stream = getattr(obj, name)
        chosen = [
            page.pk for child in stream or [] for page in chosen_pages(child.block, child.value)
        ]
        found = resolve(chosen, {obj.locale_id})
        return stream_data(
            stream, context_request(context), lambda page: found.get(page.pk, obj.locale_id)
        )

    return staticmethod(resolve_stream)


def rich_text_field(name: str) -> staticmethod:
    """Resolver: the rich-text field ``name`` as rendered HTML."""

    def resolve(obj: Page) -> str:
        return rich_text_html(getattr(obj, name))

    return staticmethod(resolve)


def image_field(name: str, alt: str | None = None) -> staticmethod:
    """Resolver: the image of the foreign key ``name`` with its renditions, or None. ``alt``
    names an attribute of the page that gives the image's alt text there (a page may
    describe an image in its own language, or mark it decorative: ``""``); without it the
    alt text is the image's own description."""

    def resolve(obj: Page) -> dict | None:
        data = image_data(getattr(obj, name))
        if data is not None and alt is not None:
            data["alt"] = getattr(obj, alt)
        return data

    return staticmethod(resolve)


def choice_label(choices: type[Choices], name: str = "kind") -> staticmethod:
    """Resolver: the label of the choice field ``name`` in the page's own language."""

    label_name = f"{choices.__module__}.{choices.__qualname__}"

    def resolve(obj: Page, context: dict) -> str:
        value = choices(getattr(obj, name))
        return label_in_page_language(obj, context, value.label, f"{label_name}.{value.value}")

    return staticmethod(resolve)


def related_page(name: str) -> staticmethod:
    """Resolver: a reference to the page of the foreign key ``name``, in the page's language
    when translated, never one that is not publicly visible (``headless.related``)."""

    def resolve_related(obj: Page, context: dict) -> dict | None:
        page = localised(obj, getattr(obj, f"{name}_id"))
        return page_ref(page, context_request(context))

    return staticmethod(resolve_related)
