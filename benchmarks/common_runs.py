"""Statement matching when a speaker says the same four words all the time: the lookup's cost
as the number of that speaker's statements holding the run grows (100 -> 100k).

    .venv/bin/python benchmarks/common_runs.py [--sizes 100,1000,10000,100000] [--postgres URL]

One speaker's statements all start 'we are going to' and go on with words of their own (as a
politician's do); a quote of the same speaker that also starts with that run looks up its
candidates. Printed per size, medians over the quotes: the shipped lookup (``Matcher.load``:
the database intersects a probe's pair of index ranges, and keeps the oldest 20 of those around
the words) against a baseline in the same run, the lookup before it (every statement under any
of the probe's hashes, loaded and hashed), with the statements each loads; and the run itself
quoted alone, which every statement holds (the oldest 20 are loaded).
No engine, no ../shared: synthetic words, so it runs anywhere.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from api import create_app, db  # noqa: E402
from api.core.shingles import index_hashes, probe  # noqa: E402
from api.db import migrations  # noqa: E402
from api.db.models import chunks, insert_rows, select_in  # noqa: E402
from api.news.matching import Matcher  # noqa: E402
from api.news.models import Speaker, Statement, StatementHash  # noqa: E402

WORDS = [f"w{i}" for i in range(5000)]
QUOTES = 40
SEEN = datetime(2020, 1, 1)
S = Statement


def sentence(rng: random.Random) -> str:
    return "we are going to " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12)))


def fill(speaker_id: int, n: int, start: int, rng: random.Random) -> None:
    rows, hashes = [], []
    for i in range(start, start + n):
        norm = sentence(rng)
        rows.append((i, f"{speaker_id}:{i}", speaker_id, norm, norm, len(norm.split()), SEEN, SEEN, SEEN, 1))
        hashes += [(h, i) for h in index_hashes(speaker_id, norm)]
    fields = [S.id, S.key, S.speaker, S.text, S.normalized, S.word_count, S.first_seen_at]
    fields += [S.created_at, S.updated_at, S.appearance_count]
    insert_rows(Statement, fields, rows)
    insert_rows(StatementHash, [StatementHash.hash, StatementHash.statement], hashes)


def baseline(found) -> list:
    """The lookup before: every statement filed under any hash of the probe, loaded and hashed."""
    wanted = sorted(found.hashes())
    ids = sorted({sid for (sid,) in select_in("SELECT statement FROM statement_hash WHERE hash IN", wanted)})
    rows = []
    for part in chunks(ids):
        query = Statement.select(S.id, S.speaker, S.normalized).where(S.id.in_(part))
        rows += [(sid, index_hashes(speaker_id, norm)) for sid, speaker_id, norm in query.tuples()]
    return rows


def shipped(found) -> list:
    """What storing a quote loads now (``Matcher.load``): the statements it may repeat."""
    return list({id(row): row for rows in Matcher.load([found])._by_hash.values() for row in rows}.values())


def timed(fn, probes) -> tuple[float, float]:
    times, sizes = [], []
    for found in probes:
        t = time.perf_counter()
        sizes.append(len(fn(found)))
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), statistics.median(sizes)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,1000,10000,100000")
    ap.add_argument("--postgres", help="a database of your own (emptied)")
    args = ap.parse_args()
    url = args.postgres or f"sqlite:///{tempfile.mkdtemp()}/runs.db"
    rng = random.Random(7)
    with create_app({"DATABASE_URL": url}).app_context():
        migrations.drop_all(db.database)
        migrations.upgrade(db.database)
        speaker = Speaker.create(
            name="Lloyd Austin", key="person:lloyd austin", kind="person", folded="lloyd austin"
        ).id
        print("statements holding the run | shipped ms (statements) | baseline ms (statements) | ratio")
        held, first = 0, None
        for size in sorted(int(s) for s in args.sizes.split(",")):
            with db.database.atomic():
                fill(speaker, size - held, held + 1, rng)
            held = size
            if args.postgres:
                db.database.execute_sql("ANALYZE")
            probes = [probe(speaker, sentence(rng)) for _ in range(QUOTES)]
            new, old = timed(shipped, probes), timed(baseline, probes)
            alone = timed(shipped, [probe(speaker, "we are going to")] * 5)
            first = first or new[0]
            print(
                f"{size:>26,} | {new[0]:8.2f} ({new[1]:.0f}) | {old[0]:8.2f} ({old[1]:.0f}) "
                f"| {old[0] / new[0]:.1f}x; shipped {new[0] / first:.2f}x of the smallest; "
                f"the run alone as a quote {alone[0]:.2f} ms ({alone[1]:.0f})"
            )


if __name__ == "__main__":
    main()
