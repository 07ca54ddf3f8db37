"""The candidate antecedents of an English "he" or "she", with named features, for
``scripts/train_pronoun.py``: a learned resolver measured on PolNeAR and not used by
the engine (api/extraction/MODEL.md, "A learned pronoun resolver").

The candidates are the people of the pronoun's gender (or of no known gender) named
in the 3,000 characters before it, one per entity, the most recent first, as
``speakers.resolve_pronoun`` reads them.  Each gets named features: how many other
people were named since (rank), how many sentences and paragraphs back its latest
mention is, whether that mention is a clause subject or the subject of a speech
verb, whether it opens its sentence, whether it is the nearest subject or speaker,
how often the person was named so far, whether the gender is known to agree.  A
softmax over the candidates' scores gives the chance of each.

    >>> agreement("m", "m"), agreement("m", None)
    ('gender:match', 'gender:unknown')
"""

from __future__ import annotations

import math
import os
import sys
from bisect import bisect_left, bisect_right

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from api.extraction.layout import Layout  # noqa: E402
from api.extraction.ranking import Model, bucket  # noqa: E402
from api.extraction.records import PERSON  # noqa: E402
from api.extraction.speakers import Cast, Entity  # noqa: E402

LOOKBACK = 3000  # characters searched back for an antecedent
MAX_MENTIONS = 200  # cast mentions read back at most (linear on a text of names)
MAX_PEOPLE = 8  # candidates kept, the most recent first


def agreement(pronoun: str | None, entity: str | None) -> str:
    return "gender:match" if entity is not None and entity == pronoun else "gender:unknown"


def candidates(layout: Layout, cast: Cast, pos: int, gender: str | None) -> list[tuple[Entity, list[str]]]:
    """The people a pronoun at ``pos`` of ``gender`` may stand for, each with its features
    (most recent first)."""
    text = layout.text
    k = bisect_left(cast.mentions, (pos,)) - 1
    stop = max(-1, k - MAX_MENTIONS)
    seen: dict[int, list] = {}  # id(entity) -> [entity, latest start, latest end, count, speaker anywhere]
    while k > stop and cast.mentions[k][0] >= pos - LOOKBACK:
        start, end, e = cast.mentions[k]
        k -= 1
        if e.kind != PERSON or (e.gender and e.gender != gender):
            continue
        entry = seen.get(id(e))
        if entry is not None:
            entry[3] += 1
            entry[4] = entry[4] or cast.is_speaker(text, end)
            continue
        if len(seen) >= MAX_PEOPLE:
            continue
        speaker = cast.is_speaker(text, end)
        if not (speaker or len(e.tokens) > 1 or e.gender is not None or e.title is not None):
            continue  # "Austin" alone, never speaking nor gendered: a place as often as a person
        seen[id(e)] = [e, start, end, 1, speaker]
    sentence = bisect_right(layout.sentence_ends, pos)
    para = layout.paragraph_of(pos)
    out = []
    subject_seen = speaker_seen = False
    for rank, (e, start, end, count, spoke) in enumerate(seen.values()):
        subject, speaker = cast.is_subject(text, end), cast.is_speaker(text, end)
        back = sentence - bisect_right(layout.sentence_ends, start)
        paras = para - layout.paragraph_of(start)
        opens = start - layout.sentence_start(start, 0) < 3
        f = [
            agreement(gender, e.gender),
            "rank:" + bucket(rank, (1, 2)),
            "sentences:" + bucket(back, (1, 2, 4)),
            "paragraphs:" + bucket(paras, (1, 2)),
            "subject" if subject else "not-subject",
            "speaker" if speaker else "not-speaker",
            "spoke" if spoke else "never-spoke",
            "opens-sentence" if opens else "inside-sentence",
            "mentions:" + bucket(count, (1, 3, 7)),
            "full-name" if len(e.tokens) > 1 else "one-word",
            "possessive" if text[end : end + 2] in ("’s", "'s") else "plain",
        ]
        f += [f[1] + "&" + f[0], f[2] + "&" + f[4]]
        if subject and not subject_seen:
            f.append("nearest-subject")
        if speaker and not speaker_seen:
            f.append("nearest-speaker")
        if subject and opens:
            f.append("opens-as-subject")
        subject_seen, speaker_seen = subject_seen or subject, speaker_seen or speaker
        out.append((e, f))
    return out


def choose(model: Model, cands: list[tuple[Entity, list[str]]]) -> tuple[Entity | None, float, float]:
    """(the best candidate, its probability, the best probability among the others of a known
    matching gender) under the softmax of the model's scores."""
    if not cands:
        return None, 0.0, 0.0
    scores = [model.logit(f) for _, f in cands]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    z = sum(exps)
    best = scores.index(top)
    rival = max(
        (exps[j] / z for j, (_, f) in enumerate(cands) if j != best and f[0] == "gender:match"), default=0.0
    )
    return cands[best][0], exps[best] / z, rival
