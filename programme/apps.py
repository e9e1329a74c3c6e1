from django.apps import AppConfig


class ProgrammeConfig(AppConfig):
    """Programme, phases, partners, donor contacts, and the country/theme vocabularies."""

    name = "programme"
    verbose_name = "Programme"
    default_auto_field = "django.db.models.BigAutoField"
