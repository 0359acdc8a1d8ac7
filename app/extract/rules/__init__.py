"""Word lists kept as data. Lines starting with '#' are comments."""
from __future__ import annotations

from functools import cache
from importlib.resources import files


def _lines(name: str) -> list[str]:
    text = files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


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
    return tuple(tuple(f.strip() for f in line.split("\t")) for line in _lines(name))


@cache
def claim_types() -> tuple[str, ...]:
    """The kinds of policy claim, as rules/claim_cues.tsv lists them (the API serves the same)."""
    return tuple(dict.fromkeys(kind for kind, _ in table("claim_cues.tsv")))


@cache
def role_statuses() -> tuple[str, ...]:
    """Where a role stands: rules/role_statuses.txt (the API serves the same)."""
    return entries("role_statuses.txt")
