"""Each way of reading a claim, alone: the checks a clause must pass (made-up clauses that pass
and that fail), and the ways of naming its claimant (made-up clauses with the subject a strategy
is asked about, and the claimant it gives; PASS: it leaves the subject to the next strategy)."""
import pytest

from app.extract import claimants as w
from app.extract import claims as c
from app.extract.claimants import ClauseAt
from app.extract.claims import ClaimFinder
from tests.extract.helpers import name_of, reading

PASS = "pass"

CASES = [
    # strategy, body, the clause (its first words), its subject word, quoted: the quote's speaker, expected claimant
    (w.first_person, '"We will invest 2 billion dollars in the port by 2030," Mayor Jo Park said.',
     "We will invest", "We", "Jo Park", "Jo Park"),
    (w.first_person, "We will invest 2 billion dollars in the port by 2030, the council said.",
     "We will invest", "We", None, None),
    (w.first_person, "Acme Robotics will invest 2 billion dollars in a new plant by 2030.",
     "Acme Robotics will", "Robotics", None, PASS),
    (w.resolved_subject, "Hanbit Motors will invest 2 billion dollars in a new plant by 2030.",
     "Hanbit Motors will", "Motors", None, "Hanbit Motors"),
    (w.resolved_subject, "Lawmakers will vote on a plan to invest 2 billion dollars by 2030.",
     "Lawmakers will", "Lawmakers", None, PASS),
    (w.possessive_owner, "Hanbit Motors opened a plant. Its plan will add 500 jobs in the region by 2026.",
     "Its plan will", "plan", None, "Hanbit Motors"),
    (w.possessive_owner, "Hanbit Motors opened a plant. The plan will add 500 jobs in the region by 2026.",
     "The plan will", "plan", None, PASS),
    (w.placeholder_actor, "It was part of the 500 buses that Hanbit Motors agreed to supply by 2027.",
     "It was part", "It", None, "Hanbit Motors"),
    (w.placeholder_actor, "The deal was part of the 500 buses the city agreed to buy by 2027.",
     "The deal was", "deal", None, PASS),
    (w.organization_it, "Hanbit Motors opened a plant on Monday. It plans to hire 500 workers there by 2026.",
     "It plans", "It", None, "Hanbit Motors"),
    (w.organization_it, "Hanbit Motors opened a plant on Monday. It is thought the plant will hire 500 workers.",
     "It is thought", "It", None, PASS),
    (w.organization_it, "Hanbit Motors opened a plant on Monday. In May, it raised its fares by 4 percent.",
     "In May", "it", None, "Hanbit Motors"),
    (w.agent_of_the_subject, "The figure announced by President Jo Park will cover 500 cases by 2026.",
     "The figure", "figure", None, "Jo Park"),
    (w.agent_of_the_subject, "The figure announced on Monday will cover 500 cases by 2026.",
     "The figure", "figure", None, PASS),
    (w.possessed_thing, "Hanbit Motors' shares closed up 4 percent at 2,000 won on Monday.",
     "Hanbit Motors' shares", "shares", None, None),
    (w.possessed_thing, "Hanbit Motors' profits rose 4 percent to 2 billion won in 2025.",
     "Hanbit Motors' profits", "profits", None, PASS),
    (w.passive_subject, "Jo Park is suspected of taking 2 billion won in bribes since 2020.",
     "Jo Park is", "Park", None, None),
    (w.passive_subject, "Jo Park was appointed finance minister on Monday to cut 2 billion won.",
     "Jo Park was", "Park", None, PASS),
]


def clause_at(body: str, clause_start: str, subject: str, speaker: str | None):
    text, doc, read = reading(body)
    finder = ClaimFinder(doc, read.resolver, [])
    start = text.index(clause_start)
    end = text.index(".", start)
    tokens = finder._tokens(start, end)
    token = next(t for t in tokens if t.text == subject)
    ref = next((e.ref for e in read.resolver.entities.entities if e.name == speaker), None)
    return finder, ClauseAt(tokens, token, speaker is not None, ref)


@pytest.mark.parametrize("strategy, body, clause, subject, speaker, expected", CASES,
                         ids=[f"{case[0].__name__}-{i}" for i, case in enumerate(CASES)])
def test_claimant_strategy(strategy, body, clause, subject, speaker, expected):
    finder, at = clause_at(body, clause, subject, speaker)
    found = strategy(finder, at)
    if expected == PASS:
        assert found is None, found
    else:
        assert found is not None and name_of(finder.resolver, found.ref) == expected


def test_every_strategy_has_cases_that_answer_and_that_pass():
    answering = {case[0] for case in CASES if case[5] != PASS}
    passing = {case[0] for case in CASES if case[5] == PASS}
    assert set(w.CLAIMANT_STRATEGIES) == answering == passing


CHECKS = [
    # check, body, the clause (its first words), whether it passes
    (c.reads_as_a_statement, "The council will invest 2 billion dollars in the port by 2030.", "The council", True),
    (c.reads_as_a_statement, "Will the council invest 2 billion dollars in the port by 2030?", "Will the", False),
    (c.reads_as_a_statement, "The council will invest.", "The council", False),
    (c.outside_interview_questions, "Q: Will the council invest in the port this year?\n\nA: We will invest 2 billion "
     "dollars by 2030.\n\nQ: When will the work start on the new docks?\n\nA: Next spring.", "We will", True),
    (c.outside_interview_questions, "Q: Will the council invest 2 billion dollars in the port by 2030?\n\nA: Yes, it "
     "will.\n\nQ: When will the work start on the new docks?\n\nA: Next spring.", "Will the", False),
    (c.outside_headings, "The council will invest 2 billion dollars in the port by 2030.", "The council", True),
    (c.outside_headings, "The vote on the port and its docks took place on Monday evening.\n\nA new start for the "
     "old harbour docks and their workers\n\nThe council said more work would follow in the spring.", "A new start",
     False),
]


@pytest.mark.parametrize("check, body, clause, passes", CHECKS, ids=[f"{k[0].__name__}-{i}" for i, k in enumerate(CHECKS)])
def test_clause_check(check, body, clause, passes):
    text, doc, read = reading(body)
    finder = ClaimFinder(doc, read.resolver, [])
    start = text.index(clause)
    end = next(i for i in range(start, len(text) + 1) if i == len(text) or text[i] in ".?\n")
    end = end + 1 if end < len(text) and text[end] == "?" else end
    assert check(finder, start, end) is passes


def test_every_check_has_cases_that_pass_and_that_fail():
    assert {k[0] for k in CHECKS if k[3]} == {k[0] for k in CHECKS if not k[3]} == set(c.CLAUSE_CHECKS)


SOURCES = [
    # strategy, body, the claim's clause (its first words), quoted: the quote's speaker, expected claimant
    (w.according_to_source, "The ministry will spend 40 billion won on new schools by 2028, according to Finance "
     "Minister Jo Park.", "The ministry", None, "Jo Park"),
    (w.according_to_source, "The ministry will spend 40 billion won on new schools by 2028, the report said.",
     "The ministry", None, PASS),
    (w.subject_of_the_clause, "Hanbit Motors will spend 40 billion won on a new plant by 2028.", "Hanbit Motors",
     None, "Hanbit Motors"),
    (w.subject_of_the_clause, "The plant will cost 40 billion won and open by 2028.", "The plant", None, PASS),
    (w.agent_of_a_plan, "Plans by Hanbit Motors to build a 40 billion won plant were approved on Monday.", "Plans by",
     None, "Hanbit Motors"),
    (w.agent_of_a_plan, "Plans to build a 40 billion won plant were approved by the council on Monday.", "Plans to",
     None, PASS),
    (w.author_of_a_study, "In a survey conducted by the Harbour Drivers Association, 93 percent of drivers said "
     "they would strike.", "In a survey", None, "Harbour Drivers Association"),
    (w.author_of_a_study, "In a survey conducted last month, 93 percent of drivers said they would strike.",
     "In a survey", None, PASS),
    (w.owner_of_the_plan_under, "Hanbit Motors opened a plant on Monday. Under the plan, 500 workers will be hired "
     "by 2026.", "Under the plan", None, "Hanbit Motors"),
    (w.owner_of_the_plan_under, "Hanbit Motors opened a plant on Monday. Under the bridge, 500 workers will be hired "
     "by 2026.", "Under the bridge", None, PASS),
    (w.according_to_source, "Home Office spending could be cut by two billion pounds, according to data disclosed by "
     "Mayor Jo Park.", "Home Office", None, "Jo Park"),
    (w.speaker_of_the_quote, '"The city will build 500 homes a year by 2030," Mayor Jo Park said on Monday.',
     "The city", "Jo Park", "Jo Park"),
    (w.speaker_of_the_quote, "The city will build 500 homes a year by 2030, officials said on Monday.", "The city",
     None, PASS),
]


def test_a_claim_with_no_source_goes_on_with_the_one_before_it_in_its_paragraph():
    from app.extract.claims import find_claims

    for body, expected in [
        ("The council will spend 40 million pounds on schools, its leader Jo Park said. The plan also sets aside "
         "5 million pounds for libraries.", "Jo Park"),
        ("The council will spend 40 million pounds on schools, its leader Jo Park said.\n\nThe plan also sets "
         "aside 5 million pounds for libraries.", None),
    ]:
        text, doc, read = reading(body)
        found = find_claims(doc, read.resolver, [])
        last = next(x for x in found if x.text.startswith("The plan also"))
        assert name_of(read.resolver, last.claimant) == expected, body


@pytest.mark.parametrize("strategy, body, clause, speaker, expected", SOURCES,
                         ids=[f"{case[0].__name__}-{i}" for i, case in enumerate(SOURCES)])
def test_source_strategy(strategy, body, clause, speaker, expected):
    text, doc, read = reading(body)
    finder = ClaimFinder(doc, read.resolver, [])
    start = text.index(clause)
    end = text.index(".", start) if speaker is None else text.index(',"', start)
    tokens, subjects = finder._subjects(start, end)
    ref = next((e.ref for e in read.resolver.entities.entities if e.name == speaker), None)
    found = strategy(finder, w.ClaimAt(tokens, subjects, speaker is not None, ref))
    if expected == PASS:
        assert found is None, found
    else:
        assert found is not None and name_of(finder.resolver, found.ref) == expected


def test_the_condition_of_a_clause_names_no_claimant():
    text, doc, read = reading('"If Labour is elected there will be a 10 billion pound tax rise," Jo Park said.')
    finder = ClaimFinder(doc, read.resolver, [])
    start = text.index("If Labour")
    tokens, subjects = finder._subjects(start, text.index(',"'))
    assert "Labour" not in {t.text for t in subjects}


def test_every_source_strategy_has_cases_that_answer_and_that_pass():
    answering = {case[0] for case in SOURCES if case[4] != PASS}
    passing = {case[0] for case in SOURCES if case[4] == PASS}
    # source_carried_on reads the claims found before, so it is tested on whole texts above
    assert set(w.SOURCE_STRATEGIES) - {w.source_carried_on} == answering == passing
