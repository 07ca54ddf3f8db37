"""The student of scripts/train_matching.py: word vectors whose weighted sum mimics the teacher.

Stage 1, distillation: every vocabulary word starts as the teacher's embedding of the word
alone; then the vectors and a weight per word learn to make the weighted sum of a text's word
vectors point where the teacher's embedding of the text points (cosine loss), over the
fact-checked claims and other unlabelled text. Stage 2, the task: tweets of the training part
against all claims at once (softmax over the whole collection), vectors held near stage 1's.
torch is imported only when a student is trained.
"""

from __future__ import annotations

import sys
import time

import numpy as np

from api.matching.text import words


def tokenize(texts, index):
    return [[index[w] for w in words(t) if w in index] or [0] for t in texts]


def _module(E0, w0):
    import torch

    class Student(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.E = torch.nn.Parameter(torch.tensor(E0, dtype=torch.float32))
            self.w = torch.nn.Parameter(torch.tensor(w0, dtype=torch.float32))
            self.anchor = torch.tensor(E0, dtype=torch.float32)

        def forward(self, rows):
            flat = torch.tensor([i for r in rows for i in r], dtype=torch.long)
            offsets = torch.tensor(np.cumsum([0] + [len(r) for r in rows[:-1]]), dtype=torch.long)
            weights = torch.nn.functional.softplus(self.w)[flat]
            e = torch.nn.functional.embedding_bag(
                flat, self.E, offsets, mode="sum", per_sample_weights=weights
            )
            return torch.nn.functional.normalize(e, dim=-1)

    return Student()


def initial(word_embeddings, freq, dims):
    """PCA of the teacher's word embeddings to ``dims``; SIF weights a / (a + p(word))."""
    centred = word_embeddings - word_embeddings.mean(0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    E0 = (centred @ vt[:dims].T).astype(np.float32)
    p = freq / freq.sum()
    sif = np.maximum(1e-3 / (1e-3 + p), 1e-3)
    return E0, np.log(np.expm1(sif)), vt[:dims]


def distill(word_embeddings, freq, texts, targets, index, dims=256, epochs=5, lr=0.02, seed=0):
    """Stage 1: returns the student module. ``targets`` are the teacher's unit embeddings of ``texts``."""
    import torch

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    E0, w0, basis = initial(word_embeddings, freq, dims)
    student = _module(E0, w0)
    target = torch.nn.functional.normalize(torch.tensor(targets @ basis.T, dtype=torch.float32), dim=-1)
    rows = tokenize(texts, index)
    opt = torch.optim.Adam(student.parameters(), lr=lr)
    for epoch in range(epochs):
        started, total, order = time.time(), 0.0, rng.permutation(len(rows))
        for i in range(0, len(rows), 256):
            batch = order[i : i + 256]
            loss = (1 - (student([rows[j] for j in batch]) * target[batch]).sum(1)).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item()
        print(f"  distil epoch {epoch}: loss {total:.2f} ({time.time() - started:.0f}s)", file=sys.stderr)
    student.anchor = student.E.detach().clone()
    return student


def fit_task(student, queries, positives, documents, index, epochs=6, lr=0.003, reg=1.0, seed=0):
    """Stage 2: each query against every document (cross-entropy), near the stage-1 vectors."""
    import torch

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    q_rows, d_rows = tokenize(queries, index), tokenize(documents, index)
    opt = torch.optim.Adam(student.parameters(), lr=lr)
    for epoch in range(epochs):
        order, total = rng.permutation(len(q_rows)), 0.0
        for i in range(0, len(order), 32):
            batch = order[i : i + 32]
            logits = 20 * student([q_rows[j] for j in batch]) @ student(d_rows).T
            loss = torch.nn.functional.cross_entropy(logits, torch.tensor([positives[j] for j in batch]))
            loss = loss + reg * ((student.E - student.anchor) ** 2).sum(1).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item()
        print(f"  task epoch {epoch}: loss {total:.2f}", file=sys.stderr)
    return student


def export(student):
    """(int8 vectors, per-row scales, per-word weights) as shipped in api/matching/."""
    import torch

    with torch.no_grad():
        E = student.E.numpy().astype(np.float32)
        weights = torch.nn.functional.softplus(student.w).numpy().astype(np.float64)
    scales = np.abs(E).max(1) / 127.0
    scales[scales == 0] = 1.0
    return np.round(E / scales[:, None]).astype(np.int8), scales, weights
