"""JSON for what templates show: images with renditions, documents, page references, rich
text, StreamField and tags. Front ends must be able to build pages from the JSON alone, so
rich text comes rendered, references resolved and URLs absolute.

Tags are duck-typed (a ``slug`` and a ``label(language)``) and the tag relations to prefetch
are passed in: the toolkit knows no app's tag models.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from headless.locales import locale_codes
from headless.page_urls import full_url

# --- Tags -------------------------------------------------------------------------------------


class LabelledTag(Protocol):
    """A tag with a slug shared by every locale and a label per language."""

    slug: str

    def label(self, language: str) -> str: ...


def tag_data(tag: LabelledTag, language: str) -> dict:
    return {"slug": tag.slug, "label": tag.label(language)}


def tags_of(items: Iterable, language: str) -> list[dict]:
    """Tags of a page from its prefetched through-items, sorted by slug."""
    tags = sorted((item.tag for item in items), key=lambda tag: tag.slug)
    return [tag_data(tag, language) for tag in tags]


def with_tags(queryset: QuerySet, relations: Mapping[str, Sequence[str]]) -> QuerySet:
    """Prefetch the tags of the through ``relations`` the page type has, each as
    {through relation: lookups to prefetch on its items (e.g. the tag's labels)}.

    Relations the model lacks are skipped, so one mapping serves every page type.
    """
    model = queryset.model
    lookups = []
    for name, item_lookups in relations.items():
        try:
            through = model._meta.get_field(name).related_model
        except FieldDoesNotExist:
            continue
        items = through.objects.select_related("tag")
        if item_lookups:
            items = items.prefetch_related(*item_lookups)
        lookups.append(Prefetch(name, queryset=items))
    return queryset.prefetch_related(*lookups)


# --- Images and documents ---------------------------------------------------------------------


def rendition_specs() -> dict[str, str]:
    """{name: rendition filter spec}, the renditions every image carries (settings)."""
    return getattr(settings, "API_IMAGE_RENDITIONS", {"original": "original"})


def image_queryset() -> QuerySet:
    """Images with the API's renditions prefetched, for Prefetch() of an image relation."""
    return get_image_model().objects.prefetch_renditions(*rendition_specs().values())


def image_data(image) -> dict | None:
    if image is None:
        return None
    specs = rendition_specs()
    renditions = image.get_renditions(*specs.values())
    return {
        "id": image.pk,
        "title": image.title,
        "alt": getattr(image, "description", "") or image.title,
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {
                "url": renditions[spec].url,
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in specs.items()
        },
    }


def document_data(document) -> dict | None:
    if document is None:
        return None
    return {"id": document.pk, "title": document.title, "url": document.url}


# --- Pages, rich text, StreamField -----------------------------------------------------------


def page_ref(page: Page | None, request: HttpRequest) -> dict | None:
    """A reference to another page: enough for a front end to link to it."""
    if page is None:
        return None
    return {
        "id": page.pk,
        "title": page.title,
        "url": full_url(page, request),
        "locale": locale_codes(request).get(page.locale_id, ""),
        "type": page.specific_class._meta.label if page.specific_class else "wagtailcore.Page",
    }


def rich_text_html(value: str | None) -> str:
    """Database HTML with links and embeds resolved, ready for a front end to insert."""
    return expand_db_html(value or "")


#: How a page chosen in a block is shown: the page to reference instead, or None to hide it.
PageResolver = Callable[[Page], "Page | None"]


def block_value(
    block: blocks.Block, value: Any, request: HttpRequest, resolve_page: PageResolver
) -> Any:
    """A block value as JSON: structure kept, rich text rendered, references resolved
    (``resolve_page``: a chosen page in the item's language, never one that is not
    publicly visible; see ``headless.related``)."""
    if value is None:
        return None
    if isinstance(block, blocks.RichTextBlock):
        return rich_text_html(value.source)
    if isinstance(block, ImageChooserBlock):
        return image_data(value)
    if isinstance(block, DocumentChooserBlock):
        return document_data(value)
    if isinstance(block, blocks.PageChooserBlock):
        return page_ref(resolve_page(value), request)
    if isinstance(block, EmbedBlock):
        return {"url": getattr(value, "url", str(value))}
    if isinstance(block, blocks.StructBlock):
        return {
            name: block_value(child, value.get(name), request, resolve_page)
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [block_value(block.child_block, item, request, resolve_page) for item in value]
    if isinstance(block, blocks.StreamBlock):
        return stream_data(value, request, resolve_page)
    return block.get_api_representation(value, {"request": request})


def chosen_pages(block: blocks.Block, value: Any) -> Iterator[Page]:
    """The pages chosen anywhere in a block value (page choosers in structs, lists and
    nested streams), so that they can be resolved together before the value is rendered."""
    if value is None:
        return
    if isinstance(block, blocks.PageChooserBlock):
        yield value
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from chosen_pages(child, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from chosen_pages(block.child_block, item)
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from chosen_pages(child.block, child.value)


def stream_data(stream, request: HttpRequest, resolve_page: PageResolver) -> list[dict]:
    return [
        {
            "type": child.block_type,
            "id": child.id,
            "value": block_value(child.block, child.value, request, resolve_page),
        }
        for child in stream or []
    ]
