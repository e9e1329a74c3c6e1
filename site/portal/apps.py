from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The host site: home page, site-wide settings, navigation, demo content."""

    name = "portal"
    verbose_name = "Site"
    default_auto_field = "django.db.models.BigAutoField"
