"""The event report's iCalendar download."""

from __future__ import annotations

import datetime

import pytest

from newsroom.ics import escape_text, fold

pytestmark = pytest.mark.django_db

ALMATY = datetime.timezone(datetime.timedelta(hours=6))


@pytest.fixture
def event(make_news):
    return make_news(
        title="Семинар; обмен опытом, часть 2 \\ итог",
        kind="event_report",
        slug="seminar",
        event_start=datetime.datetime(2022, 11, 29, 9, 30, tzinfo=ALMATY),
        event_end=datetime.datetime(2022, 11, 30, 17, tzinfo=ALMATY),
        event_venue="Отель «Алматы», зал 2; Алматы",
        standfirst="Первая строка.\nВторая строка, " + "длинный текст " * 12,
    )


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_ics_download(client, event):
    response = client.get(event.url + "ics/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="seminar.ics"'
    raw = response.content.decode("utf-8")
    assert raw.endswith("\r\n")
    assert "\n" not in raw.replace("\r\n", "")  # every line ends with CRLF
    for line in raw.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    lines = unfold(raw)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    assert "DTSTART:20221129T033000Z" in lines
    assert "DTEND:20221130T110000Z" in lines
    assert f"UID:{event.translation_key}-ru@testserver" in lines
    assert "SUMMARY:Семинар\\; обмен опытом\\, часть 2 \\\\ итог" in lines
    assert "LOCATION:Отель «Алматы»\\, зал 2\\; Алматы" in lines
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert description.startswith("DESCRIPTION:Первая строка.\\nВторая строка\\, ")
    assert any(line.startswith("DTSTAMP:") and line.endswith("Z") for line in lines)
    assert f"URL:http://localhost{event.url}" in lines


def test_event_box_links_the_ics(client, event):
    html = client.get(event.url).content.decode()
    assert 'class="event-box"' in html
    assert f'href="{event.url}ics/"' in html
    assert "Отель «Алматы», зал 2; Алматы" in html


def test_items_without_an_event_have_no_ics(client, make_news):
    item = make_news(slug="plain")
    assert client.get(item.url + "ics/").status_code == 404
    assert 'class="event-box"' not in client.get(item.url).content.decode()


def test_private_event_ics_is_not_served(client, event):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    response = client.get(event.url + "ics/")
    assert response.status_code == 200  # Wagtail's password form, not the calendar
    assert "BEGIN:VCALENDAR" not in response.content.decode()


def test_escape_and_fold_rules():
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "SUMMARY:" + "ж" * 100
    folded = fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line
