"""Query parsing and safe, stem-tolerant highlighting.

Wagtail's database backend has no highlighter, and the user's query must never reach a search
engine's query syntax (FTS5, tsquery, Lucene) raw. So the query is reduced to plain words here,
and snippets are built in Python from the page's own indexed text: HTML-escaped first, then
matched words wrapped in ``<mark>``. A word matches a query term when the search would have
matched it (:func:`search.analysis.same_word`: same stem, or the truncated stem as prefix, in
the reader's language) or they share a prefix long enough to be the same word in another form
(``наркотик`` / ``наркотиков``, ``prevent`` / ``prevention``).
"""

from __future__ import annotations

import html
import os
import unicodedata
from functools import lru_cache

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from search.analysis import WORD_RE, normalise, same_word

MAX_TERMS = 16


#: Line breaks and tabs, the control characters of ordinary text.
_WHITESPACE = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


def strip_control_characters(text: str) -> str:
    """Replace control and format characters (NUL, escapes, bidi marks) by spaces.

    Most text has none but line breaks: ``str.isprintable()`` (C) tells so, and only text
    that still fails it is walked character by character (a search page's snippets made
    that walk a fifth of its time)."""
    text = text.translate(_WHITESPACE)
    if text.isprintable() or text.replace("\u00a0", " ").isprintable():
        return text
    return "".join(
        " " if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co") else char for char in text
    )


def query_terms(query: str) -> list[str]:
    """The words of a query, lower-cased, without any operator syntax.

    Lower-casing also defuses FTS5's upper-case ``AND``/``OR``/``NOT``/``NEAR`` keywords.
    """
    seen: list[str] = []
    for word in WORD_RE.findall(query.lower()):
        word = word.strip("_")
        if word and word not in seen:
            seen.append(word)
    return seen[:MAX_TERMS]


@lru_cache(maxsize=65_536)
def word_matches(word: str, term: str, language: str | None = None) -> bool:
    """Whether ``word`` of a page is a form of the query word ``term`` in ``language``.
    Remembered: a page of results asks about the same few hundred words again and again."""
    if same_word(word, term, language):
        return True
    word, term = normalise(word, language), normalise(term, language)
    shortest = min(len(word), len(term))
    if shortest < 4:
        return False
    return len(os.path.commonprefix([word, term])) >= max(4, shortest - 2)


def _mark(text: str, terms: list[str], language: str | None = None) -> str:
    """Escape ``text`` and wrap the words matching ``terms`` in <mark>."""
    out: list[str] = []
    position = 0
    for match in WORD_RE.finditer(text):
        word = match.group(0)
        if any(word_matches(word, term, language) for term in terms):
            out.append(escape(text[position : match.start()]))
            out.append(f"<mark>{escape(word)}</mark>")
            position = match.end()
    out.append(escape(text[position:]))
    return "".join(out)


def highlight(text: str, terms: list[str], language: str | None = None) -> SafeString:
    return mark_safe(_mark(text, terms, language))  # _mark escapes everything it emits


def plain_text(value) -> str:
    """Indexed values (strings, StreamField searchable content lists, HTML) as plain text."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(plain_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(plain_text(item) for item in value.values())
    text = html.unescape(strip_tags(str(value)))
    return " ".join(strip_control_characters(text).split())


def snippet(
    text: str, terms: list[str], length: int = 240, language: str | None = None
) -> SafeString:
    """A window of ``text`` around the first matched term, escaped and highlighted."""
    text = plain_text(text)
    if not text:
        return mark_safe("")
    start = 0
    for match in WORD_RE.finditer(text):
        if any(word_matches(match.group(0), term, language) for term in terms):
            start = max(0, match.start() - length // 3)
            break
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < match.start() else start
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    window = text[start:end]
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(escape(prefix) + _mark(window, terms, language) + escape(suffix))
