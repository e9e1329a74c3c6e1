from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Search page, search API and index tooling on Wagtail's search framework."""

    name = "search"
    label = "search"
    verbose_name = "Search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from search import signals

        signals.register()
