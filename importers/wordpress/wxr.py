"""Read a WordPress eXtended RSS (WXR) export: the site, its posts and attachments, each
post's categories and tags, its language and translation group (Polylang's "language" and
"post_translations" taxonomies, or WPML's export meta keys)."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from urllib.parse import unquote

NS = {
    "wp": "http://wordpress.org/export/1.2/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
#: WPML's "Export and Import" add-on writes these post meta keys.
WPML_LANGUAGE = "_wpml_import_language_code"
WPML_GROUP = "_wpml_import_translation_group"


class BadExport(ValueError):
    """Not a WordPress export (or a broken one)."""


@dataclass
class Term:
    domain: str  # category, post_tag, language, post_translations
    slug: str
    name: str


@dataclass
class Item:
    id: int
    type: str  # post, page, attachment
    title: str
    link: str
    guid: str
    slug: str
    status: str
    date: datetime.datetime | None
    content: str = ""
    excerpt: str = ""
    terms: list[Term] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    attachment_url: str = ""
    parent: int = 0

    def terms_of(self, domain: str) -> list[Term]:
        return [term for term in self.terms if term.domain == domain]

    @property
    def language(self) -> str:
        languages = self.terms_of("language")
        if languages:
            return languages[0].slug
        return self.meta.get(WPML_LANGUAGE, "")

    @property
    def translation_group(self) -> str:
        groups = self.terms_of("post_translations")
        if groups:
            return f"pll:{groups[0].slug}"
        group = self.meta.get(WPML_GROUP, "")
        return f"wpml:{group}" if group else ""

    @property
    def thumbnail_id(self) -> int | None:
        value = self.meta.get("_thumbnail_id", "")
        return int(value) if value.isdigit() else None


@dataclass
class Export:
    title: str
    base_url: str
    items: list[Item]

    @property
    def posts(self) -> list[Item]:
        return [item for item in self.items if item.type == "post"]

    @property
    def attachments(self) -> dict[int, Item]:
        return {item.id: item for item in self.items if item.type == "attachment"}


def _text(element: ET.Element, path: str) -> str:
    found = element.find(path, NS)
    return (found.text or "").strip() if found is not None and found.text else ""


def _date(item: ET.Element) -> datetime.datetime | None:
    for path, aware in (("wp:post_date_gmt", True), ("wp:post_date", False)):
        value = _text(item, path)
        if value and not value.startswith("0000"):
            try:
                parsed = datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
            except ValueError:
                continue
            return parsed.replace(tzinfo=datetime.UTC) if aware else parsed
    return None


def read_export(data: bytes) -> Export:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        raise BadExport(f"not XML: {error}") from error
    channel = root.find("channel")
    if root.tag != "rss" or channel is None or channel.find("wp:wxr_version", NS) is None:
        raise BadExport("not a WordPress export (no rss/channel/wp:wxr_version)")
    base = _text(channel, "wp:base_blog_url") or _text(channel, "link")
    items = []
    for element in channel.findall("item"):
        post_id = _text(element, "wp:post_id")
        if not post_id.isdigit():
            raise BadExport(f"an item without a numeric wp:post_id ({_text(element, 'title')!r})")
        terms = [
            Term(c.get("domain", ""), unquote(c.get("nicename", "")), (c.text or "").strip())
            for c in element.findall("category")
        ]
        meta = {
            _text(m, "wp:meta_key"): _text(m, "wp:meta_value")
            for m in element.findall("wp:postmeta", NS)
        }
        parent = _text(element, "wp:post_parent")
        items.append(
            Item(
                id=int(post_id),
                type=_text(element, "wp:post_type"),
                title=_text(element, "title"),
                link=_text(element, "link"),
                guid=_text(element, "guid"),
                slug=unquote(_text(element, "wp:post_name")),
                status=_text(element, "wp:status"),
                date=_date(element),
                content=_text(element, "content:encoded"),
                excerpt=_text(element, "excerpt:encoded"),
                terms=terms,
                meta=meta,
                attachment_url=_text(element, "wp:attachment_url"),
                parent=int(parent) if parent.isdigit() else 0,
            )
        )
    return Export(title=_text(channel, "title"), base_url=base.rstrip("/"), items=items)
