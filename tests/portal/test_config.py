"""Configuration comes from the environment and fails with one clear line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from portal.config import (
    DEVELOPMENT_SECRET_KEY,
    ConfigError,
    database_from_env,
    env_bool,
    secret_key_from_env,
)

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k3y-" + "x7Qp2vL9mZ4rT8wB1nC6yH0jF5sD3gA" * 2


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
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="news.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_https_without_secret_key_is_refused():
    result = run_manage("check", DEBUG="false", HTTPS="true", SECRET_KEY="")
    assert result.returncode == 1
    assert result.stderr.strip().startswith("Configuration error: SECRET_KEY")


def test_https_with_a_short_secret_key_is_refused_in_one_line():
    """The reproducer of issue #11: HTTPS=true accepted SECRET_KEY=abc."""
    result = run_manage("check", DEBUG="false", HTTPS="true", SECRET_KEY="abc")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Configuration error: SECRET_KEY must be at least 50 characters when HTTPS=true, got 3"
    )
    assert "abc" not in result.stderr  # the key itself never reaches a log


@pytest.mark.parametrize(
    "key, problem",
    [
        ("", "must be set"),
        ("abc", "at least 50 characters"),
        ("x" * 49, "at least 50 characters"),
        ("ab" * 40, "too few different characters"),
        (DEVELOPMENT_SECRET_KEY, "published default"),
        ("django-insecure-" + STRONG_KEY, "published default"),
        ("changeme", "published default"),
    ],
)
def test_weak_or_known_secret_keys_are_refused_behind_https(monkeypatch, key, problem):
    monkeypatch.setenv("SECRET_KEY", key)
    with pytest.raises(ConfigError) as error:
        secret_key_from_env("SECRET_KEY", https=True)
    assert problem in str(error.value.code)
    assert str(error.value.code).startswith("Configuration error: SECRET_KEY ")


def test_secret_key_rules_apply_only_behind_https(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", STRONG_KEY)
    assert secret_key_from_env("SECRET_KEY", https=True) == STRONG_KEY
    monkeypatch.setenv("SECRET_KEY", "abc")
    assert secret_key_from_env("SECRET_KEY", https=False) == "abc"  # development
    monkeypatch.delenv("SECRET_KEY")
    assert secret_key_from_env("SECRET_KEY", https=False) == DEVELOPMENT_SECRET_KEY


def test_database_defaults_and_postgres(monkeypatch):
    monkeypatch.delenv("TEST_DB_URL", raising=False)
    assert database_from_env("TEST_DB_URL", "sqlite:///tmp/x.db")["ENGINE"].endswith("sqlite3")
    monkeypatch.setenv("TEST_DB_URL", "postgres://postgres@127.0.0.1:5432/newsroom")
    config = database_from_env("TEST_DB_URL", "sqlite:///x")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "newsroom"
    assert config["OPTIONS"]["options"] == "-c jit=off"  # short queries, no JIT compiling
    monkeypatch.setenv("TEST_DB_URL", "postgres://h/newsroom?options=-c%20work_mem%3D64MB")
    assert database_from_env("TEST_DB_URL", "")["OPTIONS"]["options"] == "-c work_mem=64MB"


def test_env_bool(monkeypatch):
    monkeypatch.setenv("FLAG", "Yes")
    assert env_bool("FLAG") is True
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ConfigError):
        env_bool("FLAG")


def test_migrations_are_complete():
    result = run_manage("makemigrations", "--check", "--dry-run")
    assert result.returncode == 0, result.stdout + result.stderr


STATIC_BACKEND = (
    "from django.conf import settings; print(settings.STORAGES['staticfiles']['BACKEND'])"
)


@pytest.mark.parametrize(
    "env, backend",
    [
        ({"DEBUG": "false"}, "whitenoise.storage.CompressedManifestStaticFilesStorage"),
        ({"DEBUG": "true"}, "django.contrib.staticfiles.storage.StaticFilesStorage"),
        (
            {"DEBUG": "false", "STATIC_MANIFEST": "false"},
            "django.contrib.staticfiles.storage.StaticFilesStorage",
        ),
    ],
)
def test_production_serves_hashed_static_names_by_default(env, backend):
    """DEBUG off (production) means hashed, compressed names from `collectstatic`'s manifest;
    development (``make run``) serves the apps' files as they are; STATIC_MANIFEST decides
    when given."""
    clean = {k: v for k, v in os.environ.items() if k != "STATIC_MANIFEST"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", STATIC_BACKEND],
        capture_output=True,
        text=True,
        env={**clean, "SECRET_KEY": STRONG_KEY, "ALLOWED_HOSTS": "example.org", **env},
        cwd=ROOT,
        timeout=120,
    )
    assert result.stdout.strip().splitlines()[-1] == backend, result.stderr
