"""Each way of stating a post, alone: a table of made-up sentences per strategy with the roles the
strategy proposes (person, title, organization, status), and sentences it finds nothing in."""
import pytest

from app.extract.roles import find_roles, placing
from app.extract.roles import strategies as s
from app.extract.roles.finder import RoleFinder
from app.extract.titles import main_organizations
from app.extract.types import ExtractedRole
from tests.extract.helpers import name_of, reading

PASS = "pass"

CASES = [
    # strategy, article body, the roles it proposes
    (s.appositions, "Jo Park, chief executive of Acme Robotics, said on Monday that sales rose.",
     {("Jo Park", "chief executive", "Acme Robotics", "current")}),
    (s.appositions, "Jo Park, a former adviser at Acme Robotics, said on Monday that sales rose.",
     {("Jo Park", "adviser", "Acme Robotics", "former")}),
    (s.appositions, "Jo Park, who spoke on Monday, said that sales rose.", set()),
    (s.relative_clause, "Maria Lopez, who heads Acme Research, said the lab would grow next year.",
     {("Maria Lopez", "head", "Acme Research", "current")}),
    (s.relative_clause, "Maria Lopez, who led Acme Research, said the lab would grow next year.",
     {("Maria Lopez", "leader", "Acme Research", "former")}),
    (s.relative_clause, "Maria Lopez, who likes Acme Research, said the lab would grow next year.", set()),
    (s.title_before, "Acme Robotics chief executive Jo Park said on Monday that sales rose.",
     {("Jo Park", "chief executive", "Acme Robotics", "current")}),
    (s.title_before, "Former Mayor Jo Park said on Monday that sales rose.", {("Jo Park", "Mayor", None, "former")}),
    (s.title_before, "Yesterday Jo Park said on Monday that sales rose.", set()),
    (s.title_apposed, "Skyway Airlines cancelled 40 flights. The airline's chief executive, Petra Lund, will meet "
     "the union on Tuesday.", {("Petra Lund", "chief executive", "Skyway Airlines", "current")}),
    (s.title_apposed, "The plan was clear, Jo Park said on Monday.", set()),
    (s.appointments, "Hanbit Motors appointed Choi Min-jae as its new chief executive on Wednesday.",
     {("Choi Min-jae", "chief executive", None, "current")}),  # its company: find_roles places it
    (s.appointments, "The board is tapping Jo Park as the new chief executive of Acme Robotics.",
     {("Jo Park", "chief executive", "Acme Robotics", "nominated")}),
    (s.appointments, "Jo Park worked as an engineer at Acme Robotics before politics.",
     {("Jo Park", "engineer", "Acme Robotics", "former")}),
    (s.appointments, "Jo Park said on Monday that sales rose.", set()),
    (s.captions, "Lawyer Jo Min-ho spoke to the families outside the court on Monday.\n\nJo Min-ho / Lawyer for the families\n\n"
     '"We will appeal the ruling next week," he said.', {("Jo Min-ho", "Lawyer for the families", None, "current")}),
    (s.captions, "The plant reopened on Monday. Jo Park said sales rose.", set()),
    (s.bylines, "[Harbour Gazette Reporter Jo Park] The plant reopened on Monday after a long strike.",
     {("Jo Park", "reporter", "Harbour Gazette", "current")}),
    (s.bylines, "The plant reopened on Monday after a long strike, Jo Park said.", set()),
]


def proposals(strategy, body: str) -> set[tuple]:
    _, doc, read = reading(body)
    finder = RoleFinder(doc, read.resolver)
    entities = read.resolver.entities
    if strategy in s.MENTION_STRATEGIES:
        people = [m for m in entities.mentions if entities.is_person(m.ref)]
        found = [role for mention in people for role in strategy(finder, mention)]
    else:
        found = list(strategy(finder))
    return {(name_of(read.resolver, r.person), r.title, name_of(read.resolver, r.organization), r.status)
            for r in found}


@pytest.mark.parametrize("strategy, body, expected", CASES, ids=[f"{c[0].__name__}-{i}" for i, c in enumerate(CASES)])
def test_role_strategy(strategy, body, expected):
    assert proposals(strategy, body) == expected


def test_every_strategy_has_cases_that_find_and_that_find_nothing():
    finding = {c[0] for c in CASES if c[2]}
    empty = {c[0] for c in CASES if not c[2]}
    assert set(s.MENTION_STRATEGIES) | set(s.ARTICLE_STRATEGIES) == finding == empty


def test_a_company_title_without_its_company_is_held_at_the_main_one():
    _, doc, read = reading("Hanbit Motors appointed Choi Min-jae as its new chief executive on Wednesday, the company "
                           "said. Hanbit Motors makes buses.")
    roles = find_roles(doc, read.resolver)
    assert ("Choi Min-jae", "chief executive", "Hanbit Motors") in {
        (name_of(read.resolver, r.person), r.title, name_of(read.resolver, r.organization)) for r in roles}


def test_the_first_report_of_a_role_is_kept_and_dated():
    _, doc, read = reading("Acme Robotics chief executive Jo Park, chief executive of Acme Robotics since 2019, "
                           "said sales rose.")
    roles = find_roles(doc, read.resolver)
    assert [(name_of(read.resolver, r.person), r.title, r.start_year) for r in roles] == \
        [("Jo Park", "chief executive", 2019)]


PLACINGS = [
    # placing, article body, the role's holder and title (written without an organization), where it places it
    (placing.ministry_of_the_portfolio, "Fisheries Minister Jo Park visited the port. The Fisheries Ministry said "
     "catches rose.", "Jo Park", "Fisheries Minister", "Fisheries Ministry"),
    (placing.ministry_of_the_portfolio, "Fisheries Minister Jo Park visited the port. The Trade Ministry said "
     "catches rose.", "Jo Park", "Fisheries Minister", PASS),
    (placing.party_of_the_holder, "Rep. Jo Park, senior spokesperson of the Green Party, said the bill would pass.",
     "Jo Park", "Rep.", "Green Party"),
    (placing.party_of_the_holder, "Rep. Jo Park, senior adviser at Acme Robotics, said the bill would pass.",
     "Jo Park", "Rep.", PASS),
    (placing.main_organization, "Hanbit Motors said sales rose. Hanbit Motors will hire 500 workers, its chief "
     "executive Jo Park said.", "Jo Park", "chief executive", "Hanbit Motors"),
    (placing.main_organization, "Hanbit Motors said sales rose. Hanbit Motors will hire 500 workers, Mayor Jo Park "
     "said.", "Jo Park", "Mayor", PASS),
    (placing.body_of_its_sentence, "Northgate Health Trust will merge with two hospitals, chief executive Jo Park "
     "said.", "Jo Park", "chief executive", "Northgate Health Trust"),
    (placing.body_of_its_sentence, "Northgate Health Trust and Harbour University will merge, chief executive Jo "
     "Park said.", "Jo Park", "chief executive", PASS),
]


@pytest.mark.parametrize("way, body, holder, title, expected", PLACINGS,
                         ids=[f"{c[0].__name__}-{i}" for i, c in enumerate(PLACINGS)])
def test_placing(way, body, holder, title, expected):
    _, doc, read = reading(body)
    finder = RoleFinder(doc, read.resolver)
    entities = read.resolver.entities
    people = [m for m in entities.mentions if entities.is_person(m.ref)]
    found = tuple(role for mention in people for strategy in s.MENTION_STRATEGIES for role in strategy(finder, mention))
    person = next(e.ref for e in entities.entities if e.name == holder)
    at = placing.Placing(entities, main_organizations(entities), found, tuple((x.start_char, x.end_char) for x in doc.sents))
    answer = way(ExtractedRole(person, title, "current", 0, 1), at)
    assert (answer is None if expected == PASS else name_of(read.resolver, answer) == expected), answer


def test_every_placing_has_cases_that_place_and_that_pass():
    placing_ways = {c[0] for c in PLACINGS if c[4] != PASS}
    passing = {c[0] for c in PLACINGS if c[4] == PASS}
    assert set(placing.PLACINGS) == placing_ways == passing


def test_a_party_adjective_names_the_party():
    for body, title, party in [
        ("Conservative local government spokesman Glyn Davies said the plan was wrong.",
         "local government spokesman", "Conservative Party"),
        ("The plan was wrong, said Democratic Sen. Jo Park of Ohio.", "Sen.", "Democratic Party"),
        ("Jo Park, a DP lawmaker, said the plan was wrong. The Democratic Party (DP) backed it.", "lawmaker",
         "Democratic Party"),
    ]:
        _, doc, read = reading(body)
        roles = find_roles(doc, read.resolver)
        assert (title, party) in {(r.title, name_of(read.resolver, r.organization)) for r in roles}, body
