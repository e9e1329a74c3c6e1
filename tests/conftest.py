"""Shared fixtures. The suite runs on SQLite by default and on PostgreSQL when
DATABASE_URL points there (as in CI)."""

from __future__ import annotations

import collections
import functools
import json
import os
from fnmatch import fnmatch
from io import StringIO

import pytest
from django.utils import translation

from tests.factories import layers
from tests.factories.layers import layer
from tests.factories.portal import build_site

# Reasons a test may be skipped even in CI: services this machine cannot run.
ALLOWED_SKIP_PREFIXES = ("needs ELASTICSEARCH_URL",)

# Settings only the tests change. Hashing a password the production way (PBKDF2, a million
# rounds) costs a quarter of a second per user and login, and the tests check logins, not
# hash strength. The cache is always this process's own memory: tests clear it between
# them, which must not flush a Redis another worker (or a developer) uses; the Redis
# behaviour has its own tests (tests/api/test_redis_cache.py).
TEST_SETTINGS = {
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
    "CACHES": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
    # The suite sends hundreds of requests a minute from one address (the test client's
    # 127.0.0.1), so the per-client limits would answer 429 to whichever test came late. The
    # tests of the limits (tests/portal/test_security_limits.py) set their own.
    "RATE_LIMITS": {},
    # Pages rendered afresh for every request; the cache's own tests turn it on
    # (tests/portal/test_page_cache.py).
    "PAGE_CACHE_SECONDS": 0,
    # Tasks (webhooks, index updates, Wagtail's own) run in the test's process and transaction;
    # the worker itself is tested with real processes (tests/portal/test_worker_crash.py).
    "TASKS": {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
}
# Static files as in development: the apps' own files under their plain names, with no
# `collectstatic` (DEBUG is off in tests, which in production means hashed names from the
# collected manifest). The two-servers test collects and serves hashed names for real.
PLAIN_STATIC = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings
    from django.test.utils import override_settings

    # Enabled for the whole session; override_settings signals the change, so hashers and
    # cache handlers are rebuilt from it.
    storages = {**settings.STORAGES, "staticfiles": PLAIN_STATIC}
    override_settings(**TEST_SETTINGS, STORAGES=storages).enable()
    if not hasattr(config, "workerinput"):
        # Before xdist starts its workers: the interface's .mo files, where a .po changed
        # since `make` compiled them (pure Python, no gettext needed).
        from portal.i18n.catalogues import compile_catalogues

        compile_catalogues(stale_only=True)


@pytest.fixture(autouse=True)
def _reset_language_and_cache():
    """Each test starts in the default language, whatever the previous one activated, and
    with an empty cache (Wagtail's site root paths, the API's Last-Modified, the search
    vocabulary): content is shared between tests by rolling back to a savepoint
    (tests/factories/layers.py), which takes back rows but not what was cached about them.
    So results don't depend on test order (or on how xdist distributes the tests)."""
    from django.core.cache import caches

    from headless.memo import clear_shared

    translation.deactivate()
    for cache in caches.all():
        cache.clear()
    clear_shared()  # small tables kept per content generation (headless/memo.py)
    yield
    translation.deactivate()


@layer
def homes(db):
    """{language: HomePage} for ru (site root) and en."""
    return build_site()


@pytest.fixture
def home(homes):
    return homes["ru"]


@layer
def demo(db):
    """The demo site as ``manage.py load_demo`` builds it (the site ``make run`` shows)."""
    from django.core.management import call_command

    call_command("load_demo", stdout=StringIO())


def _is_transactional(item: pytest.Item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    names = getattr(item, "fixturenames", ())
    return bool({"transactional_db", "live_server", "django_db_reset_sequences"} & set(names))


# The migrated database of this worker, serialised once: {alias: JSON}.
MIGRATED_DATA: dict[str, str] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Transactional tests (the live server, background threads) end with a flush that also
    drops what migrations put in the database: the page tree's root, the root collection, the
    Editors group, the permissions wagtail-localize adds. xdist runs them between ordinary
    tests, which then found an empty database. So the migrated database is serialised here,
    once per worker, and restored after every transactional test (below); its content
    types come first, as signal handlers that run while the rest is loaded look them up."""
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all():
            objects = json.loads(connection.creation.serialize_db_to_string())
            objects.sort(key=lambda obj: obj["model"] != "contenttypes.contenttype")
            MIGRATED_DATA[connection.alias] = json.dumps(objects)
    yield
    with django_db_blocker.unblock():
        layers.close()  # before pytest-django drops the database


# Test modules xdist runs as one work unit, on one worker, so that the layers they share are
# built once there: (module path pattern, unit). Each app's test_demo.py and the test of
# load_demo itself (the demo site, the slowest content to build), the API tests (the API's
# site), the search tests (the search pages). Shared units are started first: they are the
# longest, and a long unit started last would leave the other worker idle.
SHARED_UNITS = (
    ("tests/*/test_demo.py", "demo"),
    ("tests/portal/test_load_demo.py", "demo"),
    ("tests/api/*", "api"),
    ("tests/search/*", "search"),
)


def work_unit(nodeid: str) -> str:
    """The xdist work unit of a test (``--dist loadfile``): its module, or a shared unit."""
    path = nodeid.split("::", 1)[0]
    return next((unit for pattern, unit in SHARED_UNITS if fnmatch(path, pattern)), path)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """``--dist loadfile``, with the modules of SHARED_UNITS as units of their own, first."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    shared = {unit for _, unit in SHARED_UNITS}

    class SharedFirst(collections.OrderedDict):
        """The work queue: xdist fills it largest unit first; shared units go before all."""

        def __setitem__(self, unit, tests):
            super().__setitem__(unit, tests)
            if unit in shared:
                self.move_to_end(unit, last=False)

    class SharedUnitsScheduling(LoadFileScheduling):
        def __init__(self, config, log=None):
            super().__init__(config, log)
            self.workqueue = SharedFirst()

        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    return SharedUnitsScheduling(config, log)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # After pytest-django's order (plain database tests, transactional, others), which a
    # unit's tests keep among those sharing layers.
    layers.group_by_layers(items, lambda item: work_unit(item.nodeid))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """A transactional test starts from the migrated database: roll back the layers before
    any of its fixtures runs. (Fixtures are set up by scope, so Playwright's session-wide
    browser may start before the test's database fixture; from then on Django gives this
    thread other connections, see tests/browser/conftest.py, and the layers' transaction,
    opened on the first one, could no longer be rolled back from there.)"""
    if _is_transactional(item):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            layers.close()


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef: pytest.FixtureDef, request: pytest.FixtureRequest):
    """Just before pytest-django opens a test's transaction (``_django_db_helper``, behind
    ``db``, ``transactional_db`` and the django_db marker), put the layers the test uses in
    place, so that its transaction nests inside them (tests/factories/layers.py).

    A transactional test ends with Django's flush; the restore is registered before the
    helper's own teardown, so it runs right after that flush."""
    if fixturedef.argname == "_django_db_helper":
        blocker = request.getfixturevalue("django_db_blocker")
        transactional = _is_transactional(request.node)
        with blocker.unblock():
            layers.prepare(request.node, transactional=transactional)
        if transactional:
            fixturedef.addfinalizer(functools.partial(_restore_migrated_data, blocker))
    return (yield)


def _restore_migrated_data(blocker) -> None:
    """Put the database back as migrate left it, after a transactional test's flush."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connections, transaction

    for alias, contents in MIGRATED_DATA.items():
        connection = connections[alias]
        with blocker.unblock():
            # The flush let post_migrate recreate content types and permissions under new
            # ids: empty the tables again (DELETE: the tables are small, and TRUNCATE costs
            # PostgreSQL seconds), load what migrate left, forget the cached content types.
            tables = connection.introspection.django_table_names(
                only_existing=True, include_views=False
            )
            with transaction.atomic(using=alias), connection.cursor() as cursor:
                for table in tables:
                    cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
            ContentType.objects.clear_cache()
            connection.creation.deserialize_db_from_string(contents)
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
