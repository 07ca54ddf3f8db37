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
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from checkworthy_metrics import balanced_resample_f1, best_threshold, prf, sigmoid  # noqa: E402
from checkworthy_student import DIGITS, Fold  # noqa: E402
from checkworthy_teacher import embed, teacher_logits  # noqa: E402

from api.checkworthy import split_sentences  # noqa: E402
from api.checkworthy.features import features  # noqa: E402

SEED = 0
FOLDS = 5


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
        bal_m, bal_sd = balanced_resample_f1(s, y, thr, seed=SEED)
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
