"""Bulk import: ``flask --app api ingest ARCHIVE.jsonl [--workers N] [--shard K/N] [--batch M]``.

One article per line, with the fields of POST /articles (validated by the same schema).
Lines already stored (same url, or same text without one) are skipped before any
extraction, so an interrupted import is resumed by running it again. Extraction and
scoring run in ``--workers`` processes while this process writes what they finished,
``--batch`` articles per transaction; ``--shard K/N`` takes every N-th line from the
K-th, so that N machines can import one archive into one PostgreSQL. Failures are
reported with their line numbers at the end (exit status 1 if any). When fact-checks are
stored, the claims the import made are then matched against them, as POST /articles does.
"""

from __future__ import annotations

import json
import multiprocessing
import sys
from dataclasses import dataclass, field
from itertools import islice

import click
from flask import current_app
from flask.cli import with_appcontext
from marshmallow import ValidationError
from peewee import fn

from schemas.articles import article_in_schema

from ..db import close_connection, database, is_postgres, migrations, open_connection
from ..db.models import chunks
from ..facts.models import Claim, FactCheck
from ..intake.articles import prepare, store, store_many
from ..news.articles import dedupe_key
from ..news.models import Article
from .factchecks import match_stored


@dataclass
class Tally:
    stored: int = 0
    skipped: int = 0
    failed: dict = field(default_factory=dict)  # line number -> reason


def parse_shard(value: str) -> tuple[int, int]:
    try:
        k, n = (int(part) for part in value.split("/"))
    except ValueError:
        raise click.BadParameter("use K/N, e.g. 2/4") from None
    if not 1 <= k <= n:
        raise click.BadParameter("K must be between 1 and N")
    return k, n


def _read(line: str):
    """The article fields of one line, or the reason it is not one."""
    try:
        return article_in_schema.load(json.loads(line)), None
    except ValueError as exc:  # json.JSONDecodeError is a ValueError
        return None, f"not JSON: {exc}"
    except ValidationError as exc:
        fields = exc.messages if isinstance(exc.messages, dict) else {"_schema": exc.messages}
        return None, "; ".join(f"{name}: {' '.join(map(str, msgs))}" for name, msgs in sorted(fields.items()))


def _prepare(item):
    number, data, threshold = item
    try:
        return number, prepare(data, threshold), None
    except Exception as exc:  # noqa: BLE001 - one bad article must not stop the archive
        return number, None, f"extraction failed: {type(exc).__name__}: {exc}"


class _Now:
    """A finished map (no worker processes): the same ``get`` as a pool's AsyncResult."""

    def __init__(self, value):
        self.value = value

    def get(self):
        return self.value


def _unstored(items: list, tally: Tally) -> list:
    """The (line, data) items whose article is not stored yet; the others are counted as skipped."""
    keys = {n: dedupe_key(data.get("url"), data["text"]) for n, data in items}
    stored = set()
    for part in chunks(sorted(set(keys.values()))):
        stored.update(
            k for (k,) in Article.select(Article.dedupe_key).where(Article.dedupe_key.in_(part)).tuples()
        )
    tally.skipped += sum(1 for n, _ in items if keys[n] in stored)
    return [(n, data) for n, data in items if keys[n] not in stored]


def _write(prepared: list, tally: Tally, batch: int) -> None:
    """Store what the workers made, ``batch`` articles per transaction; one by one when a batch fails."""
    for n, _, reason in prepared:
        if reason:
            tally.failed[n] = reason
    ready = [(n, p) for n, p, reason in prepared if not reason]
    for part in chunks(ready, batch):
        try:
            outcomes = [created for _, created in store_many([p for _, p in part])]
        except Exception:  # noqa: BLE001 - one article broke the batch: store them one by one
            outcomes = [_store_one(n, p, tally) for n, p in part]
        tally.stored += outcomes.count(True)
        tally.skipped += outcomes.count(False)


def _store_one(number: int, prepared, tally: Tally) -> bool | None:
    try:
        return store(prepared)[1]
    except Exception as exc:  # noqa: BLE001 - reported with its line number
        tally.failed[number] = f"not stored: {type(exc).__name__}: {exc}"
        return None


def _lines(archive, shard: tuple[int, int]):
    k, n = shard
    for number, line in enumerate(archive, 1):
        if (number - 1) % n == k - 1 and line.strip():
            yield number, line


def _count_lines(archive) -> int | None:
    if not archive.seekable():
        return None
    total = sum(1 for _ in archive)
    archive.seek(0)
    return total


@click.command("ingest")
@click.argument("archive", type=click.File("r", encoding="utf-8"))
@click.option(
    "--workers",
    type=click.IntRange(0, 64),
    default=1,
    show_default=True,
    help="Processes that extract and score (0: in this process).",
)
@click.option(
    "--shard",
    default="1/1",
    show_default=True,
    callback=lambda c, p, v: parse_shard(v),
    help="K/N: every N-th line from the K-th, for N machines sharing one archive.",
)
@click.option(
    "--batch",
    type=click.IntRange(1, 1000),
    default=20,
    show_default=True,
    help="Articles per write transaction.",
)
@with_appcontext
def ingest_command(archive, workers, shard, batch):
    """Store an archive of articles (JSONL, one POST /articles body per line); re-runs resume."""
    threshold = current_app.config["CHECKWORTHY_THRESHOLD"]
    # The workers are forked before this process connects: they never hold a database connection.
    pool = multiprocessing.get_context("fork").Pool(workers) if workers else None
    open_connection()
    if migrations.version(database) != migrations.LATEST:
        raise click.ClickException(
            "The database schema is not current: run `flask --app api db upgrade` first."
        )
    tally, window = Tally(), batch * max(workers, 1) * 2
    claims_before = Claim.select(fn.MAX(Claim.id)).scalar() or 0
    total = _count_lines(archive)
    lines = _lines(archive, shard)
    try:
        with click.progressbar(
            length=total // shard[1] if total else 0, label="ingesting", file=sys.stderr
        ) as bar:
            pending = None
            while chunk := list(islice(lines, window)):
                items = []
                for number, line in chunk:
                    data, reason = _read(line)
                    if reason:
                        tally.failed[number] = reason
                    else:
                        items.append((number, data))
                work = [(n, data, threshold) for n, data in _unstored(items, tally)]
                job = pool.map_async(_prepare, work) if pool else _Now([_prepare(w) for w in work])
                if pending is not None:
                    _write(pending[0].get(), tally, batch)
                    bar.update(pending[1])
                pending = (job, len(chunk))
            if pending is not None:
                _write(pending[0].get(), tally, batch)
                bar.update(pending[1])
        database.execute_sql("ANALYZE" if is_postgres() else "PRAGMA optimize")
        if FactCheck.select().exists():  # the new claims against what is already checked, as POST does
            seen, made, _ = match_stored(after=claims_before)
            click.echo(f"matched {seen} new claims against the fact-checks: {made} new matches", err=True)
    finally:
        if pool:
            pool.close()
            pool.join()
        close_connection()
    _report(tally)


def _report(tally: Tally) -> None:
    click.echo(f"stored {tally.stored}, already stored {tally.skipped}, failed {len(tally.failed)}")
    for number, reason in sorted(tally.failed.items()):
        click.echo(f"line {number}: {reason}", err=True)
    if tally.failed:
        sys.exit(1)
