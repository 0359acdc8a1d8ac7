"""The repairs made to spaCy's named entities before they are clustered, alone: each label fix on
made-up text (the label it gives, or None to leave it), and each pass over an article's
candidates."""
import pytest

from app.extract.entities import candidates as c
from app.extract.entities.candidates import Candidate

FIXES = [
    # fix, text, the name in it, the tagger's label, the label it becomes (None: left alone)
    (c._place_named_by_title, "The chairwoman Helen Park spoke on Monday.", "Helen Park", "GPE", "PERSON"),
    (c._place_named_by_title, "The city of Helen Park voted on Monday.", "Helen Park", "GPE", None),
    (c._political_group, "The Liberal Democrats voted against the bill.", "Liberal Democrats", "NORP", "ORG"),
    (c._political_group, "The Korean voters went to the polls.", "Korean", "NORP", None),
    (c._affiliation_after_a_name, "Analyst Mia Stone of Harbour Kleinwort said so.", "Harbour Kleinwort", "PERSON",
     "ORG"),
    (c._affiliation_after_a_name, "Analyst Mia Stone and Harbour Kleinwort said so.", "Harbour Kleinwort", "PERSON",
     None),
    (c._person_like_an_org, "The local daily Harbour Gazette reported it on Monday.", "Harbour Gazette", "PERSON",
     "ORG"),
    (c._person_like_an_org, "The reporter Harbour Gazette spoke on Monday.", "Harbour Gazette", "PERSON", None),
    (c._org_with_honorific, "Later Mr Brown spoke on Monday.", "Mr Brown", "ORG", "PERSON"),
    (c._org_with_honorific, "Later Acme Robotics spoke on Monday.", "Acme Robotics", "ORG", None),
    (c._org_named_by_title, "Their spokesman Jo Lee spoke on Monday.", "Jo Lee", "ORG", "PERSON"),
    (c._org_named_by_title, "Their spokesman Acme Corp spoke on Monday.", "Acme Corp", "ORG", None),
]


@pytest.mark.parametrize("fix, text, name, label, becomes", FIXES, ids=[f"{f[0].__name__}-{i}" for i, f in enumerate(FIXES)])
def test_label_fix(fix, text, name, label, becomes):
    start = text.index(name)
    assert fix(text, label, start, start + len(name)) == becomes


def test_every_fix_has_cases_that_fix_and_that_leave():
    assert {f[0] for f in FIXES if f[4]} == {f[0] for f in FIXES if not f[4]} == set(c.PLACE_FIXES + c.LABEL_FIXES)


def _at(text: str, name: str, label: str) -> Candidate:
    start = text.index(name)
    return Candidate(start, start + len(name), label, name)


def test_passes():
    text = "Ma Seok-jin met Acme Bank and Acme Motors. Holm and Vera Holm spoke."
    korean = [(0, len("Ma Seok-jin"))]
    assert [x.text for x in c._missed_korean_names(text, [], korean)] == ["Ma Seok-jin"]
    assert c._missed_korean_names(text, [_at(text, "Ma Seok-jin", "PERSON")], korean) == [_at(text, "Ma Seok-jin", "PERSON")]
    shared = c._sharing_an_org_head(text, [_at(text, "Acme Bank", "ORG"), _at(text, "Acme Motors", "PERSON")], [])
    assert [x.label for x in shared] == ["ORG", "ORG"]
    surname = c._org_of_a_surname(text, [_at(text, "Holm", "PERSON"), _at(text, "Vera Holm", "ORG")], [])
    assert [x.label for x in surname] == ["PERSON", "PERSON"]
    wire = "NORDPORT, Jan. 2 (Wirepress) -- Acme Bank opened a branch."
    assert c._outside_datelines(wire, [_at(wire, "Wirepress", "ORG"), _at(wire, "Acme Bank", "ORG")], []) == \
        [_at(wire, "Acme Bank", "ORG")]
    headed = "Acme Bank opens new branch\n\nThe branch opened on Monday, Jo Lee said to the crowd there."
    assert c._named_in_the_body(headed, [_at(headed, "Acme Bank", "ORG"), _at(headed, "Jo Lee", "PERSON")], []) == \
        [_at(headed, "Jo Lee", "PERSON")]
    union = "The Public and Commercial Services Union and Acme and Harbour Motors said so."
    joined = c._joined_by_and(union, [_at(union, "Public", "ORG"), _at(union, "Commercial Services Union", "ORG"),
                                      _at(union, "Acme", "ORG"), _at(union, "Harbour Motors", "ORG")], [])
    assert [x.text for x in joined] == ["Public and Commercial Services Union", "Acme", "Harbour Motors"]
    assert c.PASSES == (c._joined_by_and, c._missed_korean_names, c._sharing_an_org_head, c._org_of_a_surname, c._outside_datelines,
                        c._named_in_the_body)
