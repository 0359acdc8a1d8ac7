"""A named-entity span as the entity stage repairs it, before names are clustered."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    label: str
    text: str
    subject: bool = False  # the subject of its clause ("Becker was chief operating officer …")
