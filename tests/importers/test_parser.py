"""The press-release parser: every dateline form, quotes, the reference release part by
part, and a table of ten-plus releases written for the tests (tests/importers/expected.py)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from importers.parsing import UnreadableSource, parse
from importers.parsing.datelines import find_dateline
from importers.parsing.quotes import find_quote
from tests.importers.documents import docx_from_text
from tests.importers.expected import EXPECTED, HELD_OUT

DATA = Path(__file__).parent / "data"
ALL = {**EXPECTED, **HELD_OUT}
# The programme's real press release (a copy of ../shared/reference/, kept with the tests so
# that a clone is complete).
REFERENCE = Path(__file__).resolve().parent / "reference"
D = datetime.date


@pytest.mark.parametrize(
    "line, place, start, end, agency, rest",
    [
        ("Алматы, 29–30 ноября 2022 г.", "Алматы", D(2022, 11, 29), D(2022, 11, 30), "", ""),
        ("Алматы, 30 ноября 2022 г.", "Алматы", D(2022, 11, 30), None, "", ""),
        ("BISHKEK, 3 May 2016 – The EU said", "Bishkek", D(2016, 5, 3), None, "", "The EU said"),
        ("30 November 2022, Almaty", "Almaty", D(2022, 11, 30), None, "", ""),
        ("3 мая 2016 года, Бишкек – Текст", "Бишкек", D(2016, 5, 3), None, "", "Текст"),
        ("Almaty, November 30, 2022 - Today", "Almaty", D(2022, 11, 30), None, "", "Today"),
        ("ДУШАНБЕ, 12 мар — «Ховар». Сегодня", "Душанбе", D(2019, 3, 12), None, "Ховар", "Сегодня"),
        ("BISHKEK – The EU said", "Bishkek", None, None, "", "The EU said"),
        ("Ташкент, Узбекистан, 14.04.2023", "Ташкент, Узбекистан", D(2023, 4, 14), None, "", ""),
        ("NUR-SULTAN, 5 June 2021 —", "Nur-Sultan", D(2021, 6, 5), None, "", ""),
    ],
)
def test_dateline_forms(line, place, start, end, agency, rest):
    dateline = find_dateline(line, default_year=2019)
    assert dateline is not None
    assert (dateline.place, dateline.date, dateline.date_end, dateline.agency, dateline.rest) == (
        place,
        start,
        end,
        agency,
        rest,
    )


def test_a_place_alone_is_a_dateline_only_where_one_is_expected():
    assert find_dateline("Бишкек") is None
    assert find_dateline("Бишкек", allow_place_only=True).place == "Бишкек"
    assert find_dateline("Participants of the event agreed on a plan.") is None
    assert find_dateline("Главная > Новости > 2024", allow_place_only=True) is None


def test_dateline_above_the_title():
    release = parse("Каракол, 2 февраля 2021 года\n\nВолонтёры провели акцию\n\nТекст.", "a.txt")
    assert release.title == "Волонтёры провели акцию"
    assert (release.dateline.place, release.dateline.date) == ("Каракол", D(2021, 2, 2))
    assert release.standfirst == "Текст." and release.dropped == []


def test_agency_dateline_without_year_takes_the_year_of_the_page():
    release = parse(
        "Опубликовано 02.03.2019\n\nЗаголовок новости о границе\n\n"
        "ДУШАНБЕ, 12 мар — «Ховар». Текст новости.",
        "a.txt",
    )
    assert release.dateline.date == D(2019, 3, 12)


@pytest.mark.parametrize(
    "text, speaker, role, organisation",
    [
        (
            "«Цитата о профилактике», — отметил Иван Петров, директор Республиканского центра.",
            "Иван Петров",
            "директор",
            "Республиканского центра",
        ),
        (
            "“Quote about prevention,” said Jane Doe, Head of Unit at the EU Delegation.",
            "Jane Doe",
            "Head of Unit",
            "EU Delegation",
        ),
        (
            "Jane Doe, Minister of Health of the Kyrgyz Republic, said: “Treatment works.”",
            "Jane Doe",
            "Minister of Health",
            "Kyrgyz Republic",
        ),
        (
            "Г-н Иван Петров, представитель МВД РК, выразил уверенность, что всё получится.",
            "Иван Петров",
            "представитель",
            "МВД РК",
        ),
        (
            "По словам министра здравоохранения Ажар Гиният, данные станут основой стратегии.",
            "Ажар Гиният",
            "министр здравоохранения",
            "",
        ),
        (
            "According to Jane Doe, Director of the Drug Control Agency, seizures fell.",
            "Jane Doe",
            "Director",
            "Drug Control Agency",
        ),
    ],
)
def test_quotes_direct_and_reported(text, speaker, role, organisation):
    quote = find_quote(text)
    assert (quote.speaker, quote.role, quote.organisation) == (speaker, role, organisation)


def test_plain_paragraph_is_no_quote():
    assert find_quote("Участники представили опыт своих стран.") is None


def test_reference_release_every_part_in_its_field():
    release = parse((REFERENCE / "press-release-almaty-2022-ru.md").read_text(), "ref.md")
    assert release.language == "ru"
    assert release.kind == "press_release"
    assert release.title.startswith("Укрепление сотрудничества между государственными")
    assert release.title.endswith("употребления наркотиков и лечения")
    assert (release.dateline.place, release.dateline.date) == ("Алматы", D(2022, 11, 30))
    assert release.standfirst.startswith("29-30 ноября в Алматы, Казахстан, состоялся")
    assert len(release.paragraphs) == 2
    assert release.paragraphs[0].startswith("Цель этого регионального семинара")
    assert release.paragraphs[1].startswith("Участники представили опыт")
    assert [(q.speaker, q.role, q.organisation) for q in release.quotes] == [
        ("Козимо Ламберти", "представитель", "Европейского Союза"),
        ("Бахытжан Амирханов", "представитель", "МВД РК"),
    ]
    assert release.about.startswith("С момента своего начала в 2003")
    assert release.about.endswith("прав человека.")
    assert release.implementer_credit[0].startswith("FIIAPP – Международный")
    assert release.implementer_credit[-1] == "CADAP 7 реализуется"
    assert release.funder_credit == ["Программа финансируется Европейским Союзом"]
    contact = release.contact
    assert contact.office == "Представительство Европейского Союза в Кыргызской Республике"
    assert contact.address == [
        "Бульвар Эркиндик 21, Бизнес-центр Орион 5й этаж; Бишкек, Кыргызская Республика 720040"
    ]
    assert contact.phones == ["+996 312 26 10 00"]
    assert contact.emails == ["delegation-kyrgyzstan@eeas.europa.eu"]
    assert contact.links == ["http://www.facebook.com/eudelkg"]
    assert len(release.donor_boilerplate) == 1
    assert release.donor_boilerplate[0].startswith("Европейский Союз состоит из 27")


def _source(name: str) -> tuple[bytes, str]:
    if name.endswith(".docx"):
        text = (DATA / name.replace(".docx", ".txt")).read_text(encoding="utf-8")
        return docx_from_text(text), name
    return (DATA / name).read_bytes(), name


def score(name: str) -> dict[str, bool]:
    """Which parts of one release the parser found right."""
    want = ALL[name]
    release = parse(*_source(name))
    dateline = release.dateline
    found_quotes = [(q.speaker, q.role, q.organisation) for q in release.quotes]
    paragraphs = [item for item in release.body if item.type != "quote"]
    return {
        "kind": release.kind == want["kind"],
        "title": release.title == want["title"],
        "dateline": dateline is not None
        and (dateline.place, dateline.date, dateline.date_end, dateline.agency) == want["dateline"],
        "standfirst": release.standfirst.startswith(want["standfirst"]),
        "body": len(paragraphs) == want["body"][0],
        "quotes": found_quotes == want["body"][1],
        "about": release.about.startswith(want["about"])
        and bool(release.about) == bool(want["about"]),
        "contact": (release.contact.emails[0] if release.contact else None) == want["contact"],
        "noise": len(release.dropped) == want["noise"],
    }


def test_the_written_releases_cover_both_languages_and_all_formats():
    names = list(EXPECTED)
    assert len(names) >= 10
    assert {n.rsplit(".", 1)[1] for n in names} == {"txt", "md", "html", "docx"}
    assert {n.rsplit(".", 1)[0][-2:] for n in names} == {"ru", "en"}


@pytest.mark.parametrize("name", sorted(ALL))
def test_table_of_written_releases(name):
    parts = score(name)
    assert all(parts.values()), {part: ok for part, ok in parts.items() if not ok}


def test_a_broken_docx_is_reported_not_crashed():
    with pytest.raises(UnreadableSource):
        parse(b"PK\x03\x04 not really a zip", "broken.docx")


def test_binary_data_as_text_is_refused():
    with pytest.raises(UnreadableSource):
        parse(b"\x00\x01\x02binary", "x.txt")
