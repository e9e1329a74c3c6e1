"""iCalendar (RFC 5545) export of an event report, written by hand: one VEVENT needs no
library, only the rules calendar applications are strict about — CRLF line ends, lines
folded at 75 octets, TEXT values escaped, times in UTC, a stable UID.

The news item is handed in (``CalendarEvent`` says what is read from it), so this module does
not import the newsroom's models, which serve the file from a route."""

from __future__ import annotations

import datetime
from typing import Any, Protocol

from django.http import HttpRequest
from django.utils import timezone

PRODID = "-//Programme Newsroom//newsroom//EN"


class CalendarEvent(Protocol):
    """What ``event_calendar`` reads of a news item (``newsroom.models.NewsPage``)."""

    title: str
    translation_key: Any
    locale: Any
    last_published_at: datetime.datetime | None
    event_start: datetime.datetime
    event_end: datetime.datetime | None
    event_venue: str
    standfirst: str

    def get_full_url(self, request: HttpRequest | None = None) -> str | None: ...


def escape_text(value: str) -> str:
    """RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """RFC 5545 §3.1: lines longer than 75 octets continue on lines starting with a space,
    never splitting a UTF-8 character."""
    parts: list[str] = []
    current, size = "", 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = char, width, 74  # the leading space counts
        else:
            current += char
            size += width
    parts.append(current)
    return "\r\n ".join(parts)


def utc_stamp(value: datetime.datetime) -> str:
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def event_calendar(page: CalendarEvent, request: HttpRequest | None = None) -> str:
    host = request.get_host().split(":")[0] if request is not None else "newsroom"
    url = page.get_full_url(request) or ""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{page.translation_key}-{page.locale.language_code}@{host}",
        f"DTSTAMP:{utc_stamp(page.last_published_at or timezone.now())}",
        f"DTSTART:{utc_stamp(page.event_start)}",
    ]
    if page.event_end:
        lines.append(f"DTEND:{utc_stamp(page.event_end)}")
    lines.append(f"SUMMARY:{escape_text(page.title)}")
    if page.event_venue:
        lines.append(f"LOCATION:{escape_text(page.event_venue)}")
    if page.standfirst:
        lines.append(f"DESCRIPTION:{escape_text(page.standfirst)}")
    if url:
        lines.append(f"URL:{url}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) + "\r\n" for line in lines)
