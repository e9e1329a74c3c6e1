"""Read a press release from plain text, Markdown, HTML or .docx into one shape: a list of
``Block`` (a paragraph's lines, whether it is a heading, whether it is all in italics), so the
structure finder (``release.py``) works the same on every format."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag
from docx import Document  # python-docx, pinned in requirements.txt

FORMATS = ("text", "markdown", "html", "docx")


class UnreadableSource(ValueError):
    """The file is not what its name says (a broken .docx, binary data as text)."""


@dataclass
class Block:
    lines: list[str]
    heading: int = 0  # 1..6 for a heading, 0 for a paragraph
    italic: bool = False
    links: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines if line.strip())


def guess_format(filename: str, data: bytes | str = "") -> str:
    name = filename.lower()
    if name.endswith(".docx"):
        return "docx"
    if name.endswith((".html", ".htm")):
        return "html"
    if name.endswith((".md", ".markdown")):
        return "markdown"
    if name.endswith(".txt"):
        return "text"
    sample = data[:2000] if isinstance(data, str) else data[:2000].decode("utf-8", "ignore")
    if re.search(r"<(p|div|h[1-6]|body|html|br)\b", sample, re.I):
        return "html"
    if re.search(r"^#{1,6} |\*\*|^\* |\]\(", sample, re.M):
        return "markdown"
    return "text"


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1251 (old Russian Word exports)."""
    if b"\x00" in data[:1000]:
        raise UnreadableSource("binary data, not text")
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableSource("neither UTF-8 nor Windows-1251 text")


def read(data: bytes | str, fmt: str) -> list[Block]:
    if fmt == "docx":
        if isinstance(data, str):
            raise UnreadableSource("a .docx file must be given as bytes")
        return read_docx(data)
    text = decode(data) if isinstance(data, bytes) else data
    if fmt == "html":
        return read_html(text)
    if fmt == "markdown":
        return read_markdown(text)
    return read_text(text)


# --- plain text and Markdown ---------------------------------------------------------------


def _paragraphs(text: str) -> list[list[str]]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    chunks = [c for c in re.split(r"\n\s*\n", text) if c.strip()]
    return [[line.rstrip() for line in chunk.split("\n") if line.strip()] for chunk in chunks]


def read_text(text: str) -> list[Block]:
    return [Block(lines=[line.strip() for line in lines]) for lines in _paragraphs(text)]


_MD_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)[^)]*\)")
_MD_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>]+)>")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(.+?)\1")


def _md_inline(line: str, links: list[str]) -> str:
    def link(match: re.Match) -> str:
        links.append(match.group(2))
        return match.group(1)

    line = _MD_LINK.sub(link, line)
    line = _MD_AUTOLINK.sub(lambda m: links.append(m.group(1)) or m.group(1), line)
    line = re.sub(r"\\([\\`*_{}\[\]()#+\-.!])", r"\1", line)
    return line


def read_markdown(text: str) -> list[Block]:
    blocks = []
    for lines in _paragraphs(text):
        first = lines[0].strip()
        heading = re.match(r"^(#{1,6})\s+(.*?)\s*#*$", first)
        if heading and len(lines) == 1:
            blocks.append(
                Block(lines=[_md_inline(heading.group(2), [])], heading=len(heading.group(1)))
            )
            continue
        joined = " ".join(line.strip() for line in lines)
        italic = bool(re.fullmatch(r"(\*|_)[^*_].*[^*_]\1", joined, re.S))
        links: list[str] = []
        cleaned = []
        for line in lines:
            line = line.strip()
            if italic:
                line = line.strip("*_")
            line = _md_inline(line, links)
            line = _MD_EMPHASIS.sub(r"\2", line).lstrip(">").strip()
            if line:
                cleaned.append(line)
        if cleaned:
            blocks.append(Block(lines=cleaned, italic=italic, links=links))
    return blocks


# --- HTML ----------------------------------------------------------------------------------

_NOISE_TAGS = [
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "figcaption",
    "noscript",
    "button",
    "iframe",
    "svg",
]
_BLOCK_TAGS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "address",
    "pre",
    "dd",
    "dt",
    "td",
    "th",
    "caption",
}


def _html_block(element: Tag) -> Block | None:
    lines: list[str] = [""]
    for piece in element.descendants:
        if isinstance(piece, Tag) and piece.name == "br":
            lines.append("")
        elif isinstance(piece, NavigableString) and not isinstance(piece.parent, type(None)):
            lines[-1] += re.sub(r"\s+", " ", str(piece))
    lines = [line.strip() for line in lines if line.strip()]
    if not lines:
        return None
    texts = [str(s) for s in element.find_all(string=True) if str(s).strip()]
    italic = bool(texts) and all(
        s.find_parent(["em", "i"]) is not None and element in s.find_parents()
        for s in element.find_all(string=True)
        if str(s).strip()
    )
    heading = int(element.name[1]) if re.fullmatch(r"h[1-6]", element.name) else 0
    links = [a["href"] for a in element.find_all("a", href=True)]
    return Block(lines=lines, heading=heading, italic=italic and not heading, links=links)


def read_html(text: str) -> list[Block]:
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup.find_all(_NOISE_TAGS):
        tag.decompose()
    root = soup.find("article") or soup.find("main") or soup.body or soup
    blocks = []
    for element in root.find_all(list(_BLOCK_TAGS)):
        if element.find_parent(list(_BLOCK_TAGS)) is not None:
            continue  # nested in a block already read
        block = _html_block(element)
        if block is not None:
            blocks.append(block)
    if not blocks:  # text without block tags: treat it as plain text
        return read_text(root.get_text("\n"))
    return blocks


# --- .docx ---------------------------------------------------------------------------------


def read_docx(data: bytes) -> list[Block]:
    """Paragraphs of a Word file: "Title"/"Heading N" styles become headings, a paragraph
    all in italics stays italic (the "about the programme" text usually is), soft line
    breaks stay lines (an address block)."""
    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnreadableSource(f"not a readable .docx file ({error})") from error
    blocks = []
    for paragraph in document.paragraphs:
        text = paragraph.text.replace("\u00a0", " ")
        lines = [line.strip() for line in re.split(r"[\n\v]", text) if line.strip()]
        if not lines:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        heading = 0
        if style == "Title":
            heading = 1
        elif match := re.match(r"Heading (\d)", style):
            heading = int(match.group(1))
        runs = [run for run in paragraph.runs if run.text.strip()]
        italic = bool(runs) and all(
            run.italic or (run.style and run.style.font.italic) for run in runs
        )
        blocks.append(Block(lines=lines, heading=heading, italic=bool(italic) and not heading))
    return blocks
