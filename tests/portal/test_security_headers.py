"""Content-Security-Policy, Permissions-Policy and the other security headers, per area.

The reproducer of issue #11 ("No Content-Security-Policy") is the first test. The browser
side (no violation in the console, the admin and API docs working) is
tests/browser/test_security.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.search.conftest import publish

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
SCRIPT_TAG = re.compile(r"<script\b[^>]*>", re.I)
EVENT_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.I)


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    parts = (part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    return {part[0]: part[1] if len(part) > 1 else "" for part in parts}


@pytest.fixture
def article(homes):
    index = publish(NewsIndexPageFactory(parent=homes["ru"]))
    return publish(NewsPageFactory(parent=index, title="Семинар", slug="seminar"))


def test_public_pages_have_a_nonce_policy_without_unsafe_inline_scripts(client, article):
    response = client.get(article.url)
    assert response.status_code == 200
    policy = directives(response)
    nonce = re.fullmatch(r"'self' 'nonce-([A-Za-z0-9_-]{20,})'", policy["script-src"]).group(1)
    assert policy["default-src"] == "'self'"
    assert policy["img-src"] == "'self' data:"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'self'"
    assert policy["base-uri"] == "'self'"
    assert policy["form-action"] == "'self'"
    assert "unsafe-inline" not in policy["style-src"]
    html = response.content.decode()
    scripts = SCRIPT_TAG.findall(html)
    inline = [tag for tag in scripts if "src=" not in tag]
    assert any("application/ld+json" in tag for tag in inline)  # JSON-LD
    # The site's behaviour (menus, print button) is one external script, no inline code.
    assert any("portal/js/site.js" in tag for tag in scripts)
    for tag in inline:
        assert f'nonce="{nonce}"' in tag, tag
    assert not EVENT_HANDLER.search(html)
    # A fresh nonce per request: one seen in a page is no key to the next.
    assert directives(client.get(article.url))["script-src"] != policy["script-src"]


@pytest.mark.parametrize("path", ["/ru/", "/ru/search/?q=x", "/ru/no-such-page/"])
def test_every_public_answer_carries_the_policy_and_the_other_headers(client, homes, path):
    response = client.get(path, follow=True)
    assert "'nonce-" in directives(response)["script-src"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"


@pytest.mark.parametrize(
    "path, expected",
    [
        (  # Wagtail's admin has inline scripts without nonces; still nothing from elsewhere
            "/admin/login/",
            {
                "script-src": "'self' 'unsafe-inline'",
                "connect-src": "'self'",
                "object-src": "'none'",
                "frame-ancestors": "'self'",
            },
        ),
        ("/api/v3/docs/", {"script-src": "'self'", "connect-src": "'self'"}),  # Swagger UI
        (  # JSON is never a document: nothing may load
            "/api/v3/pages/",
            {"default-src": "'none'", "frame-ancestors": "'none'", "base-uri": "'none'"},
        ),
    ],
)
def test_admin_api_docs_and_api_get_their_own_policy(client, homes, path, expected):
    response = client.get(path)
    assert response.status_code == 200
    policy = directives(response)
    assert {name: policy.get(name) for name in expected} == expected
    if path.startswith("/api/v3/pages/"):
        assert policy == expected


def test_embeds_are_limited_to_the_configured_origins(client, homes, settings):
    settings.CSP_FRAME_SOURCES = ["https://video.example.org"]
    assert directives(client.get("/ru/"))["frame-src"] == "'self' https://video.example.org"


def test_behind_https_browsers_upgrade_insecure_requests(client, homes, settings):
    settings.HTTPS = True
    assert "upgrade-insecure-requests" in directives(client.get("/ru/"))


def test_templates_have_no_unnonced_inline_script_and_no_event_handler_attribute():
    """Guards the policy for templates written later: an inline script without the nonce or
    an ``onclick=`` would silently stop working in the browser."""
    problems = []
    for template in sorted(TEMPLATES.rglob("*.html")):
        text = template.read_text()
        for tag in SCRIPT_TAG.findall(text):
            if "src=" not in tag and 'nonce="{{ request.csp_nonce }}"' not in tag:
                problems.append(f"{template.relative_to(TEMPLATES)}: {tag}")
        if "{% json_ld " in text and "nonce=request.csp_nonce" not in text:
            problems.append(f"{template.relative_to(TEMPLATES)}: json_ld without nonce")
        if EVENT_HANDLER.search(text):
            problems.append(f"{template.relative_to(TEMPLATES)}: on*= attribute")
    assert problems == []
