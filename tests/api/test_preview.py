"""Headless preview: an editor's token shows the draft; without a valid token nothing."""

from __future__ import annotations

import pytest
from django.core import signing
from django.test import override_settings

from portal.api.preview import PREVIEW_SALT, preview_token

pytestmark = pytest.mark.django_db


def test_preview_shows_the_draft_only_with_a_valid_token(client, site_content, admin_client):
    article = site_content.article
    article.title = "Черновой заголовок"
    revision = article.save_revision()
    # The public API still shows the published title.
    assert client.get(f"/api/v3/news/{article.pk}/").json()["title"] != "Черновой заголовок"

    response = admin_client.get(f"/admin/headless-preview/{article.pk}/")
    assert response.status_code == 200
    token = response.json()["token"]
    preview = client.get("/api/v3/preview/", {"token": token})
    assert preview.status_code == 200
    assert preview.json()["title"] == "Черновой заголовок"
    assert preview["Cache-Control"] == "private, no-store"

    forged = signing.dumps({"page": article.pk, "revision": revision.pk}, salt="other")
    assert client.get("/api/v3/preview/", {"token": forged}).status_code == 400
    assert client.get("/api/v3/preview/", {"token": token + "x"}).status_code == 400


def test_preview_of_a_draft_page(client, site_content):
    draft = site_content.draft
    token = preview_token(draft, draft.get_latest_revision().pk)
    assert client.get(f"/api/v3/news/{draft.pk}/").status_code == 404
    response = client.get("/api/v3/preview/", {"token": token})
    assert response.status_code == 200
    assert response.json()["title"] == "Черновик"


@override_settings(HEADLESS_PREVIEW_MAX_AGE=-1)
def test_expired_token(client, site_content):
    token = signing.dumps({"page": site_content.article.pk, "revision": None}, salt=PREVIEW_SALT)
    response = client.get("/api/v3/preview/", {"token": token})
    assert response.status_code == 400
    assert "expired" in response.json()["detail"]


@override_settings(HEADLESS_PREVIEW_URL="https://front.example.org/api/preview")
def test_admin_redirects_editors_to_the_front_end(client, site_content, admin_client):
    response = admin_client.get(f"/admin/headless-preview/{site_content.article.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("https://front.example.org/api/preview?token=")
    anonymous = client.get(f"/admin/headless-preview/{site_content.article.pk}/")
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
