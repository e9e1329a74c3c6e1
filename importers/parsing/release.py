"""Find the parts of a press release in its blocks (``sources.Block``): page noise, kind,
title, dateline, standfirst, body (paragraphs, headings, quotes), "about the programme",
credits, media contact, donor boilerplate. Pure text work: matching the parts to what the
site already has (boilerplates, contacts, vocabularies) is ``importers.matching``'s."""

from __future__ import annotations

import datetime
import re
from dataclasses import asdict, dataclass, field

from importers.parsing.datelines import Dateline, find_dateline
from importers.parsing.quotes import Quote, find_quote
from importers.parsing.sources import Block

KIND_MARKERS = {
    "press_release": r"press[\s-]*release|пресс[\s-]*релиз|media release|для\s+сми",
    "statement": r"statement|заявление",
    "event_report": r"event report|отч[её]т о мероприятии|report",
    "news": r"news|новости|новость",
}
_NOISE = re.compile(
    r"^(?:(?:photo|фото|image|изображение|source|источник|posted|published|опубликовано|"
    r"updated|обновлено|views|просмотр\w*|tags|теги|share|поделиться|author|автор|"
    r"read more|читать далее|print|печать)\b.*"
    r"|.*(?:\s[|>/»]\s.*){2,}"  # menus and breadcrumbs: "Home | About | News"
    r"|[\d\s:./-]+"  # bare dates and times
    r"|(?:home|главная|menu|меню|search|поиск|english|русский|en|ru|kk|ky|tg|uz)"
    r")$",
    re.I,
)
_END_MARKER = re.compile(r"^(?:#{3}|-?\s*ends?\s*-?|-?\s*конец\s*-?|\*{3}|-{3,})$", re.I)
_ABOUT_HEADING = re.compile(
    r"^(?:about\b|notes? (?:to|for) editors|background|о программе|о проекте|справ\w*|"
    r"примечани\w* для редакторов|информация для редакторов)",
    re.I,
)
_CONTACT_HEADING = re.compile(
    r"^(?:media contacts?|press contacts?|contacts?|for (?:more|further) information|"
    r"(?:for )?(?:media|press) (?:enquiries|inquiries)|"
    r"контакты(?: для (?:сми|прессы))?|контактная информация|для дополнительной информации)"
    r"\s*:?$",
    re.I,
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(
    r"(?:\+|\b00)\d[\d\s()-]{6,}\d|(?:тел\w*|phone|tel)\.?\s*:?\s*[\d+(][\d\s()-]{5,}", re.I
)
_URL = re.compile(r"https?://\S+|(?:www\.)\S+")
_FUNDER = re.compile(r"financ|funded|финансир", re.I)
_IMPLEMENTER = re.compile(r"implement|реализ|осуществля", re.I)
_EVENT_WORDS = re.compile(
    r"состоял\w*|прош[её]л|прошла|провед\w*|took place|was held|were held|участник\w*|"
    r"приняли участие|took part|"
    r"participants|workshop|семинар|конференц\w*|conference|training|тренинг",
    re.I,
)


@dataclass
class Contact:
    lines: list[str] = field(default_factory=list)
    office: str = ""
    address: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


@dataclass
class BodyItem:
    type: str  # "paragraph", "heading" or "quote"
    text: str = ""
    quote: Quote | None = None


@dataclass
class ParsedRelease:
    language: str = "en"
    kind: str = "news"
    kind_marker: str = ""
    title: str = ""
    dateline: Dateline | None = None
    standfirst: str = ""
    body: list[BodyItem] = field(default_factory=list)
    about: str = ""
    implementer_credit: list[str] = field(default_factory=list)
    funder_credit: list[str] = field(default_factory=list)
    donor_boilerplate: list[str] = field(default_factory=list)
    contact: Contact | None = None
    dropped: list[str] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return [item.text for item in self.body if item.type == "paragraph"]

    @property
    def quotes(self) -> list[Quote]:
        return [item.quote for item in self.body if item.type == "quote" and item.quote]

    @property
    def text(self) -> str:
        """Title, standfirst and body: where countries and themes are looked for (not the
        boilerplates, which name every country of the programme in every release)."""
        parts = [self.title, self.standfirst]
        parts += [item.text or (item.quote.text if item.quote else "") for item in self.body]
        return "\n".join(part for part in parts if part)

    def as_dict(self) -> dict:
        return asdict(self)


def detect_language(text: str) -> str:
    cyrillic = len(re.findall(r"[а-яё]", text, re.I))
    latin = len(re.findall(r"[a-z]", text, re.I))
    return "ru" if cyrillic >= latin else "en"


def kind_marker(text: str) -> str:
    text = text.strip(" :*#-–—").lower()
    if len(text) > 40:
        return ""
    for kind, pattern in KIND_MARKERS.items():
        if re.fullmatch(rf"(?:{pattern})", text, re.I):
            return kind
    return ""


def is_noise(block: Block) -> bool:
    text = block.text
    return bool(_NOISE.match(text)) or len(text) < 3


def _is_contact(block: Block) -> bool:
    text = "\n".join(block.lines)
    return bool(_EMAIL.search(text) or _PHONE.search(text)) and len(text) < 800


def parse_contact(lines: list[str], links: list[str]) -> Contact:
    contact = Contact(lines=list(lines))
    for line in lines:
        if _CONTACT_HEADING.match(line):
            continue
        emails = _EMAIL.findall(line)
        urls = _URL.findall(line)
        phones = _PHONE.findall(line)
        if emails:
            contact.emails += [e for e in emails if e not in contact.emails]
        if phones:
            contact.phones += [
                re.sub(r"^(?:тел\w*|phone|tel)\.?\s*:?\s*", "", p, flags=re.I).strip()
                for p in phones
            ]
        if urls:
            for url in urls:
                url = url.rstrip(">).,")
                if url not in contact.links:
                    contact.links.append(url)
        if emails or phones or urls:
            continue
        if not contact.office:
            contact.office = line.strip()
        else:
            contact.address.append(line.strip())
    return contact


def _find_title_and_dateline(blocks: list[Block], default_year: int | None):
    """(title index, dateline index or None, Dateline or None)."""
    for index, block in enumerate(blocks[:25]):
        if block.heading:
            continue
        dateline = find_dateline(block.lines[0], default_year)
        if dateline is None:
            continue
        candidates = [
            i for i in range(index) if not is_noise(blocks[i]) and not kind_marker(blocks[i].text)
        ]
        headings = [i for i in candidates if blocks[i].heading]
        if headings or candidates:
            return (headings or candidates)[-1], index, dateline
        # The dateline on top, the title under it ("Каракол, 2 февраля 2021 года" first).
        if dateline.date is not None and not dateline.rest and len(block.lines) == 1:
            following = next(
                (i for i in range(index + 1, len(blocks)) if not is_noise(blocks[i])), None
            )
            if following is not None and len(blocks[following].text) < 200:
                return following, index, dateline
    # No dated dateline: the first heading (else first plausible line) is the title, and a
    # place alone on the next line is the dateline.
    title = None
    for index, block in enumerate(blocks):
        if is_noise(block) or kind_marker(block.text):
            continue
        if block.heading or title is None and len(block.text) < 200:
            title = index
            break
    if title is None:
        return None, None, None
    if title + 1 < len(blocks):
        following = blocks[title + 1]
        dateline = find_dateline(following.lines[0], default_year, allow_place_only=True)
        if dateline is not None:
            return title, title + 1, dateline
    return title, None, None


def parse_blocks(blocks: list[Block], default_year: int | None = None) -> ParsedRelease:
    release = ParsedRelease()
    release.language = detect_language(" ".join(b.text for b in blocks))
    title_at, dateline_at, dateline = _find_title_and_dateline(blocks, default_year)
    if title_at is None:
        return release
    for index, block in enumerate(blocks[:title_at]):
        if index == dateline_at:  # a dateline above the title
            continue
        marker = kind_marker(block.text)
        if marker:
            release.kind_marker = marker
        else:
            release.dropped.append(block.text)
    release.title = blocks[title_at].text.strip(" *#")
    start = title_at + 1
    rest_lines: list[str] = []
    if dateline_at is not None and dateline_at < title_at:
        release.dateline = dateline
    elif dateline_at is not None:
        for block in blocks[start:dateline_at]:
            release.dropped.append(block.text)
        release.dateline = dateline
        block = blocks[dateline_at]
        rest_lines = ([dateline.rest] if dateline.rest else []) + block.lines[1:]
        start = dateline_at + 1
    remaining = blocks[start:]
    if rest_lines:
        remaining = [Block(lines=rest_lines)] + remaining
    while remaining and (is_noise(remaining[0]) or remaining[0].heading):
        release.dropped.append(remaining.pop(0).text)
    if remaining:
        release.standfirst = remaining.pop(0).text
    _split_body_and_tail(release, remaining)
    release.kind = _kind(release)
    return release


def _tail_starts(block: Block) -> bool:
    text = block.text
    return (
        (block.italic and len(text) > 80)
        or bool(_ABOUT_HEADING.match(text))
        and (block.heading or len(text) < 60)
        or bool(_CONTACT_HEADING.match(text))
        or bool(_END_MARKER.match(text))
        or _is_contact(block)
    )


def _split_body_and_tail(release: ParsedRelease, blocks: list[Block]) -> None:
    tail_at = next((i for i, b in enumerate(blocks) if _tail_starts(b)), len(blocks))
    for block in blocks[:tail_at]:
        text = block.text
        if is_noise(block):
            release.dropped.append(text)
        elif block.heading:
            release.body.append(BodyItem("heading", text))
        elif quote := find_quote(text):
            release.body.append(BodyItem("quote", quote.text, quote))
        else:
            release.body.append(BodyItem("paragraph", text))
    contact_lines: list[str] = []
    contact_links: list[str] = []
    seen_contact = False
    about_next = False
    pending: list[str] = []  # short blocks right before a contact (the office's name)
    for block in blocks[tail_at:]:
        text = block.text
        if _END_MARKER.match(text):
            continue
        if _ABOUT_HEADING.match(block.lines[0]) and (block.heading or len(block.lines[0]) < 60):
            if len(block.lines) == 1:
                about_next = True
                continue
            block = Block(lines=block.lines[1:], italic=block.italic, links=block.links)
            text = block.text
            about_next = True
        if _CONTACT_HEADING.match(text):
            contact_lines.append(text)
            continue
        if _is_contact(block):
            contact_lines += pending + block.lines
            contact_links += block.links
            pending = []
            seen_contact = True
            continue
        if (block.italic or about_next) and not release.about and len(text) > 80:
            release.about = text
            about_next = False
            continue
        if _FUNDER.search(text) and len(text) < 200:
            release.funder_credit.append(text)
        elif _IMPLEMENTER.search(text) and len(text) < 200:
            release.implementer_credit.append(text)
        elif seen_contact:
            release.donor_boilerplate.append(text)
        elif len(text) < 100 and not text.endswith("."):
            pending.append(text)
        else:
            release.implementer_credit.append(text)
    release.implementer_credit += pending
    if contact_lines:
        release.contact = parse_contact(contact_lines, contact_links)


def _kind(release: ParsedRelease) -> str:
    if release.kind_marker:
        return release.kind_marker
    if re.search(r"\b(?:statement|заявление)\b", release.title, re.I):
        return "statement"
    if release.dateline and release.dateline.date_end:
        return "event_report"
    lead = release.title + " " + release.standfirst
    if _EVENT_WORDS.search(lead):
        return "event_report"
    if release.contact:  # a media contact is what makes a press release
        return "press_release"
    return "news"


def default_year_from(text: str) -> int | None:
    """A year written near the top (a metadata line "Опубликовано 12.03.2019"), for
    agency-style datelines without one."""
    match = re.search(r"\b(19|20)\d\d\b", text[:600])
    return int(match.group(0)) if match else None


def as_date(release: ParsedRelease) -> datetime.date | None:
    return release.dateline.date if release.dateline else None
