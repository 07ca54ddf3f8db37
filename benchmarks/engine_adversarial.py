"""Linearity of the engine on the adversarial inputs of
tests/extraction/test_engine_adversarial.py: each input cut to a quarter and to a
half of its length, CPU time of each, and their ratio (about 2 when the time grows
linearly with the input).

    python benchmarks/engine_adversarial.py [--fraction 0.25]
"""

from __future__ import annotations

import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def cpu(extract, text: str, language: str | None) -> float:
    start = time.process_time()
    extract(text, language)
    return time.process_time() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fraction", type=float, default=0.25, help="the smaller cut (the larger is twice it)")
    args = ap.parse_args()
    from api.extraction import extract
    from tests.extraction.test_engine_adversarial import CASES, GERMAN_CASES

    cases = [(name, text, None) for name, text in CASES.items()]
    cases += [(name + " (de)", text, "de") for name, text in GERMAN_CASES.items()]
    print(f"{'input':<36} {'small':>9} {'double':>9}  ratio")
    for name, text, language in cases:
        small = text[: int(len(text) * args.fraction)]
        large = text[: 2 * len(small)]
        t_small = cpu(extract, small, language)
        t_large = cpu(extract, large, language)
        ratio = t_large / t_small if t_small > 0 else float("nan")
        print(f"{name:<36} {t_small:8.3f}s {t_large:8.3f}s  {ratio:.2f}")


if __name__ == "__main__":
    main()
