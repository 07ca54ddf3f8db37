"""List and ingest costs at 10k, 100k and 1M quotes: in-process medians, and the ratio of the largest
size to the smallest (the issue's bar: lists within 2x and under 15 ms, ingest within 1.5x).

    .venv/bin/python benchmarks/scale.py [--sizes 10000,100000,1000000] [--postgres URL] [--repeat 40]

Needs the evaluation kit (../shared/eval): the base is PolNeAR train, replicated in SQL
(benchmarks/scale_build.py); new articles to ingest are PolNeAR dev. Built databases are
cached under --cache (SQLite) or as PostgreSQL databases ``<name of --postgres>_<size>``;
each measurement runs on a fresh copy, since ingest writes. The sizes take turns request by
request, so that the load of a shared machine weighs on each size's figures alike. --postgres
takes the URL of a database of your own (it is dropped and rebuilt as the base).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import datetime
from urllib.parse import urlparse

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import psycopg2  # noqa: E402
from scale_build import copy_sqlite, replicate  # noqa: E402

from api import create_app, db  # noqa: E402
from api.access.keys import create_key  # noqa: E402
from api.db import migrations  # noqa: E402
from api.db.binding import connect_url  # noqa: E402
from api.db.paging import encode_cursor  # noqa: E402
from api.intake.articles import prepare, store, store_many  # noqa: E402
from schemas.articles import article_in_schema  # noqa: E402

WARM = 8  # articles that warm each copy before ingest is timed
# Speaker searches: the most quoted name; a surname whose matches lie mostly far down the list; a name
SEARCH_WORDS = ("trump", "obama", "pataki", "ru", "qz", "xqzv")  # quoted once; a common/rare fragment; none
DATA = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval", "data")


def articles(name: str, tag: str = "") -> list[dict]:
    with open(os.path.join(DATA, name), encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    return [
        {
            "text": d["text"],
            "url": f"https://scale.example/{d['id']}{tag}",
            "title": d.get("title"),
            "publisher": d.get("publisher"),
            "published_at": d.get("date"),
        }
        for d in docs
    ]


def loaded(body: dict) -> dict:
    """A POST body as the API hands it to ingest (dates parsed)."""
    return article_in_schema.load(body)


def app_for(url: str):
    # The response cache off: a request repeated 40 times would be served from it (load.py shows both).
    settings = {"LOG_LEVEL": "WARNING", "RATELIMIT_ENABLED": False, "RESPONSE_CACHE": False}
    return create_app({"DATABASE_URL": url, **settings})


def _admin(url: str, sql: str, params: tuple = ()):
    """Run ``sql`` on the server's ``postgres`` database, outside any transaction; its first row."""
    parsed = urlparse(url)
    conn = psycopg2.connect(
        host=parsed.hostname, port=parsed.port or 5432, user=parsed.username, dbname="postgres"
    )
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchone() if cur.description else None
    finally:
        conn.close()


def pg_clone(base_url: str, name: str, template: str) -> str:
    _disconnect()
    _admin(base_url, f'DROP DATABASE IF EXISTS "{name}"')
    _admin(base_url, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    return base_url.rsplit("/", 1)[0] + "/" + name


def _disconnect() -> None:
    """Close this process's pooled connections: a database being copied or dropped must have none."""
    if db.database.obj is not None:
        db.database.close()
        if hasattr(db.database.obj, "close_all"):
            db.database.obj.close_all()


def pg_rename(base_url: str, old: str, new: str) -> None:
    _disconnect()
    _admin(base_url, f'ALTER DATABASE "{old}" RENAME TO "{new}"')


def pg_exists(base_url: str, name: str) -> bool:
    return _admin(base_url, "SELECT 1 FROM pg_database WHERE datname = %s", (name,)) is not None


def build_base(url: str) -> None:
    """PolNeAR train through the write path into an empty database."""
    app = app_for(url)
    with app.app_context():
        db.open_connection()
        migrations.drop_all(db.database)
        migrations.upgrade(db.database)
        batch = [prepare(loaded(a)) for a in articles("polnear-train.jsonl")]
        for i in range(0, len(batch), 20):
            store_many(batch[i : i + 20])
        db.database.execute_sql("ANALYZE")
    _disconnect()


def build(url: str, size: int) -> int:
    with app_for(url).app_context():
        db.open_connection()
        try:
            return replicate(db.database, size)
        finally:
            _disconnect()  # SQLite: the last connection closing checkpoints the WAL into the file


def requests_of(app) -> dict[str, str]:
    """The list requests measured, with ids and a mid-list cursor read from this database."""
    with app.app_context():
        db.open_connection()
        run = db.database.execute_sql
        top = run("SELECT id FROM speaker ORDER BY quote_count DESC, id DESC LIMIT 1").fetchone()[0]
        total = run("SELECT COUNT(*) FROM quote").fetchone()[0]
        middle = run(
            "SELECT dated_at, article_id, position FROM quote "
            f"ORDER BY dated_at DESC, article_id DESC, position LIMIT 1 OFFSET {total // 2}"
        ).fetchone()
        article = run(
            "SELECT article_id FROM quote GROUP BY article_id HAVING COUNT(*) = 10 LIMIT 1"
        ).fetchone()[0]
        db.close_connection()
    dated = datetime.fromisoformat(middle[0]) if isinstance(middle[0], str) else middle[0]
    cursor = encode_cursor((dated, middle[1], middle[2]))
    return {
        "GET /quotes": "/quotes",
        "GET /quotes (cursor mid-list)": f"/quotes?cursor={cursor}",
        "GET /speakers/{top}/quotes": f"/speakers/{top}/quotes",
        "GET /speakers/{top}": f"/speakers/{top}",
        "GET /speakers": "/speakers",
        **{f"GET /speakers?q={word}": f"/speakers?q={word}" for word in SEARCH_WORDS},
        "GET /articles": "/articles",
        "GET /articles/{id} (10 quotes)": f"/articles/{article}",
        "GET /statements": "/statements",
        "GET /statements?speaker={top}": f"/statements?speaker={top}",
        "GET /claims": "/claims",
        "GET /claims?status=unreviewed": "/claims?status=unreviewed",
        "GET /claims?q=tax": "/claims?q=tax",
        "GET /claims?speaker={top}": f"/claims?speaker={top}",
    }


def measure(urls: dict[int, str], repeat: int, fresh: list[dict]) -> dict[int, dict]:
    """Every list request on every size, the sizes taking turns request by request (one app, its
    database swapped under it): on a shared machine the load moves from second to second, and a
    ratio between sizes is only fair if both were timed under the same load. Then ingest, size by size.
    """
    app = app_for(next(iter(urls.values())))
    client = app.test_client()
    bound = {size: connect_url(url) for size, url in urls.items()}
    paths, tokens, found = {}, {}, {size: {} for size in urls}
    for size, database in bound.items():
        db.database.initialize(database)
        with app.app_context():
            db.open_connection()
            migrations.upgrade(db.database)  # a copy of a cache built by an earlier release: made current
            _, tokens[size] = create_key(f"scale-{time.time_ns()}", ["admin"])  # writes need a key
            found[size]["quotes"] = db.database.execute_sql("SELECT COUNT(*) FROM quote").fetchone()[0]
            db.close_connection()
        paths[size] = requests_of(app)
    samples, cpu = ({(size, name): [] for size in urls for name in paths[size]} for _ in range(2))
    for turn in range(repeat + 1):  # the first turn warms caches and query plans, untimed
        for name in paths[next(iter(urls))]:
            for size, database in bound.items():
                db.database.initialize(database)
                client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {tokens[size]}"
                started, used = time.perf_counter(), time.thread_time()
                response = client.get(paths[size][name])
                if turn:
                    samples[(size, name)].append(time.perf_counter() - started)
                    cpu[(size, name)].append(time.thread_time() - used)
                assert response.status_code == 200, (paths[size][name], response.status_code)
    for (size, name), taken in samples.items():
        found[size][name] = statistics.median(taken) * 1000
        found[size][f"{name} [cpu]"] = statistics.median(cpu[(size, name)]) * 1000
    for size, rates in ingest(app, client, bound, tokens, fresh).items():
        found[size].update(rates)
    for database in bound.values():
        database.close()
        if hasattr(database, "close_all"):
            database.close_all()
    return found


def ingest(app, client, bound: dict, tokens: dict, fresh: list[dict]) -> dict[int, dict[str, float]]:
    """New articles stored through the write path, then POSTed: articles/s of each, by wall clock and
    by CPU time. The sizes take turns article by article, as the reads take turns request by request,
    and, as for the reads, a first few articles (of PolNeAR train, new urls) warm each copy untimed."""
    warm = articles("polnear-train.jsonl", "#warm")[:WARM]
    rows = [("store", a, False) for a in warm] + [("store", a, True) for a in fresh]
    rows += [("post", a, False) for a in warm] + [("post", a, True) for a in fresh]
    spent = {(size, kind): [0.0, 0.0] for size in bound for kind in ("store", "post")}
    for kind, a, timed in rows:
        prepared = prepare(loaded({**a, "url": a["url"] + "-store"})) if kind == "store" else None
        for size, database in bound.items():
            db.database.initialize(database)
            client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {tokens[size]}"
            started, used = time.perf_counter(), time.thread_time()
            if kind == "store":
                with app.app_context():
                    db.open_connection()
                    assert store(prepared)[1], a["url"]
                    db.close_connection()
            else:
                assert client.post("/articles", json=a).status_code == 201, a["url"]
            if timed:
                spent[(size, kind)][0] += time.perf_counter() - started
                spent[(size, kind)][1] += time.thread_time() - used
    found = {size: {} for size in bound}
    for (size, kind), (wall, cpu) in spent.items():
        name = "store new articles (articles/s)" if kind == "store" else "POST /articles new (articles/s)"
        found[size][name] = len(fresh) / wall
        found[size][f"{name} [cpu]"] = len(fresh) / cpu
    return found


def report(backend: str, results: dict[int, dict]) -> None:
    """Two tables: wall-clock medians, and medians of the CPU time of the measuring thread (the
    service's own work with SQLite in the process: what a busy machine's preemptions do not inflate;
    on PostgreSQL the server's work is not in it)."""
    sizes = sorted(results)
    for title, cpu in (("in-process medians (ms; ingest in articles/s)", False), ("CPU time medians", True)):
        print(f"\n{backend}: {title}, ratio largest/smallest")
        print(f"{'request':38}" + "".join(f"{results[s]['quotes']:>12,}" for s in sizes) + "     ratio")
        for name in results[sizes[0]]:
            if name == "quotes" or name.endswith(" [cpu]") != cpu:
                continue
            values = [results[s][name] for s in sizes]
            label = name.removesuffix(" [cpu]")
            print(f"{label:38}" + "".join(f"{v:12.2f}" for v in values) + f"  {values[-1] / values[0]:8.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--postgres", help="postgresql://.../bench_archive (yours: it is rebuilt)")
    ap.add_argument("--cache", default="/tmp/quotebook-scale")
    ap.add_argument("--repeat", type=int, default=40)
    ap.add_argument(
        "--build-only", action="store_true", help="build (and cache) the databases, measure nothing"
    )
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    fresh = articles("polnear-dev.jsonl", "#new")
    os.makedirs(args.cache, exist_ok=True)
    urls = {}
    for size in sizes:
        if args.postgres:
            name = urlparse(args.postgres).path.lstrip("/")
            if not pg_exists(args.postgres, f"{name}_base"):
                build_base(pg_clone(args.postgres, f"{name}_base", "template0"))
            if not pg_exists(args.postgres, f"{name}_{size}"):
                build(pg_clone(args.postgres, f"{name}_{size}_part", f"{name}_base"), size)
                pg_rename(args.postgres, f"{name}_{size}_part", f"{name}_{size}")
            if not args.build_only:
                urls[size] = pg_clone(args.postgres, f"{name}_work_{size}", f"{name}_{size}")
        else:
            base, built = f"{args.cache}/base.db", f"{args.cache}/sqlite-{size}.db"
            if not os.path.exists(base):
                build_base(f"sqlite:///{base}")
            if not os.path.exists(built):
                copy_sqlite(base, f"{built}.part")
                build(f"sqlite:///{built}.part", size)
                os.rename(f"{built}.part", built)
            if not args.build_only:
                copy_sqlite(built, f"{args.cache}/work-{size}.db")
                urls[size] = f"sqlite:///{args.cache}/work-{size}.db"
    _disconnect()
    os.sync()  # the copies written back now: not in the checkpoints of the ingest measured (README)
    if urls:
        print(f"measuring {', '.join(u.split('@')[-1] for u in urls.values())}", flush=True)
        report("PostgreSQL" if args.postgres else "SQLite", measure(urls, args.repeat, fresh))


if __name__ == "__main__":
    main()
