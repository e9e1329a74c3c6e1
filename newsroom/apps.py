from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """News, press releases, event reports and statements, with listings and feeds."""

    name = "newsroom"
    verbose_name = "Newsroom"
    default_auto_field = "django.db.models.BigAutoField"
