"""The deployment files of docs/deploy/ (a compose file, two systemd units) say what the code
does: every variable the compose file sets is one the site reads when it starts with that
environment, every command is a real ``manage.py`` command with options it accepts, gunicorn
accepts its options and loads the module path, and ``systemd-analyze verify`` finds nothing
wrong in the units. A renamed variable, command or option fails here, not on a server."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.core.management import get_commands, load_command_class
from gunicorn.config import Config

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "docs" / "deploy"
UNITS = ("newsroom-web.service", "newsroom-worker.service")
INSTALL_DIR = "/srv/newsroom"  # where the files expect the repository

# Imports the site with the given environment (django.setup() and gunicorn's loading of the
# module path), noting every environment variable our code reads on the way (by name: not a
# library copying the whole environment, which reads every variable).
RECORD_READS = """
import json, os, sys
seen = set()
read = os._Environ.__getitem__
here = os.getcwd()
def recording(self, key):
    frame = sys._getframe(1)
    while frame.f_code.co_filename.endswith(("os>", "os.py", "_collections_abc>", "abc.py")):
        frame = frame.f_back
    caller = os.path.abspath(frame.f_code.co_filename)
    if caller.startswith(here) and "site-packages" not in caller:
        seen.add(key)
    return read(self, key)
os._Environ.__getitem__ = recording
sys.path.insert(0, "site")
from gunicorn.util import import_app
application = import_app(sys.argv[1])
assert callable(application)
print(json.dumps(sorted(seen)))
"""


def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def site_environment() -> dict[str, str]:
    """The environment the compose file gives the site's containers: its ``${NAME:-default}``
    references take their default, the required ones (``${NAME:?}``) a stand-in."""
    env = compose()["x-newsroom"]["environment"]

    def substitute(match: re.Match) -> str:
        name, operator, default = match.groups()
        return default if operator == "-" else f"{name.lower()}-value"

    def fill(value: object) -> str:
        return re.sub(r"\$\{(\w+)(?::?([-?])([^}]*))?\}", substitute, str(value))

    values = {name: fill(value) for name, value in env.items()}
    values["SECRET_KEY"] = "deploy-files-" + "s3Kq9vL2xP7wZ4mT" * 4  # 50+ characters
    values["ALLOWED_HOSTS"] = "news.example.org"
    return values


def unit(name: str) -> dict[str, list[str]]:
    """A systemd unit's keys (repeated keys kept in order), continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", (DEPLOY / name).read_text())
    keys: dict[str, list[str]] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";", "[")):
            continue
        key, _, value = line.partition("=")
        keys.setdefault(key.strip(), []).append(value.strip())
    return keys


def check_manage(args: list[str]) -> None:
    """``manage.py <command> <options>``: the command exists and accepts the options."""
    name, *options = args
    commands = get_commands()
    assert name in commands, f"manage.py has no command {name!r}"
    command = load_command_class(commands[name], name)
    command.create_parser("manage.py", name).parse_args(options)  # CommandError if not


def check_gunicorn(args: list[str]) -> None:
    parsed = Config(usage="%(prog)s [OPTIONS] [APP_MODULE]", prog="gunicorn").parser()
    namespace = parsed.parse_args(args)  # SystemExit on an unknown option
    assert namespace.args == ["portal.wsgi:application"] and namespace.pythonpath == "site"


def check_command(argv: list[str]) -> str:
    """Check one command line; returns what it runs ("manage.py <name>" or "gunicorn")."""
    program = Path(argv[0]).name
    if program.startswith("python"):
        assert argv[1] == "manage.py", argv
        check_manage(argv[2:])
        return f"manage.py {argv[2]}"
    if program == "gunicorn":
        check_gunicorn(argv[1:])
        return "gunicorn"
    if program == "sh":
        assert argv[1] == "-c"
        return " && ".join(check_command(shlex.split(part)) for part in argv[2].split("&&"))
    raise AssertionError(f"unexpected program {argv[0]!r}")


def test_every_variable_of_the_compose_file_is_read_by_the_site():
    env = site_environment()
    base = {k: os.environ[k] for k in ("PATH", "HOME", "LANG") if k in os.environ}
    result = subprocess.run(
        [sys.executable, "-c", RECORD_READS, "portal.wsgi:application"],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    read = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert sorted(set(env) - read) == []  # set, never read: a typo or a variable gone


def test_the_compose_commands_are_real():
    services = compose()["services"]
    ours = compose()["x-newsroom"]["image"]
    runs = {
        name: check_command(shlex.split(service["command"]))
        for name, service in services.items()
        if service.get("image") == ours
    }
    assert runs == {
        "migrate": "manage.py migrate && manage.py collectstatic",
        "web": "gunicorn",
        "worker": "manage.py worker",
    }
    healthcheck = " ".join(services["web"]["healthcheck"]["test"])
    assert "/healthz" in healthcheck  # the liveness address portal.urls serves
    for name in ("postgres", "redis"):
        assert name in services


@pytest.mark.parametrize("name", UNITS)
def test_the_systemd_units_run_real_commands(name):
    keys = unit(name)
    assert keys["WorkingDirectory"] == [INSTALL_DIR]
    runs = []
    for key in ("ExecStartPre", "ExecStart"):
        for line in keys.get(key, []):
            argv = shlex.split(line.lstrip("-@+!"))
            assert argv[0].startswith(f"{INSTALL_DIR}/.venv/bin/"), argv[0]
            runs.append(check_command(argv))
    expected = {
        "newsroom-web.service": ["manage.py migrate", "manage.py collectstatic", "gunicorn"],
        "newsroom-worker.service": ["manage.py worker"],
    }
    assert runs == expected[name]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
def test_systemd_analyze_verifies_the_units(tmp_path):
    """The units as installed here: the install directory is this repository, the
    environment file an empty one (systemd checks that the programs exist)."""
    (tmp_path / "env").write_text("")
    for name in UNITS:
        text = (DEPLOY / name).read_text()
        text = text.replace(INSTALL_DIR, str(ROOT))
        text = text.replace("/etc/newsroom/env", str(tmp_path / "env"))
        (tmp_path / name).write_text(text)
    result = subprocess.run(
        ["systemd-analyze", "verify", *(str(tmp_path / name) for name in UNITS)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    ours = [line for line in (result.stdout + result.stderr).splitlines() if "newsroom-" in line]
    assert result.returncode == 0 and ours == [], result.stdout + result.stderr
