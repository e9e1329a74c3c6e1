"""A WordPress post's HTML as the news body's StreamField blocks: paragraphs (rich text with
the features the body allows), headings, quotes, images from the image library, lists.
Links to other imported posts become Wagtail page links, so they survive the move."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from wagtail.rich_text import RichText

from importers.parsing.quotes import find_quote

_BLOCK_START = re.compile(r"^\s*<(p|h[1-6]|ul|ol|blockquote|figure|div|table|img|hr)\b", re.I)
_KEEP = {
    "b": "b",
    "strong": "b",
    "i": "i",
    "em": "i",
    "a": "a",
    "br": "br",
    "ul": "ul",
    "ol": "ol",
    "li": "li",
}


@dataclass
class Converted:
    blocks: list[tuple[str, object]] = field(default_factory=list)
    unresolved_links: list[str] = field(default_factory=list)
    images: int = 0


def autop(html: str) -> str:
    """WordPress stores paragraphs as text separated by blank lines (wpautop adds the <p>
    when it shows the post): add them, leaving chunks that are already blocks alone."""
    html = re.sub(r"<!--.*?-->", "", html, flags=re.S).replace("\r\n", "\n")
    chunks = [chunk.strip() for chunk in re.split(r"\n\s*\n", html) if chunk.strip()]
    return "\n".join(
        chunk if _BLOCK_START.match(chunk) else f"<p>{chunk.replace(chr(10), '<br/>')}</p>"
        for chunk in chunks
    )


class BodyConverter:
    def __init__(
        self,
        image_for_url: Callable[[str], object | None],
        page_for_url: Callable[[str], int | None],
        is_internal: Callable[[str], bool],
    ):
        self.image_for_url = image_for_url
        self.page_for_url = page_for_url
        self.is_internal = is_internal

    def convert(self, html: str) -> Converted:
        result = Converted()
        soup = BeautifulSoup(autop(html), "html.parser")
        for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
            comment.extract()
        for element in soup.contents:
            self._element(element, result)
        return result

    def _element(self, element, result: Converted) -> None:
        if isinstance(element, NavigableString):
            if element.strip():
                result.blocks.append(("paragraph", RichText(f"<p>{element.strip()}</p>")))
            return
        if not isinstance(element, Tag):
            return
        name = element.name
        images = element.find_all("img") if name != "img" else [element]
        text = element.get_text(" ", strip=True)
        if images and (name in ("img", "figure") or not text):
            for image in images:
                self._image(image, element, result)
            return
        if re.fullmatch(r"h[1-6]", name):
            level = {"h1": "h2", "h2": "h2", "h3": "h3"}.get(name, "h4")
            result.blocks.append(("heading", {"text": text[:255], "level": level}))
        elif name == "blockquote":
            self._quote(element, result)
        elif name in ("ul", "ol"):
            result.blocks.append(("paragraph", RichText(self._rich(element, result))))
        elif name == "div":
            for child in element.contents:
                self._element(child, result)
        elif name == "hr" or not text:
            return
        else:
            inner = "".join(self._rich(child, result) for child in element.contents)
            result.blocks.append(("paragraph", RichText(f"<p>{inner}</p>")))

    def _image(self, img: Tag, container: Tag, result: Converted) -> None:
        image = self.image_for_url(img.get("src", ""))
        if image is None:
            return
        caption = container.find("figcaption")
        result.blocks.append(
            (
                "image",
                {
                    "image": image,
                    "caption": caption.get_text(" ", strip=True)[:255]
                    if caption
                    else img.get("alt", "")[:255],
                    "credit": "",
                },
            )
        )
        result.images += 1

    def _quote(self, element: Tag, result: Converted) -> None:
        cite = element.find(["cite", "footer"])
        speaker = cite.get_text(" ", strip=True).lstrip("—–- ") if cite else ""
        if cite:
            cite.extract()
        text = element.get_text(" ", strip=True)
        role = organisation = ""
        if not speaker and (quote := find_quote(text)):
            text, speaker, role, organisation = (
                quote.text,
                quote.speaker,
                quote.role,
                quote.organisation,
            )
        elif "," in speaker:
            speaker, _, rest = speaker.partition(",")
            role, _, organisation = rest.strip().partition(",")
        if not speaker:
            result.blocks.append(("paragraph", RichText(f"<p><i>{text}</i></p>")))
            return
        result.blocks.append(
            (
                "quote",
                {
                    "quote": text,
                    "speaker": speaker.strip()[:255],
                    "role": role.strip()[:255],
                    "organisation": organisation.strip()[:255],
                },
            )
        )

    def _rich(self, node, result: Converted) -> str:
        """Rich text in Wagtail's database format: allowed tags only; links to imported
        posts as page links."""
        if isinstance(node, NavigableString):
            return str(node).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        if not isinstance(node, Tag):
            return ""
        inner = "".join(self._rich(child, result) for child in node.contents)
        tag = _KEEP.get(node.name)
        if tag is None:
            return inner
        if tag == "br":
            return "<br/>"
        if tag == "a":
            href = node.get("href", "")
            page_id = self.page_for_url(href) if href else None
            if page_id is not None:
                return f'<a linktype="page" id="{page_id}">{inner}</a>'
            if href and self.is_internal(href):
                result.unresolved_links.append(href)
            safe = href.replace('"', "%22")
            return f'<a href="{safe}">{inner}</a>' if href else inner
        return f"<{tag}>{inner}</{tag}>"
