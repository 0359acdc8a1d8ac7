"""Hostile files: each gets a clear, named outcome; none stops or damages the others."""
import shutil

import pytest

from tests.conftest import load_paths
from tests.test_load import GOOD, counts

BAD = __import__("pathlib").Path(__file__).parent / "data" / "bad"

# file -> ("loaded", None) or ("failed", words the reason must hold)
EXPECTED = {
    "empty.txt": ("failed", "empty file"),
    "whitespace.txt": ("failed", "no text"),
    "image.txt": ("failed", "binary"),
    "archive.txt": ("failed", "binary"),
    "invalid-utf8.txt": ("failed", "not UTF-8"),
    "latin1.txt": ("failed", "not UTF-8"),
    "nul.txt": ("failed", "binary"),
    "furniture-only.txt": ("failed", "no article text"),
    "utf16-bom.txt": ("loaded", None),
    "html.txt": ("loaded", None),
    "control-chars.txt": ("loaded", None),
}


def _generated(folder):
    """Large hostile files, made here rather than committed."""
    (folder / "unbalanced-quotes.txt").write_text(
        "Quote Storm Headline Here\n\n" + ('He said " and ‘ then “ more ' * 3000) + ".\n", encoding="utf-8")
    (folder / "long-line.txt").write_text(
        "One Very Long Line Headline\n\n" + "The committee met again and talked at length. " * 4000 + "\n", encoding="utf-8")
    (folder / "too-large.txt").write_text("Big Headline Here\n\n" + "word " * 300_000, encoding="utf-8")
    return {"unbalanced-quotes.txt": ("loaded", None), "long-line.txt": ("loaded", None),
            "too-large.txt": ("failed", "text too long")}


def test_hostile_files_each_get_a_named_outcome(migrated_db, tmp_path, capsys):
    folder = tmp_path / "in"
    shutil.copytree(BAD, folder)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    expected = {**EXPECTED, **_generated(folder), "good.txt": ("loaded", None)}
    assert load_paths(migrated_db, folder) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    lines = {line.split()[1].rsplit("/", 1)[-1]: line for line in out.out.splitlines() if line.split()[:1] in (["loaded"], ["failed"])}
    for name, (status, reason) in expected.items():
        assert lines[name].startswith(status), lines[name]
        if reason:
            assert reason in lines[name], lines[name]
    loaded = sum(1 for status, _ in expected.values() if status == "loaded")
    assert counts(migrated_db)["source_documents"] == loaded


def test_html_is_read_as_text(migrated_db, tmp_path):
    shutil.copy(BAD / "html.txt", tmp_path)
    load_paths(migrated_db, tmp_path)
    from fastapi.testclient import TestClient

    from app.api.main import create_app
    from app.config import Settings

    with TestClient(create_app(Settings(database_url=migrated_db))) as http:
        (article,) = http.get("/api/v1/articles").json()["items"]
        body = http.get(f"/api/v1/articles/{article['id']}").json()["body"]
        quotes = http.get("/api/v1/quotes").json()["items"]
    assert article["title"] == "Harbour Expansion Approved"
    assert "<p>" not in body and "var a" not in body
    assert quotes[0]["speaker"]["name"] == "John Smith"


@pytest.mark.parametrize("name", ["utf16-bom.txt", "control-chars.txt"])
def test_decodable_files_keep_their_words(migrated_db, tmp_path, name):
    shutil.copy(BAD / name, tmp_path)
    assert load_paths(migrated_db, tmp_path) == 0
    assert counts(migrated_db)["quotes"] == 1
