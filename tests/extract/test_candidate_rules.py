"""The repairs made to spaCy's named entities before they are clustered, alone: each label fix on
made-up text (the label it gives, or None to leave it), and each pass over an article's
candidates."""
import pytest

from app.extract.entities import candidates as c
from app.extract.entities.candidates import Candidate
from app.extract.entities import unlabelled as u
from app.extract.entities.unlabelled import body_names, caption_spans, parts_around_with

FIXES = [
    # fix, text, the name in it, the tagger's label, the label it becomes (None: left alone)
    (c._place_named_by_title, "The chairwoman Helen Park spoke on Monday.", "Helen Park", "GPE", "PERSON"),
    (c._place_named_by_title, "The city of Helen Park voted on Monday.", "Helen Park", "GPE", None),
    (c._political_group, "The Liberal Democrats voted against the bill.", "Liberal Democrats", "NORP", "ORG"),
    (c._political_group, "The Korean voters went to the polls.", "Korean", "NORP", None),
    (c._political_group, "But the Lib Dems voted against the bill.", "Lib Dems", "PERSON", "ORG"),
    (c._place_before_its_title, "Riverton Mayor Jo Park spoke on Monday.", "Riverton", "ORG", "GPE"),
    (c._place_before_its_title, "Riverton chief executive Jo Park spoke on Monday.", "Riverton", "ORG", None),
    (c._owned_thing, "Sales fell across its Slimfast range this year.", "Slimfast", "PERSON", "PRODUCT"),
    (c._owned_thing, "Sales fell, Slimfast said this year.", "Slimfast", "PERSON", None),
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
    (c._org_apposed_to_a_person, "It went to Dara Holm, the country's richest man, in May.", "Dara Holm", "ORG",
     "PERSON"),
    (c._org_apposed_to_a_person, "It went to Dara Holm, the country's richest bank, in May.", "Dara Holm", "ORG",
     None),
    (c._company_by_its_last_word, "Northwave Telecom said it would invest.", "Northwave Telecom", "PERSON", "ORG"),
    (c._company_by_its_last_word, "Acme Holdings said it would invest.", "Acme Holdings", "PERSON", "ORG"),
    (c._company_by_its_last_word, "Dana Stone said she would invest.", "Dana Stone", "PERSON", None),
    (c._company_by_its_last_word, "The Nurses' Guild called for a pay rise.", "Guild", "PERSON", "ORG"),
    (c._company_by_its_last_word, "Stone called for a pay rise.", "Stone", "PERSON", None),
    (c._party_and_portfolio, "Conservative Treasury spokesman Jo Lee spoke.", "Conservative Treasury", "ORG", "NORP"),
    (c._party_and_portfolio, "Conservative Treasury officials spoke.", "Conservative Treasury", "ORG", None),
    (c._party_and_portfolio, "Conservative Treasury spokesman Jo Lee spoke.", "Treasury", "ORG", "NORP"),
    (c._body_of_a_title, "Jo Lee, founder of Bright Harvest, spoke.", "Bright Harvest", "PERSON", "ORG"),
    (c._body_of_a_title, "Jo Lee, chief executive at the Bright Harvest, spoke.", "Bright Harvest", "PERSON", "ORG"),
    (c._body_of_a_title, "Jo Lee, the son of Bright Harvest, spoke.", "Bright Harvest", "PERSON", None),
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
    joined = "Acme Securities with Harbour Bank merged. Jo Park with Acme spoke."
    split = u.split_at_with(joined, [_at(joined, "Acme Securities with Harbour Bank", "ORG"),
                                      _at(joined, "Jo Park with Acme", "PERSON")], [])
    assert [x.text for x in split] == ["Acme Securities", "Harbour Bank", "Jo Park with Acme"]
    bodies = "In 2003 Acme bought MIM Holdings. The Korea Confederation of Trade Unions met Jo Park."
    assert [x.text for x in u.bodies_by_their_word(bodies, [_at(bodies, "Acme", "ORG"), _at(bodies, "Jo Park", "PERSON")],
                                                     [])] == ["Acme", "Jo Park", "MIM Holdings",
                                                              "Korea Confederation of Trade Unions"]
    inside = "Officials of the Harbour Pilots Union said so."
    assert [x.text for x in u.bodies_by_their_word(inside, [_at(inside, "Harbour Pilots", "ORG")], [])] == \
        ["Harbour Pilots Union"]
    over = "Union leader Jo Park Union said so."
    assert u.bodies_by_their_word(over, [_at(over, "Jo Park", "PERSON")], []) == [_at(over, "Jo Park", "PERSON")]
    caption = "The plan was debated.\n\nDana Holt / CEO, Harbour Diamond\n\nThe plan will help."
    assert [(x.text, x.label) for x in u.caption_affiliations(caption, [_at(caption, "Harbour Diamond", "PERSON")],
                                                                []) ] == [("Harbour Diamond", "ORG")]
    assert u.caption_affiliations("Dana Holt / Chief Executive\n\nThe plan will help.", [], []) == []
    swallowed = "For the Lib Dems David Laws said so. The Office for Government Policy Coordination said so."
    split = u.person_after_a_body(swallowed, [_at(swallowed, "Lib Dems David Laws", "ORG"),
                                               _at(swallowed, "Office for Government Policy Coordination", "ORG")], [])
    assert [(x.text, x.label) for x in split] == [("Lib Dems", "ORG"), ("David Laws", "PERSON"),
                                                  ("Office for Government Policy Coordination", "ORG")]
    led = "Jo Park led Acme Stores until 2023. The Harbour Union joined Acme Group in May."
    split = u.split_at_a_verb(led, [_at(led, "Jo Park led Acme Stores", "ORG"),
                                    _at(led, "Harbour Union joined Acme Group", "ORG")], [])
    assert [(x.text, x.label) for x in split] == [("Jo Park", "PERSON"), ("Acme Stores", "ORG"),
                                                  ("Harbour Union joined Acme Group", "ORG")]
    assert c.PASSES == (c._joined_by_and, u.split_at_with, u.split_at_a_verb, u.person_after_a_body, u.bodies_by_their_word, u.caption_affiliations,
                        c._missed_korean_names, c._sharing_an_org_head, c._org_of_a_surname, c._outside_datelines,
                        c._named_in_the_body)


BODY_NAMES = [
    # text, the organizations a body's word names in it
    ("In 2003 Acme bought MIM Holdings.", ["MIM Holdings"]),
    ("Kim Min-kyu / Taelim Industrial Co., Ltd.", ["Taelim Industrial Co., Ltd."]),
    ("In November the British Medical Association met.", ["British Medical Association"]),
    ("Half of Harbour Motors Co. is for sale.", ["Harbour Motors Co."]),
    ("Samsung, LG and SK Group rose.", ["SK Group"]),
    ("The Political Funds Act was passed.", []),
    ("Trade Unions are angry.", []),
    ("The Union said so.", []),
]


@pytest.mark.parametrize("text, expected", BODY_NAMES)
def test_body_names(text, expected):
    assert [text[s.start : s.end] for s in body_names(text)] == expected


CAPTIONS = [
    # text, the organizations its caption lines name
    ("Jeon Ho-il / Korea Confederation of Trade Unions\n\nIt must change.", ["Korea Confederation of Trade Unions"]),
    ("Kim Sung-kyu / CEO, Shinhan Diamond\n\nIt can run all night.", ["Shinhan Diamond"]),
    ("Kim Min-kyu / Taelim Industrial Co., Ltd.\n\nIt can run.", ["Taelim Industrial Co., Ltd."]),
    ("Jo Park / Chief Executive\n\nIt can run all night.", []),
    ("Jo Park / Attorney for the families\n\nIt can run all night.", []),
]


@pytest.mark.parametrize("text, expected", CAPTIONS)
def test_caption_spans(text, expected):
    assert [text[s.start : s.end] for s in caption_spans(text)] == expected


@pytest.mark.parametrize("name, parts", [
    ("Korea Post Securities with Woori Investment Bank", ["Korea Post Securities", "Woori Investment Bank"]),
    ("Partnership with Acme", ["Partnership", "Acme"]),
    ("Acme Robotics", ["Acme Robotics"]),
])
def test_parts_around_with(name, parts):
    assert [name[a:b] for a, b in parts_around_with(name)] == parts
