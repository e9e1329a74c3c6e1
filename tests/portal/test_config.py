"""Configuration comes from the environment and fails with one clear line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from portal.config import ConfigError, database_from_env, env_bool

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    unset = {"DATABASE_URL", "DEBUG", "HTTPS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    clean.update(env)
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=clean,
        cwd=ROOT,
        timeout=120,
    )


@pytest.mark.parametrize(
    "url", ["nonsense", "mysql://u@h/db", "postgres://127.0.0.1:5432/", "postgres://[::1"]
)
def test_malformed_database_url_stops_with_one_line(url):
    result = run_manage("check", DATABASE_URL=url)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Configuration error: DATABASE_URL")
    assert "Traceback" not in result.stderr


def test_bad_boolean_names_the_variable():
    result = run_manage("check", DEBUG="perhaps")
    assert result.returncode == 1
    assert (
        result.stderr.strip() == "Configuration error: DEBUG must be true or false, got 'perhaps'"
    )


def test_deploy_check_is_clean_with_real_values():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="false",
        HTTPS="true",
        SECRET_KEY="k3y-" + "x7Qp2vL9mZ4rT8wB1nC6yH0jF5sD3gA" * 2,
        ALLOWED_HOSTS="news.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_https_without_secret_key_is_refused():
    result = run_manage("check", DEBUG="false", HTTPS="true", SECRET_KEY="")
    assert result.returncode == 1
    assert result.stderr.strip().startswith("Configuration error: SECRET_KEY")


def test_database_defaults_and_postgres(monkeypatch):
    monkeypatch.delenv("TEST_DB_URL", raising=False)
    assert database_from_env("TEST_DB_URL", "sqlite:///tmp/x.db")["ENGINE"].endswith("sqlite3")
    monkeypatch.setenv("TEST_DB_URL", "postgres://postgres@127.0.0.1:5432/newsroom")
    config = database_from_env("TEST_DB_URL", "sqlite:///x")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "newsroom"


def test_env_bool(monkeypatch):
    monkeypatch.setenv("FLAG", "Yes")
    assert env_bool("FLAG") is True
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ConfigError):
        env_bool("FLAG")


def test_migrations_are_complete():
    result = run_manage("makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr
