"""Wagtail loads ``<app>.wagtail_hooks`` of every app, and only that module: the site's parts
register their hooks and admin screens in their own modules, imported here.

- ``portal.i18n.hooks``: missing-translation fallback, translators' locale limits and scopes,
  the translation status report.
- ``portal.webhooks.admin``: the webhooks and their delivery log under Snippets.
- ``portal.serving``: pages the clock hides (embargo, expiry) answer 404.
"""

from __future__ import annotations

from portal import serving
from portal.i18n import hooks as i18n_hooks
from portal.webhooks import admin as webhooks_admin

__all__ = ["i18n_hooks", "serving", "webhooks_admin"]
