"""Word lists kept as data. Lines starting with '#' are comments."""
from __future__ import annotations

from functools import cache
from importlib.resources import files


def _lines(name: str) -> list[str]:
    return lines_of(files(__package__).joinpath(name).read_text(encoding="utf-8"))


def lines_of(text: str) -> list[str]:
    """The entries of a word-list text: its lines, less blank ones and '#' comments."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def rows_of(text: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated word-list text: one tuple of fields per entry."""
    return tuple(tuple(f.strip() for f in line.split("\t")) for line in lines_of(text))


@cache
def word_set(name: str) -> frozenset[str]:
    """A file of one entry per line, lower-cased."""
    return frozenset(line.lower() for line in _lines(name))


@cache
def entries(name: str) -> tuple[str, ...]:
    """A file of one entry per line, as written."""
    return tuple(_lines(name))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """A tab-separated file: one tuple of fields per line."""
    return rows_of("\n".join(_lines(name)))


@cache
def claim_types() -> tuple[str, ...]:
    """The kinds of policy claim, as rules/claim_cues.tsv lists them (the API serves the same)."""
    return tuple(dict.fromkeys(kind for kind, _ in table("claim_cues.tsv")))


@cache
def role_statuses() -> tuple[str, ...]:
    """Where a role stands: rules/role_statuses.txt (the API serves the same)."""
    return entries("role_statuses.txt")
