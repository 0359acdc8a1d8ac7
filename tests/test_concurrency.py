"""Loaders killed halfway, and loaders running side by side, leave a consistent database."""
import os
import signal
import subprocess
import sys
import time

from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

from app.config import PROJECT_ROOT
from app.db.models import Article, Person, SourceDocument
from tests.conftest import SEEDS

BATCH = sorted(SEEDS.glob("*.txt"))


def _corpus(folder, copies: int = 3):
    """The seeds several times over under different names, with different bytes."""
    folder.mkdir()
    for n in range(copies):
        for path in BATCH:
            text = path.read_text(encoding="utf-8") + f"\n\nEdition {n}.\n"
            (folder / f"{n}_{path.name}").write_text(text, encoding="utf-8")
    return folder


def _loader(url: str, folder) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "app", "load", str(folder)], cwd=PROJECT_ROOT,
                            env=dict(os.environ, DATABASE_URL=url), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _state(url: str) -> dict:
    engine = create_engine(url)
    try:
        with Session(engine) as session:
            documents = session.scalar(select(func.count()).select_from(SourceDocument))
            orphans = session.scalar(select(func.count()).select_from(SourceDocument)
                                     .where(~SourceDocument.articles.any()))
            names = session.scalars(select(SourceDocument.file_name)).all()
            keys = session.scalars(select(Person.key)).all()
            articles = session.scalar(select(func.count()).select_from(Article))
        return {"documents": documents, "orphans": orphans, "names": names, "keys": keys, "articles": articles}
    finally:
        engine.dispose()


def test_killed_load_then_rerun_completes(migrated_db, tmp_path):
    # Files are stored in batches of 8, a batch per transaction: enough copies that the loader is
    # killed with batches still to store when the first one lands (with 12 files it could finish
    # both of its batches before the kill).
    copies = 8
    folder = _corpus(tmp_path / "corpus", copies)
    process = _loader(migrated_db, folder)
    deadline = time.time() + 120
    while time.time() < deadline and _state(migrated_db)["documents"] < 2:
        time.sleep(0.2)
    process.send_signal(signal.SIGKILL)
    process.wait()
    halfway = _state(migrated_db)
    assert 0 < halfway["documents"] < len(BATCH) * copies
    assert halfway["orphans"] == 0  # every file is whole or absent
    rerun = _loader(migrated_db, folder)
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    assert sum(line.startswith("unchanged") for line in out.splitlines()) == halfway["documents"]
    final = _state(migrated_db)
    assert final["documents"] == len(BATCH) * copies and final["articles"] == 7 * copies


def test_two_loaders_at_once(migrated_db, tmp_path):
    folder = _corpus(tmp_path / "corpus", copies=2)
    first, second = _loader(migrated_db, folder), _loader(migrated_db, folder)
    for process in (first, second):
        out, err = process.communicate(timeout=600)
        assert process.returncode == 0, out + err
        assert "Traceback" not in err
    state = _state(migrated_db)
    assert state["documents"] == len(BATCH) * 2
    assert len(state["names"]) == len(set(state["names"]))
    assert len(state["keys"]) == len(set(state["keys"]))
    assert state["articles"] == 7 * 2
