"""Machine translators for the tests: wagtail-localize's dummy (local, no network), and one
that fails like a translation service that is down, for the retry tests."""

from __future__ import annotations

from wagtail_localize.machine_translators.dummy import DummyTranslator


class UnreachableService(ConnectionError):
    pass


class FlakyTranslator(DummyTranslator):
    """The dummy translator behind a service that refuses the first ``FAILURES`` calls.
    A class attribute counts the calls: wagtail-localize builds a new translator per use."""

    FAILURES = 0
    calls = 0

    def translate(self, source_locale, target_locale, strings):
        type(self).calls += 1
        if type(self).calls <= type(self).FAILURES:
            raise UnreachableService(f"translation service down (call {type(self).calls})")
        return super().translate(source_locale, target_locale, strings)
