"""The headless toolkit's shared pieces behave as every app's API relies on: listing items
get ``url`` and ``locale`` from the one base schema (django-ninja inherits resolvers), and
the list steps refuse bad input before touching the database."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.test import RequestFactory

from headless.errors import BadParameter
from headless.pagination import paginate
from headless.schemas import PageSummarySchema
from newsroom.api import NewsSummarySchema
from programme.api.schemas import (
    ContactSummarySchema,
    PartnerSummarySchema,
    ProgrammePhaseSummarySchema,
)

SUMMARIES = [
    NewsSummarySchema,
    ProgrammePhaseSummarySchema,
    PartnerSummarySchema,
    ContactSummarySchema,
]


class ExampleSummary(PageSummarySchema):
    kind: str


def test_a_subclass_inherits_the_url_and_locale_resolvers():
    request = SimpleNamespace(_api_locale_codes={3: "en"})
    page = SimpleNamespace(
        id=1, title="A page", locale_id=3, kind="news", get_full_url=lambda r: "https://x/en/a/"
    )
    item = ExampleSummary.model_validate(page, context={"request": request})
    assert item.model_dump() == {
        "id": 1,
        "title": "A page",
        "url": "https://x/en/a/",
        "locale": "en",
        "kind": "news",
    }


@pytest.mark.parametrize("schema", SUMMARIES, ids=lambda schema: schema.__name__)
def test_summaries_start_with_the_base_fields(schema):
    # Pydantic orders fields along the MRO, base first: the OpenAPI field order is kept.
    assert list(schema.model_fields)[:4] == ["id", "title", "url", "locale"]
    assert schema.__doc__ is None  # a docstring would become an OpenAPI description


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/news/", "/phases/", "/partners/", "/contacts/"])
def test_listing_items_have_url_and_locale(client, site_content, path):
    items = client.get(f"/api/v3{path}").json()["items"]
    assert items
    for item in items:
        assert item["locale"] == "ru"
        assert item["url"].startswith("http://localhost/ru/")


def test_paginate_refuses_unknown_parameters_before_building_the_queryset():
    request = RequestFactory().get("/api/v3/things/", {"colour": "red"})

    def queryset(locale):
        raise AssertionError("the queryset must not be built")

    with pytest.raises(BadParameter) as raised:
        paginate(request, locale=None, queryset=queryset, filters={}, limit=20, offset=0)
    assert raised.value.parameter == "colour"
