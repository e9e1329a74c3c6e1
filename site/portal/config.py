"""Read settings from the environment, failing with one clear line.

A traceback from deep inside dj-database-url or Django tells an operator little; a single
"Configuration error: DATABASE_URL ..." line tells them which variable to fix. ``SystemExit``
with a message prints exactly that line and exits with status 1.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import dj_database_url

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


class ConfigError(SystemExit):
    """Raised for a bad environment variable; its message names the variable."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"Configuration error: {name} {problem}")
        self.name = name


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ConfigError(name, f"must be true or false, got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(name, f"must be a whole number, got {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


SUPPORTED_DATABASES = {"sqlite", "postgres", "postgresql", "pgsql", "postgis"}


def database_from_env(name: str, default: str) -> dict:
    """Parse a database URL; only SQLite and PostgreSQL are supported."""
    url = env_str(name) or default
    try:
        scheme = urlsplit(url).scheme
    except ValueError as exc:
        raise ConfigError(name, f"is not a valid URL ({exc})") from None
    if scheme not in SUPPORTED_DATABASES:
        raise ConfigError(
            name,
            f"must be a postgres:// or sqlite:/// URL, got {url!r}",
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=60 if scheme != "sqlite" else 0)
    except Exception as exc:  # dj-database-url raises several kinds
        raise ConfigError(name, f"is not a valid database URL ({exc})") from None
    if scheme != "sqlite" and not config.get("NAME"):
        raise ConfigError(name, f"names no database, got {url!r}")
    if scheme != "sqlite":
        # No JIT compilation: the site's queries are short, but the visibility rule's
        # subqueries inflate some estimates past jit_above_cost, and compiling then cost
        # 1.6 s of a 1.6 s menu query at 100,000 items. A URL's own ?options= wins.
        options = config.setdefault("OPTIONS", {})
        options.setdefault("options", "-c jit=off")
    return config


def http_url_from_env(name: str) -> str:
    """An optional http(s) URL; empty when unset."""
    url = env_str(name)
    try:
        parts = urlsplit(url)
        valid = parts.scheme in {"http", "https"} and bool(parts.hostname)
    except ValueError:
        valid = False
    if url and not valid:
        raise ConfigError(name, f"must be an http:// or https:// URL, got {url!r}")
    return url


DEVELOPMENT_SECRET_KEY = "django-insecure-dev-only-set-SECRET_KEY-in-production"
# Values copied from tutorials, examples and generators' placeholders: long enough to pass the
# length rule, yet public, so anyone could sign sessions, CSRF tokens and API token digests.
KNOWN_SECRET_KEYS = {
    DEVELOPMENT_SECRET_KEY,
    "change-me",
    "changeme",
    "secret",
    "your-secret-key",
    "your-secret-key-here",
    "replace-me-with-a-long-random-secret-key-in-production-please",
}
SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_UNIQUE_CHARACTERS = 5


def secret_key_from_env(name: str, https: bool) -> str:
    """The signing key; behind TLS (``https``) a weak or public one stops start-up.

    Django's ``check --deploy`` only warns about a short key (W009), and nobody reads
    warnings at deploy time. A site that says it is public (HTTPS=true) with a guessable key
    lets anyone forge sessions and password-reset links, so this is a hard error there, using
    Django's own thresholds: at least 50 characters, 5 different ones, not "django-insecure-".
    Without HTTPS (development, tests) the development key is used when none is set.
    """
    key = env_str(name)
    if not https:
        return key or DEVELOPMENT_SECRET_KEY
    if not key:
        problem = "must be set to a long random value when HTTPS=true"
    elif key in KNOWN_SECRET_KEYS or key.startswith("django-insecure"):
        problem = "is a published default; set a long random value when HTTPS=true"
    elif len(key) < SECRET_KEY_MIN_LENGTH:
        problem = (
            f"must be at least {SECRET_KEY_MIN_LENGTH} characters when HTTPS=true, got {len(key)}"
        )
    elif len(set(key)) < SECRET_KEY_MIN_UNIQUE_CHARACTERS:
        problem = "must be a random value (too few different characters) when HTTPS=true"
    else:
        return key
    raise ConfigError(name, problem)


def redis_url_from_env(name: str) -> str:
    url = env_str(name)
    try:
        scheme = urlsplit(url).scheme
    except ValueError:
        scheme = ""
    if url and scheme not in {"redis", "rediss", "unix"}:
        raise ConfigError(name, f"must be a redis:// URL, got {url!r}")
    return url


def s3_storage_from_env() -> dict | None:
    """The STORAGES entry for media on S3-compatible storage when MEDIA_S3_BUCKET is set.

    Endpoint, region, credentials, custom domain and key prefix come from MEDIA_S3_*
    variables (unset credentials: boto3's own chain, e.g. an instance role). Names never
    repeat (no overwrite), so objects carry a year-long immutable Cache-Control; with
    MEDIA_S3_PUBLIC (default) the bucket is read publicly and URLs are plain, cacheable
    ones, otherwise they are signed and expire.
    """
    bucket = env_str("MEDIA_S3_BUCKET")
    if not bucket:
        return None
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": http_url_from_env("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": env_str("MEDIA_S3_REGION") or None,
            "access_key": env_str("MEDIA_S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("MEDIA_S3_SECRET_ACCESS_KEY") or None,
            "custom_domain": env_str("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "location": env_str("MEDIA_S3_PREFIX"),
            "file_overwrite": False,
            "querystring_auth": not env_bool("MEDIA_S3_PUBLIC", default=True),
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
