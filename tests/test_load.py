"""The `load` command: one line per file, idempotent reloads, bad files skipped by name."""
import shutil

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from app.db.models import Article, Person, Quote, SourceDocument
from app.services import ingest
from tests.conftest import SEEDS, load_paths

GOOD = "Council Approves City Budget\n\nThe council approved the budget on Monday, its chair Maria Lopez said. \"We will fund every school in the city this year,\" Lopez said after the vote."


def counts(url: str) -> dict[str, int]:
    engine = create_engine(url)
    try:
        with Session(engine) as session:
            return {
                model.__tablename__: session.scalar(select(func.count()).select_from(model))
                for model in (SourceDocument, Article, Person, Quote)
            }
    finally:
        engine.dispose()


def test_load_twice_changes_nothing(migrated_db, tmp_path, capsys):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    assert load_paths(migrated_db, tmp_path) == 0
    first = counts(migrated_db)
    assert "loaded" in capsys.readouterr().out
    assert load_paths(migrated_db, tmp_path) == 0
    assert "unchanged" in capsys.readouterr().out
    assert counts(migrated_db) == first
    assert first["articles"] == 1 and first["quotes"] == 1


def test_changed_file_replaces_its_articles(migrated_db, tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    load_paths(migrated_db, tmp_path)
    path.write_text(GOOD.replace("Monday", "Tuesday"), encoding="utf-8")
    assert load_paths(migrated_db, tmp_path) == 0
    assert "updated" in capsys.readouterr().out
    assert counts(migrated_db)["source_documents"] == 1
    assert counts(migrated_db)["articles"] == 1


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\t\n", "no text"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin1.txt", "Caf\u00e9 news".encode("latin-1") * 10, "not UTF-8"),
        ("furniture.txt", b"Subscribe now\nRelated Articles\n", "no article text"),
    ],
)
def test_bad_file_is_reported_and_the_rest_still_load(migrated_db, tmp_path, capsys, name, content, reason):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / name).write_bytes(content)
    assert load_paths(migrated_db, tmp_path) == 1
    out = capsys.readouterr().out
    failed = [line for line in out.splitlines() if line.startswith("failed")]
    assert len(failed) == 1 and name in failed[0] and reason in failed[0]
    assert counts(migrated_db)["articles"] == 1


def test_too_large_file_is_refused(migrated_db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("MAX_FILE_BYTES", "100")
    (tmp_path / "big.txt").write_text(GOOD * 5, encoding="utf-8")
    assert load_paths(migrated_db, tmp_path) == 1
    assert "too large" in capsys.readouterr().out
    assert counts(migrated_db)["articles"] == 0


def test_utf16_with_bom_is_decoded():
    assert ingest.decode(GOOD.encode("utf-16")) == GOOD


def test_failure_while_storing_leaves_no_half_written_article(migrated_db, tmp_path, monkeypatch, capsys):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    real = ingest._store_article

    def explode(session, *args, **kwargs):
        real(session, *args, **kwargs)
        raise RuntimeError("disk full")

    monkeypatch.setattr(ingest, "_store_article", explode)
    assert load_paths(migrated_db, tmp_path) == 1
    assert "disk full" in capsys.readouterr().out
    assert counts(migrated_db) == {"source_documents": 0, "articles": 0, "people": 0, "quotes": 0}


def test_seeds_load_into_seven_articles(migrated_db, tmp_path):
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, tmp_path)
    assert load_paths(migrated_db, tmp_path) == 0
    assert counts(migrated_db)["articles"] == 7


def test_replacing_a_file_leaves_no_role_without_a_report(migrated_db, tmp_path):
    from app.db.models import Role, RoleReport

    path = tmp_path / "a.txt"
    path.write_text(GOOD.replace("its chair Maria Lopez", "its chair, Maria Lopez, chief of Acme Research,"), encoding="utf-8")
    load_paths(migrated_db, tmp_path)
    path.write_text(GOOD.replace("Monday", "Friday"), encoding="utf-8")
    load_paths(migrated_db, tmp_path)
    engine = create_engine(migrated_db)
    try:
        with Session(engine) as session:
            roles = session.scalars(select(Role)).all()
            assert all(session.scalar(select(func.count()).where(RoleReport.role_id == r.id)) for r in roles)
            assert not any(r.title == "chief" for r in roles)
    finally:
        engine.dispose()


@pytest.mark.parametrize("missing", ["nonexistent", "missing.txt", "no/such/folder"])
def test_a_path_that_does_not_exist_fails_by_name(migrated_db, tmp_path, capsys, missing):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    assert load_paths(migrated_db, tmp_path / "good.txt", tmp_path / missing) == 1
    out = capsys.readouterr().out
    (line,) = [x for x in out.splitlines() if missing in x]
    assert line.startswith("failed") and "no such file or folder" in line
    assert counts(migrated_db)["articles"] == 1


def test_invalid_json_is_described_once(migrated_db, tmp_path, capsys):
    (tmp_path / "feed.json").write_text('{"title": "Unfinished', encoding="utf-8")
    assert load_paths(migrated_db, tmp_path) == 1
    (line,) = [x for x in capsys.readouterr().out.splitlines() if "feed.json" in x]
    assert "not valid JSON: Unterminated string starting at (line 1, column 11)" in line
    assert "at at" not in line


def test_worker_processes_only_for_loads_that_repay_them(tmp_path):
    from app.services.loading import PARALLEL_FROM_BYTES, default_workers, discover

    (tmp_path / "small").mkdir()
    (tmp_path / "small" / "a.txt").write_text(GOOD, encoding="utf-8")
    assert default_workers(discover([tmp_path / "small"])) == 1
    (tmp_path / "large").mkdir()
    for n in range(PARALLEL_FROM_BYTES // len(GOOD) + 1):
        (tmp_path / "large" / f"{n}.txt").write_text(GOOD, encoding="utf-8")
    import os

    assert default_workers(discover([tmp_path / "large"])) == (os.cpu_count() or 1)
    assert default_workers(discover([tmp_path / "nowhere"])) == 1
