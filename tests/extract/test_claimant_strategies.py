"""Each way of naming a claim's claimant, alone: made-up clauses with the subject a strategy is
asked about, and the claimant it gives (PASS: it leaves the subject to the next strategy)."""
import pytest

from app.extract import claims as c
from app.extract.claims import ClaimFinder, ClauseAt
from tests.extract.helpers import name_of, reading

PASS = "pass"

CASES = [
    # strategy, body, the clause (its first words), its subject word, quoted: the quote's speaker, expected claimant
    (c.first_person, '"We will invest 2 billion dollars in the port by 2030," Mayor Jo Park said.',
     "We will invest", "We", "Jo Park", "Jo Park"),
    (c.first_person, "We will invest 2 billion dollars in the port by 2030, the council said.",
     "We will invest", "We", None, None),
    (c.first_person, "Acme Robotics will invest 2 billion dollars in a new plant by 2030.",
     "Acme Robotics will", "Robotics", None, PASS),
    (c.resolved_subject, "Hanbit Motors will invest 2 billion dollars in a new plant by 2030.",
     "Hanbit Motors will", "Motors", None, "Hanbit Motors"),
    (c.resolved_subject, "Lawmakers will vote on a plan to invest 2 billion dollars by 2030.",
     "Lawmakers will", "Lawmakers", None, PASS),
    (c.possessive_owner, "Hanbit Motors opened a plant. Its plan will add 500 jobs in the region by 2026.",
     "Its plan will", "plan", None, "Hanbit Motors"),
    (c.possessive_owner, "Hanbit Motors opened a plant. The plan will add 500 jobs in the region by 2026.",
     "The plan will", "plan", None, PASS),
    (c.placeholder_actor, "It was part of the 500 buses that Hanbit Motors agreed to supply by 2027.",
     "It was part", "It", None, "Hanbit Motors"),
    (c.placeholder_actor, "The deal was part of the 500 buses the city agreed to buy by 2027.",
     "The deal was", "deal", None, PASS),
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
    assert set(c.CLAIMANT_STRATEGIES) == answering == passing
