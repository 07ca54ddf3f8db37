"""The student of scripts/train_checkworthy.py: what the service ships, and the light teacher.

``Fold`` trains, for one training set, the light teacher (when no fine-tuned
teacher's log-odds are given), the soft labels of the unlabelled sentences and
the student: a logistic regression over the runtime's binary features, each
sentence's vector L2-normalised as ``api.checkworthy.model`` computes it.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression

TEACHER_NGRAM_C = 0.3  # LR on binary n-gram features (not normalised)
TEACHER_EMB_C = 3.0  # LR on MiniLM embeddings
TEMPERATURE = 2.0  # soft label = sigmoid(teacher log-odds / T)
STUDENT_C = 10.0  # LR on L2-normalised binary features
MIN_COUNT = 2  # a feature must occur in 2+ training sentences
DIGITS = 3  # weights are rounded to this many decimals ...
PRUNE = 0.15  # ... and dropped below this magnitude (a feature's
# contribution is weight / sqrt(#features), ~0.015 here)


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
