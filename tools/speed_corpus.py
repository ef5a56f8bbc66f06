#!/usr/bin/env python3
"""Writes a JSON-lines corpus of news-like text for timing `tiemap extract --jsonl`.

Usage: python3 tools/speed_corpus.py [--dev ../shared/dev/conflibert-dev.jsonl] [--mb 4] OUT

Documents are twelve sentences drawn in a fixed order from the dev set (when present), the
paragraphs of tests/fixtures/corpus.ron, and every fifth document the bundled article, so runs
on two machines time the same bytes. Deterministic: no randomness.
"""

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "dev" / "conflibert-dev.jsonl")
    parser.add_argument("--mb", type=float, default=4.0)
    args = parser.parse_args()
    texts = []
    if args.dev.exists():
        texts += [json.loads(line)["text"] for line in args.dev.open(encoding="utf-8") if line.strip()]
    corpus = (ROOT / "tests" / "fixtures" / "corpus.ron").read_text(encoding="utf-8")
    texts += re.findall(r'text: "((?:[^"\\]|\\.)*)"', corpus)
    article = (ROOT / "data" / "article.txt").read_text(encoding="utf-8")
    limit = int(args.mb * 1_000_000)
    size = index = 0
    with args.out.open("w", encoding="utf-8") as out:
        while size < limit:
            if index % 5 == 0:
                body = article
            else:
                body = " ".join(texts[(index * 7 + k) % len(texts)] for k in range(12))
            line = json.dumps({"id": f"d{index}", "text": body})
            out.write(line + "\n")
            size += len(line)
            index += 1
    print(f"wrote {args.out}: {index} documents, {size} bytes")


if __name__ == "__main__":
    main()
