"""Build api/matching/model.json and vectors.npy: the word vectors and the reranker of the matcher.

    ../train-venv/bin/python scripts/train_matching.py [--data ../shared/eval/data] [--cache DIR]

1. Vocabulary: the words of the fact-checked claims and titles, of the training tweets, and the
   frequent words of the ClaimBuster and PolNeAR texts (counts give the SIF weights).
2. Teacher (scripts/matching_teacher.py): all-MiniLM-L6-v2 fine-tuned on the training tweets.
3. Student (scripts/matching_student.py): distilled from the teacher over the claims and the
   ClaimBuster sentences, then fitted to the training tweets against all claims.
4. Reranker (scripts/matching_reranker.py): fitted on out-of-fold rows, one per (tweet,
   candidate) with the features of api/matching/rerank.py and label 1 for a gold claim: 5 folds
   over the training tweets (i % 5), each fold's candidates scored by a student fitted on the
   other four. The rerankers of CHOICES are compared by cross-validation (each fold ranked by a
   reranker fitted on the other folds' rows) and the best train MAP@5 ships; the teacher is
   fitted once on all training tweets (see MODEL.md). Then the reranker is fitted on all
   out-of-fold rows and the model, with the final student (all of train), is scored on dev.
The teacher, its embeddings and the six students are cached in --cache (torch is imported only
when one is missing), so a change of features or reranker reruns in a minute or two.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import matching_reranker as reranker_lib  # noqa: E402
import matching_student as student_lib  # noqa: E402
import matching_teacher as teacher_lib  # noqa: E402

from api.matching import Index  # noqa: E402
from api.matching.bm25 import BM25Index  # noqa: E402
from api.matching.rerank import FEATURES  # noqa: E402
from api.matching.text import clean, terms, words  # noqa: E402
from api.matching.vectors import Model, word_vectors  # noqa: E402

OUT = ROOT / "api" / "matching"

# Rerankers compared by train CV (kind, features); the best MAP@5 ships.
CHOICES = {
    "listwise, BM25F + cosine": ("listwise", reranker_lib.BASE),
    "pointwise, all features": ("pointwise", FEATURES),
    "listwise, all features": ("listwise", FEATURES),
    "listwise, all features but the squares and product": ("listwise", reranker_lib.LINEAR),
}


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def vocabulary(claims, tweets, general):
    task, other = Counter(), Counter()
    for c in claims:
        task.update(words(c["text"]) + words(c["title"]))
    for t in tweets:
        task.update(words(t["text"]))
    for text in general:
        other.update(words(text))
    vocab = sorted(set(task) | {w for w, n in other.items() if n >= 5})
    return vocab, np.array([task[w] + other[w] + 1 for w in vocab], dtype=np.float64)


def hard_negatives(claims, tweets, docs, position):
    bm25 = BM25Index()
    for c in claims:
        bm25.add(c["text"], c["title"])
    rng, out = np.random.default_rng(0), []
    for t in tweets:
        slots, _, _ = bm25.top(terms(t["text"]), 10)
        negs = [s for s in slots.tolist() if claims[s]["id"] not in t["relevant"]]
        out.append(docs[negs[rng.integers(min(3, len(negs)))]] if negs else docs[rng.integers(len(docs))])
    return out


def as_model(exported, vocab, reranker=None) -> Model:
    """The model the service would read from ``student_lib.export``'s (vectors, scales, weights)."""
    vectors, scales, weights = exported
    raw = vectors.astype(np.float32) * scales.astype(np.float32)[:, None]
    index = {w: i for i, w in enumerate(vocab)}
    return Model(word_vectors(index, raw, weights), reranker or {"cos": 1.0}, {})


def build_index(model, claims) -> Index:
    index = Index(model)
    for i, c in enumerate(claims):
        index.add(i, c["text"], c["title"])
    return index


def rows_for(index, tweets, claims):
    """Per tweet: (candidate claim ids, feature matrix, labels)."""
    out = []
    for t in tweets:
        slots, matrix = index.candidates(t["text"])
        ids = [claims[int(s)]["id"] for s in slots]
        out.append((ids, matrix, np.array([i in t["relevant"] for i in ids], dtype=float)))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval" / "data")
    ap.add_argument("--cache", type=Path, default=ROOT.parent / "train-cache" / "matching")
    ap.add_argument("--out", type=Path, default=OUT, help="Where to write the model (default: api/matching).")
    ap.add_argument("--dims", type=int, default=128)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--distil-epochs", type=int, default=5)
    ap.add_argument("--task-epochs", type=int, default=6)
    a = ap.parse_args()
    started = time.time()
    claims = load(a.data / "clef2020-vclaims.jsonl")
    train, dev = load(a.data / "clef2020-train.jsonl"), load(a.data / "clef2020-dev.jsonl")
    claimbuster = [x["text"] for x in load(a.data / "claimbuster-train.jsonl")]
    polnear = [x["text"] for x in load(a.data / "polnear-train.jsonl")]
    docs = [f"{c['title']}. {c['text']}" for c in claims]
    position = {c["id"]: i for i, c in enumerate(claims)}
    vocab, freq = vocabulary(claims, train, claimbuster + polnear)
    index = {w: i for i, w in enumerate(vocab)}
    print(f"vocabulary: {len(vocab)} words", file=sys.stderr)

    folds = [[t for i, t in enumerate(train) if i % a.folds == f] for f in range(a.folds)]
    parts = [[t for f, part in enumerate(folds) if f != fold for t in part] for fold in range(a.folds)]
    settings = f"{a.dims}-{a.distil_epochs}-{a.task_epochs}"
    students = {f"fold{f}": part for f, part in enumerate(parts)} | {"final": train}
    paths = {
        tag: a.cache / f"student-{tag}-{settings}-{key_of(tweets)}.npz" for tag, tweets in students.items()
    }
    if not all(p.exists() for p in paths.values()):  # the students, cached: torch only when one is missing
        pairs = [(clean(t["text"]), docs[position[t["relevant"][0]]]) for t in train]
        teacher = teacher_lib.finetune(
            pairs, hard_negatives(claims, train, docs, position), a.cache / "teacher"
        )
        single = teacher_lib.embed(vocab, a.cache, "words")  # the base model: a word alone
        # The training tweets stay out of stage 1: their teacher embeddings carry their labels.
        texts = docs + claimbuster
        targets = np.concatenate(
            [
                teacher_lib.embed(docs, a.cache, "teacher-docs", teacher),
                teacher_lib.embed(claimbuster, a.cache, "teacher-claimbuster", teacher),
            ]
        )
        distilled = student_lib.distill(single, freq, texts, targets, index, a.dims, a.distil_epochs)
        for tag, tweets in students.items():
            if not paths[tag].exists():
                s = copy.deepcopy(distilled)
                queries, positives = [t["text"] for t in tweets], [position[t["relevant"][0]] for t in tweets]
                s = student_lib.fit_task(s, queries, positives, docs, index, epochs=a.task_epochs)
                np.savez(paths[tag], *shipped(student_lib.export(s)))
    exported = {tag: tuple(np.load(p)[f"arr_{i}"] for i in range(3)) for tag, p in paths.items()}

    # Out-of-fold rows: each fold's tweets as seen by a student that never saw them. The shipped
    # reranker learns from these (a student scores its own training tweets too well to learn from).
    oof_rows = []
    for fold in range(a.folds):
        idx = build_index(as_model(exported[f"fold{fold}"], vocab), claims)
        oof_rows.append(rows_for(idx, folds[fold], claims))
        print(f"  out-of-fold rows, fold {fold}", file=sys.stderr)
    with open(a.cache / "oof-rows.pkl", "wb") as f:
        pickle.dump(oof_rows, f)
    cvs = {}
    for name, (kind, features) in CHOICES.items():
        cvs[name] = reranker_lib.cross_validate(oof_rows, folds, train, kind, features)
        print(f"train, {a.folds}-fold CV, {name} reranker: {cvs[name]}")
    choice = max(cvs, key=lambda k: (cvs[k]["map@5"], cvs[k]["mrr"]))  # chosen on train CV, never on dev
    kind, features = CHOICES[choice]

    model = as_model(exported["final"], vocab)
    idx = build_index(model, claims)
    reranker = reranker_lib.fit([r for rows in oof_rows for r in rows], kind, features)
    on_dev = reranker_lib.metrics(reranker_lib.ranked(rows_for(idx, dev, claims), dev, reranker), dev)
    print(f"reranker: {choice} {reranker}\ndev: {on_dev}")

    meta = {
        "built_by": "scripts/train_matching.py",
        "args": {
            k: str(v) if isinstance(v, Path) else v
            for k, v in vars(a).items()
            if k not in ("data", "cache", "out")
        },
        "reranker": choice,
        "train_cv": cvs[choice],
        "train_cv_all": cvs,
        "dev": on_dev,
        "minutes": round((time.time() - started) / 60, 1),
    }
    save(exported["final"], vocab, reranker, meta, a.out)


def key_of(tweets) -> str:
    return hashlib.sha256(" ".join(t["id"] for t in tweets).encode()).hexdigest()[:12]


def shipped(exported):
    """(int8 vectors, float32 scales, weights rounded to 4 places): exactly what ``save`` writes."""
    vectors, scales, weights = exported
    return vectors, scales.astype(np.float32), np.round(weights.astype(np.float64), 4)


def save(exported, vocab, reranker, meta, out=OUT):
    vectors, scales, weights = exported
    out.mkdir(parents=True, exist_ok=True)
    np.save(out / "vectors.npy", vectors)
    spec = {
        "vocabulary": vocab,
        "weights": [round(float(w), 4) for w in weights],
        "scales": [float(np.float32(s)) for s in scales],
        "reranker": reranker,
        "meta": meta,
    }
    (out / "model.json").write_text(json.dumps(spec, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out / 'vectors.npy'} and {out / 'model.json'}")


if __name__ == "__main__":
    main()
