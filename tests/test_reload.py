"""Loading a file again after it changed: the served articles are exactly what the file holds now,
and every fact's evidence is its own words in the new body.

A record of a JSON or JSON Lines file without a URL is known by its identity (its id field, else
its title and date, else its text), not by its place; records added, removed or moved around it
leave it alone. Made-up feeds and articles throughout."""
from __future__ import annotations

import io
import json
import os
import uuid
from contextlib import redirect_stdout
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from app.db.models import Article, Claim, Quote, RoleReport, SourceDocument

SENTENCES = (
    "The council met on Tuesday in the old town hall.",
    "Mayor Dana Holt said the city will invest $40 million in affordable housing by 2028.",
    "\"We are building homes, not promises,\" Holt said.",
    "Rain is expected later in the week across the valley.",
    "Finance Minister Lena Ortiz announced a plan to spend 2 trillion won on chip plants.",
    "Ortiz said the budget would pass before the summer recess.",
    "Acme Robotics chief executive Tom Reyes said the company will hire 500 engineers by 2027.",
    "\"Demand has doubled since spring,\" Reyes said.",
    "The bridge on the river road stays closed to lorries.",
    "Health Secretary Priya Nandi pledged 300 new nurses for rural clinics.",
)
RECORDS = tuple(
    {"title": title, "text": text}
    for title, text in (
        ("Riverton housing plan", SENTENCES[1] + " " + SENTENCES[2]),
        ("Chip plants get a budget", SENTENCES[4] + " " + SENTENCES[5]),
        ("Acme to hire engineers", SENTENCES[6] + " " + SENTENCES[7]),
        ("Nurses for rural clinics", SENTENCES[9] + " The clinics open in May."),
        ("Bridge stays shut", SENTENCES[8] + " " + SENTENCES[3]),
    )
)


def load(url: str, *paths: Path) -> tuple[int, str]:
    """The real `load` command in this process with one worker; its exit code and output."""
    from app.cli import main
    from app.config import get_settings

    os.environ["DATABASE_URL"] = url
    get_settings.cache_clear()
    out = io.StringIO()
    try:
        with redirect_stdout(out):
            code = main(["load", "--workers", "1", *map(str, paths)])
    finally:
        os.environ.pop("DATABASE_URL", None)
        get_settings.cache_clear()
    return code, out.getvalue()


def stored(url: str, folder: Path) -> list[dict]:
    """What the database holds of the sources under `folder`, in the order of their articles'
    ids, each fact with its evidence as offsets."""
    engine = create_engine(url)
    try:
        with Session(engine) as session:
            articles = session.scalars(
                select(Article).join(SourceDocument)
                .where(SourceDocument.key.startswith(os.path.abspath(folder), autoescape=True))
                .order_by(Article.id)
            ).all()
            return [
                {
                    "id": a.id, "title": a.title, "body": a.body, "source_name": a.source.file_name,
                    "quotes": sorted((q.text, q.start, q.end) for q in session.scalars(
                        select(Quote).where(Quote.article_id == a.id))),
                    "claims": sorted((c.text, c.start, c.end) for c in session.scalars(
                        select(Claim).where(Claim.article_id == a.id))),
                    "roles": sorted((r.title, r.start, r.end) for r in session.scalars(
                        select(RoleReport).where(RoleReport.article_id == a.id))),
                }
                for a in articles
            ]
    finally:
        engine.dispose()


def assert_own_words(articles: list[dict]) -> None:
    for article in articles:
        body = article["body"]
        for text, start, end in article["claims"]:
            assert body[start:end] == text
        for text, start, end in article["quotes"]:
            assert set(text.split()) <= set(body[start:end].split()) or text in body[start:end], (text, body[start:end])
        for title, start, end in article["roles"]:
            assert title.lower() in body[start:end].lower(), (title, body[start:end])


def write_feed(path: Path, records: list[dict]) -> None:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")


def titles(articles: list[dict]) -> list[str]:
    return [a["title"] for a in articles]


def test_a_record_put_first_in_a_feed_without_urls_loses_nothing(migrated_db, tmp_path):
    feed = tmp_path / "feed.jsonl"
    a, b, new = RECORDS[0], RECORDS[1], RECORDS[2]
    write_feed(feed, [a, b])
    assert load(migrated_db, feed)[0] == 0
    before = {x["title"]: x["id"] for x in stored(migrated_db, tmp_path)}

    write_feed(feed, [new, a, b])
    code, out = load(migrated_db, feed)
    assert code == 0 and out.startswith("updated") and "(3 articles)" in out
    after = stored(migrated_db, tmp_path)
    assert sorted(titles(after)) == sorted(x["title"] for x in (new, a, b))
    assert {x["title"]: x["id"] for x in after if x["title"] in before} == before  # a and b keep their ids
    # listing names follow the records' places now
    assert {x["title"]: x["source_name"] for x in after} == {
        new["title"]: "feed.jsonl#1", a["title"]: "feed.jsonl#2", b["title"]: "feed.jsonl#3"}

    code, out = load(migrated_db, feed)
    assert out.startswith("unchanged") and sorted(titles(stored(migrated_db, tmp_path))) == sorted(
        x["title"] for x in (new, a, b))


def test_a_record_deleted_from_a_feed_without_urls_is_no_longer_served(migrated_db, tmp_path):
    feed = tmp_path / "feed.jsonl"
    write_feed(feed, list(RECORDS[:3]))
    load(migrated_db, feed)
    write_feed(feed, [RECORDS[0], RECORDS[2]])
    code, out = load(migrated_db, feed)
    assert code == 0 and out.startswith("updated") and "1 record no longer in the file removed" in out
    assert titles(stored(migrated_db, tmp_path)) == [RECORDS[0]["title"], RECORDS[2]["title"]]


def test_records_stored_under_their_numbers_are_taken_over_by_their_identity(migrated_db, tmp_path):
    """Records stored under the older kind of key (their number in the file) keep their articles."""
    feed = tmp_path / "feed.jsonl"
    write_feed(feed, list(RECORDS[:2]))
    load(migrated_db, feed)
    before = stored(migrated_db, tmp_path)
    engine = create_engine(migrated_db)
    with Session(engine) as session:
        for number, source in enumerate(session.scalars(select(SourceDocument).order_by(SourceDocument.id)), 1):
            source.key = f"{os.path.abspath(feed)}#{number}"
        session.commit()
    engine.dispose()
    code, out = load(migrated_db, feed)
    assert out.startswith("unchanged") and stored(migrated_db, tmp_path) == before


def test_a_copy_under_another_path_is_loaded_not_reported_unchanged(migrated_db, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    write_feed(tmp_path / "a" / "feed.jsonl", [RECORDS[0]])
    write_feed(tmp_path / "b" / "feed.jsonl", [RECORDS[0]])
    load(migrated_db, tmp_path / "a" / "feed.jsonl")
    code, out = load(migrated_db, tmp_path / "b" / "feed.jsonl")
    assert out.startswith("loaded")
    assert len(stored(migrated_db, tmp_path / "b")) == 1


def test_a_record_that_names_its_own_id_keeps_it_when_its_title_changes(migrated_db, tmp_path):
    feed = tmp_path / "feed.jsonl"
    write_feed(feed, [{"id": "r-1", **RECORDS[0]}, {"id": "r-2", **RECORDS[1]}])
    load(migrated_db, feed)
    (first, second) = stored(migrated_db, tmp_path)
    write_feed(feed, [{"id": "r-2", **RECORDS[1]}, {"id": "r-1", **RECORDS[0], "title": "Riverton plan, updated"}])
    load(migrated_db, feed)
    after = {x["id"]: x for x in stored(migrated_db, tmp_path)}
    assert set(after) == {first["id"], second["id"]} and after[first["id"]]["title"] == "Riverton plan, updated"


def test_a_claim_after_a_deleted_sentence_is_anchored_in_the_new_body(migrated_db, tmp_path):
    path = tmp_path / "plan.txt"
    text = "Riverton Sets Out a Housing Plan\n\n" + " ".join(SENTENCES[:3]) + "\n"
    path.write_text(text, encoding="utf-8")
    load(migrated_db, path)
    (before,) = stored(migrated_db, tmp_path)
    assert before["claims"]
    path.write_text(text.replace(SENTENCES[0] + " ", ""), encoding="utf-8")
    code, out = load(migrated_db, path)
    assert code == 0 and "not stored" not in out
    (after,) = stored(migrated_db, tmp_path)
    assert [c[0] for c in after["claims"]] == [c[0] for c in before["claims"]]
    assert [c[1] for c in after["claims"]] != [c[1] for c in before["claims"]]
    assert_own_words([after])


# ---------------------------------------------------------------------------- random edits
EDIT = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, 20)),
    st.tuples(st.just("insert"), st.integers(0, 20), st.sampled_from(SENTENCES)),
    st.tuples(st.just("move"), st.integers(0, 20), st.integers(0, 20)),
)
FEED_EDIT = st.one_of(
    st.tuples(st.just("add"), st.integers(0, 10), st.sampled_from(RECORDS)),
    st.tuples(st.just("remove"), st.integers(0, 10)),
    st.tuples(st.just("move"), st.integers(0, 10), st.integers(0, 10)),
    st.tuples(st.just("edit"), st.integers(0, 10), st.sampled_from(SENTENCES)),
)


def apply(items: list, edit: tuple, minimum: int = 1) -> list:
    items = list(items)
    kind, at = edit[0], edit[1] % (len(items) + 1)
    if kind == "delete" or kind == "remove":
        if len(items) > minimum:
            del items[at % len(items)]
    elif kind == "insert" or kind == "add":
        items.insert(at, edit[2])
    elif kind == "move":
        items.insert(edit[2] % len(items), items.pop(at % len(items)))
    elif kind == "edit":
        record = items[at % len(items)]
        items[at % len(items)] = {**record, "text": record["text"] + " " + edit[2]}
    return items


def extracted(paths: list[Path]) -> list[tuple]:
    """What a fresh analysis of the files as they are now finds, for comparison."""
    from app.extract.pipeline import extract
    from app.readers import read, reader_for_name

    found = []
    for path in paths:
        for document in read(reader_for_name(path.name), path.read_bytes()).documents:
            for article in extract(document):
                found.append((
                    article.segment.body,
                    sorted((q.text, q.start, q.end) for q in article.quotes),
                    sorted((c.text, c.start, c.end) for c in article.claims),
                ))
    return sorted(found)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sentences=st.lists(st.sampled_from(SENTENCES), min_size=2, max_size=6),
       records=st.lists(st.sampled_from(RECORDS), min_size=1, max_size=4),
       edits=st.lists(st.tuples(EDIT, FEED_EDIT), min_size=1, max_size=4))
def test_random_edits_reloaded_serve_exactly_the_current_text(migrated_db, tmp_path, sentences, records, edits):
    folder = tmp_path / uuid.uuid4().hex[:8]
    folder.mkdir()
    article, feed = folder / "story.txt", folder / "feed.jsonl"
    for step in range(len(edits) + 1):
        if step:
            sentences = apply(sentences, edits[step - 1][0])
            records = apply(records, edits[step - 1][1])
        article.write_text("Riverton Weekly Roundup\n\n" + " ".join(sentences) + "\n", encoding="utf-8")
        write_feed(feed, records)
        code, out = load(migrated_db, article, feed)
        assert code == 0, out
        assert "not stored" not in out, out
        now = stored(migrated_db, folder)
        assert len(now) == 1 + len(records)
        assert sorted((a["body"], a["quotes"], a["claims"]) for a in now) == extracted([article, feed])
        assert_own_words(now)
