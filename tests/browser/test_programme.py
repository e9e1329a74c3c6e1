"""The programme timeline in a real browser: phases laid out on a time axis, readable text."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from tests.factories.programme import ProgrammePageFactory, ProgrammePhasePageFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def programme(live_homes):
    programme = ProgrammePageFactory(parent=live_homes["ru"], slug="programme", title="CADAP")
    for number, start, end, budget in [
        (6, datetime.date(2016, 1, 1), datetime.date(2021, 12, 31), "5500000"),
        (7, datetime.date(2022, 1, 1), datetime.date(2026, 12, 31), "6800000"),
    ]:
        ProgrammePhasePageFactory(
            parent=programme,
            number=number,
            start_date=start,
            end_date=end,
            budget_amount=Decimal(budget),
            title=f"Фаза {number}",
        )
    return programme


def test_programme_timeline(page, live_server, programme):
    page.goto(f"{live_server.url}/ru/programme/")
    timeline = page.locator("figure.timeline")
    timeline.wait_for()
    rows = timeline.locator("li.timeline-row")
    assert rows.count() == 2
    # Later phases sit further right on the axis, and the bars do not overlap.
    bar6 = rows.nth(0).locator(".timeline-bar").bounding_box()
    bar7 = rows.nth(1).locator(".timeline-bar").bounding_box()
    assert bar6["width"] > 0 and bar7["width"] > 0
    assert bar6["x"] + bar6["width"] <= bar7["x"] + 1
    # The text alternative reads on its own: phase, dates, budget in the reader's locale.
    text = rows.nth(1).inner_text()
    assert "2022" in text and "2026" in text
    assert "6,8 млн €" in text.replace("\xa0", " ")
    assert timeline.get_attribute("aria-labelledby") == "timeline-caption"
    assert "2016" in page.locator("#timeline-caption").inner_text()
    # Each phase links to its page.
    rows.nth(1).locator("a.timeline-label").click()
    page.wait_for_url(f"{live_server.url}/ru/programme/phase-7/")
    assert page.locator("h1").inner_text() == "Фаза 7"
