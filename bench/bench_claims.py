"""Extraction throughput on one core: sentences per second over the dev sentences (each as its own
document; the blind test split is never read here) and over one long article made of them (document
context carried along).

Run: .venv/bin/python bench/bench_claims.py [--seconds 5]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from collections.abc import Callable

from machine import cpu_model
from missiongate.claims.dataset import load_split
from missiongate.claims.extract import extract_claims
from missiongate.claims.segment import split_sentences


def measure(run: Callable[[], int], seconds: float) -> float:
    run()  # warm up caches (gazetteer index, compiled patterns)
    done = 0
    started = time.perf_counter()
    while (elapsed := time.perf_counter() - started) < seconds:
        done += run()
    return done / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0, help="time per measurement")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    texts = [item.text for item in load_split("dev")]
    article = "\n\n".join(texts)
    sentences_per_pass = sum(len(split_sentences(t)) for t in texts)
    article_sentences = len(split_sentences(article))

    def items() -> int:
        for text in texts:
            extract_claims(text)
        return sentences_per_pass

    def one_document() -> int:
        extract_claims(article)
        return article_sentences

    result = {
        "sentences_per_second_items": round(measure(items, args.seconds)),
        "sentences_per_second_article": round(measure(one_document, args.seconds)),
        "sentences": sentences_per_pass,
        "cores_used": 1,
        "nproc": os.cpu_count(),
        "cpu": cpu_model(),
        "python": platform.python_version(),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
