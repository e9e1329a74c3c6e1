"""Two app servers behind one load balancer: two gunicorn instances on their own ports, one
PostgreSQL, one Redis (cache). An editor logs in on A with the CSRF token B handed out and is
logged in on B; a page unpublished through A is gone at once from B's pages and API, cache and
conditional requests included; both serve the static files under the same hashed names."""

from __future__ import annotations

import http.cookiejar
import json
import re
import signal
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.factories.portal import build_site
from tests.processes import SharedDatabase, manage, process_env, start, stop, wait_until
from tests.services import REDIS_TEST_URL, free_port, real_redis

PASSWORD = "two-servers-pass-1"


class Browser:
    """One client with one cookie jar, talking to either server (cookies are per host, not
    per port, as behind a load balancer)."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def request(self, url: str, data: dict | None = None, headers: dict | None = None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers=headers or {})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode(errors="replace")

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def gunicorn(port: int, env: dict, log) -> object:
    return start(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi:application",
            "--pythonpath",
            "site",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--access-logfile",
            "-",
        ],
        env,
        log,
    )


@pytest.mark.django_db(transaction=True)
def test_two_gunicorn_servers_share_sessions_csrf_content_cache_and_static(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL): app servers share one database server")
    real_redis()
    home = build_site(("ru",))["ru"]
    index = NewsIndexPageFactory(parent=home, slug="two-news")
    article = NewsPageFactory(parent=index, slug="two-article", title="Статья на двух серверах")
    editor_user = get_user_model().objects.create_superuser("editor", "editor@example.org")
    # The servers check passwords with the production hashers, not the tests' fast one.
    hasher = PBKDF2PasswordHasher()
    editor_user.password = hasher.encode(PASSWORD, hasher.salt())
    editor_user.save()
    shared = SharedDatabase(tmp_path)
    static_root = tmp_path / "static"
    env = process_env(
        shared.url,
        REDIS_URL=REDIS_TEST_URL,
        CACHE_KEY_PREFIX=f"two-servers-{uuid.uuid4().hex}",
        STATIC_ROOT=str(static_root),
        SECRET_KEY="two-servers-" + "k" * 50,
        RATE_LIMIT_API="0",
        RATE_LIMIT_SEARCH="0",
    )
    del env["STATIC_MANIFEST"]  # production's default with DEBUG off: hashed, compressed names
    collected = start(manage("collectstatic", "--noinput"), env, tmp_path / "collect.log")
    assert collected.wait(timeout=300) == 0, (tmp_path / "collect.log").read_text()[-2000:]
    stop(collected)
    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]

    ports = free_port(), free_port()
    servers = [gunicorn(port, env, tmp_path / f"gunicorn-{port}.log") for port in ports]
    a, b = (f"http://127.0.0.1:{port}" for port in ports)
    try:
        for base, server in zip((a, b), servers, strict=True):

            def up(base=base) -> bool:
                try:
                    return Browser().request(f"{base}/healthz")[0] == 200
                except OSError:
                    return False

            wait_until(up, 120, f"gunicorn at {base}", (server,))

        # Static files: the page names the hashed file, and either server serves it for a year.
        status, _, page = Browser().request(f"{b}{article.url}")
        assert status == 200 and "Статья на двух серверах" in page
        hashed = manifest["portal/css/site.css"]
        assert f"/static/{hashed}" in page and hashed != "portal/css/site.css"
        assert (static_root / f"{hashed}.gz").is_file()  # compressed once, at collectstatic
        for base in (a, b):
            status, headers, _ = Browser().request(f"{base}/static/{hashed}")
            assert status == 200
            assert "immutable" in headers["Cache-Control"]

        # Log in: the form (and its CSRF token) from B, the POST to A, the admin on B.
        editor = Browser()
        status, _, form = editor.request(f"{b}/admin/login/")
        assert status == 200
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        status, headers, _ = editor.request(
            f"{a}/admin/login/",
            {"csrfmiddlewaretoken": token, "username": "editor", "password": PASSWORD},
            {"Referer": f"{a}/admin/login/"},
        )
        assert status == 302, "the login on A refused B's CSRF token"
        assert editor.request(f"{b}/admin/")[0] == 200  # the session of A, on B

        # B has served (and cached) the article and the news list.
        news = f"{b}/api/v3/news/?locale=ru"
        status, headers, body = Browser().request(news)
        assert status == 200 and article.pk in [i["id"] for i in json.loads(body)["items"]]
        validators = {"If-Modified-Since": headers["Last-Modified"]}
        if headers.get("ETag"):
            validators["If-None-Match"] = headers["ETag"]
        assert Browser().request(news, headers=validators)[0] == 304
        assert Browser().request(f"{b}{article.url}")[0] == 200

        # Unpublish through A (the confirmation form from B): gone from B at once.
        status, _, confirm = editor.request(f"{b}/admin/pages/{article.pk}/unpublish/")
        assert status == 200
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', confirm).group(1)
        status, _, _ = editor.request(
            f"{a}/admin/pages/{article.pk}/unpublish/",
            {"csrfmiddlewaretoken": token},
            {"Referer": f"{a}/admin/pages/{article.pk}/unpublish/"},
        )
        assert status == 302
        assert Browser().request(f"{b}{article.url}")[0] == 404
        status, _, body = Browser().request(news, headers=validators)
        assert status == 200
        assert article.pk not in [i["id"] for i in json.loads(body)["items"]]
        assert Browser().request(f"{a}{article.url}")[0] == 404
    finally:
        for server in servers:
            stop(server, signal.SIGTERM)
