"""Shapes shared by every app's API: tags, images, page references, StreamField blocks, the
``meta`` of a page and the base page detail, and ``PageSummarySchema``, which carries the
``url``/``locale`` resolvers every listing item needs.

These schemas are registered with Wagtail's API registry too (``page_schema``), so
/api/v3/pages/{id}/ returns the same typed shape as our routers.

Schemas that appear in the OpenAPI document have no docstring on purpose: pydantic would
publish it as the schema's description and so change the API contract.
"""

from __future__ import annotations

import datetime
from typing import Any, Literal

from ninja import Field, Schema
from wagtail.models import Page

from headless.context import context_request
from headless.resolvers import page_locale, page_url, rich_text_field
from headless.serialisers import page_ref


class TagSchema(Schema):
    slug: str = Field(description="Stable identifier, the same in every locale.")
    label: str = Field(description="Label in the asked locale.")


class RenditionSchema(Schema):
    url: str
    width: int
    height: int


class RenditionedImageSchema(Schema):
    id: int
    title: str
    alt: str
    width: int
    height: int
    renditions: dict[str, RenditionSchema] = Field(
        description="Named renditions (see API_IMAGE_RENDITIONS): thumbnail, medium, large..."
    )


class PageRefSchema(Schema):
    id: int
    title: str
    url: str | None = Field(description="Absolute URL of the page on the public site.")
    locale: str
    type: str


class StreamBlockSchema(Schema):
    type: str = Field(description="Block type: paragraph, heading, image, quote, fact_box...")
    id: str | None = None
    value: Any = Field(
        description="Block value: rendered HTML for rich text, objects for structured blocks, "
        "images with renditions, pages as references."
    )


class PageSummarySchema(Schema):
    """The head of every listing item: id, title, absolute URL and locale code.

    django-ninja (1.7) inherits resolvers: its ResolverMetaclass starts a schema's resolvers
    from its bases' ``_ninja_resolvers`` (ninja/schema.py), so subclasses get ``resolve_url``
    and ``resolve_locale`` from here. Pydantic orders fields along the MRO, base first, so a
    subclass's own fields follow these four, as they did when each summary declared them.
    """

    id: int
    title: str
    url: str | None
    locale: str

    resolve_url = staticmethod(page_url)
    resolve_locale = staticmethod(page_locale)


class PageInfoSchema(Schema):
    type: str
    locale: str
    slug: str
    url: str | None
    html_url: str | None = None
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None
    seo_title: str
    search_description: str
    show_in_menus: bool
    parent: PageRefSchema | None = None

    resolve_locale = staticmethod(page_locale)
    resolve_url = staticmethod(page_url)
    resolve_html_url = staticmethod(page_url)

    @staticmethod
    def resolve_type(obj: Page) -> str:
        return obj.specific_class._meta.label

    @staticmethod
    def resolve_parent(obj: Page, context: dict) -> dict | None:
        if not context.get("with_parent", True):
            return None
        parent = obj.get_parent()
        if parent is None or parent.depth <= 1:
            return None
        return page_ref(parent.specific_deferred, context_request(context))


class BasePageDetail(Schema):
    id: int
    title: str
    meta: PageInfoSchema

    @staticmethod
    def resolve_meta(obj: Page) -> Page:
        return obj


class IndexPageDetail(BasePageDetail):
    intro: str

    resolve_intro = rich_text_field("intro")


def page_schema(model: type[Page], schema: type[Schema]) -> type[Schema]:
    """``schema`` with ``meta.type`` narrowed to the model's label, so each page type's
    schema is distinguishable in the OpenAPI union of page types (as Wagtail's own are)."""
    name = model._meta.object_name
    meta = type(PageInfoSchema)(
        f"{name}Info",
        (PageInfoSchema,),
        {"__annotations__": {"type": Literal[model._meta.label]}},
    )
    return type(schema)(f"{name}Read", (schema,), {"__annotations__": {"meta": meta}})
