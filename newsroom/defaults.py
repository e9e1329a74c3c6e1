"""Site-wide defaults for the texts a news item may leave empty (boilerplates, credits).

The newsroom is a reusable app and must not import the host project, yet the defaults live
in the host's site settings. The host names its settings model in a Django setting::

    NEWSROOM_DEFAULTS_SETTING = "portal.SiteSettings"   # app_label.ModelName

The model is looked up through the app registry (a Wagtail ``BaseSiteSetting`` or
``BaseGenericSetting``) and read by field name (``about_programme``, ``donor_boilerplate``,
``implementer_credit``, ``funder_credit``). Unset, unknown or incomplete means "no default":
the article then simply shows no such text, it never fails.
"""

from __future__ import annotations

import logging

from django.apps import apps
from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Site

logger = logging.getLogger(__name__)

DEFAULT_FIELDS = ("about_programme", "donor_boilerplate", "implementer_credit", "funder_credit")


def defaults_model():
    label = getattr(settings, "NEWSROOM_DEFAULTS_SETTING", "")
    if not label:
        return None
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        logger.warning("NEWSROOM_DEFAULTS_SETTING names no installed model: %r", label)
        return None


def site_defaults(request: HttpRequest | None) -> object | None:
    """The settings object of the request's site (or the default site), or None."""
    model = defaults_model()
    if model is None:
        return None
    if request is not None and hasattr(model, "for_request"):
        try:
            return model.for_request(request)
        except Exception:  # no site matches the request: fall through to the default site
            logger.debug("no site settings for request", exc_info=True)
    if hasattr(model, "for_site"):
        site = Site.objects.filter(is_default_site=True).first()
        return model.for_site(site) if site else None
    if hasattr(model, "load"):
        return model.load(request_or_site=request)
    return None


def site_default(request: HttpRequest | None, field: str):
    """The site-wide default object for ``field`` (e.g. a Boilerplate), or None."""
    holder = site_defaults(request)
    return getattr(holder, field, None) if holder is not None else None
