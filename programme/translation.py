"""wagtail-localize field rules, optional so the app also installs without wagtail-localize.

Codes (currency, postal code) look like text to wagtail-localize's defaults and would be
offered to translators; the models declare them synchronised instead.
"""

from __future__ import annotations

try:
    from wagtail_localize.fields import SynchronizedField
except ImportError:  # pragma: no cover - wagtail-localize is installed in this project

    class SynchronizedField:  # type: ignore[no-redef]
        def __init__(self, field_name: str, overridable: bool = True) -> None:
            self.field_name = field_name
            self.overridable = overridable
