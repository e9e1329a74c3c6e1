"""The OpenAPI document is the API's contract with front ends: it must not change by accident.

``tests/api/openapi.json`` is the document as served; a refactor must leave it byte-identical
(schema names, field order, descriptions, operation ids). When the API changes on purpose,
regenerate the snapshot and commit it with the change:

    UPDATE_OPENAPI_SNAPSHOT=1 .venv/bin/pytest -n 0 -q tests/api/test_openapi_snapshot.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

SNAPSHOT = Path(__file__).with_name("openapi.json")
UPDATE_VARIABLE = "UPDATE_OPENAPI_SNAPSHOT"


def test_openapi_document_matches_the_snapshot(client):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    served = response.content
    if os.environ.get(UPDATE_VARIABLE) == "1":
        SNAPSHOT.write_bytes(served)
        pytest.skip(f"{UPDATE_VARIABLE}=1: rewrote {SNAPSHOT.name}; review and commit it.")
    expected = SNAPSHOT.read_bytes()
    if served != expected:
        at = next(
            (i for i, (a, b) in enumerate(zip(served, expected, strict=False)) if a != b),
            min(len(served), len(expected)),
        )
        pytest.fail(
            "/api/v3/openapi.json differs from the committed snapshot "
            f"tests/api/{SNAPSHOT.name} (first difference at byte {at}: "
            f"served {served[max(0, at - 60) : at + 60]!r}, "
            f"snapshot {expected[max(0, at - 60) : at + 60]!r}).\n"
            "If the API contract changed on purpose, regenerate the snapshot with "
            f"`{UPDATE_VARIABLE}=1 .venv/bin/pytest -n 0 -q "
            "tests/api/test_openapi_snapshot.py` and commit it; otherwise the change broke "
            "the contract front ends rely on.",
            pytrace=False,
        )
