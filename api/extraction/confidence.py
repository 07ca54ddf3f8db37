"""Stage 4: confidence (placeholder)."""
from __future__ import annotations


def score(layout, q, cue, kind, speaker) -> float:
    return 0.8 if cue else 0.2
