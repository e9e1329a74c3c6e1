"""A listing's answer built straight from its schema's resolvers, without pydantic's
validation pass over every item.

django-ninja answers a view's return value by validating it against the response schema
(each item wrapped in a ``DjangoGetter``, every field through pydantic's wrap validator),
dumping the validated model and rendering that. A list item's fields are the page's own
attributes and resolver results that are already plain data (``headless.serialisers``:
dicts in the nested schemas' field order), so the validation pass changes nothing in what it
returns; on a page of twenty items it cost about a quarter of the whole request.

``list_response`` reads each field the way ninja does (a ``DjangoGetter``: the schema's
resolver when it has one, else the attribute), in the schema's field order, and renders the
result with the API's renderer (``headless.rendering``, the one the site gives Wagtail's API
v3): the same JSON, minus the validation. The listing's tests
compare it with the validated answer (tests/api/test_prevalidated.py), field by field, on
content with every kind of value (images, partners, phases, tags, translations).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, get_args

from django.http import HttpRequest, HttpResponse
from ninja import Schema
from ninja.schema import DjangoGetter
from pydantic_core import PydanticUndefined

from headless.rendering import RENDERER


def item_schema(list_schema: type[Schema]) -> type[Schema]:
    """The schema of the items of a list schema (its ``items: list[X]`` field)."""
    (schema,) = get_args(list_schema.model_fields["items"].annotation)
    return schema


@cache
def field_resolvers(schema: type[Schema]) -> tuple[tuple[str, Callable | None], ...]:
    """(field name, ninja's resolver for it or None) in the schema's field order, worked out
    once per schema rather than looked up for every field of every item."""
    resolvers = schema._ninja_resolvers
    return tuple((name, resolvers.get(name)) for name in schema.model_fields)


def schema_values(schema: type[Schema], obj: Any, context: Mapping[str, Any]) -> dict:
    """``obj``'s fields as ninja reads them for ``schema`` (resolver, else attribute), in the
    schema's field order. Every value must already be what validation would give back: the
    resolvers' plain data, or an attribute of the field's type."""
    getter = DjangoGetter(obj, schema, context)
    if isinstance(obj, dict):
        return {name: getattr(getter, name) for name, _ in field_resolvers(schema)}
    convert = getter._convert_result  # managers to lists, callables called, as ninja does
    values = {}
    for name, resolver in field_resolvers(schema):
        if resolver is not None:
            values[name] = convert(resolver(getter=getter))
            continue
        try:
            value = getattr(obj, name)
        except AttributeError:  # ninja's other ways of finding it (a dotted path)
            values[name] = getattr(getter, name)
        else:
            values[name] = convert(value)
    return values


def envelope_values(schema: type[Schema], envelope: Mapping[str, Any], items: list) -> dict:
    """The envelope's fields in the schema's order, a missing optional one at its default."""
    data = {}
    for name, field in schema.model_fields.items():
        if name == "items":
            data[name] = items
        elif name in envelope:
            data[name] = envelope[name]
        elif field.default is not PydanticUndefined:
            data[name] = field.default
        else:
            raise KeyError(f"{schema.__name__}: the envelope has no {name!r}")
    return data


def list_response(
    request: HttpRequest, schema: type[Schema], envelope: Mapping[str, Any]
) -> HttpResponse:
    """The answer ninja would render for ``envelope`` (``headless.pagination``) under the
    list schema ``schema``: status 200, the API's JSON and content type."""
    context = {"request": request, "response_status": 200}
    each = item_schema(schema)
    items = [schema_values(each, item, context) for item in envelope["items"]]
    content = RENDERER.render(
        request, envelope_values(schema, envelope, items), response_status=200
    )
    content_type = f"{RENDERER.media_type}; charset={RENDERER.charset}"
    return HttpResponse(content, status=200, content_type=content_type)
