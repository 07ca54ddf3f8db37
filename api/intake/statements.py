"""Link an article's quotes to the statements they are appearances of; claims follow merged statements.

All of an article's quotes are matched first, in memory (``news.matching.Matcher``),
and only then written: a statement that a later quote folds into an older one is
never handed to an earlier quote's row, because every quote resolves to the
statement that survives (``StatementRow.alive``) when the rows are written.
"""

from __future__ import annotations

from collections import Counter

from peewee import fn

from ..core.shingles import contains, probe
from ..core.text import word_count
from ..facts.claims import claims_reach_one_more_article, move_claims
from ..facts.models import Claim
from ..news import statements
from ..news.matching import Matcher, StatementRow
from ..news.models import Statement


def _take_wording(survivor: StatementRow, text: str, norm: str) -> None:
    if word_count(norm) > survivor.word_count:
        survivor.text, survivor.normalized, survivor.word_count = text, norm, word_count(norm)
        survivor.changed |= {"text", "normalized", "word_count"}


def _take_date(survivor: StatementRow, seen) -> None:
    if seen < survivor.first_seen_at:
        survivor.first_seen_at = seen
        survivor.changed.add("first_seen_at")


class Linker:
    """The statements of one article's quotes, decided in memory, then written at once."""

    def __init__(self, quotes: list[tuple[int | None, str, str]]):
        self.quotes = quotes  # (speaker id, text, normalized) per quote
        self.probes = {(s, n): probe(s, n) for s, _, n in quotes if n}
        self.matcher = Matcher.load(list(self.probes.values()))
        self.new: list[StatementRow] = []
        self.touched: dict[StatementRow, None] = {}  # stored statements this article appears in
        self.folded: list[StatementRow] = []  # stored statements folded into an older one

    def link(self, speaker_id: int | None, text: str, norm: str, dated_at) -> StatementRow | None:
        """The statement these words are an appearance of: a new one, or the oldest of those they repeat
        (of those holding them, when some do: 'going to do it' inside two different longer sayings
        joins the older and merges neither).

        The others they repeat that lie inside them (a partial quote that this longer one bridges)
        are folded into it; it keeps the earliest date, and these words when they are longer than its own (so
        its words always contain those it was first stored with: its ``key`` stays true).
        """
        if not norm:
            return None
        found = self.matcher.match(speaker_id, norm, self.probes[(speaker_id, norm)])
        if not found:
            row = StatementRow(None, speaker_id, text, norm, dated_at)
            self.matcher.add(row)
            self.new.append(row)
            return row
        # Statements around these words (longer ones holding them) are different sayings that
        # share them: the words join the oldest and fold none of the others; those inside them
        # (or the same) are parts of one saying and fold into the survivor.
        around = [row for row in found if not contains(norm, row.normalized)]
        survivor = around[0] if around else found[0]
        self.matcher.remove(survivor)
        for other in (row for row in found if row is not survivor and row not in around):
            self.matcher.remove(other)
            other.merged_into = survivor
            _take_date(survivor, other.first_seen_at)
            if other.id is not None:
                self.folded.append(other)
        _take_wording(survivor, text, norm)
        _take_date(survivor, dated_at)
        self.matcher.add(survivor)
        if survivor.id is not None:
            self.touched[survivor] = None
        return survivor

    def write(self, rows: list[StatementRow | None], changes: list) -> list[StatementRow | None]:
        """Write what ``link`` decided; each quote's surviving statement (with its id)."""
        final = [row.alive if row else None for row in rows]
        appearances = Counter(row for row in final if row is not None)
        for other in self.folded:
            survivor = other.alive
            move_claims(other.id, survivor.id, survivor.speaker_id, changes)
            statements.fold_into(survivor, other, changes)
        created = [row for row in self.new if row.merged_into is None]
        statements.insert_statements(created, appearances)
        touched = [row for row in self.touched if row.merged_into is None]
        statements.save_changes(touched)
        statements.add_appearances({row.id: appearances[row] for row in touched})
        statements.index(created + touched)
        changes += [("statement", row.id, "created") for row in created]
        changes += [("statement", row.id, "updated") for row in touched]
        claims_reach_one_more_article([row.id for row in touched], changes)
        return final


def link_appearances(quotes: list[tuple[int | None, str, str]], dated_at, changes: list) -> list:
    """The statement of each (speaker id, text, normalized) quote of one article, written; None: no words."""
    linker = Linker(quotes)
    rows = [linker.link(speaker_id, text, norm, dated_at) for speaker_id, text, norm in quotes]
    return linker.write(rows, changes)


def prune_unheard(statement_ids: set[int], changes: list) -> None:
    """Statements left without any appearance and without claims are records of nothing: deleted.

    One that carries claims stays (with 0 appearances): its claims and verdicts stay with it.
    """
    if not statement_ids:
        return
    claimed = Claim.select(fn.COUNT(Claim.id)).where(Claim.statement == Statement.id)
    columns = (Statement.id, Statement.speaker, Statement.text, Statement.normalized, Statement.first_seen_at)
    query = Statement.select(*columns).where(
        Statement.id.in_(sorted(statement_ids)) & (Statement.appearance_count == 0) & (claimed == 0)
    )
    rows = []
    for sid, speaker_id, text, norm, seen in query.tuples():
        row = StatementRow(sid, speaker_id, text, norm, seen)
        row.stored_hashes = row.hashes()
        rows.append(row)
    statements.delete_statements(rows, changes)
