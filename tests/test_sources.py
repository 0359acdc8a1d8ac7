"""Loading what scrapers and feeds hand over: every format, identity by URL or path, stable ids
across updates, and one bad fact that does not sink its file."""
import json
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.api.main import create_app
from app.config import Settings
from tests.conftest import load_paths

PAGES = Path(__file__).parent / "data" / "pages"
STORY = ("School Board Backs New Library\n\n"
         "The school board voted on Tuesday to build a new library, its chair Nadia Okoro said. "
         "\"Every pupil deserves books,\" Okoro said after the vote. "
         "The board will spend 2 million dollars on the building by 2026.\n")
OTHER = ("Bridge Repairs Delayed Again\n\n"
         "Repairs to the old bridge will not start before spring, city engineer Felix Amari said on Monday. "
         "\"The steel has not arrived,\" Amari said.\n")
MARKDOWN = """---
title: "Ferry line adds night sailings"
url: https://gazette.example/ferry-night
published_at: 2024-06-01 00:00
author: Lena Park lena@gazette.example
publisher: Harbour Gazette
---

# Ferry line adds night sailings

Harbour Gazette | 2024-06-01 |

---

The ferry line will add night sailings from July, its director Omar Haddad said on Friday. &quot;Demand has doubled,&quot; Haddad said.

---

*Crawled at: 2024-06-01 10:00:00*
*Source: [view original](https://gazette.example/ferry-night)*
"""


def served(url: str) -> dict:
    with TestClient(create_app(Settings(database_url=url))) as http:
        articles = http.get("/api/v1/articles", params={"limit": 100}).json()["items"]
        return {
            "articles": articles,
            "bodies": {a["id"]: http.get(f"/api/v1/articles/{a['id']}").json()["body"] for a in articles},
            "quotes": http.get("/api/v1/quotes", params={"limit": 100}).json()["items"],
            "people": http.get("/api/v1/people", params={"limit": 100}).json()["items"],
        }


def lines(capsys) -> dict[str, str]:
    return {line.split()[1].rsplit("/", 1)[-1]: line for line in capsys.readouterr().out.splitlines()
            if line.split()[:1] in (["loaded"], ["updated"], ["unchanged"], ["failed"], ["skipped"])}


def test_every_format_in_a_folder_and_the_rest_skipped_by_name(migrated_db, tmp_path, capsys):
    tmp_path = tmp_path / "in"  # the test database lies beside it
    tmp_path.mkdir()
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "ferry.md").write_text(MARKDOWN, encoding="utf-8")
    shutil.copy(PAGES / "council.html", tmp_path / "council.html")
    sub = tmp_path / "feeds" / "2024"
    sub.mkdir(parents=True)
    (sub / "record.json").write_text(json.dumps({
        "title": "Bridge repairs delayed", "maintext": OTHER.split("\n\n", 1)[1], "url": "https://city.example/bridge",
        "date_publish": "2024-03-01 09:00:00", "authors": ["Ana Costa"], "source_domain": "city.example"}), encoding="utf-8")
    (sub / "feed.jsonl").write_text("\n".join(json.dumps({"text": t.split("\n\n", 1)[1], "title": t.split("\n")[0]})
                                              for t in (STORY.replace("Tuesday", "Monday"), OTHER.replace("Monday", "Friday"))),
                                    encoding="utf-8")
    (sub / "index.json").write_text(json.dumps({"story.txt": {"title": "x"}}), encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "list.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")

    assert load_paths(migrated_db, tmp_path) == 0
    out = lines(capsys)
    assert {name: line.split()[0] for name, line in out.items()} == {
        "story.txt": "loaded", "ferry.md": "loaded", "council.html": "loaded", "record.json": "loaded",
        "feed.jsonl": "loaded", "index.json": "skipped", "notes.pdf": "skipped", "list.csv": "skipped"}
    assert "(2 articles)" in out["feed.jsonl"] and "no article records" in out["index.json"]

    data = served(migrated_db)
    by_title = {a["title"]: a for a in data["articles"]}
    ferry = by_title["Ferry line adds night sailings"]
    assert ferry["url"] == "https://gazette.example/ferry-night" and ferry["published_at"] == "2024-06-01"
    assert ferry["authors"] == ["Lena Park"] and ferry["publisher"]["name"] == "Harbour Gazette"
    assert data["bodies"][ferry["id"]].startswith("The ferry line will add night sailings")
    assert "Crawled" not in data["bodies"][ferry["id"]] and "&quot;" not in data["bodies"][ferry["id"]]
    council = by_title["Riverton council approves £12m flood plan"]
    assert council["url"].startswith("https://courier.example.org/") and "Comments" not in data["bodies"][council["id"]]
    assert by_title["Bridge repairs delayed"]["url"] == "https://city.example/bridge"
    assert {a["source_name"] for a in data["articles"]} >= {"feed.jsonl#1", "feed.jsonl#2", "record.json"}
    assert any(q["text"] == "Demand has doubled," and q["speaker"]["name"] == "Omar Haddad" for q in data["quotes"])
    assert {"Lena Park", "Maria Okafor", "Ana Costa"} <= {p["name"] for p in data["people"]}  # bylines


def test_files_of_one_name_in_two_folders_are_two_sources(migrated_db, tmp_path, capsys):
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "sub").mkdir(parents=True)
    (tmp_path / "a" / "02_school.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "b" / "sub" / "02_school.txt").write_text(OTHER, encoding="utf-8")
    assert load_paths(migrated_db, tmp_path / "a" / "02_school.txt") == 0
    assert load_paths(migrated_db, tmp_path / "b" / "sub" / "02_school.txt") == 0
    assert [line.split()[0] for line in capsys.readouterr().out.splitlines() if "02_school" in line] == ["loaded", "loaded"]
    data = served(migrated_db)
    assert len(data["articles"]) == 2
    assert {q["speaker"]["name"] for q in data["quotes"]} == {"Nadia Okoro", "Felix Amari"}


def test_an_update_keeps_the_ids_of_the_article_and_its_unchanged_facts(migrated_db, tmp_path, capsys):
    path = tmp_path / "library.txt"
    path.write_text(STORY, encoding="utf-8")
    load_paths(migrated_db, path)
    before = served(migrated_db)
    (article,) = before["articles"]
    (quote,) = before["quotes"]

    changed = STORY.replace("on Tuesday", "on Wednesday") + "\"We start in May,\" Okoro added.\n"
    path.write_text(changed, encoding="utf-8")
    assert load_paths(migrated_db, path) == 0
    assert "updated" in capsys.readouterr().out
    after = served(migrated_db)
    assert [a["id"] for a in after["articles"]] == [article["id"]]
    assert "Wednesday" in after["bodies"][article["id"]]
    by_text = {q["text"]: q for q in after["quotes"]}
    assert by_text[quote["text"]]["id"] == quote["id"]  # the same quote keeps its id
    assert by_text["We start in May,"]["id"] > quote["id"]

    path.write_text(STORY.replace("\"Every pupil deserves books,\" Okoro said after the vote. ", ""), encoding="utf-8")
    load_paths(migrated_db, path)
    final = served(migrated_db)
    assert [a["id"] for a in final["articles"]] == [article["id"]] and final["quotes"] == []


def test_a_source_with_a_url_is_that_url_wherever_its_file_lies(migrated_db, tmp_path, capsys):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "ferry.md").write_text(MARKDOWN, encoding="utf-8")
    (tmp_path / "two" / "ferry-v2.md").write_text(MARKDOWN.replace("from July", "from August"), encoding="utf-8")
    load_paths(migrated_db, tmp_path / "one")
    first = served(migrated_db)["articles"]
    load_paths(migrated_db, tmp_path / "two")
    assert "updated" in capsys.readouterr().out
    second = served(migrated_db)
    assert [a["id"] for a in second["articles"]] == [a["id"] for a in first]
    assert "from August" in next(iter(second["bodies"].values()))


def test_one_fact_that_cannot_be_stored_is_reported_and_the_rest_are_kept(migrated_db, tmp_path, capsys, monkeypatch):
    from app.services.facts import FactWriter

    original = FactWriter._quote

    def failing(self, quote, reused):
        if "books" in quote.text:
            raise ValueError("refused for the test")
        return original(self, quote, reused)

    monkeypatch.setattr(FactWriter, "_quote", failing)
    (tmp_path / "library.txt").write_text(STORY + "\"We start in May,\" Okoro added.\n", encoding="utf-8")
    assert load_paths(migrated_db, tmp_path) == 0
    out = capsys.readouterr().out
    assert "loaded" in out and "quote 'Every pupil deserves books,' not stored (ValueError: refused for the test)" in out
    data = served(migrated_db)
    assert [q["text"] for q in data["quotes"]] == ["We start in May,"]
    assert data["people"] and data["articles"]


def test_a_name_that_normalises_to_nothing_is_not_an_entity(migrated_db):
    from app.db.session import session_scope
    from app.extract.pipeline import extract
    from app.extract.types import Entity
    from app.core.document import Document
    from app.services.ingest import SourceId, prepare, store

    document = Document(text=STORY, sha256="a" * 64)
    prepared = prepare(SourceId("/tmp/story.txt", "story.txt", "/tmp/story.txt"), document)
    (article,) = prepared.articles
    broken = type(article)(segment=article.segment, entities=article.entities + (
        Entity(ref="o99", type="organization", name="--"), Entity(ref="p99", type="person", name="'s")),
        quotes=article.quotes, roles=article.roles, claims=article.claims)
    prepared = type(prepared)(**{**prepared.__dict__, "articles": [broken]})
    with session_scope(migrated_db) as session:
        result = store(session, prepared)
    assert result.status == "loaded" and not result.problems
    data = served(migrated_db)
    assert data["quotes"] and "--" not in {p["name"] for p in data["people"]}
    assert extract(document)  # the pipeline itself is untouched


def test_a_failure_that_no_other_writer_caused_is_not_blamed_on_one(migrated_db, tmp_path, capsys, monkeypatch):
    from sqlalchemy.exc import IntegrityError

    from app.db import session as db_session
    from app.services import loading

    def store(session, prepared):
        raise IntegrityError("INSERT …", {}, Exception("UNIQUE constraint failed: people.key"))

    monkeypatch.setattr(loading, "store", store)
    monkeypatch.setattr(db_session.time, "sleep", lambda _: None)  # the retries' waits
    (tmp_path / "library.txt").write_text(STORY, encoding="utf-8")
    assert load_paths(migrated_db, tmp_path) == 1
    out = capsys.readouterr()
    assert "failed" in out.out and "UNIQUE constraint failed" in out.out
    assert "another writer" not in out.out + out.err


@pytest.mark.parametrize("brief", ["Acme names Lena Park chief executive, effective June 1\n",
                                   "KOSPI 200 closing prices 1-W 2.50 2.50 1-M 2.62\n"])
def test_a_one_line_brief_is_an_article(migrated_db, tmp_path, brief):
    (tmp_path / "brief.txt").write_text(brief, encoding="utf-8")
    assert load_paths(migrated_db, tmp_path) == 0
    (article,) = served(migrated_db)["articles"]
