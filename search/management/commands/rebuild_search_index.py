"""Rebuild the search index for one locale or all of them, with a progress bar.

Wagtail's ``update_index`` rebuilds every backend for every object. Editors fixing one
language (a bulk import of Kazakh pages, a changed text search configuration) need less:
``rebuild_search_index --locale kk`` re-indexes the pages of that locale only, in every
configured backend (the database index and, when Elasticsearch is configured, that locale's
index, which is dropped and rebuilt from scratch).
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models

from search.backends import locale_languages


class ProgressBar:
    """``[#######.............]  35%  350/1000 newsroom.newspage`` redrawn in place on a
    terminal, one line per step elsewhere (logs stay readable)."""

    def __init__(self, stream, total: int, label: str, width: int = 30):
        self.stream, self.total, self.label, self.width = stream, total, label, width
        self.done = 0
        self.tty = hasattr(stream, "isatty") and stream.isatty()

    def advance(self, count: int) -> None:
        self.done += count
        share = self.done / self.total if self.total else 1.0
        filled = int(self.width * share)
        bar = "#" * filled + "." * (self.width - filled)
        line = f"[{bar}] {share:4.0%} {self.done}/{self.total} {self.label}"
        if self.tty:
            self.stream.write("\r" + line, ending="")
            self.stream.flush()
        else:
            self.stream.write(line)

    def finish(self) -> None:
        if self.tty:
            self.stream.write("")


class Command(BaseCommand):
    help = "Rebuild the search index for one locale (--locale ru) or for all locales."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--locale",
            action="append",
            dest="locales",
            metavar="CODE",
            help="Language code to rebuild (repeatable); default: every locale.",
        )
        parser.add_argument(
            "--backend",
            action="append",
            dest="backends",
            metavar="ALIAS",
            help="Search backend alias (repeatable); default: every configured backend.",
        )
        parser.add_argument("--chunk-size", type=int, default=500)

    def handle(self, *args, locales=None, backends=None, chunk_size=500, **options) -> None:
        self.verbosity = options.get("verbosity", 1)
        known = set(Locale.objects.values_list("language_code", flat=True))
        locales = locales or sorted(known)
        unknown = [code for code in locales if code not in known]
        if unknown:
            raise CommandError(
                f"Unknown locale {unknown[0]!r}; known: {', '.join(sorted(known)) or 'none'}."
            )
        configured = list(settings.WAGTAILSEARCH_BACKENDS)
        backends = backends or configured
        for alias in backends:
            if alias not in configured:
                raise CommandError(f"Unknown search backend {alias!r}; use one of {configured}.")
        if chunk_size < 1:
            raise CommandError("--chunk-size must be at least 1.")
        locale_languages.cache_clear()
        total = 0
        for alias in backends:
            backend = get_search_backend(alias)
            language = getattr(backend, "language", None)
            for code in locales:
                if language and language != code:
                    continue  # an Elasticsearch index holds one locale only
                total += self.rebuild(alias, backend, code, chunk_size, whole=bool(language))
        if connection.vendor == "postgresql":
            # Fresh statistics, so the planner knows how many rows a text search matches
            # (see search/migrations/0001_title_body_index.py).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE wagtailsearch_indexentry")
        self.stdout.write(self.style.SUCCESS(f"Indexed {total} objects."))

    def rebuild(self, alias, backend, code: str, chunk_size: int, whole: bool) -> int:
        models = [m for m in get_indexed_models() if _has_locale(m)]
        indexes: dict[str, tuple] = {}
        for model in models:
            index = backend.get_index_for_model(model)
            indexes.setdefault(index.get_key(), (index, []))[1].append(model)
        count = 0
        for index, index_models in indexes.values():
            rebuilder = None
            if whole and backend.rebuilder_class:
                rebuilder = backend.rebuilder_class(index)
                index = rebuilder.start()
                for model in index_models:
                    index.add_model(model)
            for model in index_models:
                qs = model.get_indexed_objects().filter(locale__language_code=code).order_by("pk")
                total = qs.count()
                if not total:
                    continue
                label = f"{alias} {code} {model._meta.label_lower}"
                bar = ProgressBar(self.stdout if self.verbosity else _Null(), total, label)
                with transaction.atomic():
                    for start in range(0, total, chunk_size):
                        chunk = list(qs[start : start + chunk_size])
                        index.add_items(model, chunk)
                        bar.advance(len(chunk))
                bar.finish()
                count += total
            if rebuilder is not None:
                rebuilder.finish()
            elif hasattr(index, "delete_stale_entries"):
                index.delete_stale_entries()
        return count


def _has_locale(model) -> bool:
    return any(f.name == "locale" for f in model._meta.get_fields())


class _Null:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass

    def isatty(self):
        return False
