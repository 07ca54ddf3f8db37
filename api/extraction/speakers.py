"""Stage 3: resolve mentions to the article's people (placeholder)."""
from __future__ import annotations

from .records import Speaker


def resolve(layout, spans, cues):
    out = []
    for cue in cues:
        if cue is None:
            out.append(None)
            continue
        name = layout.text[cue.mention[0]:cue.mention[1]]
        out.append(Speaker(name=name, aliases=(name,)))
    return out
