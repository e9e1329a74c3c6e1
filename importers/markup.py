"""The body of an imported item as editors correct it in the import form: blocks separated
by a blank line; "## " starts a heading; a quote is "> " lines followed by a line
"— Speaker | role | organisation". The same text becomes the StreamField body."""

from __future__ import annotations

import re
from html import escape

from django.utils.translation import gettext as _
from wagtail.rich_text import RichText

from importers.parsing.release import ParsedRelease

_ATTRIBUTION = re.compile(r"^[—–-]{1,2}\s*(?P<who>.+)$")


def release_to_markup(release: ParsedRelease) -> str:
    chunks = []
    for item in release.body:
        if item.type == "heading":
            chunks.append(f"## {item.text}")
        elif item.type == "quote" and item.quote is not None:
            quote = item.quote
            who = " | ".join([quote.speaker, quote.role, quote.organisation]).rstrip(" |")
            chunks.append(f"> {quote.text}\n— {who}")
        else:
            chunks.append(item.text)
    return "\n\n".join(chunks)


class MarkupError(ValueError):
    pass


def markup_to_blocks(text: str) -> list[tuple[str, object]]:
    """StreamField data ``[(block type, value)]`` for ``newsroom.blocks``: paragraphs as
    rich text, headings, quotes with speaker, role and organisation."""
    blocks: list[tuple[str, object]] = []
    chunks = [c.strip() for c in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if c.strip()]
    for chunk in chunks:
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if lines[0].startswith("## ") and len(lines) == 1:
            blocks.append(("heading", {"text": lines[0][3:].strip()[:255], "level": "h2"}))
        elif lines[0].startswith(">"):
            quoted = [line.lstrip("> ").strip() for line in lines if line.startswith(">")]
            attribution = next((m for line in lines if (m := _ATTRIBUTION.match(line))), None)
            if attribution is None:
                raise MarkupError(
                    _("The quote “%(start)s…” needs a line “— Speaker”.")
                    % {"start": quoted[0][:40]}
                )
            parts = [part.strip() for part in attribution.group("who").split("|")]
            parts += ["", ""]
            blocks.append(
                (
                    "quote",
                    {
                        "quote": " ".join(quoted),
                        "speaker": parts[0][:255],
                        "role": parts[1][:255],
                        "organisation": parts[2][:255],
                    },
                )
            )
        else:
            html = "<br/>".join(escape(line) for line in lines)
            blocks.append(("paragraph", RichText(f"<p>{html}</p>")))
    return blocks
