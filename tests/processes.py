"""Tests that start real processes (worker, gunicorn, an S3 server): the database those
processes share with the test, their environment, starting, waiting and stopping them.

Every process gets a free port and is stopped (and waited for) by the test that started it,
so two xdist workers never meet.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


class SharedDatabase:
    """A DATABASE_URL other processes can open holding this test's committed data (the
    PostgreSQL test database itself, or a file copy of SQLite's in-memory one), and raw SQL
    on it from the test, which sees what those processes commit."""

    def __init__(self, tmp_path: Path) -> None:
        conf = connection.settings_dict
        self.path: Path | None = None
        if connection.vendor == "sqlite":
            self.path = tmp_path / "shared.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(self.path) as target:
                connection.connection.backup(target)
            self.url = f"sqlite:///{self.path}"
        else:
            user = quote(conf["USER"] or "")
            password = f":{quote(conf['PASSWORD'])}" if conf["PASSWORD"] else ""
            host = conf["HOST"] or "127.0.0.1"
            port = f":{conf['PORT']}" if conf["PORT"] else ""
            self.url = f"postgres://{user}{password}@{host}{port}/{conf['NAME']}"

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        if self.path is not None:
            with sqlite3.connect(self.path, timeout=30) as db:
                return db.execute(sql.replace("%s", "?"), params).fetchall()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()


def process_env(database_url: str, **extra: str) -> dict[str, str]:
    """The environment of a site process: this one's, on the shared database, DEBUG off,
    no Redis unless given, the database task backend, static files under their plain names
    (no `collectstatic`; a test that collects passes STATIC_MANIFEST="true")."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in ("REDIS_URL", "DJANGO_SETTINGS_MODULE", "TASK_BACKEND", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    return {
        **env,
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "HTTPS": "false",
        "TASK_BACKEND": "database",
        "STATIC_MANIFEST": "false",
        "PYTHONUNBUFFERED": "1",
        **extra,
    }


def manage(*args: str) -> list[str]:
    return [sys.executable, "manage.py", *args]


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    """Start a process in its own process group, its output in ``log``."""
    handle = open(log, "ab")  # closed by stop()
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=handle,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    process.log_handle = handle  # type: ignore[attr-defined]
    process.log_path = log  # type: ignore[attr-defined]
    return process


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    """Signal the process's whole group (gunicorn's workers too) and wait for it."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
    process.log_handle.close()  # type: ignore[attr-defined]


def tail(process: subprocess.Popen, chars: int = 3000) -> str:
    return Path(process.log_path).read_text(errors="replace")[-chars:]  # type: ignore[attr-defined]


def wait_until(
    condition: Callable[[], object],
    timeout: float,
    what: str,
    processes: tuple[subprocess.Popen, ...] = (),
) -> object:
    """Poll ``condition`` until it is truthy; fail naming ``what`` (and the processes' logs
    when one of them died)."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        for process in processes:
            if process.poll() is not None:
                raise AssertionError(f"process exited while waiting for {what}:\n{tail(process)}")
        if time.monotonic() > deadline:
            logs = "\n".join(tail(p) for p in processes)
            raise AssertionError(f"timed out waiting for {what}\n{logs}")
        time.sleep(0.1)
