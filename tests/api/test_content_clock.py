"""The API's Last-Modified comes from the database's content clock, so every process agrees:
a publish in one process moves the Last-Modified another serves (tested with two real
processes), and so do unpublishing, deleting, settings and snippets, and a publication date
that passes with no event at all. Reading the clock costs one query."""

from __future__ import annotations

import datetime
import json
import os
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from django.utils import timezone
from django.utils.http import parse_http_date
from wagtail.models import Site

from portal.content_clock import ContentClock, read_clock
from portal.models import SiteSettings
from programme.models import Boilerplate
from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.factories.portal import build_site
from tests.factories.programme import BoilerplateFactory, ThemeTagFactory
from tests.services import free_port

ROOT = Path(__file__).resolve().parents[2]
NEWS = "/api/v3/news/?locale=ru"


def settle_clock() -> None:
    """The last change a minute ago: past its own second, If-Modified-Since is honoured."""
    ContentClock.objects.update(changed_at=timezone.now() - datetime.timedelta(minutes=1))


def build_newsroom(home):
    newsroom = NewsIndexPageFactory(parent=home)
    newsroom.save_revision().publish()
    article = NewsPageFactory(parent=newsroom, title="Первая новость", slug="first")
    article.save_revision().publish()
    settle_clock()
    return newsroom, article


@pytest.fixture
def newsroom(home):
    return build_newsroom(home)


@pytest.fixture
def committed_newsroom(transactional_db):
    """The newsroom committed, on the site tree built outside the shared layers: the other
    process only sees committed rows."""
    return build_newsroom(build_site()["ru"])


def unchanged_since(client, last_modified: str) -> bool:
    response = client.get(NEWS, headers={"if-modified-since": last_modified})
    assert response.status_code in (200, 304)
    return response.status_code == 304


def moves_clock(client, change: Callable[[], object]) -> bool:
    """Whether a client holding a settled Last-Modified gets a 200 after ``change``."""
    settle_clock()
    last_modified = client.get(NEWS)["Last-Modified"]
    assert unchanged_since(client, last_modified)
    change()
    return not unchanged_since(client, last_modified)


@pytest.mark.django_db
def test_reading_the_clock_is_one_query(newsroom, django_assert_num_queries):
    with django_assert_num_queries(1):
        reading = read_clock()
    assert reading.settled
    assert reading.last_modified == int(ContentClock.objects.get().changed_at.timestamp())


@pytest.mark.django_db
def test_unpublish_and_delete_move_the_clock_and_a_draft_does_not(client, newsroom):
    _, article = newsroom
    article.title = "Черновик правки"
    assert not moves_clock(client, article.save_revision)  # the public sees nothing new
    assert moves_clock(client, article.unpublish)
    assert moves_clock(client, lambda: article.save_revision().publish())
    assert moves_clock(client, article.delete)


@pytest.mark.django_db
def test_settings_and_snippets_move_the_clock(client, newsroom):
    footer = BoilerplateFactory(kind=Boilerplate.Kind.FOOTER, text="<p>Подвал</p>")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.footer = footer
    assert moves_clock(client, settings.save)
    assert moves_clock(client, lambda: BoilerplateFactory(kind=Boilerplate.Kind.ABOUT_PROGRAMME))
    assert moves_clock(client, lambda: ThemeTagFactory(slug="harm-reduction"))


@pytest.mark.django_db
def test_a_publication_date_that_passes_moves_the_clock_without_an_event(client, newsroom):
    index, _ = newsroom
    embargoed = NewsPageFactory(
        parent=index, publication_date=timezone.now() + datetime.timedelta(hours=1)
    )
    embargoed.save_revision().publish()
    clock = ContentClock.objects.get()
    assert clock.next_change_at == embargoed.publication_date
    settle_clock()
    first = client.get(NEWS)["Last-Modified"]
    assert unchanged_since(client, first)

    # An hour passes: the schedule is shifted back rather than the test waiting for it.
    passed = timezone.now() - datetime.timedelta(seconds=10)
    type(embargoed).objects.filter(pk=embargoed.pk).update(publication_date=passed)
    ContentClock.objects.update(next_change_at=passed)
    assert not unchanged_since(client, first)
    clock = ContentClock.objects.get()
    assert clock.next_change_at is None  # nothing else is scheduled
    assert int(clock.changed_at.timestamp()) > parse_http_date(first)


# Two processes --------------------------------------------------------------------------------


def shared_database_url(tmp_path: Path) -> str:
    """A DATABASE_URL other processes can open holding this test's committed data: the
    PostgreSQL test database itself, or a file copy of SQLite's in-memory one."""
    conf = connection.settings_dict
    if connection.vendor == "sqlite":
        path = tmp_path / "shared.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(path) as target:
            connection.connection.backup(target)
        return f"sqlite:///{path}"
    user = quote(conf["USER"] or "")
    password = f":{quote(conf['PASSWORD'])}" if conf["PASSWORD"] else ""
    host = conf["HOST"] or "127.0.0.1"
    port = f":{conf['PORT']}" if conf["PORT"] else ""
    return f"postgres://{user}{password}@{host}{port}/{conf['NAME']}"


def run_env(database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    # No REDIS_URL: each process has its own local-memory cache, as in the issue.
    return {
        **env,
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "HTTPS": "false",
        "STATIC_MANIFEST": "false",  # nothing collected: the apps' files, plain names
    }


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.mark.django_db(transaction=True)
def test_a_publish_in_another_process_moves_last_modified(committed_newsroom, tmp_path):
    _, article = committed_newsroom
    database_url = shared_database_url(tmp_path)
    env = run_env(database_url)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}"]
        + ["--noreload", "--nothreading", "--skip-checks"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:  # wait for the server to listen
            try:
                if get(f"{base}/healthz")[0] == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None, server.stderr.read().decode()[-2000:]
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.1)

        status, headers, _ = get(base + NEWS)
        assert status == 200
        last_modified = headers["Last-Modified"]
        # The serving process now holds whatever it keeps per process: still a 304.
        assert get(base + NEWS, {"If-Modified-Since": last_modified})[0] == 304

        code = (
            "from newsroom.models import NewsPage\n"
            f"page = NewsPage.objects.get(pk={article.pk})\n"
            "page.title = 'Опубликовано другим процессом'\n"
            "page.save_revision().publish()\n"
        )
        subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )

        status, headers, body = get(base + NEWS, {"If-Modified-Since": last_modified})
        assert status == 200
        titles = [item["title"] for item in json.loads(body)["items"]]
        assert titles == ["Опубликовано другим процессом"]
        assert parse_http_date(headers["Last-Modified"]) >= parse_http_date(last_modified)
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stderr.close()
