"""Shared fixtures. The suite runs on SQLite by default and on PostgreSQL when
DATABASE_URL points there (as in CI)."""

from __future__ import annotations

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


@pytest.fixture
def homes(db):
    """{language: HomePage} for ru (site root) and en."""
    return build_site()


@pytest.fixture
def home(homes):
    return homes["ru"]


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
