"""Datelines as press releases write them, in Russian and English:

- place, date: "Алматы, 30 ноября 2022 г.", "Almaty, November 30, 2022";
- place, date range: "Алматы, 29–30 ноября 2022 г." (an event over two days);
- wire style at the start of the lead: "BISHKEK, 3 May 2016 – The European Union ...";
- date first: "30 November 2022, Almaty", "3 мая 2016 года, Бишкек –";
- place only: "BISHKEK – ...", or a line holding only the place;
- agency style: "ДУШАНБЕ, 12 мар — «Ховар». ..." (abbreviated month, no year, the agency).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

RU_MONTHS = {
    "январ": 1,
    "янв": 1,
    "феврал": 2,
    "фев": 2,
    "март": 3,
    "мар": 3,
    "апрел": 4,
    "апр": 4,
    "ма": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "авг": 8,
    "сентябр": 9,
    "сен": 9,
    "сент": 9,
    "октябр": 10,
    "окт": 10,
    "ноябр": 11,
    "ноя": 11,
    "нояб": 11,
    "декабр": 12,
    "дек": 12,
}
EN_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>(?:январ|феврал|март|апрел|ма|июн|июл|август|сентябр|октябр|ноябр|декабр)"
    r"[а-яё]*|(?:янв|фев|мар|апр|июн|июл|авг|сент?|окт|нояб?|дек)\.?"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_DASH = r"[–—-]"
_DAYS = rf"(?P<day>\d{{1,2}})(?:\s*{_DASH}\s*(?P<day_end>\d{{1,2}}))?"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?:\s*(?:г\.?|года|год)(?=\W|$))?"
# "29–30 ноября 2022 г." / "12 мар" / "3 May 2016"
_DATE_DM = rf"{_DAYS}\s+{_MONTH}(?:,?\s+{_YEAR})?"
# "November 30, 2022" / "May 3–4, 2016"
_DATE_MD = rf"{_MONTH}\s+{_DAYS},?\s+{_YEAR}"
# "30.11.2022"
_DATE_NUM = r"(?P<nday>\d{1,2})\.(?P<nmonth>\d{1,2})\.(?P<nyear>(?:19|20)\d\d)(?:\s*г\.)?"
_PLACE = r"(?P<place>[A-ZА-ЯЁ][\w.'’ -]{1,40}?(?:,\s*[A-ZА-ЯЁ][\w'’ -]{2,30})?)"
_AGENCY = r"(?:\s*[–—-]\s*(?P<agency>«[^»]{2,40}»|\"[^\"]{2,40}\"|\([A-ZА-ЯЁ][^)]{1,30}\))\.?)?"
_REST = rf"(?:\s*(?:{_DASH}|:|\.)?\s*(?P<rest>.*))?"

_DATES = (_DATE_DM, _DATE_MD, _DATE_NUM)
_PATTERNS = [
    # place, date
    *(re.compile(rf"^{_PLACE},\s*{date}{_AGENCY}{_REST}$", re.S) for date in _DATES),
    # date first, then place
    *(
        re.compile(
            rf"^{date}\s*(?:,|{_DASH})\s*{_PLACE}(?:\s*(?:{_DASH}|:|\.)\s*(?P<rest>.*))?$", re.S
        )
        for date in _DATES
    ),
    # date only ("30 November 2022")
    *(re.compile(rf"^{date}(?:\s*(?:{_DASH}|:)\s*(?P<rest>.*))?$", re.S) for date in _DATES),
]
# place only, wire style: "BISHKEK – The European Union ..." (a place in capitals)
_PLACE_ONLY_WIRE = re.compile(
    r"^(?P<place>[A-ZА-ЯЁ][A-ZА-ЯЁ.'’ -]{2,30}?)\s*[–—]\s*(?P<rest>\S.*)$", re.S
)
# place only, a line of its own: "Бишкек" / "Almaty, Kazakhstan"
_PLACE_ONLY_LINE = re.compile(
    r"^(?P<place>[A-ZА-ЯЁ][\w'’-]+(?: [A-ZА-ЯЁ][\w'’-]+)?(?:,\s*[A-ZА-ЯЁ][\w'’ -]+)?)\.?$"
)


@dataclass
class Dateline:
    place: str = ""
    date: datetime.date | None = None
    date_end: datetime.date | None = None
    agency: str = ""
    text: str = ""  # the dateline as written
    rest: str = ""  # what follows it on the same line (the lead, in wire style)
    year_guessed: bool = False


def _month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if word in EN_MONTHS:
        return EN_MONTHS[word]
    for stem in sorted(RU_MONTHS, key=len, reverse=True):
        if word.startswith(stem):
            if stem == "ма" and word not in ("мая", "май", "мае"):
                continue
            return RU_MONTHS[stem]
    return None


def normalise_place(place: str) -> str:
    """ "BISHKEK" -> "Bishkek", "НУР-СУЛТАН" -> "Нур-Султан"; mixed case stays."""
    place = place.strip(" ,.–—-")
    parts = []
    for part in place.split(","):
        part = part.strip()
        if part.isupper() and len(part) > 3:
            part = " ".join("-".join(p.capitalize() for p in w.split("-")) for w in part.split())
        parts.append(part)
    return ", ".join(parts)


def _date(
    groups: dict, default_year: int | None
) -> tuple[datetime.date | None, datetime.date | None, bool]:
    if groups.get("nday"):
        try:
            day = datetime.date(int(groups["nyear"]), int(groups["nmonth"]), int(groups["nday"]))
        except ValueError:
            return None, None, False
        return day, None, False
    month = _month_number(groups.get("month") or "")
    if month is None:
        return None, None, False
    guessed = not groups.get("year")
    year = int(groups["year"]) if groups.get("year") else default_year
    if year is None:
        year = datetime.date.today().year
    try:
        start = datetime.date(year, month, int(groups["day"]))
        end = datetime.date(year, month, int(groups["day_end"])) if groups.get("day_end") else None
    except ValueError:
        return None, None, False
    return start, end, guessed


_NOT_PLACES = {
    "press release",
    "пресс-релиз",
    "пресс релиз",
    "statement",
    "заявление",
    "news",
    "новости",
    "photo",
    "фото",
    "tags",
    "теги",
    "home",
    "главная",
    "posted",
    "опубликовано",
    "updated",
    "обновлено",
    "date",
    "дата",
    "source",
    "источник",
}


def find_dateline(
    line: str, default_year: int | None = None, allow_place_only: bool = False
) -> Dateline | None:
    """The dateline at the start of ``line``, or None. ``allow_place_only`` also takes a
    line holding just a place name (only right after the title is that a dateline)."""
    line = line.strip()
    head = line[:160]
    for pattern in _PATTERNS:
        match = pattern.match(line)
        if not match:
            continue
        groups = match.groupdict()
        place = normalise_place(groups.get("place") or "")
        if place.lower() in _NOT_PLACES:
            continue
        start, end, guessed = _date(groups, default_year)
        if start is None:
            continue
        rest = (groups.get("rest") or "").strip()
        written = line[: len(line) - len(rest)].strip() if rest else line
        agency = (groups.get("agency") or "").strip('«»"()')
        return Dateline(place, start, end, agency, written.rstrip(" –—-"), rest, guessed)
    match = _PLACE_ONLY_WIRE.match(head) and _PLACE_ONLY_WIRE.match(line)
    if match and match.group("place").strip().lower() not in _NOT_PLACES:
        return Dateline(
            place=normalise_place(match.group("place")),
            text=match.group("place"),
            rest=match.group("rest").strip(),
        )
    if allow_place_only and len(line) <= 50:
        match = _PLACE_ONLY_LINE.match(line)
        if match and match.group("place").lower() not in _NOT_PLACES:
            return Dateline(place=normalise_place(match.group("place")), text=line)
    return None
