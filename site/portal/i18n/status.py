"""The translation status report: for every page of the source language, its state in each
other locale and, where a wagtail-localize translation is under way, how complete it is."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

# Ordered from the most to the least done.
PUBLISHED = "published"
DRAFT = "draft"
IN_PROGRESS = "in_progress"
AWAITING = "awaiting"
STATE_LABELS = {
    PUBLISHED: _("Published"),
    DRAFT: _("Draft"),
    IN_PROGRESS: _("In progress"),
    AWAITING: _("Awaiting translation"),
}


@dataclass
class Cell:
    state: str
    percent: int | None = None  # share of translated strings, when wagtail-localize knows it
    page_id: int | None = None

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self.state])


@dataclass
class Row:
    page: Page
    cells: dict[str, Cell] = field(default_factory=dict)

    @property
    def awaiting(self) -> list[str]:
        return [code for code, cell in self.cells.items() if cell.state != PUBLISHED]


def translation_progress(translations) -> dict[int, tuple[int, int]]:
    """{translation id: (strings, translated strings)}: the figures of
    ``Translation.get_progress``, with the totals counted once per source."""
    translations = list(translations)
    totals = dict(
        StringSegment.objects.filter(source_id__in={t.source_id for t in translations})
        .values("source_id")
        .annotate(n=Count("pk"))
        .values_list("source_id", "n")
    )
    done: dict[int, int] = {}
    for translation in translations:
        done[translation.pk] = (
            StringSegment.objects.filter(source_id=translation.source_id)
            .filter(
                Exists(
                    StringTranslation.objects.filter(
                        translation_of_id=OuterRef("string_id"),
                        context_id=OuterRef("context_id"),
                        locale_id=translation.target_locale_id,
                        has_error=False,
                    )
                )
            )
            .count()
        )
    return {t.pk: (totals.get(t.source_id, 0), done[t.pk]) for t in translations}


def translation_status(
    source_locale: Locale | None = None, locales: list[Locale] | None = None
) -> list[Row]:
    """One row per real page of ``source_locale`` (default: the default locale), in tree
    order, with a cell for each other locale."""
    source_locale = source_locale or Locale.get_default()
    locales = locales or list(Locale.objects.exclude(pk=source_locale.pk).order_by("pk"))
    sources = list(
        Page.objects.filter(locale=source_locale, depth__gt=1, alias_of__isnull=True)
        .order_by("path")
        .specific(defer=True)
    )
    keys = {page.translation_key for page in sources}
    targets: dict = defaultdict(dict)
    for page in Page.objects.filter(translation_key__in=keys).exclude(locale=source_locale):
        targets[page.translation_key][page.locale_id] = page
    translations = list(
        Translation.objects.filter(
            source__object_id__in=keys, source__locale=source_locale, enabled=True
        )
        .filter(Q(target_locale__in=locales))
        .select_related("source")
    )
    progress = translation_progress(translations)
    running = {(t.source.object_id, t.target_locale_id): t for t in translations}
    rows = []
    for page in sources:
        row = Row(page=page)
        for locale in locales:
            target = targets[page.translation_key].get(locale.pk)
            translation = running.get((page.translation_key, locale.pk))
            percent = None
            if translation is not None:
                total, done = progress[translation.pk]
                percent = round(100 * done / total) if total else 100
            if target is None or target.alias_of_id:
                state = IN_PROGRESS if translation is not None else AWAITING
            else:
                state = PUBLISHED if target.live else DRAFT
            row.cells[locale.language_code] = Cell(
                state=state, percent=percent, page_id=target.pk if target else None
            )
        rows.append(row)
    return rows


def published_share(rows: list[Row]) -> dict[str, tuple[int, int]]:
    """{language: (pages published in it, pages of the source)} for the report's footer."""
    totals: dict[str, tuple[int, int]] = {}
    for row in rows:
        for code, cell in row.cells.items():
            done, total = totals.get(code, (0, 0))
            totals[code] = (done + (cell.state == PUBLISHED), total + 1)
    return totals
