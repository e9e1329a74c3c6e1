"""Schemathesis against the API's contract, in process: every operation of
``/api/v3/openapi.json`` (the committed snapshot, which ``test_openapi_snapshot`` keeps equal
to the served document) gets generated requests, valid and invalid, sent to the Django WSGI
application; the run fails on any server error, any status code the operation does not
document, and any response body that does not match its documented schema.

Bounded so ``make test`` stays fast and CI repeatable: at most ``MAX_EXAMPLES`` generated cases
per operation, derandomised (the same cases on every run), no example database, a deadline
per request. The content is built once for the module and rolled back after it.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.wsgi import HOST, wsgi_application

pytestmark = pytest.mark.django_db

SNAPSHOT = Path(__file__).with_name("openapi.json")
MAX_EXAMPLES = 25
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
#: Values that broke the site before (issue #11), mixed into the generated strings and
#: integers: a NUL byte, terminal escapes, hundreds of words, numbers past 64 bits.
HOSTILE = {
    "hostile-text": {
        "values": [
            "\x00",
            "a\x00b",
            "\x1b[31m",
            " ".join(["word"] * 300),
            "x" * 5000,
            "%zz",
            "' OR 1=1 --",
        ]
    },
    "hostile-numbers": {"values": [10**20, -(10**20), 2**63, 2**63 - 1, 2**31]},
}
GENERATION = {
    "max-examples": MAX_EXAMPLES,
    "deterministic": True,
    "database": "none",
    "dictionaries": {
        "string": {"dictionary": "hostile-text", "probability": 0.2},
        "integer": {"dictionary": "hostile-numbers", "probability": 0.2},
    },
}

#: Wagtail documents the snippet routes' ``type`` as ``const: ""`` when no snippet model is
#: registered with the API (none is here): no request can reach them, so nothing can be
#: generated. ``test_snippet_routes_are_unreachable`` fails the day one is registered.
SNIPPETS = "^/api/v3/snippets/"
WRITE_EXAMPLES = 5


def load(**config) -> schemathesis.schemas.BaseSchema:
    settings_ = SchemathesisConfig.from_dict(
        {"dictionaries": HOSTILE, "generation": GENERATION, **config}
    )
    return schemathesis.openapi.from_path(SNAPSHOT, config=settings_).exclude(path_regex=SNIPPETS)


#: Reads get every phase, the coverage phase's boundary and invalid values included (where
#: NUL bytes and 20-digit numbers come from).
reads = load().include(method="GET")
#: Every write needs a token; without one each is a 401 (problem JSON) whatever the body, so a
#: few generated cases per write operation check that answer and its documentation.
writes = load(phases={"coverage": {"enabled": False}}).exclude(method="GET")


@pytest.fixture
def app(site_content):
    with wsgi_application() as handler:
        yield handler


def bounded(examples: int):
    return settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=datetime.timedelta(seconds=5),
        suppress_health_check=list(HealthCheck),
    )


@reads.parametrize()
@bounded(MAX_EXAMPLES)
def test_reads_keep_the_contract(case, app):
    case.call_and_validate(app=app, base_url=f"http://{HOST}", checks=CHECKS)


@writes.parametrize()
@bounded(WRITE_EXAMPLES)
def test_writes_without_a_token_keep_the_contract(case, app):
    response = case.call_and_validate(app=app, base_url=f"http://{HOST}", checks=CHECKS)
    assert not 200 <= response.status_code < 300, "a write succeeded without a valid token"


def test_snippet_routes_are_unreachable():
    document = json.loads(SNAPSHOT.read_text())
    snippet_paths = [path for path in document["paths"] if re.match(SNIPPETS, path)]
    assert snippet_paths
    for path in snippet_paths:
        for operation in document["paths"][path].values():
            (kind,) = [p for p in operation["parameters"] if p["name"] == "type"]
            assert kind["schema"].get("const") == "", (path, kind)


def test_every_operation_documents_its_errors():
    """The contract lists the errors a front end must handle, as problem JSON: 400 and 429
    (the per-client rate limit) on every operation, 401 and 403 where a token is needed, 404
    on reads and addresses with an id, 422 where there is a request body."""
    document = json.loads(SNAPSHOT.read_text())
    assert document["components"]["schemas"]["Problem"]["required"] == ["title", "status"]
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            responses = operation["responses"]
            expected = {"400", "429"}
            security = operation.get("security") or []
            if security and not any("AllowAnonymous" in need for need in security):
                expected |= {"401", "403"}
            if method == "get" or "{" in path:
                expected.add("404")
            if "requestBody" in operation:
                expected.add("422")
            errors = {status for status in responses if status.startswith(("4", "5"))}
            assert errors == expected, (method, path, errors)
            for status in errors:
                content = responses[status]["content"]
                assert list(content) == ["application/problem+json"], (method, path, status)
