"""Demo content of the newsroom (news items in ru with en translations)."""

from __future__ import annotations

from wagtail.models import Page


def load(homes: dict[str, Page], stdout) -> None:
    """Newsroom demo content is added by the newsroom issue."""
