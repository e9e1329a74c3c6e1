"""The newsroom's demo items without their texts: kind, publication date, event times,
countries, themes, partners (acronyms of ``data_programme.PARTNERS``) and whether the item
carries the media contact. The texts, one module per language, are keyed by the slugs used
here (``data_ru``, ``data_en``)."""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

from newsroom.models import NewsPage

ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")
ALL_COUNTRIES = ("kz", "kg", "tj", "tm", "uz")

#: The newsroom index page under the home page (its texts are keyed by this slug too).
NEWS_INDEX = "news"


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=ALMATY)


@dataclass(frozen=True)
class Item:
    """One news item: its slug (the key of its texts) and non-translatable fields."""

    slug: str
    kind: str
    date: datetime.datetime
    countries: tuple[str, ...]
    themes: tuple[str, ...]
    partners: tuple[str, ...] = ()
    event: tuple[datetime.datetime, datetime.datetime] | None = None  # start, end
    contact: bool = False


Kind = NewsPage.Kind
ITEMS = [
    # Our counterpart of the regional dialogue held in Almaty on 29–30 November 2022.
    Item(
        "almaty-regional-dialogue-2022",
        Kind.PRESS_RELEASE,
        at(2022, 11, 30, 18),
        ALL_COUNTRIES,
        ("civil-society", "prevention", "treatment"),
        partners=("EU", "MVD-KZ", "NGO-NET"),
        event=(at(2022, 11, 29, 9, 30), at(2022, 11, 30, 17)),
        contact=True,
    ),
    Item(
        "school-prevention-bishkek",
        Kind.NEWS,
        at(2023, 3, 14),
        ("kg",),
        ("prevention",),
        partners=("NGO-NET",),
    ),
    Item(
        "treatment-standards-dushanbe",
        Kind.EVENT_REPORT,
        at(2023, 5, 26),
        ("tj",),
        ("treatment",),
        event=(at(2023, 5, 24, 9), at(2023, 5, 25, 17)),
    ),
    Item(
        "drug-situation-report-2023",
        Kind.NEWS,
        at(2023, 7, 3),
        ALL_COUNTRIES,
        ("drug-information",),
    ),
    Item(
        "statement-international-day-2023",
        Kind.STATEMENT,
        at(2023, 6, 26),
        ALL_COUNTRIES,
        ("drug-policy", "prevention"),
        partners=("EU",),
    ),
    Item(
        "ashgabat-monitoring-training",
        Kind.EVENT_REPORT,
        at(2023, 10, 12),
        ("tm",),
        ("drug-information",),
        event=(at(2023, 10, 10, 9), at(2023, 10, 11, 16)),
    ),
    Item(
        "samarkand-family-prevention",
        Kind.NEWS,
        at(2024, 2, 8),
        ("uz",),
        ("prevention", "civil-society"),
        partners=("NGO-NET",),
    ),
    Item(
        "press-release-phase-results-2024",
        Kind.PRESS_RELEASE,
        at(2024, 4, 18),
        ALL_COUNTRIES,
        ("drug-policy",),
        partners=("EU", "IA"),
    ),
    Item(
        "osh-outreach-workers",
        Kind.NEWS,
        at(2024, 6, 5),
        ("kg",),
        ("treatment", "civil-society"),
    ),
    Item(
        "astana-policy-roundtable",
        Kind.EVENT_REPORT,
        at(2024, 9, 20),
        ("kz",),
        ("drug-policy",),
        partners=("MVD-KZ",),
        event=(at(2024, 9, 19, 10), at(2024, 9, 19, 16)),
    ),
    Item(
        "dushanbe-rehabilitation-centre",
        Kind.NEWS,
        at(2024, 11, 11),
        ("tj",),
        ("treatment",),
    ),
    Item(
        "statement-gender-human-rights-2025",
        Kind.STATEMENT,
        at(2025, 3, 7),
        ALL_COUNTRIES,
        ("drug-policy", "treatment"),
    ),
]
