"""Word files for the tests, built with python-docx from a text release: the first heading
line as the "Title" style, "About ..." as a heading, the text after it in italics."""

from __future__ import annotations

import io
import re

from docx import Document


def docx_from_text(text: str) -> bytes:
    document = Document()
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    titled = False
    about = False
    for paragraph in paragraphs:
        if not titled and len(paragraph) > 20 and "\n" not in paragraph:
            document.add_paragraph(paragraph, style="Title")
            titled = True
        elif paragraph.lower().startswith("about the programme"):
            document.add_heading(paragraph, level=2)
            about = True
        elif about:
            document.add_paragraph().add_run(paragraph).italic = True
        else:
            document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
