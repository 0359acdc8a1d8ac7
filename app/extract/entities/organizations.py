"""Organizations clustered by name key, acronyms joined to their full names ("WHO (World Health
Organization)"), "X of Y" forms merged, and units placed under their parents ("Acme AI Lab"
under "Acme"; "X's Y", "Y at X", "Y of X")."""
from __future__ import annotations

import re

from app.core.names import is_acronym_of, org_key, person_key
from app.extract.entities.candidates import Candidate
from app.extract.entities.clusters import Cluster
from app.extract.entities.names import inner_parent, split_org


def cluster_orgs(text: str, found: list[Candidate], people: list[Cluster]) -> list[Cluster]:
    person_keys = {person_key(f) for c in people for f in c.forms}
    person_shorts = {s for c in people for s in c.short_forms}
    clusters: dict[str, Cluster] = {}

    def add(name: str, at: int) -> None:
        if not name or person_key(name) in person_keys or name in person_shorts:
            return
        key = org_key(name)
        cluster = clusters.get(key)
        if cluster is None:
            cluster = clusters[key] = Cluster(
                ref=f"o{len({id(c) for c in clusters.values()}) + 1}",
                type="organization",
                first_at=at,
            )
        cluster.forms[name] += 1

    for ent in found:
        if ent.label != "ORG":
            continue
        unit, owner = split_org(ent.text)
        if unit and not owner:
            owner = inner_parent(unit)
        if owner:
            add(owner, ent.start)
        if unit:
            add(unit, ent.start)
    _merge_acronyms(text, clusters)
    unique: dict[int, Cluster] = {id(c): c for c in clusters.values()}
    return list(unique.values())


def _merge_acronyms(text: str, clusters: dict[str, Cluster]) -> None:
    """'WHO (World Health Organization)' and the reverse order."""
    for m in re.finditer(r"([A-Z][\w&.'’ -]{1,80}?)\s+\(([^()]{2,80})\)", text):
        outside, inside = m.group(1).strip(), m.group(2).strip()
        for short, long in ((outside, inside), (inside, outside)):
            short = short.split()[-1] if short.split() else short
            long_words = long.split()
            for n in range(len(long_words), 0, -1):
                candidate = " ".join(long_words[-n:])
                if candidate[:1].isupper() and is_acronym_of(short, candidate):
                    _join_forms(clusters, short, candidate)
                    break


def _join_forms(clusters: dict[str, Cluster], short: str, long: str) -> None:
    a, b = clusters.get(org_key(short)), clusters.get(org_key(long))
    if a is None and b is None:
        return
    if a is None:
        assert b is not None
        b.forms[short] += 1
    elif b is None:
        a.forms[long] += 1
    elif a is not b:
        a.forms.update(b.forms)
        del clusters[org_key(long)]
        clusters[org_key(long)] = a


_POSSESSIVE_BEFORE = re.compile(r"['’]s?\s+(?:the\s+)?$")


_AT_OR_OF_AFTER = re.compile(r"\s+(?:at|of)\s+(?:the\s+)?")


def _occurrences(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle)
    while at >= 0 and needle:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _names_parent(before: str, after: str, form: str) -> bool:
    """'FORM's UNIT', 'UNIT at FORM' or 'UNIT of FORM', given the text before and after UNIT."""
    m = _POSSESSIVE_BEFORE.search(before)
    if m and before[: m.start()].endswith(form):
        return True
    m = _AT_OR_OF_AFTER.match(after)
    return bool(m and after[m.end() :].startswith(form))


def parents_of(text: str, orgs: list[Cluster]) -> dict[str, str]:
    """A unit inside another: its name extends the other's ('Acme AI Lab' under 'Acme'), or
    the text says so ('X's Y', 'Y at X', 'Y of X')."""
    parent: dict[str, str] = {}
    names = {c.ref: c.name for c in orgs}
    for c in orgs:
        words = c.name.split()
        for other in orgs:
            if other is c:
                continue
            for form in other.forms:
                ow = form.split()
                if len(ow) < len(words) and words[: len(ow)] == ow and words[len(ow)] != "of":
                    current = parent.get(c.ref)
                    if current is None or len(names[current]) < len(form):
                        parent[c.ref] = other.ref
    for c in orgs:
        if c.ref in parent:
            continue
        # The words around each place a form of the unit is written, read once per unit.
        around = [
            (text[max(0, at - 200) : at], text[at + len(child) : at + len(child) + 200])
            for child in c.forms
            for at in _occurrences(text, child)
        ]
        for other in orgs:
            if other is not c and any(_names_parent(before, after, form)
                                      for form in other.forms for before, after in around):
                parent[c.ref] = other.ref
    # No cycles: a unit cannot sit under itself.
    for ref in list(parent):
        seen, k = {ref}, parent[ref]
        while k in parent:
            if k in seen:
                del parent[ref]
                break
            seen.add(k)
            k = parent[k]
    return parent


def merge_of_forms(orgs: list[Cluster]) -> list[Cluster]:
    """'Unity Party of Nordland' is the full form of 'Unity Party', not a unit of it."""
    kept: list[Cluster] = []
    for c in sorted(orgs, key=lambda c: len(c.name)):
        for k in kept:
            if any(c.name.startswith(f + " of ") for f in k.forms):
                k.forms.update(c.forms)
                break
        else:
            kept.append(c)
    return sorted(kept, key=lambda c: c.first_at)
