"""Benchmark over HTTP (not a test): the project served by gunicorn, measured with wrk.

    make bench            # 10,000 and 100,000 items
    .venv/bin/python tests/perf/bench_http.py --items 10000 --duration 10

For each size it loads the news items in bulk into a PostgreSQL database of its own
(``BENCH_DATABASE_URL`` + ``_<items>``, kept between runs: ``--reload`` rebuilds it) and
indexes them for search (``bench_load.py``), collects the static files, then starts
gunicorn twice (the response cache off, then on; Redis as the cache when ``REDIS_URL`` is
set, else each worker's memory) and runs wrk at each ``--connections`` against: our news
API and Wagtail's stock pages listing of the same items (same limit), both filtered, an
article, the listing, the search page, and a static file served by whitenoise from the same
server (the ceiling); then, uncached, each search of ``SEARCHES`` one request at a time (one
connection), whose p95 is the search latency target's. It prints requests per second,
p50/p95/p99 latency, errors, the ratios the targets are written in, and the resident memory
of each gunicorn worker after the runs.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
LUA = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    'JSON {"requests": %d, "seconds": %f, "errors": %d, "p50": %f, "p95": %f, "p99": %f}\\n',
    summary.requests, summary.duration / 1e6, errors,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
"""


def endpoints(limit: int, newsroom: int) -> list[tuple[str, str]]:
    return [
        ("news API (ours)", f"/api/v3/news/?locale=ru&limit={limit}"),
        ("pages API (stock)", f"/api/v3/pages/?type=newsroom.NewsPage&locale=ru&limit={limit}"),
        (
            "news API country+theme",
            f"/api/v3/news/?locale=ru&country=kz&theme=prevention&limit={limit}",
        ),
        (
            # Wagtail's stock listing filters by tree, not by field: child_of the newsroom.
            "pages API child_of (stock)",
            f"/api/v3/pages/?type=newsroom.NewsPage&child_of={newsroom}&limit={limit}",
        ),
        ("article page", "/ru/news/item-7/"),
        ("listing page", "/ru/news/"),
        ("search page", "/ru/search/?q=" + quote("профилактика")),
        ("static file", "/static/portal/css/site.css"),
    ]


#: Searches timed one at a time (one connection: the latency a reader sees, not a queue's):
#: the scenarios of ``bench_search.py`` as search pages, each word found in about half the
#: items of its language, with and without facet selections.
SEARCHES = [
    ("ru one word", "/ru/search/?q=" + quote("наркотик")),
    ("ru two words", "/ru/search/?q=" + quote("профилактика школа")),
    ("ru word + country", "/ru/search/?country=kz&q=" + quote("лечение")),
    ("ru three words", "/ru/search/?q=" + quote("таможня граница доклад")),
    ("en one word", "/en/search/?q=prevent"),
    ("en two words + kind", "/en/search/?kind=press_release&q=drug+treatment"),
    ("en filters only", "/en/search/?year=2022"),
]


# --- serving and measuring ------------------------------------------------------------------


def server_env(database_url: str, cached: bool, static_root: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        DEBUG="false",
        SECRET_KEY=env.get("SECRET_KEY", "bench-only-secret-key-" + "x" * 40),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PAGE_CACHE_SECONDS="300" if cached else "0",
        STATIC_ROOT=static_root,
        RATE_LIMIT_API="0",
        RATE_LIMIT_SEARCH="0",
        LOG_LEVEL="ERROR",
        CACHE_KEY_PREFIX=f"bench{os.getpid()}",
    )
    return env


def start(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [
            GUNICORN,
            "portal.wsgi:application",
            "--pythonpath",
            f"{ROOT / 'site'},{ROOT}",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return process
        except OSError:
            time.sleep(0.5)
    process.kill()
    sys.exit("gunicorn did not answer /healthz within a minute")


def workers_rss(master: int) -> list[float]:
    """Resident memory (MB) of each child of the gunicorn master."""
    sizes = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) != master:
                continue
            status = (stat.parent / "status").read_text()
        except (OSError, IndexError, ValueError):
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sorted(sizes)


def wrk(url: str, connections: int, duration: int, script: str) -> dict:
    output = subprocess.run(
        [
            "wrk",
            "-t",
            str(min(2, connections)),
            "-c",
            str(connections),
            "-d",
            f"{duration}s",
            "--timeout",
            "30s",
        ]
        + ["-s", script, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("JSON "))
    data = json.loads(line[5:])
    data["rps"] = data["requests"] / data["seconds"]
    return data


def check(url: str) -> None:
    with urllib.request.urlopen(url, timeout=30) as response:
        if response.status != 200:
            sys.exit(f"{url} answered {response.status}")


def measure(base: str, args, cached: bool, static_root: str, script: str) -> dict:
    env = server_env(base, cached, static_root)
    server = start(env, args.port, args.workers)
    results = {}
    try:
        for name, path in endpoints(args.limit, args.newsroom):
            if args.skip_search and name == "search page":
                continue
            url = f"http://127.0.0.1:{args.port}{path}"
            check(url)
            check(url)  # warm: renditions, the cache (when on)
            for connections in args.connections:
                results[(name, connections)] = wrk(url, connections, args.duration, script)
        if not cached and not args.skip_search:
            for name, path in SEARCHES:
                url = f"http://127.0.0.1:{args.port}{path}"
                check(url)
                results[("search: " + name, 1)] = wrk(url, 1, max(3, args.duration // 2), script)
        results["rss"] = workers_rss(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    return results


def report(items: int, runs: dict, connections: list[int]) -> None:
    print(f"\n=== {items} news items ===")
    print(
        f"{'endpoint':26} {'cache':6} {'conns':>5} {'req/s':>9} {'p50 ms':>8} "
        f"{'p95 ms':>8} {'p99 ms':>8} {'errors':>6}"
    )
    for mode, results in runs.items():
        for key, data in results.items():
            if key == "rss":
                continue
            name, conns = key
            print(
                f"{name:26} {mode:6} {conns:5d} {data['rps']:9.1f} {data['p50']:8.1f} "
                f"{data['p95']:8.1f} {data['p99']:8.1f} {data['errors']:6d}"
            )
    for mode, results in runs.items():
        print(
            f"worker RSS after the {mode} runs (MB): "
            + ", ".join(f"{size:.0f}" for size in results["rss"])
        )
    off, on = runs["off"], runs["on"]
    for conns in connections:

        def rps(results, name, conns=conns):
            return results[(name, conns)]["rps"]

        static = rps(on, "static file")
        print(f"\nratios at {conns} connections:")
        print(
            f"  news API / stock, uncached:           "
            f"{rps(off, 'news API (ours)') / rps(off, 'pages API (stock)'):.2f}  (target >= 3)"
        )
        print(
            f"  filtered / stock filtered, uncached:  "
            f"{rps(off, 'news API country+theme') / rps(off, 'pages API child_of (stock)'):.2f}"
            "  (target >= 2)"
        )
        for name in ("article page", "listing page", "news API (ours)"):
            print(f"  {name + ' cached / static:':38}{rps(on, name) / static:.2f}  (target >= 0.5)")
        if ("search page", conns) in off:
            p95 = off[("search page", conns)]["p95"]
            print(f"  search page p95 uncached under load: {p95:.1f} ms")
    searches = [data for key, data in off.items() if key != "rss" and key[0].startswith("search: ")]
    if searches:
        print(
            f"\nsearch one at a time (1 connection, uncached, {len(searches)} searches): "
            f"worst p95 {max(d['p95'] for d in searches):.1f} ms, "
            f"worst p50 {max(d['p50'] for d in searches):.1f} ms  (target p95 <= 50 ms at "
            "10,000 items, <= 150 ms at 100,000)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", default="10000,100000")
    parser.add_argument("--connections", default="8,32")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--reload", action="store_true")
    parser.add_argument(
        "--skip-search", action="store_true", help="no search index, no search measurements"
    )
    args = parser.parse_args()
    args.connections = [int(c) for c in args.connections.split(",")]
    base = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench")
    static_root = tempfile.mkdtemp(prefix="bench-static-")
    subprocess.run(
        [PY, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        # Hashed names, as production collects them (the servers run with DEBUG off).
        env={**os.environ, "STATIC_ROOT": static_root, "DEBUG": "true", "STATIC_MANIFEST": "true"},
        cwd=ROOT,
        check=True,
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(LUA)
    for items in [int(n) for n in args.items.split(",")]:
        url = f"{base}_{items}"
        command = [PY, str(ROOT / "tests" / "perf" / "bench_load.py"), str(items)]
        command += ["--reload"] if args.reload else []
        command += ["--skip-search"] if args.skip_search else []
        loaded = subprocess.run(
            command,
            env={**os.environ, "DATABASE_URL": url},
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        print(loaded.stdout, end="", flush=True)
        ids = json.loads(next(x for x in loaded.stdout.splitlines() if x.startswith("IDS "))[4:])
        args.newsroom = ids["newsroom"]
        subprocess.run(
            [PY, str(ROOT / "tests" / "perf" / "explain_news.py")],
            env={**os.environ, "DATABASE_URL": url, "PAGE_CACHE_SECONDS": "0"},
            cwd=ROOT,
        )
        runs = {
            "off": measure(url, args, False, static_root, script.name),
            "on": measure(url, args, True, static_root, script.name),
        }
        report(items, runs, args.connections)


if __name__ == "__main__":
    main()
