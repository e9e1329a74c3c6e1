"""The ``LOGGING`` setting, built from two environment choices (level and format) so that
settings.py stays a list of decisions rather than a nested dict.

Every line carries the request id (``portal.request_id``: the client's ``X-Request-ID`` when it
is a sane one), in plain text for a terminal or as one JSON object a line
(``python-json-logger``) for a log collector.
"""

from __future__ import annotations

from typing import Any

FORMATS = ("plain", "json")


def logging_config(level: str, log_format: str) -> dict[str, Any]:
    """Django's LOGGING dict: console only, our apps at INFO, the root at ``level``."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "portal.request_id.RequestIdFilter"}},
        "formatters": {
            "plain": {"format": "%(levelname)s %(name)s [%(request_id)s]: %(message)s"},
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "format": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            },
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": log_format,
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "newsroom": {"level": "INFO"},
            "programme": {"level": "INFO"},
            "search": {"level": "INFO"},
            "portal": {"level": "INFO"},
            "axes": {"level": "WARNING"},  # login failures and lockouts, whatever the level
            "django_tasks": {"level": "INFO"},
            "django_tasks_db": {"level": "INFO"},
        },
    }
