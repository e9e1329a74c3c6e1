"""Load run (not a test): the demo site under gunicorn on PostgreSQL, hit for ``--duration``
seconds by ``--connections`` connections of wrk on a mix of pages, API and search, printing
errors and each worker's memory before, during and after.

    python tests/perf/load_mix.py --duration 600 --connections 32

What it does, in order: creates the database (``newsroom_load`` next to DATABASE_URL's server,
default 127.0.0.1:5432) if missing, migrates it and loads the demo; picks the URLs from the
published content; starts gunicorn (``--workers``, DEBUG off, the rate limits off because every
request comes from one address, Redis as the cache when it answers); warms each URL once and
stops if one is not a 200; runs wrk with a Lua script that walks the URL list round-robin;
samples every worker's resident memory every ``--sample`` seconds; prints wrk's summary
(requests per second, latency percentiles, non-2xx answers, socket errors) and the memory.

Nothing is downloaded: wrk comes from Debian (``apt-get install wrk``), gunicorn from
requirements.txt.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/newsroom_load"

LUA = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(database: str, redis: str | None) -> dict[str, str]:
    env = {
        **os.environ,
        "DATABASE_URL": database,
        "DEBUG": "false",
        "STATIC_MANIFEST": "false",  # nothing collected: the apps' files, plain names
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "RATE_LIMIT_API": "0",
        "RATE_LIMIT_SEARCH": "0",
        "PYTHONPATH": f"{ROOT / 'site'}:{ROOT}",
    }
    if redis:
        env["REDIS_URL"] = redis
    return env


def ensure_database(database: str) -> None:
    import psycopg

    name = database.rsplit("/", 1)[1]
    server = database.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not exists.fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def prepare(env: dict[str, str]) -> list[str]:
    """Migrate, load the demo and return the URL paths of the mix."""
    manage = [PYTHON, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
    subprocess.run([*manage, "load_demo"], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    script = (
        "from wagtail.models import Page\n"
        "from newsroom.models import NewsPage\n"
        "pages = Page.objects.live().public().specific()\n"
        "for page in pages.exclude(depth__lte=1)[:60]:\n"
        "    print(page.url_path and page.get_url())\n"
    )
    listing = subprocess.run(
        [*manage, "shell", "-c", script], env=env, check=True, cwd=ROOT, capture_output=True,
        text=True,
    )
    pages = [line for line in listing.stdout.split() if line.startswith("/")]
    api = [
        "/api/v3/news/?limit=10",
        "/api/v3/news/?locale=en&limit=20",
        "/api/v3/pages/?type=newsroom.NewsPage&limit=10",
        "/api/v3/search/?q=%D0%BF%D1%80%D0%BE%D1%84%D0%B8%D0%BB%D0%B0%D0%BA%D1%82%D0%B8%D0%BA%D0%B0",
        "/api/v3/news/?search=programme&locale=en",
        "/api/v2/pages/?limit=10",
    ]
    search = [
        "/ru/search/?q=%D0%BF%D1%80%D0%BE%D0%B3%D1%80%D0%B0%D0%BC%D0%BC%D0%B0",
        "/en/search/?q=prevention",
        "/ru/search/autocomplete/?q=%D0%BF%D1%80%D0%BE",
    ]
    return pages + api + search


def worker_memory(master: int) -> dict[int, int]:
    """Resident memory (KiB) of each of gunicorn's worker processes."""
    children = subprocess.run(
        ["pgrep", "-P", str(master)], capture_output=True, text=True
    ).stdout.split()
    memory = {}
    for pid in map(int, children):
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except FileNotFoundError:
            continue
        match = re.search(r"VmRSS:\s+(\d+) kB", status)
        if match:
            memory[pid] = int(match.group(1))
    return memory


def show(label: str, memory: dict[int, int]) -> str:
    figures = ", ".join(f"{pid}: {kib / 1024:.0f} MiB" for pid, kib in sorted(memory.items()))
    return f"{label:>10}  {figures}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=600, help="seconds of load")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--sample", type=int, default=60, help="seconds between memory samples")
    parser.add_argument("--database", default=os.environ.get("LOAD_DATABASE_URL", DEFAULT_DATABASE))
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/12",
                        help="cache for the workers; '' for local memory")
    args = parser.parse_args()

    if not shutil.which("wrk"):
        print("wrk is missing: apt-get install wrk", file=sys.stderr)
        return 2
    ensure_database(args.database)
    env = environment(args.database, args.redis or None)
    paths = prepare(env)
    port = free_port()
    server = subprocess.Popen(
        [str(Path(PYTHON).with_name("gunicorn")), "portal.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(args.workers), "--access-logfile", "-", "--log-level", "warning"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        for path in paths:  # warm-up: every URL answers 200 before the load starts
            with urllib.request.urlopen(base + path, timeout=30) as response:
                if response.status != 200:
                    print(f"{path} answered {response.status}", file=sys.stderr)
                    return 1
        print(f"{len(paths)} URLs ({sum(p.startswith('/api/') for p in paths)} API), "
              f"{args.connections} connections, {args.duration} s, {args.workers} workers")
        samples = [show("before", worker_memory(server.pid))]
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
            lua.write(LUA % ", ".join(f'"{path}"' for path in paths))
        load = subprocess.Popen(
            ["wrk", "-t", str(args.threads), "-c", str(args.connections),
             "-d", f"{args.duration}s", "--timeout", "10s", "--latency", "-s", lua.name, base],
            stdout=subprocess.PIPE, text=True,
        )
        started = time.monotonic()
        while load.poll() is None:
            time.sleep(min(args.sample, 5))
            elapsed = time.monotonic() - started
            if elapsed // args.sample > len(samples) - 1 and load.poll() is None:
                samples.append(show(f"{elapsed:.0f} s", worker_memory(server.pid)))
        samples.append(show("after", worker_memory(server.pid)))
        output = load.stdout.read()
        print(output)
        print("Worker memory (RSS):")
        print("\n".join(samples))
        errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
        sockets = re.search(r"Socket errors: (.*)", output)
        print(f"Non-2xx/3xx: {errors.group(1) if errors else 0}; "
              f"socket errors: {sockets.group(1) if sockets else 'none'}")
        return 1 if errors or sockets else 0
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
