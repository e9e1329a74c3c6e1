"""Settings for the programme newsroom, read from environment variables.

Nothing set gives the quick start: SQLite, local-memory cache, Wagtail's database search.
Production sets DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS, DEBUG=false and HTTPS=true (and
optionally REDIS_URL, ELASTICSEARCH_URL, DEEPL_API_KEY); README.md lists every variable.
"""

from datetime import timedelta
from pathlib import Path

from portal.config import (
    ConfigError,
    database_from_env,
    env_bool,
    env_int,
    env_list,
    env_str,
    http_url_from_env,
    redis_url_from_env,
    s3_storage_from_env,
    secret_key_from_env,
)
from portal.logging_config import FORMATS, logging_config

PORTAL_DIR = Path(__file__).resolve().parent
BASE_DIR = PORTAL_DIR.parent.parent  # the repository root

DEBUG = env_bool("DEBUG", default=False)
HTTPS = env_bool("HTTPS", default=False)
SECRET_KEY = secret_key_from_env("SECRET_KEY", https=HTTPS)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "portal",
    "newsroom",
    "programme",
    "search",
    "importers",
    "headless",  # no models: the API plumbing, and its error messages' catalogue
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "ninja",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.i18n.middleware.TranslatorScopeMiddleware",
    "portal.i18n.middleware.MissingTranslationMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": database_from_env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache speeds the site up and is never needed: with Redis down, portal.cache's backend
# answers as an empty cache (logged once a minute) and the site serves from the database.
REDIS_URL = redis_url_from_env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "newsroom"),
            "TIMEOUT": env_int("CACHE_TIMEOUT", 300),
            "OPTIONS": {
                "socket_connect_timeout": env_int("CACHE_CONNECT_TIMEOUT_MS", 250) / 1000,
                "socket_timeout": env_int("CACHE_SOCKET_TIMEOUT_MS", 500) / 1000,
                "RETRY_AFTER": env_int("CACHE_RETRY_AFTER", 5),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Russian is the source language, English the second; the five
# national languages of Central Asia follow. Django ships locale data for all seven.
LANGUAGE_CODE = "ru"
LANGUAGES = [
    ("ru", "Русский"),
    ("en", "English"),
    ("kk", "Қазақша"),
    ("ky", "Кыргызча"),
    ("tg", "Тоҷикӣ"),
    ("tk", "Türkmençe"),
    ("uz", "Oʻzbekcha"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Editors pick their admin language (Account > Preferences) among the same seven. Wagtail 8
# ships its own admin strings in ru only of these (kk, ky, tg, tk, uz show Wagtail's own
# buttons in English); our labels, help texts and panels are translated in all seven, and
# Django's (forms, validation) exist in all seven too (docs/translation.md).
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Latin slugs for Cyrillic titles (portal.i18n.slugs): on the server, and in the admin's slug
# field, which transliterates in the browser when Wagtail may not keep Unicode slugs.
NEWSROOM_LATIN_SLUGS = env_bool("NEWSROOM_LATIN_SLUGS", default=True)
WAGTAIL_ALLOW_UNICODE_SLUGS = not NEWSROOM_LATIN_SLUGS
LOCALE_PATHS = [PORTAL_DIR / "locale"]  # the host catalogue: portal code and the templates/ folder
TIME_ZONE = env_str("TIME_ZONE", "Asia/Almaty")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
# Production (DEBUG off) serves hashed, compressed static names (needs `collectstatic` first);
# development serves the apps' files as they are. STATIC_MANIFEST=false/true overrides.
STATIC_MANIFEST = env_bool("STATIC_MANIFEST", default=not DEBUG)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = env_str("SITE_NAME", "Programme Newsroom")
WAGTAILADMIN_BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_SEARCH_ENABLED = True
# Site-wide default boilerplates and credits of news items (see docs/newsroom.md).
NEWSROOM_DEFAULTS_SETTING = "portal.SiteSettings"

# Search (owned by the search app, docs/search.md): Wagtail's database backend, indexing each
# page with its language's PostgreSQL text search configuration, serves by default and stays in
# step as the fallback. ELASTICSEARCH_URL adds one elasticsearch8 index per locale, each analysed
# by its language's analyser; the site reads from it and falls back to the database when it fails.
ELASTICSEARCH_URL = http_url_from_env("ELASTICSEARCH_URL")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backends.database",
        "LANGUAGE_CONFIGS": {"ru": "russian", "en": "english"},
        "SEARCH_CONFIG": "simple",
    }
}
if ELASTICSEARCH_URL:
    ELASTICSEARCH_INDEX = env_str("ELASTICSEARCH_INDEX", "newsroom")
    for _code, _name in LANGUAGES:
        WAGTAILSEARCH_BACKENDS[f"elasticsearch_{_code}"] = {
            "BACKEND": "search.backends.elasticsearch",
            "LANGUAGE": _code,
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": f"{ELASTICSEARCH_INDEX}_{_code}__",
            "TIMEOUT": env_int("ELASTICSEARCH_TIMEOUT", 5),
            "OPTIONS": {"max_retries": 1, "retry_on_timeout": False},
            # Saves and deletes reach it through search.tasks (queued, retried while it is
            # down), not inline in the editor's request where a failure is only logged.
            "AUTO_UPDATE": False,
        }
# OpenSearch (issue #15): OPENSEARCH_URL adds the same per-locale indexes on Wagtail's
# opensearch3 backend (the opensearch-py 3 client, which talks to OpenSearch 1.x to 3.x
# servers) in place of Elasticsearch; OPENSEARCH_VERSION=2 picks Wagtail's opensearch2 backend,
# which needs the opensearch-py 2 client instead of the pinned one.
OPENSEARCH_URL = http_url_from_env("OPENSEARCH_URL")
if OPENSEARCH_URL:
    if ELASTICSEARCH_URL:
        raise ConfigError("OPENSEARCH_URL", "set ELASTICSEARCH_URL or OPENSEARCH_URL, not both")
    for _code, _name in LANGUAGES:
        WAGTAILSEARCH_BACKENDS[f"opensearch_{_code}"] = {
            "BACKEND": "search.backends.opensearch",
            "VERSION": env_int("OPENSEARCH_VERSION", 3),
            "LANGUAGE": _code,
            "URLS": [OPENSEARCH_URL],
            "INDEX_PREFIX": f"{env_str('ELASTICSEARCH_INDEX', 'newsroom')}_{_code}__",
            "TIMEOUT": env_int("ELASTICSEARCH_TIMEOUT", 5),
            "OPTIONS": {"max_retries": 1, "retry_on_timeout": False},
            "AUTO_UPDATE": False,  # through search.tasks, as for Elasticsearch
        }
SEARCH_RESULTS_PER_PAGE = env_int("SEARCH_RESULTS_PER_PAGE", 10)
# The one limit on search text, for the search page, the autocomplete and every API `search=`
# or `q=` (ours and Wagtail's): longer queries are a 400 naming the parameter.
SEARCH_QUERY_MAX_LENGTH = env_int("SEARCH_QUERY_MAX_LENGTH", 200)
SEARCH_QUERY_MAX_WORDS = env_int("SEARCH_QUERY_MAX_WORDS", 32)
# Up to this many matches the facets count over the matched ids (search/services.py)
SEARCH_FACET_MAX_IDS = env_int("SEARCH_FACET_MAX_IDS", 20_000)
# Seconds the site keeps answering from the database after Elasticsearch failed.
SEARCH_ELASTICSEARCH_RETRY_AFTER = env_int("SEARCH_ELASTICSEARCH_RETRY_AFTER", 30)

# Translation: DeepL when a key is given, a deterministic dummy translator otherwise.
DEEPL_API_KEY = env_str("DEEPL_API_KEY")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    }

# A page asked for in a language it has no translation in (docs/translation.md):
# "source" (default) shows the source page in the reader's locale, labelled with its language
# (menus list it too, marked); "redirect" sends the reader to the source-language page with a
# 302; "404" answers Not Found (in both, untranslated pages are not listed in that language).
NEWSROOM_MISSING_TRANSLATION = env_str("NEWSROOM_MISSING_TRANSLATION", "source")
if NEWSROOM_MISSING_TRANSLATION not in ("source", "redirect", "404"):
    raise ConfigError(
        "NEWSROOM_MISSING_TRANSLATION",
        f"must be source, redirect or 404, got {NEWSROOM_MISSING_TRANSLATION!r}",
    )
# Synchronised trees (wagtail_localize.locales' LocaleSynchronization, set up by load_demo)
# create aliases while the page is saved, not in a background queue.
WAGTAILLOCALIZE_JOBS = {"BACKEND": "wagtail_localize.tasks.ImmediateBackend"}

# Security. HTTPS=true turns on everything `manage.py check --deploy` asks for behind TLS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's live preview shows the page in a same-origin iframe, so DENY would break it.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
if HTTPS:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Content-Security-Policy per area with a per-request nonce, and Permissions-Policy
# (portal/security/headers.py, docs/security.md). Origins allowed in embed iframes:
CSP_FRAME_SOURCES = env_list(
    "CSP_FRAME_SOURCES",
    ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
)
_security_at = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE[_security_at:_security_at] = [
    "portal.security.headers.SecurityHeadersMiddleware",
    "portal.security.ratelimit.RateLimitMiddleware",
]
# The admin dashboard would fetch releases.wagtail.org from every editor's browser; upgrades
# are the maintainers' business (requirements.txt), and the admin's CSP allows this origin only.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Admin avatars from this site only: a Gravatar URL would send a hash of every editor's
# e-mail address to a third party (and need an exception in the admin's CSP).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Number of reverse proxies in front of the site that append to X-Forwarded-For; the client
# address (rate limits, login lockout) is read that many hops from the right.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# Requests per client address and window (seconds) on search and the API; 0 turns one off.
RATE_LIMIT_WINDOW = env_int("RATE_LIMIT_WINDOW", 60)
RATE_LIMITS = {
    "search": (env_int("RATE_LIMIT_SEARCH", 120), RATE_LIMIT_WINDOW),
    "api": (env_int("RATE_LIMIT_API", 600), RATE_LIMIT_WINDOW),
}

# Admin login lockout (django-axes): LOGIN_FAILURE_LIMIT failures lock the account and, apart,
# the client address for LOGIN_LOCKOUT_MINUTES (0: until an administrator releases them with
# `manage.py axes_reset_username NAME` / `axes_reset_ip ADDRESS`, or in /django-admin/axes/).
INSTALLED_APPS += ["axes"]
AUTHENTICATION_BACKENDS = [
    "portal.security.login.LoginLockoutBackend",  # first: refuses locked-out logins
    "django.contrib.auth.backends.ModelBackend",
]
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
_lockout_minutes = env_int("LOGIN_LOCKOUT_MINUTES", 30)
if _lockout_minutes < 0:
    raise ConfigError("LOGIN_LOCKOUT_MINUTES", f"must be 0 or more, got {_lockout_minutes}")
AXES_COOLOFF_TIME = timedelta(minutes=_lockout_minutes) if _lockout_minutes > 0 else None
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "portal.security.clients.login_client_ip"
AXES_HTTP_RESPONSE_CODE = 403
AXES_LOCKOUT_CALLABLE = "portal.security.login.lockout_response"

# Console logs with a request id on every line; LOG_FORMAT=json for a log collector
# (portal/logging_config.py).
LOG_FORMAT = env_str("LOG_FORMAT", "plain")
if LOG_FORMAT not in FORMATS:
    raise ConfigError("LOG_FORMAT", f"must be plain or json, got {LOG_FORMAT!r}")
LOGGING = logging_config(env_str("LOG_LEVEL", "WARNING"), LOG_FORMAT)

# API ----------------------------------------------------------------------------------------
# Headless API (docs/api.md): Wagtail's API v3 at /api/v3/ with our routers, v2 at /api/v2/.
INSTALLED_APPS += ["wagtail.api.v3"]
MIDDLEWARE.insert(1, "portal.api.http.ApiHttpMiddleware")  # CORS, caching, conditional GET
MIDDLEWARE.append("portal.api.http.ApiResponseGuard")  # API 404s stay 404s
# Hostile input is a 4xx before anything else runs (after CORS, so front ends can read it);
# API errors of every shape become problem JSON innermost (portal/input_guard.py).
MIDDLEWARE.insert(
    MIDDLEWARE.index("portal.api.http.ApiHttpMiddleware") + 1,
    "portal.input_guard.InputGuardMiddleware",
)
MIDDLEWARE.append("portal.input_guard.ApiProblemMiddleware")
WAGTAILAPI_LIMIT_MAX = env_int("API_LIMIT_MAX", 100)
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
# Origins allowed to call /api/ from a browser (a Next.js site, partner portals...).
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", [])
# Cache-Control max-age (seconds) per API area; the longest matching path prefix wins.
API_CACHE_SECONDS = {
    "/api/v3/news/": env_int("API_CACHE_NEWS", 60),
    "/api/v3/vocabularies/": env_int("API_CACHE_VOCABULARIES", 3600),
    "/api/v3/site/": env_int("API_CACHE_SITE", 600),
    "/api/v3/search/": env_int("API_CACHE_SEARCH", 60),
    "/api/v3/preview/": 0,
    "/api/": env_int("API_CACHE_DEFAULT", 300),
}
# Renditions every API image carries; front ends choose the size they need.
API_IMAGE_RENDITIONS = {
    "thumbnail": "fill-400x300",
    "medium": "max-800x800",
    "large": "max-1600x1600",
    "original": "original",
}
# Headless preview: the external front end's preview URL and the token lifetime.
HEADLESS_PREVIEW_URL = env_str("HEADLESS_PREVIEW_URL")
HEADLESS_PREVIEW_MAX_AGE = env_int("HEADLESS_PREVIEW_MAX_AGE", 3600)
# Speed (docs/performance.md): small tables read once per request (or per content generation),
# outermost so every layer shares them; anonymous pages and API answers cached, keyed by the
# content generation (never stale), inside the CSP nonce and the rate limiter.
MIDDLEWARE.insert(0, "headless.memo.RequestMemoMiddleware")
MIDDLEWARE.insert(
    MIDDLEWARE.index("portal.security.ratelimit.RateLimitMiddleware") + 1,
    "portal.page_cache.PageCacheMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("portal.page_cache.PageCacheMiddleware") + 1,
    "portal.routing.KnownSiteMiddleware",
)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# A CDN or Varnish in front (optional): Wagtail's frontend cache purges a page's URLs when
# it is published, unpublished, moved or deleted (docs/performance.md).
FRONTEND_CACHE_URL = http_url_from_env("FRONTEND_CACHE_URL")
if FRONTEND_CACHE_URL:
    INSTALLED_APPS += ["wagtail.contrib.frontend_cache"]
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }
# End of API ---------------------------------------------------------------------------------

# Background work (issue #15, docs/deploy.md) -------------------------------------------------
# Django's Tasks framework (the django-tasks backport; Wagtail enqueues its own search and
# reference index updates on it). TASK_BACKEND: "database" (default: django-tasks-db, run
# `manage.py worker`), "rq" (RQ on REDIS_URL, run `manage.py worker` too) or "immediate"
# (in the request, no worker: only for trying things out).
TASK_BACKEND = env_str("TASK_BACKEND", "database")
INSTALLED_APPS += ["django_tasks"]
if TASK_BACKEND == "database":
    INSTALLED_APPS += ["django_tasks_db"]
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
elif TASK_BACKEND == "rq":
    if not REDIS_URL:
        raise ConfigError("TASK_BACKEND", "rq needs REDIS_URL")
    INSTALLED_APPS += ["django_rq"]
    RQ_QUEUES = {"default": {"URL": env_str("TASK_REDIS_URL") or REDIS_URL}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif TASK_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    raise ConfigError("TASK_BACKEND", f"must be database, rq or immediate, got {TASK_BACKEND!r}")
# Publish webhooks are an outbox (portal/webhooks/): one row per event and receiver written in
# the publish's transaction, sent by the worker. Failed attempts are retried after
# WEBHOOK_BACKOFF_SECONDS * 2**n (capped at WEBHOOK_BACKOFF_MAX) until WEBHOOK_MAX_ATTEMPTS,
# then the row is a dead letter (Snippets > Webhook deliveries: "Send again").
WEBHOOK_TIMEOUT = env_int("WEBHOOK_TIMEOUT", 10)
WEBHOOK_MAX_ATTEMPTS = env_int("WEBHOOK_MAX_ATTEMPTS", 10)
WEBHOOK_BACKOFF_SECONDS = env_int("WEBHOOK_BACKOFF_SECONDS", 5)
WEBHOOK_BACKOFF_MAX = env_int("WEBHOOK_BACKOFF_MAX", 3600)
WEBHOOK_RETRY_DELAYS = [
    min(WEBHOOK_BACKOFF_SECONDS * 2**n, WEBHOOK_BACKOFF_MAX)
    for n in range(max(WEBHOOK_MAX_ATTEMPTS - 1, 0))
]
# An attempt holds its row this long past the timeout; a worker killed mid-attempt leaves a
# hold that expires, and the worker's sweep (every WORKER_SWEEP_SECONDS) sends the row again.
WEBHOOK_LEASE_MARGIN = env_int("WEBHOOK_LEASE_MARGIN", 30)
WORKER_SWEEP_SECONDS = env_int("WORKER_SWEEP_SECONDS", 30)
# A pending row overdue by this long without a task that took it is sent again by the sweep
# (its enqueue was refused); a row still waiting in a long queue is not stranded.
WEBHOOK_STRANDED_AFTER = env_int("WEBHOOK_STRANDED_AFTER", 300)
# Index updates of Elasticsearch/OpenSearch run as tasks, retried until the server is back.
SEARCH_INDEX_RETRY_DELAYS = [min(5 * 2**n, 600) for n in range(12)]
# End of background work -----------------------------------------------------------------

# Media on S3-compatible object storage (issue #15, docs/deploy.md) --------------------------
# MEDIA_S3_BUCKET set: originals and renditions of images, and documents, go to that bucket
# through django-storages (boto3); unset: MEDIA_ROOT on the local disk. Names never repeat
# (no overwrite), so objects carry a year-long immutable Cache-Control; with
# MEDIA_S3_PUBLIC (default) the bucket is read publicly and URLs are plain (cacheable) ones.
MEDIA_S3_STORAGE = s3_storage_from_env()
if MEDIA_S3_STORAGE:
    STORAGES["default"] = MEDIA_S3_STORAGE
# End of media storage ---------------------------------------------------------------------

# Several app servers (issue #15, docs/deploy.md) --------------------------------------------
# Each web process serves the static files itself (whitenoise) from STATIC_ROOT, filled by
# `collectstatic`; with STATIC_MANIFEST (the default when DEBUG is off) their names carry a
# content hash, so every server serves the same names, cached for a year (immutable).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_USE_FINDERS = DEBUG  # development: straight from the apps, no collectstatic
# End of several app servers ---------------------------------------------------------------

# Operations (issue #15, docs/deploy.md) ------------------------------------------------------
# Prometheus metrics at /metrics (portal/metrics.py): from the machine itself, or with
# "Authorization: Bearer $METRICS_TOKEN". Requests and latency by django-prometheus.
METRICS_TOKEN = env_str("METRICS_TOKEN")
INSTALLED_APPS += ["django_prometheus"]
MIDDLEWARE.insert(0, "django_prometheus.middleware.PrometheusBeforeMiddleware")
MIDDLEWARE.append("django_prometheus.middleware.PrometheusAfterMiddleware")
# Every request gets an id, returned in the response and written in its log lines (above).
MIDDLEWARE.insert(1, "portal.request_id.RequestIdMiddleware")
# End of operations ------------------------------------------------------------------------

# IATI export (/iati/activities.xml, manage.py export_iati; docs/importing.md). The
# reporting organisation's IATI identifier and the activity identifier patterns.
IATI = {
    "reporting_org_ref": env_str("IATI_REPORTING_ORG_REF", "XX-EXAMPLE-1"),
    "reporting_org_type": env_str("IATI_REPORTING_ORG_TYPE", "10"),
    "reporting_org_name": {"ru": env_str("IATI_REPORTING_ORG_NAME", "Программа CADAP")},
    "programme_id": env_str("IATI_PROGRAMME_ID", "{org}-{programme}"),
    "phase_id": env_str("IATI_PHASE_ID", "{org}-{programme}-{phase}"),
}
# Press-release and WordPress importers (docs/importing.md): where WordPress images come from
# when the export names them by URL (a local copy of wp-content/uploads), and the
# category/tag rules of import_wordpress.
IMPORTERS_WORDPRESS_UPLOADS = env_str("IMPORTERS_WORDPRESS_UPLOADS", "")
