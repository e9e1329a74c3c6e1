"""The missing-translation setting is checked at start-up and at use."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.i18n.fallback import missing_translation_mode
from tests.portal.test_config import run_manage


def test_a_bad_value_stops_start_up_with_one_line():
    result = run_manage("check", NEWSROOM_MISSING_TRANSLATION="teleport")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        "Configuration error: NEWSROOM_MISSING_TRANSLATION must be source, redirect or 404, "
        "got 'teleport'"
    ]


@pytest.mark.parametrize("mode", ["source", "404", "redirect"])
def test_every_value_starts(mode):
    assert run_manage("check", NEWSROOM_MISSING_TRANSLATION=mode).returncode == 0


def test_default_is_source_and_a_bad_override_is_refused(settings):
    assert missing_translation_mode() == "source"
    settings.NEWSROOM_MISSING_TRANSLATION = "maybe"
    with pytest.raises(ImproperlyConfigured):
        missing_translation_mode()
