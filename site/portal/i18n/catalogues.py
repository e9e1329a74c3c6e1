"""The interface's message catalogues (``locale/<lang>/LC_MESSAGES/django.po`` of every app)
and their compilation to ``.mo`` with Babel, in pure Python: ``make`` (``manage.py
compile_translations``) and the test session compile them, with no GNU gettext on the
machine. Only extracting new strings (``manage.py makemessages``) needs gettext's xgettext,
a developer's tool (docs/translation.md)."""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.apps import apps
from django.conf import settings


def catalogue_paths() -> list[Path]:
    """Every ``django.po`` of the project's own apps and of ``LOCALE_PATHS``, sorted; the
    apps installed from packages (Wagtail, Django) ship their compiled catalogues."""
    root = Path(settings.BASE_DIR).resolve()
    folders = {Path(p).resolve() for p in settings.LOCALE_PATHS}
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(root) and ".venv" not in path.parts:
            folders.add(path / "locale")
    return sorted(
        po for folder in folders if folder.is_dir() for po in folder.glob("*/LC_MESSAGES/django.po")
    )


def compile_catalogue(po_path: Path) -> Path:
    """Write the ``.mo`` next to ``po_path``; fuzzy entries are left out, as msgfmt does."""
    with po_path.open("rb") as source:
        catalog = read_po(source, locale=po_path.parent.parent.name)
    mo_path = po_path.with_suffix(".mo")
    with mo_path.open("wb") as target:
        write_mo(target, catalog, use_fuzzy=False)
    return mo_path


def compile_catalogues(stale_only: bool = False) -> list[Path]:
    """Compile every catalogue (or those whose ``.mo`` is missing or older); returns the
    ``.mo`` files written."""
    written = []
    for po_path in catalogue_paths():
        mo_path = po_path.with_suffix(".mo")
        if stale_only and mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        written.append(compile_catalogue(po_path))
    return written
