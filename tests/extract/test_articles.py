"""Whole-pipeline table tests on short made-up articles (made-up names) in British, American and
Korean news styles. Each case is one file in articles/: the article's text beside the facts a
reader takes from it: people, organizations (and words that are neither, and the kind of body
each is: `org_kinds`), roles (person, title,
organization, status, and start and end years where given), quotes (the start of the quoted words,
the speaker, the words naming the speaker) and claims (the start of the text, the claimant).
`null` means none, `"*"` any value."""
from pathlib import Path

import pytest
import yaml

from app.extract.pipeline import extract

CASES = Path(__file__).parent / "articles"
ANY = "*"


def _cases() -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(CASES.glob("*.yaml"))}


def _facts(text: str):
    (article,) = extract(text)
    names = {e.ref: e.name for e in article.entities}
    people = {e.name for e in article.entities if e.type == "person"}
    orgs = {e.name: e.kind for e in article.entities if e.type == "organization"}
    roles = [(names.get(r.person), r.title, names.get(r.organization), r.status, r.start_year, r.end_year)
             for r in article.roles]
    quotes = [(q.text, names.get(q.speaker), article.body[slice(*q.mention)] if q.mention else None)
              for q in article.quotes]
    claims = [(c.text, names.get(c.claimant)) for c in article.claims]
    return people, orgs, roles, quotes, claims


def _matches(got: tuple, want: list) -> bool:
    return all(w == ANY or g == w for g, w in zip(got, want, strict=False))


@pytest.mark.parametrize("name", sorted(_cases()))
def test_article(name):
    case = _cases()[name]
    people, orgs, roles, quotes, claims = _facts(case["text"])
    assert set(case.get("people", [])) <= people, people
    assert set(case.get("orgs", [])) <= set(orgs), orgs
    assert not set(case.get("not_orgs", [])) & set(orgs), orgs
    for org, kind in case.get("org_kinds", {}).items():
        assert orgs.get(org) == kind, (org, kind, orgs)
    assert not set(case.get("not_people", [])) & people, people
    for role in case.get("roles", []):
        assert any(_matches(got, role) for got in roles), (role, roles)
    for text, speaker, mention in case.get("quotes", []):
        assert any(q.startswith(text) and _matches((s, m), [speaker, mention]) for q, s, m in quotes), \
            ((text, speaker, mention), quotes)
    for text, claimant in case.get("claims", []):
        assert any(c.startswith(text) and _matches((who,), [claimant]) for c, who in claims), ((text, claimant), claims)


def test_every_case_states_facts():
    cases = _cases()
    assert len(cases) >= 90
    for name, case in cases.items():
        assert case["text"].strip() and set(case) - {"text"}, name
