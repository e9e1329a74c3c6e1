"""The interface's message catalogues: every app with strings has one per language, every
string is translated (no empty or fuzzy entry), plural forms follow each language's rule, the
placeholders survive translation as GNU ``msgfmt -c`` checks them (each msgstr[n] of a plural
against the msgid_plural), and no string marked in the code is missing from them."""

from __future__ import annotations

import gettext
import re
from collections import Counter
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


#: Python format directives: ``%(name)s`` (named) or ``%s`` (positional), as GNU gettext
#: parses them; ``%%`` is a literal percent sign.
DIRECTIVE = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<kind>[a-zA-Z%])"
)
NAMED = re.compile(r"%\(\w+\)[sd]")  # named placeholders, even where the flag was forgotten
TEMPLATE_VARIABLE = re.compile(r"\{\{\s*(\w+)\s*\}\}")
#: Argument types as gettext's python-format checker groups them (``s``/``r``/``a`` take any).
KINDS = {**dict.fromkeys("diouxX", "integer"), **dict.fromkeys("eEfFgG", "float")}
KINDS.update(c="character", s="any", r="any", a="any")


def python_format(text: str) -> tuple[dict[str, str], int]:
    """({name: type} of the named directives, number of positional ones) of ``text``."""
    named: dict[str, str] = {}
    positional = 0
    for match in DIRECTIVE.finditer(text):
        kind = match.group("kind")
        if kind == "%":
            continue
        assert kind in KINDS, f"invalid directive {match.group(0)!r} in {text!r}"
        if match.group("name") is None:
            positional += 1
        else:
            named[match.group("name")] = KINDS[kind]
    return named, positional


def format_problems(original: str, translation: str, strict: bool) -> list[str]:
    """What ``msgfmt -c`` says of ``translation`` against ``original`` (python-format): every
    named argument of the translation exists in the original with the same type, and with
    ``strict`` the translation uses all of them (and as many positional ones)."""
    want, want_positional = python_format(original)
    got, got_positional = python_format(translation)
    problems = [f"'{n}' is not in the original" for n in got if n not in want]
    problems += [
        f"'{n}' is {got[n]} in the translation, {want[n]} in the original"
        for n in got
        if n in want and got[n] != want[n] and (strict or "any" not in (got[n], want[n]))
    ]
    if strict:
        problems += [f"'{n}' is missing" for n in want if n not in got]
        if got_positional != want_positional:
            problems.append(f"{got_positional} positional directives, not {want_positional}")
    elif got_positional > want_positional:
        problems.append("more positional directives than the original")
    return problems


def single_number_forms(language: str) -> set[int]:
    """The plural forms of ``language`` used for one number only (``n == 1`` in English):
    gettext lets their translation leave the number out ("one result"). In Russian form 0 is
    also 21, 31…, and Tajik's one form is every number: none there."""
    count, rule = PLURAL_FORMS[language]
    plural = gettext.c2py(rule)  # the C expression of the header, as gettext evaluates it
    uses = Counter(plural(n) for n in range(1000))
    if count == 1:
        return set()  # one msgstr for every number: gettext checks it strictly
    return {form for form, times in uses.items() if times == 1}


def placeholder_problems(entry: polib.POEntry, language: str) -> list[str]:
    """The placeholder errors of one entry: python-format as ``msgfmt -c`` checks them
    (singular msgstr against the msgid; each msgstr[n] against the msgid_plural, strictly
    unless form n stands for a single number), and ``{{ name }}`` template variables."""
    problems = []
    if entry.msgid_plural:
        lenient = single_number_forms(language)
        pairs = [
            (entry.msgid_plural, text, n not in lenient)
            for n, text in sorted(entry.msgstr_plural.items())
        ]
    else:
        pairs = [(entry.msgid, entry.msgstr, True)]
    for original, text, strict in pairs:
        if "python-format" in entry.flags or NAMED.search(original):
            problems += format_problems(original, text, strict)
        wanted = set(TEMPLATE_VARIABLE.findall(original))
        found = set(TEMPLATE_VARIABLE.findall(text))
        if not found <= wanted or (strict and found != wanted):
            problems.append(f"template variables {sorted(found)} for {sorted(wanted)}")
    return problems


@pytest.mark.parametrize(("app", "language"), all_catalogues())
def test_placeholders_survive_translation(app, language):
    po = polib.pofile(str(catalogue(app, language)))
    failures = {}
    for entry in po:
        if entry.msgid_plural:  # the plural's placeholders are the singular's too
            extra = set(python_format(entry.msgid)[0]) - set(python_format(entry.msgid_plural)[0])
            assert not extra, (entry.msgid, extra)
        problems = placeholder_problems(entry, language)
        if problems:
            failures[entry.msgid] = problems
    assert failures == {}, (language, failures)


@pytest.mark.parametrize(
    ("language", "forms", "problems"),
    [
        ("en", {0: "One result", 1: "%(count)d results"}, []),
        ("en", {0: "One result", 1: "Many results"}, ["'count' is missing"]),
        (
            "ru",
            {0: "%(count)d результат", 1: "%(count)d результата", 2: "результатов"},
            ["'count' is missing"],
        ),
        (
            "ru",
            {0: "Один результат", 1: "%(count)d результата", 2: "%(count)d результатов"},
            ["'count' is missing"],
        ),
        ("tg", {0: "Натиҷаҳо"}, ["'count' is missing"]),
        (
            "kk",
            {0: "%(count)s нәтиже", 1: "%(count)s нәтиже"},
            ["'count' is any in the translation, integer in the original"],
        ),
        ("kk", {0: "%(total)d нәтиже", 1: "%(count)d нәтиже"}, ["'total' is not in the original"]),
    ],
)
def test_the_plural_check_is_gettext_s(language, forms, problems):
    """Each msgstr[n] against msgid_plural: the lenient forms are those for one number only
    (n == 1 in English and the Turkic languages; none in Russian, where form 0 is 1, 21, 31…;
    none for Tajik's single form)."""
    entry = polib.POEntry(
        msgid="One result",
        msgid_plural="%(count)d results",
        msgstr_plural=forms,
        flags=["python-format"],
    )
    assert placeholder_problems(entry, language) == problems


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
            for _line, func, message, _comments in extract_python(handle, KEYWORDS, [], {}):
                found.update(m for m in _messages(func, message))
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
                for _line, func, message, _comments in extract_python(handle, KEYWORDS, [], {})
                for m in _messages(func, message)
            }
        except IndentationError:
            continue
    raise AssertionError("a template that neither reading can parse")


def _messages(func: str, message) -> list[str]:
    """The msgid of one extracted call: Babel's raw extractor hands every string argument,
    (context, msgid) for pgettext, (singular, plural) for ngettext."""
    if isinstance(message, tuple):
        first = 1 if func.startswith(("pgettext", "npgettext")) else 0
        return [m for m in message[first : first + 1] if isinstance(m, str) and m]
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
