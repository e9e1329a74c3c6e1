#!/usr/bin/env python
"""Django's command-line utility for this project.

The host project lives in the ``site/`` folder as the ``portal`` package: ``site`` itself
cannot be a package name (the standard library's ``site`` module is imported at start-up),
so ``site/`` is a source root that this file, wsgi/asgi and pytest put on ``sys.path``.
"""

import os
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BASE_DIR / "site"))

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
