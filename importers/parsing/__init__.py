"""Parse a press release (plain text, Markdown, HTML, .docx; Russian or English) into its
parts. ``parse(data, filename)`` is the entry point; see docs/importing.md."""

from __future__ import annotations

from importers.parsing.release import ParsedRelease, default_year_from, parse_blocks
from importers.parsing.sources import UnreadableSource, guess_format, read

__all__ = ["ParsedRelease", "UnreadableSource", "parse"]


def parse(data: bytes | str, filename: str = "", fmt: str = "") -> ParsedRelease:
    """The parts of the press release in ``data``; ``fmt`` ("text", "markdown", "html",
    "docx") defaults to a guess from the file name and content. Raises ``UnreadableSource``
    for a file that is not what it claims to be."""
    fmt = fmt or guess_format(filename, data)
    blocks = read(data, fmt)
    sample = " ".join(block.text for block in blocks[:8])
    return parse_blocks(blocks, default_year=default_year_from(sample))
