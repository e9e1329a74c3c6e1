"""Geometry of the programme timeline: where each phase sits on a time axis.

Kept apart from the templates so the arithmetic is tested once and the HTML only places
boxes; the visual is an ordered list whose text reads on its own (screen readers, print).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class TimelineRow:
    phase: Any
    start: datetime.date
    end: datetime.date
    open_ended: bool
    offset: float  # percent of the axis before the bar
    width: float  # percent of the axis the bar covers

    @property
    def facts_before_bar(self) -> bool:
        """Near the right edge the text goes left of the bar so it stays on screen."""
        return self.offset + self.width > 65


@dataclass(frozen=True)
class TimelineTick:
    year: int
    offset: float


@dataclass(frozen=True)
class Timeline:
    start: datetime.date
    end: datetime.date
    rows: list[TimelineRow] = field(default_factory=list)
    ticks: list[TimelineTick] = field(default_factory=list)
    today_offset: float | None = None

    @property
    def first_year(self) -> int:
        return self.start.year

    @property
    def last_year(self) -> int:
        return self.end.year - 1 if self.end.month == 1 and self.end.day == 1 else self.end.year


def _percent(day: datetime.date, start: datetime.date, total_days: int) -> float:
    return round(100 * (day - start).days / total_days, 3)


def build_timeline(phases: list[Any], today: datetime.date | None = None) -> Timeline | None:
    """Whole calendar years from the first phase's start to the last phase's end.

    A phase without an end date runs to today (or one year past its start if that is later),
    drawn as open-ended. None when there is nothing to place.
    """
    today = today or datetime.date.today()
    dated = [p for p in phases if p.start_date]
    if not dated:
        return None
    spans = []
    for phase in dated:
        end = phase.end_date
        open_ended = end is None
        if end is None:
            end = max(today, phase.start_date + datetime.timedelta(days=365))
        spans.append((phase, phase.start_date, max(end, phase.start_date), open_ended))
    axis_start = datetime.date(min(s for _p, s, _e, _o in spans).year, 1, 1)
    axis_end = datetime.date(max(e for _p, _s, e, _o in spans).year + 1, 1, 1)
    total = (axis_end - axis_start).days
    rows = [
        TimelineRow(
            phase=phase,
            start=start,
            end=end,
            open_ended=open_ended,
            offset=_percent(start, axis_start, total),
            width=max(_percent(end, axis_start, total) - _percent(start, axis_start, total), 0.5),
        )
        for phase, start, end, open_ended in spans
    ]
    years = axis_end.year - axis_start.year
    step = 1 if years <= 12 else 2 if years <= 24 else 5
    ticks = [
        TimelineTick(year=year, offset=_percent(datetime.date(year, 1, 1), axis_start, total))
        for year in range(axis_start.year, axis_end.year, step)
    ]
    today_offset = _percent(today, axis_start, total) if axis_start <= today < axis_end else None
    return Timeline(axis_start, axis_end, rows, ticks, today_offset)
