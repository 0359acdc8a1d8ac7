"""Write N realistic article files by recombining real sentences with varied names and numbers.

    python -m bench.corpus OUT_DIR --articles 1000 [--source DIR ...] [--seed 1]

Sentences come from the seeds (and any --source folders of .txt articles, such as the PolNeAR
texts); each article gets a headline and five to ten short paragraphs of sampled sentences, about
half of them sentences with a quotation or a reporting verb, so that a corpus is dense in the facts
the service stores. Two-word capitalised names are swapped for made-up ones (tens of thousands of
distinct people across a large corpus) and figures for random ones. Good for throughput and scale,
not for extraction quality: a swapped name can land where an organization or a place stood.
"""
from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from app.extract.clean import split_sentences

ROOT = Path(__file__).resolve().parent.parent
SURNAMES = ("Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Jeon Hong Yoo Ko "
            "Moon Yang Son Bae Baek Heo Nam Noh Ha Kwak Sung Cha Joo Woo Min Ryu Na Jin Smith Garcia Miller "
            "Davis Lopez Wilson Moore Taylor Brown Clark Lewis Walker Hall Young Allen Wright Scott Green Adams "
            "Baker Nelson Carter Mitchell Perez Roberts Turner Phillips Campbell Parker Evans Edwards Collins").split()
SYLLABLES = ("min jun seo yeon ji hoon ha eun do yun su ah jae won yu na tae hyun woo so hye young sung kyu chan "
             "hee jin rin ho mi ra dong il sang bin").split()
WESTERN = ("James Maria Robert Linda David Susan Daniel Laura Michael Sarah Thomas Karen Steven Nancy Paul Lisa "
           "Mark Emily Brian Rachel Kevin Anna Jason Helen Eric Julia Adam Grace Ryan Claire").split()
_NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+(?:-[a-z]+)?\b")
_NUMBER = re.compile(r"\b\d{2,3}(?:,\d{3})*(?:\.\d+)?\b")
_SPEECH = re.compile(r"[\"“”]|\b(?:said|says|told|added|according to)\b")


def people() -> list[str]:
    """About 60,000 made-up names: Korean order with a two-syllable given name, and Western ones."""
    given = [f"{a.capitalize()}-{b}" for a in SYLLABLES for b in SYLLABLES if a != b]
    names = [f"{surname} {g}" for surname in SURNAMES[:40] for g in given]
    names += [f"{first} {surname}" for first in WESTERN for surname in SURNAMES]
    return names


def sentences(folders: list[Path]) -> list[str]:
    found: list[str] = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                if len(line.split()) >= 20:
                    found += [s for s in split_sentences(line) if 8 <= len(s.split()) <= 60]
    return found


def article(rng: random.Random, speech: list[str], other: list[str], names: list[str]) -> str:
    cast = rng.sample(names, 5)
    paragraphs = []
    for _ in range(rng.randint(5, 10)):
        chosen = [rng.choice(speech if rng.random() < 0.5 else other) for _ in range(rng.randint(1, 2))]
        text = " ".join(chosen)
        text = _NAME.sub(lambda m: rng.choice(cast), text)
        text = _NUMBER.sub(lambda m: f"{rng.randint(2, 999):,}", text)
        paragraphs.append(text)
    headline = " ".join(w.capitalize() for w in rng.choice(other).split()[:8]).rstrip(".,\"”")
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
    speech = [s for s in pool if _SPEECH.search(s)]
    other = [s for s in pool if not _SPEECH.search(s)]
    names = people()
    args.out.mkdir(parents=True, exist_ok=True)
    words = 0
    for n in range(args.articles):
        text = article(rng, speech, other, names)
        words += len(text.split())
        (args.out / f"article_{n:06d}.txt").write_text(text, encoding="utf-8")
    print(f"{args.articles} articles, {words} words, {len(pool)} sentences ({len(speech)} with speech), "
          f"{len(names)} names -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
