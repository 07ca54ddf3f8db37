"""Under load: gunicorn and wrk, each list against a bare Flask route served the same way in the same run,
and POST /articles latency with concurrent clients.

    .venv/bin/python benchmarks/load.py --database-url URL [--workers 2] [--seconds 10] [--posts 120]
        [--cache off|on|both] [--mix N]

The database must hold an archive already (benchmarks/scale.py builds them; a copy of its
cached 100k database is a good one). Starts gunicorn with --workers sync workers on the app
and on a bare Flask route (benchmarks/bare_app.py), runs ``wrk -t2 -c8`` on loopback against
each path and the bare route in turns of a second, --seconds turns each, and prints requests/s
and the ratio to the bare route. Then 4 client
threads POST new articles (PolNeAR dev, each under a new url) and it prints p50, p99 and
p99/p50. Everything runs on 127.0.0.1 and stops by itself. Needs wrk (apt-get install wrk).

wrk asks for one URL again and again, which the response cache (api/web/cache.py) answers from
memory after the first time: ``--cache off`` (the default) measures the work of each request,
``on`` the cache's hits, ``both`` runs the paths twice, off then on, against one bare figure.
``--mix N`` runs each path kind a second time over N distinct URLs (benchmarks/load_mix.py);
``--posts 0`` skips the POSTs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
import uuid

from load_mix import lua_script, mixed, single

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEV = os.path.join(ROOT, "..", "shared", "eval", "data", "polnear-dev.jsonl")
BIN = os.path.dirname(sys.executable)  # the environment running this script (its gunicorn and flask)
GUNICORN = os.path.join(BIN, "gunicorn")
FLASK = os.path.join(BIN, "flask")


def serve(target: str, port: int, workers: int, env: dict, chdir: str = ROOT) -> subprocess.Popen:
    command = [
        GUNICORN,
        "-w",
        str(workers),
        "-b",
        f"127.0.0.1:{port}",
        "--chdir",
        chdir,
        "--timeout",
        "60",
        target,
    ]
    process = subprocess.Popen(
        command, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(
                f"http://127.0.0.1:{port}/health" if chdir == ROOT else f"http://127.0.0.1:{port}/ping"
            )
            return process
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{target} did not start: {process.stderr.read().decode()[-2000:]}")


def ingest_key(env: dict) -> str:
    """A new key with the ingest role, made with the service's own command: writes need one (the schema
    brought up to date first: commands other than the server do not migrate on their own)."""
    subprocess.run(
        [FLASK, "--app", "api", "db", "upgrade"],
        env={**os.environ, **env},
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    name = f"load-{uuid.uuid4().hex[:8]}"
    made = subprocess.run(
        [FLASK, "--app", "api", "keys", "create", name, "--role", "ingest"],
        env={**os.environ, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return made.stdout.strip().splitlines()[-1]


def wrk(url: str, seconds: int, script: str | None = None) -> float:
    command = ["wrk", "-t2", "-c8", f"-d{seconds}s", *(["-s", script] if script else []), url]
    out = subprocess.run(command, capture_output=True, text=True).stdout
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        raise RuntimeError(f"{url}: {non2xx.group(1)} errors")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def post(url: str, body: dict, token: str) -> tuple[int, float]:
    data = json.dumps(body).encode()
    headers = {"Content-Type": "application/json", "Authorization": f"Bearer {token}"}
    request = urllib.request.Request(url, data=data, headers=headers)
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=120) as response:
        response.read()
        return response.status, time.perf_counter() - started


def concurrent_posts(base: str, token: str, total: int, clients: int = 4) -> list[float]:
    with open(DEV, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    run = uuid.uuid4().hex[:8]
    bodies = [
        {
            "text": d["text"],
            "url": f"https://load.example/{run}/{i}",
            "publisher": d["publisher"],
            "published_at": d["date"],
        }
        for i, d in enumerate(docs * (total // len(docs) + 1))
    ][:total]
    latencies, lock = [], threading.Lock()

    def client(k: int) -> None:
        for body in bodies[k::clients]:
            status, took = post(f"{base}/articles", body, token)
            assert status == 201, status
            with lock:
                latencies.append(took)

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sorted(latencies)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--database-url", required=True)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seconds", type=int, default=10)
    ap.add_argument("--posts", type=int, default=120)
    ap.add_argument("--port", type=int, default=8731, help="the first of the ports served on 127.0.0.1")
    ap.add_argument("--cache", choices=("off", "on", "both"), default="off", help="the response cache")
    ap.add_argument("--mix", type=int, default=0, help="also each path over this many distinct URLs")
    args = ap.parse_args()
    # Limits off: wrk from one address would be answered 429 after the anonymous limit.
    env = {"DATABASE_URL": args.database_url, "LOG_LEVEL": "WARNING", "RATELIMIT_ENABLED": "false"}
    token = ingest_key(env)
    caches = ["off", "on"] if args.cache == "both" else [args.cache]
    apps = {
        c: serve(
            "api:create_app()", args.port + 2 * i, args.workers, {**env, "RESPONSE_CACHE": str(c == "on")}
        )
        for i, c in enumerate(caches)
    }
    bare = serve("bare_app:app", args.port + 1, args.workers, {}, chdir=HERE)
    try:
        base = f"http://127.0.0.1:{args.port + 2 * (len(caches) - 1)}"
        rounds = [single(base)]
        if args.mix:
            rounds.append(mixed(base, args.mix))
        print(
            f"gunicorn -w {args.workers}, wrk -t2 -c8, {args.seconds} turns of 1 s, "
            f"{args.database_url.split('@')[-1]}"
        )
        # The bare route and the path take turns, a second each, --seconds times: on a shared machine
        # the load moves from one second to the next, and a ratio is only as good as its two figures'
        # being taken under the same load.
        bares = []
        for i, cache in enumerate(caches):
            for urls in rounds:
                for kind, paths in urls.items():
                    script = lua_script(paths) if len(paths) > 1 else None
                    target = f"http://127.0.0.1:{args.port + 2 * i}{paths[0]}"
                    turns = [
                        (wrk(f"http://127.0.0.1:{args.port + 1}/ping", 1), wrk(target, 1, script))
                        for _ in range(args.seconds)
                    ]
                    if script:
                        os.unlink(script)
                    baseline = statistics.mean(b for b, _ in turns)
                    rate = statistics.mean(r for _, r in turns)
                    bares.append(baseline)
                    shown = paths[0] if len(paths) == 1 else f"{kind} ({len(paths)} URLs)"
                    name = f"{shown} (cache {cache})"
                    print(
                        f"{name:66} {rate:7.0f} req/s  bare in turn {baseline:6.0f}  "
                        f"{baseline / rate:5.1f}x slower than bare"
                    )
        print(f"{'bare Flask route (median)':40} {statistics.median(bares):9.0f} req/s")
        if not args.posts:
            return
        latencies = concurrent_posts(base, token, args.posts)
        p50 = statistics.median(latencies)
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
        print(
            f"POST /articles, 4 clients, {len(latencies)} new articles: p50 {p50 * 1000:.0f} ms, "
            f"p99 {p99 * 1000:.0f} ms, p99/p50 {p99 / p50:.2f}"
        )
    finally:
        for process in (*apps.values(), bare):
            process.terminate()
            process.wait(10)


if __name__ == "__main__":
    sys.exit(main())
