"""Wagtail's API v3 write operations (and its token-only reads) need an API token, act with
the token owner's permissions, and never change anything for an anonymous caller, even one
holding an admin session cookie. docs/api.md lists every one of them; a test keeps it so.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import APIToken, Page, Revision, Site
from wagtail.snippets.models import get_snippet_models

from tests.api.conftest import publish
from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.factories.programme import BoilerplateFactory

DOCS = Path(__file__).resolve().parents[2] / "docs" / "api.md"
WRITE_METHODS = {"post", "put", "patch", "delete"}


def token_operations(document: dict) -> list[tuple[str, str, dict]]:
    """(METHOD, path, operation) of every operation an anonymous caller cannot use."""
    found = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            schemes = {name for entry in operation.get("security", []) for name in entry}
            if "BearerTokenAuth" in schemes and "AllowAnonymous" not in schemes:
                found.append((method.upper(), path, operation))
            else:
                assert method not in WRITE_METHODS, f"anonymous write: {method} {path}"
    return found


@pytest.fixture
def openapi(client, db) -> dict:
    return json.loads(client.get("/api/v3/openapi.json").content)


@pytest.fixture
def content(homes):
    index = publish(NewsIndexPageFactory(parent=homes["ru"]))
    article = publish(NewsPageFactory(parent=index, title="Опубликовано", slug="published"))
    boilerplate = BoilerplateFactory(text="<p>Текст</p>", locale=homes["ru"].locale)
    return article, boilerplate


def state() -> dict:
    """Everything a write operation could change."""
    snapshot = {
        "pages": list(
            Page.objects.order_by("pk").values_list("pk", "live", "title", "url_path", "alias_of")
        ),
        "revisions": Revision.objects.count(),
        "sites": list(Site.objects.values_list("pk", "hostname", "port", "root_page")),
        "redirects": Redirect.objects.count(),
        "images": Image.objects.count(),
        "documents": Document.objects.count(),
    }
    for model in get_snippet_models():
        snapshot[model._meta.label] = model.objects.count()
    return snapshot


def concrete(path: str, article: Page, boilerplate) -> str:
    values = {
        "page_id": article.pk,
        "type": boilerplate._meta.label_lower,
        "pk": boilerplate.pk,
        "revision_id": 1,
    }
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), 1)), path)


def call(client, method: str, path: str, **headers):
    """A request with a body every write operation would accept the fields of."""
    article = Page.objects.get(slug="published")
    body = {
        "title": "Changed",
        "slug": "changed",
        "hostname": "evil.example",
        "root_page_id": article.pk,
        "old_path": "/evil/",
        "redirect_link": "https://evil.example/",
        "destination_id": article.get_parent().get_parent().pk,
        "revision_id": article.latest_revision_id,
        "locale": "en",
    }
    return client.generic(
        method, path, json.dumps(body), content_type="application/json", **headers
    )


def test_every_token_operation_refuses_anonymous_and_session_callers(
    client, admin_client, openapi, content
):
    article, boilerplate = content
    operations = token_operations(openapi)
    writes = [op for op in operations if op[0].lower() in WRITE_METHODS]
    assert len(writes) >= 30  # Wagtail 8: pages, actions, sites, redirects, snippets, media
    before = state()
    wrong = []
    for method, path, _ in operations:
        url = concrete(path, article, boilerplate)
        for caller, headers in (
            ("anonymous", {}),
            ("admin session", {}),
            ("bad token", {"HTTP_AUTHORIZATION": "Bearer wagtail_not-a-real-token"}),
        ):
            agent = admin_client if caller == "admin session" else client
            response = call(agent, method, url, **headers)
            if response.status_code != 401:
                wrong.append(f"{caller}: {method} {url} -> {response.status_code}")
    assert wrong == []
    assert state() == before


def test_a_token_acts_with_its_owners_permissions(client, openapi, content, django_user_model):
    article, boilerplate = content
    nobody = django_user_model.objects.create_user("reader", password="x-unused-1")
    _, weak = APIToken.create_token(user=nobody, name="no permissions")
    before = state()
    wrong = []
    for method, path, _ in token_operations(openapi):
        if method.lower() not in WRITE_METHODS:
            continue
        url = concrete(path, article, boilerplate)
        response = call(client, method, url, HTTP_AUTHORIZATION=f"Bearer {weak}")
        if response.status_code not in (400, 403, 404, 422):
            wrong.append(f"{method} {url} -> {response.status_code}")
    assert wrong == []
    assert state() == before
    for method in ("PATCH", "DELETE"):
        response = call(
            client, method, f"/api/v3/pages/{article.pk}/", HTTP_AUTHORIZATION=f"Bearer {weak}"
        )
        assert response.status_code == 403

    moderator = django_user_model.objects.create_user("publisher", password="x-unused-2")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    _, strong = APIToken.create_token(user=moderator, name="moderator")
    response = call(
        client,
        "POST",
        f"/api/v3/pages/{article.pk}/actions/unpublish/",
        HTTP_AUTHORIZATION=f"Bearer {strong}",
    )
    assert response.status_code == 200, response.content
    article.refresh_from_db()
    assert article.live is False


def test_docs_list_every_token_operation(openapi):
    """docs/api.md once said every endpoint was read-only; now each one is written down."""
    text = DOCS.read_text()
    missing = [
        f"{method} {path}"
        for method, path, _ in token_operations(openapi)
        if f"`{method} {path.removeprefix('/api/v3')}`" not in text
    ]
    assert missing == []
