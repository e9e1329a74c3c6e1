"""The home page's map of the programme's countries: SVG path data built once from Natural
Earth's public-domain boundaries (``build``, run by ``manage.py build_country_map``) and
committed as ``countries.json``; at run time only that file is read, once per process.

``map_context`` pairs the shapes with the home page's countries and news counts, which
``portal.home`` has already read: the map costs no query of its own.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, Protocol

DATA_FILE = Path(__file__).with_name("countries.json")


class Tagged(Protocol):
    slug: str


#: Letters of the region's alphabets that plain code-point order puts after "я" or "z":
#: each sorts right after its base letter (Kazakh "Қазақстан" after "Кыргызстан"'s К).
AFTER_LETTER = {
    "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х",
    "і": "ы", "ҳ": "х", "ҷ": "ч", "ʻ": "", "ʼ": "",
}  # fmt: skip


def collation_key(name: str) -> str:
    """A sort key close to the alphabetical order of ru, kk, ky, tg, tk and uz without ICU:
    a letter with a diacritic (Turkmen "ç", Tajik "ӣ") or one of the letters above sorts
    after its base letter and before the next one."""
    key = []
    for char in unicodedata.normalize("NFD", name.casefold()):
        if unicodedata.combining(char):
            key.append("\U0010ffff")
        elif char in AFTER_LETTER:
            key.append(AFTER_LETTER[char] + "\U0010ffff")
        else:
            key.append(char)
    return "".join(key)


def _name(tag: Tagged) -> str:
    """The tag's name in the active language (CountryTag.label), for sorting."""
    label = getattr(tag, "label", None)
    return collation_key(label() if callable(label) else tag.slug)


@cache
def load_map() -> dict[str, Any]:
    """The committed map data: view box, countries by slug, neighbours' path data."""
    with DATA_FILE.open(encoding="utf-8") as handle:
        data = json.load(handle)
    data["by_code"] = {country["code"]: country for country in data["countries"]}
    return data


def map_context(
    countries: Iterable[Tagged], counts: Iterable[tuple[Tagged, int]]
) -> dict[str, Any] | None:
    """What the template draws: one entry per country that has a shape (its tag, news
    count, path data, label point and shade), by name in the active language, or None
    when none has one.

    ``countries`` are the programme's countries; without a programme, the countries that
    have news are mapped instead.
    """
    data = load_map()
    counts = list(counts)
    counted = {tag.slug: count for tag, count in counts}
    tags = list(countries) or [tag for tag, _count in counts]
    items = []
    for tag in tags:
        shape = data["by_code"].get(tag.slug)
        if shape is not None:
            x, y = shape["label"]
            items.append(
                {
                    "tag": tag,
                    "count": counted.get(tag.slug, 0),
                    "d": shape["d"],
                    "x": x,
                    "y": y,
                    "shade": shape.get("shade", 0),
                }
            )
    if not items:
        return None
    items.sort(key=lambda item: _name(item["tag"]))
    return {
        "view_box": " ".join(f"{n:g}" for n in data["view_box"]),
        "width": data["view_box"][2],
        "height": data["view_box"][3],
        "neighbours": data["neighbours"],
        "countries": items,
    }
