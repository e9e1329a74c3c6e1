from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The host site: home page, site-wide settings, navigation, demo content."""

    name = "portal"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Our typed page schemas must reach Wagtail's API registry before any app imports
        # Wagtail's pages router (wagtail.images does so from its own ready()).
        # Imported here, not at the top: they import models, which the app registry loads
        # only after this module.
        from portal import frontend_purge, request_memo, routing
        from portal.api import preview, registry  # noqa: F401  (preview registers hooks)
        from portal.i18n import slugs
        from portal.webhooks import signals

        registry.register()
        signals.connect_signals()
        frontend_purge.connect_signals()  # a CDN in front, when FRONTEND_CACHE_URL is set
        slugs.install()  # Latin slugs for Cyrillic titles (NEWSROOM_LATIN_SLUGS)
        request_memo.install()  # locales read once per request (portal/request_memo.py)
        routing.install()  # a page's path read in one query (portal/routing.py)
