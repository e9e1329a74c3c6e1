"""Shared fixtures. The suite runs on SQLite by default and on PostgreSQL when
DATABASE_URL points there (as in CI)."""

from __future__ import annotations

import json
import os

import pytest
from django.utils import translation

from tests.factories.portal import build_site

# Reasons a test may be skipped even in CI: services this machine cannot run.
ALLOWED_SKIP_PREFIXES = ("needs ELASTICSEARCH_URL",)


@pytest.fixture(autouse=True)
def _reset_language():
    """Each test starts in the default language, whatever the previous one activated, so
    results don't depend on test order (or on how xdist distributes the tests)."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _no_rate_limits(settings):
    """The suite sends hundreds of requests a minute from one address (the test client's
    127.0.0.1), so the per-client limits would answer 429 to whichever test came late.
    The tests of the limits (tests/portal/test_security_limits.py) set their own."""
    settings.RATE_LIMITS = {}


@pytest.fixture
def homes(db):
    """{language: HomePage} for ru (site root) and en."""
    return build_site()


@pytest.fixture
def home(homes):
    return homes["ru"]


def _is_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    names = getattr(item, "fixturenames", ())
    return "transactional_db" in names or "live_server" in names


# The migrated database of this worker, serialised once: {alias: JSON}.
MIGRATED_DATA: dict[str, str] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Transactional tests (the live server, background threads) end with a flush that also
    drops what migrations put in the database: the page tree's root, the root collection, the
    Editors group, the permissions wagtail-localize adds. xdist runs them between ordinary
    tests, which then found an empty database. So the migrated database is serialised here,
    once per worker, and restored after every transactional test (below)."""
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all():
            objects = json.loads(connection.creation.serialize_db_to_string())
            # Content types first: signal handlers that run while the rest is loaded look
            # them up, and would otherwise create them under new ids.
            objects.sort(key=lambda obj: obj["model"] != "contenttypes.contenttype")
            MIGRATED_DATA[connection.alias] = json.dumps(objects)
    yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None):
    yield
    if nextitem is None or not _is_transactional(item):
        return  # after the last test the session's teardown has already dropped the database
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        for alias, contents in MIGRATED_DATA.items():
            # Django's flush after the test let post_migrate recreate content types under new
            # ids: empty the database again (sequences keep counting, as in Django's own
            # flush), load it as migrate left it, and forget the cached content type ids.
            call_command(
                "flush",
                database=alias,
                interactive=False,
                inhibit_post_migrate=True,
                reset_sequences=False,
                verbosity=0,
            )
            ContentType.objects.clear_cache()
            connections[alias].creation.deserialize_db_from_string(contents)
    ContentType.objects.clear_cache()


def pytest_sessionfinish(session, exitstatus):
    """In CI a test skipped for a missing dependency is a failure, not a pass."""
    if os.environ.get("CI", "").lower() != "true":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:
        return
    bad = []
    for report in reporter.stats.get("skipped", []):
        reason = str(report.longrepr[-1]) if isinstance(report.longrepr, tuple) else ""
        reason = reason.removeprefix("Skipped: ")
        if not reason.startswith(ALLOWED_SKIP_PREFIXES):
            bad.append(f"{report.nodeid}: {reason}")
    if bad:
        reporter.write_line("CI: tests skipped for a missing dependency count as failures:")
        for line in bad:
            reporter.write_line(f"  {line}")
        session.exitstatus = 1
