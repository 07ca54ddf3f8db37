"""Placeholder pipeline (replaced by the real engine): every “…” is a quote,
speaker = the capitalised words right after "said"."""
from __future__ import annotations

import regex

from .records import FULL, Quote, Span, Speaker

_QUOTED = regex.compile(r'[“"]([^“”"\n]{1,2000})[”"]')
_SAID = regex.compile(r'\G[,\s]*said\s+((?:\p{Lu}\w+\s?){1,3})')


def extract(text: str) -> tuple[Quote, ...]:
    out = []
    for m in _QUOTED.finditer(text):
        said = _SAID.match(text, m.end())
        speaker = mention = None
        if said:
            name = said.group(1).strip()
            mention = Span(said.start(1), said.start(1) + len(name), name)
            speaker = Speaker(name=name, aliases=(name,))
        out.append(Quote(m.start(1), m.end(1), m.group(1), FULL, speaker, mention, None,
                         0.5 if speaker else 0.2))
    return tuple(out)
