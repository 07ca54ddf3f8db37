"""Build api/matching/model.json and vectors.npy: the word vectors and the reranker of the matcher.

    ../train-venv/bin/python scripts/train_matching.py [--data ../shared/eval/data] [--cache DIR]

1. Vocabulary: the words of the fact-checked claims and titles, of the training tweets, and the
   frequent words of the ClaimBuster and PolNeAR texts (counts give the SIF weights).
2. Teacher (scripts/matching_teacher.py): all-MiniLM-L6-v2 fine-tuned on the training tweets.
3. Student (scripts/matching_student.py): distilled from the teacher over the claims and the
   ClaimBuster sentences, then fitted to the training tweets against all claims.
4. Reranker: a logistic regression over the features of api/matching/rerank.py, one row per
   (tweet, candidate), label 1 for a gold claim, on out-of-fold rows: 5 folds over the training
   tweets (i % 5), each fold's candidates scored by a student fitted on the other four.
Cross-validation ranks each fold with its student and a reranker fitted on the other folds' rows;
the teacher is fitted once on all training tweets (see MODEL.md). Then the shipped student is
fitted on all of train, the reranker on all out-of-fold rows, and the model is scored on dev.
"""

from __future__ import annotations

import argparse
import copy
import json
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import matching_student as student_lib  # noqa: E402
import matching_teacher as teacher_lib  # noqa: E402

from api.matching import Index  # noqa: E402
from api.matching.bm25 import BM25Index  # noqa: E402
from api.matching.rerank import FEATURES  # noqa: E402
from api.matching.text import clean, terms, words  # noqa: E402
from api.matching.vectors import Model, WordVectors  # noqa: E402

OUT = ROOT / "api" / "matching"


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def metrics(ranked: dict, gold: list) -> dict:
    """MAP@1, MAP@5 and MRR as ../shared/eval/score_matches.py computes them."""

    def ap(r, rel, k):
        hits, total = 0, 0.0
        for i, d in enumerate(r[:k], 1):
            if d in rel:
                hits += 1
                total += hits / i
        return total / min(len(rel), k)

    out = {}
    for k in (1, 5):
        out[f"map@{k}"] = round(np.mean([ap(ranked[g["id"]], set(g["relevant"]), k) for g in gold]), 4)
    rr = [next((1 / i for i, d in enumerate(ranked[g["id"]], 1) if d in g["relevant"]), 0.0) for g in gold]
    out["mrr"] = round(float(np.mean(rr)), 4)
    return out


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


def as_model(student, vocab, reranker=None) -> Model:
    vectors, scales, weights = student_lib.export(student)
    rows = vectors.astype(np.float32) * (scales * weights)[:, None].astype(np.float32)
    index = {w: i for i, w in enumerate(vocab)}
    return Model(WordVectors(index, rows, rows.shape[1]), reranker or {"cos": 1.0}, {})


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


def fit_reranker(rows, kind="listwise", c=1.0) -> dict:
    """Coefficients of the reranker. ``pointwise``: a logistic regression over all rows.
    ``listwise``: a linear score whose softmax over each tweet's candidates gives its gold claims
    the most probability (L2 1e-3), then calibrated by a logistic regression on that one score."""
    from scipy.optimize import minimize
    from sklearn.linear_model import LogisticRegression

    X = np.concatenate([m for _, m, _ in rows if len(m)])
    y = np.concatenate([lab for _, m, lab in rows if len(m)])
    if kind == "pointwise":
        lr = LogisticRegression(C=c, max_iter=2000).fit(X, y)
        weights, bias = lr.coef_[0], float(lr.intercept_[0])
    else:
        groups = [(m, lab > 0) for _, m, lab in rows if len(m) and lab.any()]

        def loss(w):
            value, grad = 1e-3 * w @ w, 2e-3 * w
            for m, gold in groups:
                z = m @ w
                p = np.exp(z - z.max())
                p /= p.sum()
                q = p * gold / (p * gold).sum()
                value -= np.log((p * gold).sum())
                grad -= (q - p) @ m
            return value / len(groups), grad / len(groups)

        w = minimize(loss, np.ones(X.shape[1]), jac=True, method="L-BFGS-B").x
        platt = LogisticRegression(C=c, max_iter=2000).fit((X @ w)[:, None], y)
        weights, bias = w * platt.coef_[0][0], float(platt.intercept_[0])
    return {"bias": round(bias, 4)} | {
        name: round(float(v), 4) for name, v in zip(FEATURES, weights, strict=True)
    }


def ranked_by(index, tweets, claims, k=100):
    return {t["id"]: [claims[key]["id"] for key, _ in index.search(t["text"], k)] for t in tweets}


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

    pairs = [(clean(t["text"]), docs[position[t["relevant"][0]]]) for t in train]
    teacher = teacher_lib.finetune(pairs, hard_negatives(claims, train, docs, position), a.cache / "teacher")
    word_vectors = teacher_lib.embed(vocab, a.cache, "words")  # the base model: a word alone
    # The training tweets stay out of stage 1: their teacher embeddings carry their labels.
    texts = docs + claimbuster
    targets = np.concatenate(
        [
            teacher_lib.embed(docs, a.cache, "teacher-docs", teacher),
            teacher_lib.embed(claimbuster, a.cache, "teacher-claimbuster", teacher),
        ]
    )
    distilled = student_lib.distill(word_vectors, freq, texts, targets, index, a.dims, a.distil_epochs)

    def fitted(tweets):
        s = copy.deepcopy(distilled)
        queries, positives = [t["text"] for t in tweets], [position[t["relevant"][0]] for t in tweets]
        return student_lib.fit_task(s, queries, positives, docs, index, epochs=a.task_epochs)

    # Out-of-fold rows: each fold's tweets as seen by a student that never saw them. The shipped
    # reranker learns from these (a student scores its own training tweets too well to learn from).
    folds = [[t for i, t in enumerate(train) if i % a.folds == f] for f in range(a.folds)]
    oof_rows, fold_models = [], []
    for fold in range(a.folds):
        inside = [t for f, part in enumerate(folds) if f != fold for t in part]
        model = as_model(fitted(inside), vocab)
        idx = build_index(model, claims)
        oof_rows.append(rows_for(idx, folds[fold], claims))
        fold_models.append((model, idx))
    with open(a.cache / "oof-rows.pkl", "wb") as f:
        pickle.dump(oof_rows, f)
    cvs = {}
    for kind in ("pointwise", "listwise"):
        oof = {}
        for fold, (model, idx) in enumerate(fold_models):  # ranked by a reranker fitted on the others
            others = [r for f in range(a.folds) if f != fold for r in oof_rows[f]]
            idx._model = Model(model.words, fit_reranker(others, kind), {})
            oof |= ranked_by(idx, folds[fold], claims)
        cvs[kind] = metrics(oof, train)
        print(f"train, {a.folds}-fold CV, {kind} reranker: {cvs[kind]}")
    del fold_models
    kind = max(cvs, key=lambda k: cvs[k]["map@5"])  # chosen on train CV, never on dev
    cv = cvs[kind]

    final = fitted(train)
    model = as_model(final, vocab)
    idx = build_index(model, claims)
    reranker = fit_reranker([r for rows in oof_rows for r in rows], kind)
    idx._model = Model(model.words, reranker, {})
    on_dev = metrics(ranked_by(idx, dev, claims), dev)
    print(f"reranker: {reranker}\ndev: {on_dev}")

    meta = {
        "built_by": "scripts/train_matching.py",
        "args": {
            k: str(v) if isinstance(v, Path) else v for k, v in vars(a).items() if k not in ("data", "cache")
        },
        "reranker": kind,
        "train_cv": cv,
        "dev": on_dev,
        "minutes": round((time.time() - started) / 60, 1),
    }
    save(final, vocab, reranker, meta, a.out)


def save(student, vocab, reranker, meta, out=OUT):
    vectors, scales, weights = student_lib.export(student)
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
