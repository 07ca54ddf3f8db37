"""Build a language's lists of common nouns, sentence openers and cue words from a train set.

    python scripts/build_lexicon.py de ../shared/eval/data/de-wikinews-train.jsonl

A capitalised word that the articles put after an article or determiner ("der Montag",
"zum Rücktritt") in at least ``--min-docs`` of them is a common noun, not a name: the
corpus-wide form of what ``mentions.common_nouns`` reads in one article.  A word that
opens a sentence capitalised but is written lowercase elsewhere in at least ``--min-docs``
articles ("Derzeit", "Letztlich", "Relativierend") is an opener, not a name.  Writes
``api/extraction/lexicons/<language>_{nouns,openers,cues}.txt``, one word a line, which the
lexicon reads.  A lowercase word inside the annotated cues of at least ``--min-docs`` articles,
and there in at least ``--cue-share`` of its uses ("würdigte", "vorgeworfen", "demnach"), is
a cue word: a speech verb of the lexicon.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from api.extraction.lexicons import LEXICONS  # noqa: E402
from api.extraction.mentions import common_nouns, tokenize  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("language")
    ap.add_argument("train")
    ap.add_argument("--min-docs", type=int, default=2)
    ap.add_argument("--cue-share", type=float, default=0.3, help="of a word's uses inside annotated cues")
    args = ap.parse_args()
    lx = LEXICONS[args.language]
    seen: collections.Counter = collections.Counter()
    lower: collections.Counter = collections.Counter()
    opening: set[str] = set()
    cue_docs: collections.Counter = collections.Counter()  # articles where the word is in a cue
    in_cue: collections.Counter = collections.Counter()  # its occurrences inside an annotated cue
    anywhere: collections.Counter = collections.Counter()  # and anywhere
    with open(args.train, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                doc = json.loads(line)
                text = doc["text"]
                words = tokenize(text)
                seen.update(common_nouns(words, lx))
                lower.update({w.text for w in words if w.text.islower()})
                anywhere.update(w.text for w in words if w.text.islower())
                opening.update(w.text.lower() for w in openers(words))
                cues = [w.text for u in doc["attributions"] for s, e in u["cue"] for w in tokenize(text[s:e])]
                in_cue.update(w for w in cues if w.islower())
                cue_docs.update({w for w in cues if w.islower()})
    # An acronym or a word with capitals inside ("der BBC", "die SPD-Fraktion") names something.
    nouns = sorted(w for w, n in seen.items() if n >= args.min_docs and len(w) > 2 and w[1:].islower())
    initial = sorted(w for w in opening if lower[w] >= args.min_docs and w not in lx.function_words)
    closed = lx.function_words | lx.determiners | lx.oblique_determiners | lx.prepositions | lx.report_markers
    cue_words = sorted(
        w
        for w, n in cue_docs.items()
        if n >= args.min_docs and in_cue[w] >= args.cue_share * anywhere[w] and len(w) > 3 and w not in closed
    )
    for name, found in (("nouns", nouns), ("openers", initial), ("cues", cue_words)):
        path = os.path.join(ROOT, "api", "extraction", "lexicons", f"{args.language}_{name}.txt")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("\n".join(found) + "\n")
        print(f"{len(found)} {name} written to {path}")


def openers(words):
    """The capitalised words that open a sentence."""
    return [w for k, w in enumerate(words) if w.text[:1].isupper() and (k == 0 or words[k - 1].text in ".!?")]


if __name__ == "__main__":
    main()
