"""People and organizations of one article: cleaned named entities, clustered, with mentions.

spaCy's named entities are the starting point (candidates.py). Names are cleaned (names.py),
noise is dropped, and mentions are clustered: variant spellings of a full name share a key
(core.names.person_key), and a one-word mention ("Roe") joins the full name it shortens, the
nearest one before it when two people share it. Every occurrence of each form in the body is
then indexed, so later stages can resolve a reporting clause's subject to a person even where
the tagger missed it."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from spacy.tokens import Doc

from app.core.lexicon import LEXICON
from app.core.names import org_key, person_key, strip_possessive
from app.extract.entities.candidates import Candidate, candidates
from app.extract.entities.clusters import Cluster
from app.extract.entities.kinds import org_kind
from app.extract.entities.names import byline_person, clean_person
from app.extract.entities.organizations import cluster_orgs, merge_of_forms, parents_of
from app.extract.entities.store import ArticleEntities
from app.extract.quotes import Quoted
from app.extract.types import Entity, EntityMention, text_of


def _short_forms(name: str) -> set[str]:
    words = name.split()
    if len(words) < 2:
        return set()
    return {w for w in (words[0], words[-1]) if len(w) >= 2 and w.lower() not in LEXICON.name_particles}


def _cluster_people(found: list[Candidate]) -> list[Cluster]:
    full: dict[str, Cluster] = {}
    singles: list[tuple[int, str, bool]] = []  # one-word names: where, the name, whether a subject
    for ent in found:
        if ent.label != "PERSON":
            continue
        name = clean_person(ent.text)
        if not name:
            continue
        if len(name.split()) == 1:
            singles.append((ent.start, name, ent.subject))
            continue
        key = person_key(name)
        cluster = full.get(key)
        if cluster is None:
            cluster = full[key] = Cluster(ref=f"p{len(full) + 1}", type="person", first_at=ent.start)
        cluster.forms[name] += 1
    for cluster in full.values():
        for form in cluster.forms:
            cluster.short_forms |= _short_forms(form)
    # A one-word name that shortens no full name is a person known by one name ("DuVernay").
    shorts = {s for c in full.values() for s in c.short_forms}
    counts = Counter(name for _, name, _ in singles)
    for start, name, subject in singles:
        if name in shorts or (counts[name] < 2 and not subject):
            continue
        key = person_key(name)
        if key not in full:
            full[key] = Cluster(ref=f"p{len(full) + 1}", type="person", first_at=start)
        full[key].forms[name] += 1
    return list(full.values())


def _without_suffixes(form: str) -> str:
    """'Hanra Group' -> 'Hanra', 'Acme Corp.' -> 'Acme': the name without its trailing suffix words."""
    words = form.split()
    suffixes = LEXICON.org_suffixes
    while len(words) > 1 and words[-1].lower().rstrip(".") in {w.rstrip(".") for w in suffixes}:
        words = words[:-1]
    return " ".join(words)


def _index_mentions(text: str, clusters: list[Cluster]) -> list[EntityMention]:
    """Every occurrence of every form, longest first; an ambiguous short form goes to the
    cluster whose full name was seen last before it (or first after it)."""
    patterns: dict[str, set[str]] = defaultdict(set)
    for c in clusters:
        for form in c.forms:
            patterns[form].add(c.ref)
            if c.type == "organization":
                patterns[strip_possessive(form)].add(c.ref)
                short = _without_suffixes(form)
                if short and short != form:
                    patterns[short].add(c.ref)  # "Hanra" for "Hanra Group", "Acme" for "Acme Corp."
        for short in c.short_forms:
            patterns[short].add(c.ref)
    if not patterns:
        return []
    forms = sorted(patterns, key=len, reverse=True)
    regex = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")
    full_at: list[tuple[int, str]] = []
    hits: list[tuple[int, int, set[str]]] = []
    by_ref = {c.ref: c for c in clusters}
    for m in regex.finditer(text):
        refs = patterns[m.group(0)]
        hits.append((m.start(), m.end(), refs))
        if len(refs) == 1 and m.group(0) not in by_ref[next(iter(refs))].short_forms:
            full_at.append((m.start(), next(iter(refs))))
    mentions = []
    for start, end, refs in hits:
        if len(refs) == 1:
            ref = next(iter(refs))
        else:
            # The one named in this paragraph, else the one the article names most, else the one
            # named last before (or first after).
            paragraph = text.rfind("\n\n", 0, start)
            here = [r for at, r in full_at if paragraph < at < start and r in refs]
            counts = Counter(r for _, r in full_at if r in refs)
            top = counts.most_common(2)
            before = [r for at, r in full_at if at < start and r in refs]
            after = [r for at, r in full_at if at > start and r in refs]
            if here:
                ref = here[-1]
            elif len(top) == 2 and top[0][1] > top[1][1]:
                ref = top[0][0]
            else:
                ref = before[-1] if before else (after[0] if after else sorted(refs)[0])
        mentions.append(EntityMention(start, end, ref))
    return mentions


def _add_authors(people: list[Cluster], authors: Sequence[str]) -> None:
    by_key = {person_key(f): c for c in people for f in c.forms}
    for author in authors:
        name = byline_person(author)
        if name is None:
            continue
        cluster = by_key.get(person_key(name))
        if cluster is None:
            cluster = Cluster(ref="", type="person", first_at=1 << 30)
            people.append(cluster)  # no short forms: a surname in the text may be anyone's
            by_key[person_key(name)] = cluster
        cluster.forms[name] += 1


def extract_entities(doc: Doc, quoted: Quoted, extra_orgs: Sequence[str] = (),
                     authors: Sequence[str] = ()) -> ArticleEntities:
    """The article's people and organizations: the named entities outside headings and
    datelines, cleaned and clustered, the page's publisher (`extra_orgs`) and its authors added,
    with every place the body names them. A person's name as a clause's subject counts only
    outside the `quoted` stretches (a one-word name there may be anyone's)."""
    found = candidates(doc, quoted)
    people = _cluster_people(found)
    _add_authors(people, authors)
    orgs = merge_of_forms(cluster_orgs(text_of(doc), found, people))
    known = {org_key(f) for c in orgs for f in c.forms}
    for name in extra_orgs:
        if name and org_key(name) not in known:
            cluster = Cluster(ref="", type="organization", first_at=len(text_of(doc)), media=True)
            cluster.forms[name] += 1
            orgs.append(cluster)
            known.add(org_key(name))
    # Refs are given once the clusters are final (merging may have dropped some).
    for prefix, clusters in (("p", people), ("o", orgs)):
        for n, cluster in enumerate(clusters, start=1):
            cluster.ref = f"{prefix}{n}"
    mentions = _index_mentions(text_of(doc), people + orgs)
    parents = parents_of(text_of(doc), orgs)
    # A person's name the text holds only inside a fuller one ("Park Ji" of "Park Ji-hoon", cut
    # by the tagger) names nobody of its own.
    named = {m.ref for m in mentions}
    people = [c for c in people if c.ref in named or not any(
        o is not c and c.name in o.name for o in people)]
    entities = [
        Entity(
            ref=c.ref,
            type="person",
            name=c.name,
            aliases=tuple(sorted(f for f in c.forms if f != c.name)),
        )
        for c in people
    ]
    entities += [
        Entity(
            ref=c.ref,
            type="organization",
            name=c.name,
            aliases=tuple(sorted(f for f in c.forms if f != c.name)),
            kind="media" if c.media else org_kind(c.name),
            parent=parents.get(c.ref),
        )
        for c in orgs
    ]
    return ArticleEntities(entities=entities, mentions=sorted(mentions, key=lambda m: m.start))
