"""The release before revisions (schema version 3), frozen: it stores articles as that release did.

Its rows are written with the columns version 3 had, from what the engines find in
each text (quotes, speakers, check-worthy sentences), and its counts, verdict tallies
and matching index filled by migration 0003's own ``backfill``: a database as that
release left it, for the upgrade test. Never change it to follow the live models.
"""

from __future__ import annotations

import json
from datetime import datetime

from api.core.text import digest, fold, normalize, word_count
from api.db.migrations import m0003_archive_scale
from api.extraction import extract
from api.facts.claims import scored_sentences

STORED_AT = datetime(2024, 3, 9, 8, 0)
VERDICT = {
    "rating_label": "Mostly true",
    "rating_value": 4.0,
    "best_rating": 5.0,
    "worst_rating": 1.0,
    "reviewer": "Harbour Checkers",
    "reviewer_url": "https://checkers.example",
    "url": "https://checkers.example/cargo",
    "date_published": "2024-03-07",
    "summary": "Cargo rose 38 percent.",
    "created_at": STORED_AT,
    "actor": "desk",
}


def _insert(database, table: str, row: dict) -> int:
    columns = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join([database.param] * len(row))
    sql = f'INSERT INTO "{table}" ({columns}) VALUES ({marks}) RETURNING id'
    return database.execute_sql(sql, list(row.values())).fetchone()[0]


def _published(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None) if value else None


class Release0003:
    """Stores articles in a version-3 database the way that release did (exact repeats only)."""

    def __init__(self, database):
        self.database = database
        self.speakers: dict[str, int] = {}
        self.statements: dict[str, int] = {}
        self.claims: list[int] = []

    def speaker(self, found) -> int | None:
        if found is None or found.kind == "unknown" or not found.name.strip():
            return None
        key = f"{found.kind}:{fold(found.name)}"
        if key not in self.speakers:
            self.speakers[key] = _insert(
                self.database,
                "speaker",
                {
                    "key": key,
                    "name": found.name,
                    "title": found.title,
                    "kind": found.kind,
                    "folded": fold(found.name),
                    "created_at": STORED_AT,
                    "quote_count": 0,
                    "article_count": 0,
                    "claim_count": 0,
                },
            )
            for alias in dict.fromkeys((found.name, *found.aliases)):
                row = {"speaker_id": self.speakers[key], "alias": alias, "folded": fold(alias)}
                _insert(self.database, "speakeralias", row)
        return self.speakers[key]

    def statement(self, speaker_id: int | None, text: str, dated_at: datetime) -> int | None:
        norm = normalize(text)
        if not norm:
            return None
        key = f"{speaker_id or 0}:{digest(norm)}"
        if key in self.statements:
            return self.statements[key]
        row = {
            "key": key,
            "speaker_id": speaker_id,
            "text": text,
            "normalized": norm,
            "word_count": word_count(norm),
            "first_seen_at": dated_at,
            "created_at": STORED_AT,
            "updated_at": STORED_AT,
            "appearance_count": 0,
        }
        self.statements[key] = sid = _insert(self.database, "statement", row)
        for sentence, sentence_norm, score, features in scored_sentences(text, None):
            claim = {
                "statement_id": sid,
                "text": sentence,
                "normalized": sentence_norm,
                "norm_hash": digest(sentence_norm),
                "folded": fold(sentence),
                "score": score,
                "features": json.dumps(features),
                "origin": "scorer",
                "status": "unreviewed",
                "assignee": None,
                "created_at": STORED_AT,
                "updated_at": STORED_AT,
            }
            self.claims.append(_insert(self.database, "claim", claim))
        return sid

    def article(self, data: dict) -> int:
        published = _published(data.get("published_at"))
        dated_at = published or STORED_AT
        key = f"url:{digest(data['url'])}" if data.get("url") else f"text:{digest(data['text'])}"
        fields = {k: data.get(k) for k in ("url", "title", "publisher", "language")}
        row = {"dedupe_key": key, **fields, "published_at": published, "text": data["text"]}
        article_id = _insert(self.database, "article", {**row, "created_at": STORED_AT, "dated_at": dated_at})
        for position, found in enumerate(extract(data["text"])):
            speaker_id = self.speaker(found.speaker)
            mention, cue = found.mention, found.cue
            quote = {
                "article_id": article_id,
                "speaker_id": speaker_id,
                "statement_id": self.statement(speaker_id, found.text, dated_at),
                "position": position,
                "start_char": found.start,
                "end_char": found.end,
                "text": found.text,
                "kind": found.kind,
                "confidence": found.confidence,
                "mention_text": mention.text if mention else None,
                "mention_start": mention.start if mention else None,
                "mention_end": mention.end if mention else None,
                "cue_text": cue.text if cue else None,
                "cue_start": cue.start if cue else None,
                "cue_end": cue.end if cue else None,
                "publisher": data.get("publisher"),
                "dated_at": dated_at,
            }
            _insert(self.database, "quote", quote)
        change = {"entity": "article", "entity_id": article_id, "action": "created", "at": STORED_AT}
        _insert(self.database, "change", {**change, "actor": "desk"})
        return article_id

    def verdict(self, claim_id: int) -> int:
        review = _insert(self.database, "review", {"claim_id": claim_id, **VERDICT})
        self.database.execute_sql(
            f"UPDATE claim SET status = 'reviewed' WHERE id = {self.database.param}", [claim_id]
        )
        return review

    def finish(self) -> None:
        """What the release's write path kept as it went: counts, verdict tallies, matching index."""
        m0003_archive_scale.backfill(self.database)
