"""The vocabulary the rules read, kept as data: every word list and table in this folder, loaded
once, at import, into one frozen and typed `LEXICON`. A file that is missing or empty fails the
import, not the first rule that happens to need it.

Files hold one entry per line; `#` starts a comment line. A `.tsv` file holds tab-separated
fields. Word sets are lower-cased; lists (`entries`) keep their entries as written and in order.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib.resources import files
from types import MappingProxyType


def lines_of(text: str) -> list[str]:
    """The entries of a word-list text: its lines, less blank ones and '#' comments."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def rows_of(text: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated word-list text: one tuple of fields per entry."""
    return tuple(tuple(f.strip() for f in line.split("\t")) for line in lines_of(text))


def _read(name: str) -> list[str]:
    found = lines_of(files(__package__).joinpath(name).read_text(encoding="utf-8"))
    if not found:
        raise ValueError(f"the lexicon file {name} holds no entries")
    return found


def _entries(name: str) -> tuple[str, ...]:
    return tuple(_read(name))


def _words(name: str) -> frozenset[str]:
    return frozenset(line.lower() for line in _read(name))


def _table(name: str) -> tuple[tuple[str, ...], ...]:
    rows = rows_of("\n".join(_read(name)))
    if any(len(row) < 2 for row in rows):
        raise ValueError(f"the lexicon table {name} has a row without a second field")
    return rows


def _mapping(name: str, lower: bool = False) -> Mapping[str, str]:
    return MappingProxyType({(row[0].lower() if lower else row[0]): row[1] for row in _table(name)})


def _references(name: str) -> Mapping[str, frozenset[str]]:
    return MappingProxyType({row[0].lower(): frozenset(f.lower() for f in row[1:]) for row in _table(name)})


def _patterns(name: str, flags: int = re.IGNORECASE) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, flags) for p in _read(name))


def _union(name: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _read(name)), flags)


def _labelled(name: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((label, re.compile(pattern, re.IGNORECASE)) for label, pattern, *_ in _table(name))


@dataclass(frozen=True)
class RoleStatuses:
    """Where a role stands (role_statuses.txt): the values the extractor emits and the API serves."""

    current: str
    former: str
    nominated: str

    @property
    def all(self) -> tuple[str, ...]:
        return self.current, self.former, self.nominated


def _statuses() -> RoleStatuses:
    found = _entries("role_statuses.txt")
    if found != ("current", "former", "nominated"):
        raise ValueError(f"role_statuses.txt must list current, former and nominated, in that order: {found}")
    return RoleStatuses(*found)


@dataclass(frozen=True)
class Lexicon:
    # --- names of people
    honorifics: frozenset[str]
    name_particles: frozenset[str]
    name_prefixes: frozenset[str]
    clause_openers: frozenset[str]
    person_nouns: frozenset[str]
    person_stopwords: frozenset[str]
    demonyms: frozenset[str]
    # --- names of organizations
    org_kinds: Mapping[str, str]
    org_nouns: frozenset[str]
    org_stopwords: frozenset[str]
    org_suffixes: frozenset[str]
    org_units: frozenset[str]
    non_org_heads: frozenset[str]
    parent_heads: frozenset[str]
    unit_heads: frozenset[str]
    company_nouns: frozenset[str]
    company_words: frozenset[str]
    government_nouns: frozenset[str]
    party_members: frozenset[str]
    sole_bodies: frozenset[str]
    common_acronyms: frozenset[str]
    numbered_names: frozenset[str]
    party_adjectives: Mapping[str, str]
    description_kinds: Mapping[str, str]
    # --- titles and roles
    title_words: frozenset[str]
    title_modifiers: frozenset[str]
    title_aliases: Mapping[str, str]
    title_given_names: frozenset[str]
    rival_title_words: frozenset[str]
    title_references: Mapping[str, frozenset[str]]
    title_drop_words: frozenset[str]
    title_determiners: frozenset[str]
    title_connectors: frozenset[str]
    title_stops: frozenset[str]
    org_titles: Mapping[str, str]
    place_titles: frozenset[str]
    former_words: frozenset[str]
    current_words: frozenset[str]
    joining_verbs: frozenset[str]
    role_verbs: frozenset[str]
    head_verbs: Mapping[str, str]
    role_statuses: RoleStatuses
    # --- speech
    reporting_verbs: frozenset[str]
    indirect_verbs: frozenset[str]
    listener_verbs: frozenset[str]
    said_forms: frozenset[str]
    speech_nouns: frozenset[str]
    document_nouns: frozenset[str]
    anonymous_sources: frozenset[str]
    pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    indefinite_determiners: frozenset[str]
    empty_subjects: frozenset[str]
    placeholder_subjects: frozenset[str]
    generic_subjects: frozenset[str]
    mention_prepositions: frozenset[str]
    # --- claims and amounts
    claim_cues: tuple[tuple[str, re.Pattern[str]], ...]
    claim_frames: tuple[tuple[str, re.Pattern[str]], ...]
    plan_nouns: frozenset[str]
    study_nouns: frozenset[str]
    result_nouns: frozenset[str]
    commitment_markers: re.Pattern[str]
    topics: tuple[tuple[str, re.Pattern[str]], ...]
    currencies: Mapping[str, str]
    scales: Mapping[str, str]
    qualifiers: Mapping[str, str]
    # --- the page around the text
    abbreviations: tuple[str, ...]
    months: tuple[str, ...]
    furniture: tuple[re.Pattern[str], ...]
    markers: re.Pattern[str]
    byline_titles: tuple[str, ...]
    byline_fields: frozenset[str]
    small_words: frozenset[str]

    @property
    def claim_types(self) -> tuple[str, ...]:
        """The kinds of policy claim, in the cue file's order (the API serves the same)."""
        return tuple(dict.fromkeys(kind for kind, _ in self.claim_cues))

    @property
    def abbreviation_words(self) -> frozenset[str]:
        return frozenset(a.lower() for a in self.abbreviations)

    @classmethod
    def load(cls) -> Lexicon:
        return cls(
            honorifics=_words("honorifics.txt"),
            name_particles=_words("name_particles.txt"),
            name_prefixes=_words("name_prefixes.txt"),
            clause_openers=_words("clause_openers.txt"),
            person_nouns=_words("person_nouns.txt"),
            person_stopwords=_words("person_stopwords.txt"),
            demonyms=_words("demonyms.txt"),
            org_kinds=_mapping("org_kinds.tsv"),
            org_nouns=_words("org_nouns.txt"),
            org_stopwords=_words("org_stopwords.txt"),
            org_suffixes=_words("org_suffixes.txt"),
            org_units=_words("org_units.txt"),
            non_org_heads=_words("non_org_heads.txt"),
            parent_heads=_words("parent_heads.txt"),
            unit_heads=_words("unit_heads.txt"),
            company_nouns=_words("company_nouns.txt"),
            company_words=_words("company_words.txt"),
            government_nouns=_words("government_nouns.txt"),
            party_members=_words("party_members.txt"),
            sole_bodies=_words("sole_bodies.txt"),
            common_acronyms=frozenset(_entries("common_acronyms.txt")),
            numbered_names=_words("numbered_names.txt"),
            party_adjectives=_mapping("party_adjectives.tsv", lower=True),
            description_kinds=_mapping("description_kinds.tsv"),
            title_words=_words("title_words.txt"),
            title_modifiers=_words("title_modifiers.txt"),
            title_aliases=_mapping("title_aliases.tsv"),
            title_given_names=_words("title_given_names.txt"),
            rival_title_words=_words("rival_title_words.txt"),
            title_references=_references("title_references.tsv"),
            title_drop_words=_words("title_drop_words.txt"),
            title_determiners=_words("title_determiners.txt"),
            title_connectors=_words("title_connectors.txt"),
            title_stops=_words("title_stops.txt"),
            org_titles=_mapping("org_titles.tsv"),
            place_titles=_words("place_titles.txt"),
            former_words=_words("former_words.txt"),
            current_words=_words("current_words.txt"),
            joining_verbs=_words("joining_verbs.txt"),
            role_verbs=_words("role_verbs.txt"),
            head_verbs=_mapping("head_verbs.tsv"),
            role_statuses=_statuses(),
            reporting_verbs=_words("reporting_verbs.txt"),
            indirect_verbs=_words("indirect_verbs.txt"),
            listener_verbs=_words("listener_verbs.txt"),
            said_forms=_words("said_forms.txt"),
            speech_nouns=_words("speech_nouns.txt"),
            document_nouns=_words("document_nouns.txt"),
            anonymous_sources=_words("anonymous_sources.txt"),
            pronouns=_words("pronouns.txt"),
            relative_pronouns=_words("relative_pronouns.txt"),
            indefinite_determiners=_words("indefinite_determiners.txt"),
            empty_subjects=_words("empty_subjects.txt"),
            placeholder_subjects=_words("placeholder_subjects.txt"),
            generic_subjects=_words("generic_subjects.txt"),
            mention_prepositions=_words("mention_prepositions.txt"),
            claim_cues=_labelled("claim_cues.tsv"),
            claim_frames=_labelled("claim_frames.tsv"),
            plan_nouns=_words("plan_nouns.txt"),
            study_nouns=_words("study_nouns.txt"),
            result_nouns=_words("result_nouns.txt"),
            commitment_markers=_union("commitment_markers.txt"),
            topics=_labelled("topics.tsv"),
            currencies=_mapping("currencies.tsv", lower=True),
            scales=_mapping("scales.tsv", lower=True),
            qualifiers=_mapping("qualifiers.tsv", lower=True),
            abbreviations=_entries("abbreviations.txt"),
            months=_entries("months.txt"),
            furniture=_patterns("furniture.txt"),
            markers=_union("markers.txt", flags=0),
            byline_titles=_entries("byline_titles.txt"),
            byline_fields=_words("byline_fields.txt"),
            small_words=_words("small_words.txt"),
        )


LEXICON = Lexicon.load()

__all__ = ["LEXICON", "Lexicon", "RoleStatuses", "lines_of", "rows_of"]
