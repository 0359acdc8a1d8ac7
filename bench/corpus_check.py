"""Load a crawled corpus as it is and check what the API serves against the files' own metadata.

    python -m bench.corpus_check ../shared/corpora/naver_en [--database-url URL] [--json FILE]

The folder holds the crawler's files and a `metadata.json` ({file name: {title, published, url}},
what each file's front matter states). Printed: files loaded / skipped / failed; the share of files
whose served title, `published_at` and `url` equal the metadata; served texts (titles, bodies,
names, quotes, claims, role titles) holding an HTML character reference; bodies holding a line of
their file's front matter or crawl footer. Exit status 1 when a file failed.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def load(folder: Path, database_url: str) -> Counter:
    from app.config import Settings
    from app.services.loading import Loader

    outcomes: Counter = Counter()
    failed: list[str] = []

    def report(outcome) -> None:
        outcomes[outcome.status] += 1
        if outcome.status == "failed":
            failed.append(outcome.line())

    Loader(report, settings=Settings(database_url=database_url)).run([folder])
    for line in failed:
        print(line)
    return outcomes


def fetch_all(http, resource: str, **params) -> list[dict]:
    items, cursor = [], None
    while True:
        query = {"limit": 100, **params, **({"cursor": cursor} if cursor else {})}
        page = http.get(f"/api/v1/{resource}", params=query).json()
        items.extend(page["items"])
        cursor = page.get("next_cursor")
        if not cursor:
            return items


def file_lines(raw: str) -> list[str]:
    """The front matter's `key: value` lines and the crawl footer's lines, as written."""
    parts = raw.split("\n---\n")
    front = raw.split("---\n", 2)[1] if raw.startswith("---\n") else ""
    lines = [line.strip() for line in front.splitlines() if re.match(r"^\w+: \S", line.strip())]
    if len(parts) > 2:
        lines += [line.strip().strip("*").strip() for line in parts[-1].splitlines() if line.strip()]
    return [line for line in lines if len(line) > 12]


def check(folder: Path, database_url: str) -> dict:
    from fastapi.testclient import TestClient

    from app.api.main import create_app
    from app.config import Settings

    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    outcomes = load(folder, database_url)
    report: dict = {"files": len(metadata), "outcomes": dict(outcomes)}
    with TestClient(create_app(Settings(database_url=database_url))) as http:
        articles = fetch_all(http, "articles")
        first: dict[str, dict] = {}
        for article in articles:  # a file's own article is its first
            first.setdefault(article["source_name"], article)
        same = Counter()
        misses: list[str] = []
        for name, meta in metadata.items():
            served = first.get(name)
            checks = {
                "title": served is not None and served["title"] == meta.get("title"),
                "published_at": served is not None and served["published_at"] == meta.get("published"),
                "url": served is not None and served["url"] == meta.get("url"),
            }
            same.update(k for k, ok in checks.items() if ok)
            same["all"] += all(checks.values())
            if not all(checks.values()) and len(misses) < 10:
                misses.append(f"{name}: " + ", ".join(
                    f"{k} {served.get(k) if served else None!r} != {meta.get('published' if k == 'published_at' else k)!r}"
                    for k, ok in checks.items() if not ok))
        report["metadata_equal"] = {k: round(v / len(metadata), 4) for k, v in same.items()}
        report["metadata_misses"] = misses

        texts: list[tuple[str, str]] = []
        leaks: list[str] = []
        for article in articles:
            detail = http.get(f"/api/v1/articles/{article['id']}").json()
            texts += [("title", detail["title"] or ""), ("body", detail["body"])] + [("author", a) for a in detail["authors"]]
            raw_path = folder / article["source_name"]
            if raw_path.exists():
                raw = raw_path.read_text(encoding="utf-8")
                leaks += [f"{article['source_name']}: {line}" for line in file_lines(raw) if line in detail["body"]]
        for resource, fields in (("people", ("name",)), ("organizations", ("name",)), ("quotes", ("text",)),
                                 ("claims", ("text",)), ("roles", ("title",))):
            for item in fetch_all(http, resource):
                texts += [(resource, item[f] or "") for f in fields]
                texts += [(resource, alias) for alias in item.get("aliases") or []]
        entities = [f"{kind}: …{text[max(0, m.start() - 30):m.end() + 30]}…"
                    for kind, text in texts for m in ENTITY.finditer(text)]
        report["texts_checked"] = len(texts)
        report["texts_with_entities"] = len(entities)
        report["entity_examples"] = entities[:10]
        report["bodies_with_file_lines"] = len(leaks)
        report["file_line_examples"] = leaks[:10]
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--database-url", help="default: a new SQLite file in a temporary folder")
    parser.add_argument("--json", type=Path, help="write the report here")
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp(prefix='corpus-')) / 'check.db'}"
    report = check(args.folder, url)
    for key, value in report.items():
        print(f"{key}: {value}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    return 1 if report["outcomes"].get("failed") else 0


if __name__ == "__main__":
    sys.exit(main())
