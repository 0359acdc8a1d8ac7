"""Main-text extraction from HTML pages: the project's reader against other candidates.

    python -m bench.html_readers FOLDER [FOLDER ...] [--json FILE]

Each folder holds pairs `NAME.html` + `NAME.txt` (the page and its article text as a person
would copy it). For every candidate the script prints token precision, recall and F1 of the text
it extracts against the `.txt` (bags of lower-cased words, as article-extraction benchmarks
score), averaged over the pages, and the seconds it took. Candidates:

- `served body`: the body the service stores (the reader's text cut into articles and cleaned of
  page furniture by the pipeline);
- `reader text`: app.readers.html's text before the pipeline (trafilatura with the reader's
  settings, its fallbacks);
- `trafilatura`: trafilatura.extract with its own defaults, the library alone;
- `readability`: readability-lxml's Document.summary(), its markup stripped (when installed);
- `own rules`: the visible text of the page, scripts, styles, navigation, asides, forms and
  footers left out (app.readers.html.visible_text, the reader's fallback).
"""
from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def prf(predicted: str, gold: str) -> tuple[float, float, float]:
    p, g = tokens(predicted), tokens(gold)
    common = sum((p & g).values())
    precision = common / max(1, sum(p.values()))
    recall = common / max(1, sum(g.values()))
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def served_body(page: str) -> str:
    """What the service stores as the article's body: the reader's text, cut into articles and
    cleaned of page furniture by the pipeline (app.extract.pipeline.page_segments)."""
    from app.extract.pipeline import page_segments
    from app.readers.html import read_text

    return "\n\n".join(segment.body for segment in page_segments(read_text(page, "").documents[0]))


def trafilatura_raw(page: str) -> str:
    """trafilatura.extract with its own defaults: the library alone."""
    import trafilatura

    return trafilatura.extract(page) or ""


def candidates() -> dict:
    from app.readers.html import read_text, visible_text

    found = {
        "served body": served_body,
        "reader text": lambda page: read_text(page, "").documents[0].text,
        "trafilatura": trafilatura_raw,
        "own rules": visible_text,
    }
    try:
        from readability import Document

        found["readability"] = lambda page: visible_text(Document(page).summary())
    except ImportError:
        pass
    return found


def run(folders: list[Path]) -> dict:
    from app.readers.decoding import decode
    from app.readers.html import _CHARSET

    pages = []
    for folder in folders:
        for html_path in sorted(folder.glob("*.html")):
            gold = html_path.with_suffix(".txt")
            if gold.exists():
                data = html_path.read_bytes()
                declared = _CHARSET.search(data[:4096])
                try:
                    page = decode(data, declared.group(1).decode() if declared else None)
                except ValueError:
                    page = data.decode("utf-8", errors="replace")
                pages.append((html_path.name, page, gold.read_text(encoding="utf-8")))
    report: dict = {"pages": len(pages), "candidates": {}}
    for name, extract in candidates().items():
        scores, started = [], time.perf_counter()
        per_page = {}
        for page_name, page, gold in pages:
            try:
                text = extract(page) or ""
            except Exception as exc:  # a candidate that fails on a page scores 0 there
                text = ""
                per_page[page_name] = f"failed: {type(exc).__name__}"
            scores.append(prf(text, gold))
            per_page.setdefault(page_name, round(scores[-1][2], 3))
        seconds = time.perf_counter() - started
        n = max(1, len(scores))
        report["candidates"][name] = {
            "precision": round(sum(s[0] for s in scores) / n, 3),
            "recall": round(sum(s[1] for s in scores) / n, 3),
            "f1": round(sum(s[2] for s in scores) / n, 3),
            "seconds": round(seconds, 2),
            "f1_per_page": per_page,
        }
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--pages", action="store_true", help="print each page's F1 per candidate")
    args = parser.parse_args()
    report = run(args.folders)
    print(f"{report['pages']} pages")
    print(f"{'candidate':14}{'P':>7}{'R':>7}{'F1':>7}{'s':>8}")
    for name, r in report["candidates"].items():
        print(f"{name:14}{r['precision']:7.3f}{r['recall']:7.3f}{r['f1']:7.3f}{r['seconds']:8.2f}")
    if args.pages:
        names = list(report["candidates"])
        print("\n" + "page".ljust(28) + "".join(n[:12].rjust(13) for n in names))
        for page in report["candidates"][names[0]]["f1_per_page"]:
            print(page[:28].ljust(28) + "".join(str(report["candidates"][n]["f1_per_page"][page]).rjust(13)
                                                for n in names))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
