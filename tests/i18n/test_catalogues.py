"""The interface's message catalogues: every app with strings has one per language, every
string is translated (no empty or fuzzy entry), plural forms follow each language's rule, the
placeholders survive translation, and no string marked in the code is missing from them."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import polib
import pytest
from babel.messages.extract import extract_python
from django.conf import settings
from django.utils.translation.template import templatize

from portal.i18n.catalogues import catalogue_paths, compile_catalogues

ROOT = Path(settings.BASE_DIR)
LANGUAGES = [code for code, _name in settings.LANGUAGES]
APPS_WITH_STRINGS = ["site/portal", "newsroom", "programme", "search", "importers", "headless"]
#: gettext's Plural-Forms per language, as CLDR counts them (Tajik has no plural category
#: besides "other": one form).
PLURAL_FORMS = {
    "ru": (3, "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)"),
    "en": (2, "(n != 1)"),
    "kk": (2, "(n != 1)"),
    "ky": (2, "(n != 1)"),
    "tg": (1, "0"),
    "tk": (2, "(n != 1)"),
    "uz": (2, "(n != 1)"),
}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{\{\s*(\w+)\s*\}\}")
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
}


def catalogue(app: str, language: str) -> Path:
    return ROOT / app / "locale" / language / "LC_MESSAGES" / "django.po"


def all_catalogues() -> list[tuple[str, str]]:
    return [(app, language) for app in APPS_WITH_STRINGS for language in LANGUAGES]


@pytest.mark.parametrize(("app", "language"), all_catalogues())
def test_every_string_is_translated(app, language):
    path = catalogue(app, language)
    assert path.exists(), f"{path} is missing"
    po = polib.pofile(str(path))
    assert len(po) > 0
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == [], f"{path}: untranslated {untranslated}"
    assert fuzzy == [], f"{path}: fuzzy {fuzzy}"
    assert po.percent_translated() == 100


@pytest.mark.parametrize(("app", "language"), all_catalogues())
def test_plural_forms_follow_the_language(app, language):
    po = polib.pofile(str(catalogue(app, language)))
    count, rule = PLURAL_FORMS[language]
    header = po.metadata["Plural-Forms"].replace(" ", "")
    assert header == f"nplurals={count};plural={rule};".replace(" ", ""), header
    assert po.metadata["Language"] == language
    for entry in po:
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == list(range(count)), entry.msgid
            assert all(entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize(("app", "language"), all_catalogues())
def test_placeholders_survive_translation(app, language):
    po = polib.pofile(str(catalogue(app, language)))
    for entry in po:
        wanted = {m[0] or m[1] for m in PLACEHOLDER.findall(entry.msgid)}
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            found = {m[0] or m[1] for m in PLACEHOLDER.findall(text)}
            # Languages with one plural form may leave the count out of a sentence.
            assert found <= wanted and (entry.msgid_plural or found == wanted), (
                language,
                entry.msgid,
                text,
            )


def marked_strings() -> set[str]:
    """Every msgid the code marks: Python files of the apps and every template, read the way
    ``makemessages`` does (templates through Django's ``templatize``), in pure Python."""
    found: set[str] = set()
    sources = [
        p
        for app in APPS_WITH_STRINGS
        for p in (ROOT / app).rglob("*.py")
        if "migrations" not in p.parts
    ]
    for path in sources:
        with path.open("rb") as handle:
            for _line, _func, message, _comments in extract_python(handle, KEYWORDS, [], {}):
                found.update(m for m in _messages(message))
    for path in (ROOT / "templates").rglob("*.html"):
        code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
        found.update(_template_messages(code))
    return found


def _template_messages(code: str) -> set[str]:
    """The msgids of a templatized template. xgettext reads that code as C-like text; Babel's
    Python reader tokenises it, and an indented ``{% translate ... as x %}`` inside a block
    comes out as an indented line it rejects. Read as is, else with every line unindented
    (the msgids templatize writes sit on one line each)."""
    for text in (code, "\n".join(line.lstrip() for line in code.splitlines())):
        try:
            handle = BytesIO(text.encode("utf-8"))
            return {
                m
                for _line, _func, message, _comments in extract_python(handle, KEYWORDS, [], {})
                for m in _messages(message)
            }
        except IndentationError:
            continue
    raise AssertionError("a template that neither reading can parse")


def _messages(message) -> list[str]:
    if isinstance(message, tuple):
        # (context, msgid) for pgettext; (singular, plural) for ngettext: the first string
        # that is not a context is the msgid.
        return [m for m in message[:1] if isinstance(m, str) and m]
    return [message] if message else []


def test_catalogues_hold_every_marked_string():
    known: set[str] = set()
    for app in APPS_WITH_STRINGS:
        known.update(entry.msgid for entry in polib.pofile(str(catalogue(app, "ru"))))
    missing = sorted(marked_strings() - known)
    assert missing == [], f"run manage.py makemessages (docs/translation.md): {missing}"


def test_compiled_catalogues_are_current():
    """``make`` and the test session compile them; after that nothing is stale."""
    assert compile_catalogues(stale_only=True) == []
    assert {p.parent.parent.parent.parent for p in catalogue_paths()} >= {
        (ROOT / app).resolve() for app in APPS_WITH_STRINGS
    }


def test_docs_table_matches_the_catalogues():
    """docs/translation.md's table of translated interface strings is the computed one."""
    text = (ROOT / "docs" / "translation.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| (\w\w) \| (\d+ / \d+ \(\d+%\)) \|", text, flags=re.M))
    assert sorted(rows) == sorted(LANGUAGES)
    for language in LANGUAGES:
        entries = [
            e for app in APPS_WITH_STRINGS for e in polib.pofile(str(catalogue(app, language)))
        ]
        done = sum(1 for e in entries if e.translated())
        share = round(100 * done / len(entries))
        assert rows[language] == f"{done} / {len(entries)} ({share}%)", language
