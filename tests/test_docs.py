"""The README states every setting, CLI command and route; .ci/run runs its test command."""
import re

from app.cli import build_parser
from app.config import PROJECT_ROOT, Settings

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented():
    for name in Settings.model_fields:
        assert f"`{name.upper()}`" in README, name


def test_every_cli_command_is_documented():
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    for name, sub in commands.items():
        nested = sub._subparsers._group_actions[0].choices if sub._subparsers else {None: None}
        for child in nested:
            command = f"python -m app {name}" + (f" {child}" if child else "")
            assert command in README, command


def test_every_route_is_documented(client):
    spec = client.get("/openapi.json").json()
    for path in spec["paths"]:
        resource = re.sub(r"\{\w+\}", "{id}", re.sub(r"^/api/v1", "", path))
        assert f"`{resource}`" in README or f"`GET {path}`" in README, path


def test_readme_has_both_setup_commands():
    for marker in ("<!-- serve-command -->", "<!-- test-command -->"):
        block = README.split(marker, 1)[1].strip().splitlines()[0]
        assert block.startswith("python3 -m venv .venv"), marker
    assert "pytest" in README.split("<!-- test-command -->", 1)[1].strip().splitlines()[0]
    assert "<!-- test-command -->" in (PROJECT_ROOT / ".ci" / "run").read_text()


def test_the_embedded_database_and_its_journal_files_are_ignored():
    import shutil
    import subprocess

    import pytest

    if shutil.which("git") is None or not (PROJECT_ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    names = ["newsgraph.db", "newsgraph.db-wal", "newsgraph.db-shm", "newsgraph.db-journal"]
    ignored = subprocess.run(["git", "check-ignore", *names], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert sorted(ignored.stdout.split()) == sorted(names)


def test_the_readme_counts_the_seeds_as_they_load(seeded_db):
    from sqlalchemy import create_engine, func, select

    from app.db.models import Article, SourceDocument

    engine = create_engine(seeded_db)
    try:
        with engine.connect() as connection:
            files = connection.scalar(select(func.count()).select_from(SourceDocument))
            articles = connection.scalar(select(func.count()).select_from(Article))
    finally:
        engine.dispose()
    words = {4: "four", 7: "seven"}
    assert f"the {words[files]} seed files ({words[articles]} articles)" in README
