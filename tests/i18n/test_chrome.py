"""No English interface text on a page in another language: the rendered home, news listing,
article, search and 404 pages of the demo site, in every non-English locale, hold none of the
English message ids (header, menus, skip link, search box, switcher, footer, notices, the
page's own labels). Content is written by editors and never an English msgid, so the check
can run on the whole page; proper names (Facebook, Telegram...) are left out by the rule
"a string translated to itself is not a failure"."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from wagtail.models import Page

from newsroom.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
APPS = ["site/portal", "newsroom", "programme", "search"]
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


class TextCollector(HTMLParser):
    """Text nodes and the attributes people read or hear, outside scripts and styles."""

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        values = dict(attrs)
        for name, value in attrs:
            if name in ATTRIBUTES and value:
                self.texts.append(" ".join(value.split()))
        if tag == "meta" and values.get("name") == "description" and values.get("content"):
            self.texts.append(" ".join(values["content"].split()))

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self._skip:
            self.texts.append(text)


def english_patterns(language: str) -> list[tuple[str, re.Pattern]]:
    """(msgid, pattern) for every interface string whose translation in ``language`` differs
    from the English; placeholders match any text."""
    patterns = []
    for app in APPS:
        po = polib.pofile(str(ROOT / app / "locale" / language / "LC_MESSAGES" / "django.po"))
        for entry in po:
            ids = [entry.msgid] + ([entry.msgid_plural] if entry.msgid_plural else [])
            translated = set(entry.msgstr_plural.values()) if entry.msgid_plural else {entry.msgstr}
            for msgid in ids:
                if msgid in translated or not re.search(r"[A-Za-z]{2}", msgid):
                    continue
                parts = [re.escape(p) for p in PLACEHOLDER.split(msgid)]
                patterns.append((msgid, re.compile(".+?".join(parts))))
    return patterns


def english_strings_in(html: str, patterns) -> list[str]:
    collector = TextCollector()
    collector.feed(html)
    found = []
    for text in collector.texts:
        for msgid, pattern in patterns:
            if pattern.fullmatch(text) or (" " in msgid.strip() and pattern.search(text)):
                found.append(f"{msgid!r} in {text[:80]!r}")
    return found


def page_of(model, language: str) -> Page:
    page = model.objects.filter(locale__language_code=language, live=True).order_by("path").first()
    assert page is not None, f"the demo has no {model.__name__} in {language}"
    return page


@pytest.mark.parametrize("language", LANGUAGES)
def test_chrome_of_every_page_kind_is_in_the_page_language(client, demo, language):
    patterns = english_patterns(language)
    article = page_of(NewsPage, language)
    addresses = {
        "home": f"/{language}/",
        "news listing": page_of(NewsIndexPage, language).url,
        "article": article.url,
        "search": f"/{language}/search/?q=2022",
        "404": f"/{language}/no-such-page-anywhere/",
    }
    for kind, address in addresses.items():
        response = client.get(address)
        expected = 404 if kind == "404" else 200
        assert response.status_code == expected, (kind, address, response.status_code)
        html = response.content.decode()
        assert f'<html lang="{language}"' in html, (kind, address)
        assert english_strings_in(html, patterns) == [], (kind, address)


def test_the_check_finds_english_text():
    patterns = english_patterns("ru")
    html = (
        '<a class="skip-link" href="#main">Skip to content</a>'
        '<p class="search-summary">12 results</p><input placeholder="Search">'
    )
    found = english_strings_in(html, patterns)
    assert any("Skip to content" in f for f in found)
    assert any("results" in f for f in found)
    assert any("'Search'" in f for f in found)
    assert english_strings_in("<p>Telegram · Facebook</p><p>Семинар в Алматы</p>", patterns) == []
