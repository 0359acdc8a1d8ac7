"""Write N realistic article files by recombining real sentences with varied names and numbers.

    python -m bench.corpus OUT_DIR --articles 1000 [--source DIR ...] [--seed 1]

Sentences come from the seeds (and any --source folders of .txt articles, such as the PolNeAR
texts); each article gets a headline, a dozen paragraphs of sampled sentences, and names and
figures swapped for made-up ones, so that people, quotes and amounts vary across the corpus.
"""
from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from app.extract.clean import split_sentences

ROOT = Path(__file__).resolve().parent.parent
SURNAMES = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh", "Seo", "Shin",
            "Kwon", "Hwang", "Ahn", "Song", "Smith", "Garcia", "Miller", "Davis", "Lopez", "Wilson", "Moore"]
GIVEN = ["Min-jun", "Seo-yeon", "Ji-hoon", "Ha-eun", "Do-yun", "Su-ah", "Jae-won", "Yu-na", "James", "Maria",
         "Robert", "Linda", "David", "Susan", "Daniel", "Laura", "Tae-hyun", "Eun-ji", "Hyun-woo", "So-yeon"]
_NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?\b")
_NUMBER = re.compile(r"\b\d{2,3}(?:,\d{3})*(?:\.\d+)?\b")


def sentences(folders: list[Path]) -> list[str]:
    found: list[str] = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                if len(line.split()) >= 20:
                    found += [s for s in split_sentences(line) if 8 <= len(s.split()) <= 60]
    return found


def article(rng: random.Random, pool: list[str], people: list[str]) -> str:
    cast = rng.sample(people, 4)
    paragraphs = []
    for _ in range(rng.randint(8, 16)):
        chosen = rng.sample(pool, rng.randint(1, 3))
        text = " ".join(chosen)
        text = _NAME.sub(lambda m: rng.choice(cast), text)
        text = _NUMBER.sub(lambda m: f"{rng.randint(2, 999):,}", text)
        paragraphs.append(text)
    headline = " ".join(w.capitalize() for w in rng.choice(pool).split()[:8]).rstrip(".,\"”")
    return headline + "\n\n" + "\n\n".join(paragraphs) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--source", type=Path, action="append", default=[])
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    pool = sentences([ROOT / "seeds", *args.source])
    people = [f"{s} {g}" for s in SURNAMES for g in GIVEN]
    args.out.mkdir(parents=True, exist_ok=True)
    words = 0
    for n in range(args.articles):
        text = article(rng, pool, people)
        words += len(text.split())
        (args.out / f"article_{n:06d}.txt").write_text(text, encoding="utf-8")
    print(f"{args.articles} articles, {words} words, from {len(pool)} sentences -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
