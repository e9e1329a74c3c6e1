"""Every API response validates against the published OpenAPI schema, and the schema
describes every endpoint and its parameters."""

from __future__ import annotations

import re

import pytest
from jsonschema import Draft202012Validator

pytestmark = pytest.mark.django_db

OUR_OPERATIONS = {
    "/api/v3/news/": {
        "locale",
        "country",
        "theme",
        "kind",
        "phase",
        "partner",
        "date_from",
        "date_to",
        "search",
        "ordering",
        "limit",
        "offset",
    },
    "/api/v3/phases/": {"locale", "country", "theme", "status", "limit", "offset"},
    "/api/v3/partners/": {"locale", "kind", "country", "theme", "limit", "offset"},
    "/api/v3/contacts/": {"locale", "country", "limit", "offset"},
    "/api/v3/vocabularies/countries/": {"locale"},
    "/api/v3/vocabularies/themes/": {"locale"},
    "/api/v3/translations/{page_id}/": set(),
    "/api/v3/route/": {"path", "locale"},
    "/api/v3/site/navigation/": {"locale"},
    "/api/v3/site/settings/": {"locale"},
    "/api/v3/preview/": {"token"},
    "/api/v3/search/": {"q", "locale", "country", "theme", "kind", "year", "page", "per_page"},
}


@pytest.fixture
def openapi(client, homes):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_schema_describes_every_endpoint_and_parameter(openapi):
    for path, parameters in OUR_OPERATIONS.items():
        assert path in openapi["paths"], path
        operation = openapi["paths"][path]["get"]
        names = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
        assert parameters <= names, (path, parameters - names)
    assert "/api/v3/pages/" in openapi["paths"]


def test_docs_page(client, homes):
    response = client.get("/api/v3/docs/")
    assert response.status_code == 200
    assert b"openapi.json" in response.content


def operation_for(openapi: dict, url: str) -> tuple[str, dict]:
    path = url.split("?")[0]
    for template, item in openapi["paths"].items():
        pattern = "^" + re.sub(r"\{[^}]+\}", r"[^/]+", template) + "$"
        if re.match(pattern, path) and "get" in item:
            if template.endswith("/find/") and not path.endswith("/find/"):
                continue
            return template, item["get"]
    raise AssertionError(f"{path} is not in the OpenAPI schema")


def validate(openapi: dict, url: str, response) -> None:
    _template, operation = operation_for(openapi, url)
    status = str(response.status_code)
    declared = operation["responses"].get(status)
    assert declared is not None, (url, status, list(operation["responses"]))
    schema = declared["content"]["application/json"]["schema"]
    validator = Draft202012Validator({**schema, "components": openapi["components"]})
    errors = sorted(validator.iter_errors(response.json()), key=lambda e: list(e.path))
    assert not errors, (url, [f"{list(e.path)}: {e.message}" for e in errors[:5]])


def test_every_response_matches_the_schema(client, site_content, openapi):
    c = site_content
    from portal.api.preview import preview_token

    token = preview_token(c.article, c.article.get_latest_revision().pk)
    urls = [
        "/api/v3/news/?locale=ru",
        "/api/v3/news/?locale=en&country=kz&theme=prevention",
        "/api/v3/news/?search=seminar&locale=en",
        f"/api/v3/news/{c.article.pk}/",
        "/api/v3/phases/?locale=ru",
        f"/api/v3/phases/{c.phase.pk}/",
        "/api/v3/partners/?locale=ru",
        f"/api/v3/partners/{c.partner.pk}/",
        "/api/v3/contacts/?locale=ru",
        f"/api/v3/contacts/{c.contact.pk}/",
        "/api/v3/vocabularies/countries/?locale=en",
        "/api/v3/vocabularies/themes/?locale=ru",
        f"/api/v3/translations/{c.article.pk}/",
        "/api/v3/route/?path=/en/news/",
        "/api/v3/route/?path=/ru/news/seminar-almaty/",
        "/api/v3/site/navigation/?locale=en",
        "/api/v3/site/settings/?locale=ru",
        "/api/v3/search/?q=seminar&locale=en",
        "/api/v3/search/?q=профилактике&locale=ru&country=kz",
        f"/api/v3/preview/?token={token}",
        "/api/v3/pages/?type=newsroom.NewsPage&locale=ru",
        f"/api/v3/pages/{c.homes['ru'].pk}/",
        f"/api/v3/pages/{c.programme.pk}/",
        f"/api/v3/pages/{c.phase.pk}/",
        f"/api/v3/pages/{c.partner.pk}/",
        f"/api/v3/pages/{c.contact.pk}/",
        f"/api/v3/pages/{c.newsroom.pk}/",
        f"/api/v3/pages/{c.article.pk}/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        validate(openapi, url, response)
