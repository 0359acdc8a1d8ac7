"""A cluster of the written forms of one person's or organization's name in an article."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from app.core.names import name_fullness


@dataclass
class Cluster:
    ref: str
    type: str
    forms: Counter = field(default_factory=Counter)
    short_forms: set[str] = field(default_factory=set)
    first_at: int = 0
    media: bool = False  # the page's publisher

    @property
    def name(self) -> str:
        return max(self.forms, key=lambda f: (name_fullness(f), self.forms[f]))
