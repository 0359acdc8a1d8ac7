"""Each way of attributing a quote, alone: a table of made-up sentences per strategy, with the
speaker (and the words naming the speaker) the strategy gives, or PASS when it leaves the quote to
the next strategy."""
import pytest

from app.extract.speakers import Attributor, attribute
from app.extract.speakers import strategies as s
from tests.extract.helpers import name_of, reading

PASS = "pass"


def quote_at(body: str, index: int):
    """The article's attributor and its `index`th quote, with the quotes before it attributed as
    the pipeline attributes them."""
    text, doc, read = reading(body)
    attributor = Attributor(doc, read.resolver)
    previous = None
    for span in read.candidates[:index]:
        previous = (span, attribute(attributor, span, previous))
    return text, attributor, attributor.look_at(read.candidates[index], previous)


CASES = [
    # strategy, article body, which quote, expected speaker (or PASS), the words naming the speaker
    (s.turn_label, 'Mayor Jo Park spoke at the town debate. "PARK: We will build more homes for young families."',
     0, "Jo Park", "PARK"),
    (s.turn_label, '"We will build more homes for young families," Mayor Jo Park said.', 0, PASS, None),
    (s.signed, '"We will never give up on this valley and its farms." ― Dana Holt', 0, "Dana Holt", "Dana Holt"),
    (s.signed, '"We will never give up on this valley and its farms," Dana Holt said.', 0, PASS, None),
    (s.clause_tagged_as_noun, '"The council has failed every family in this city," the editorial read.',
     0, None, "the editorial"),
    (s.clause_tagged_as_noun, '"The council has failed every family in this city," Mayor Jo Park said.',
     0, PASS, None),
    (s.introduced_by_colon, 'Mayor Jo Park delivered a sharp reply: "The budget is balanced and the schools are safe."',
     0, "Jo Park", "Mayor Jo Park"),
    (s.introduced_by_colon, 'Mayor Jo Park delivered a sharp reply. "The budget is balanced and the schools are safe."',
     0, PASS, None),
    (s.reporting_clause, '"We will build more homes next year," Mayor Jo Park said on Monday.', 0, "Jo Park",
     "Mayor Jo Park"),
    (s.reporting_clause, 'Mayor Jo Park told reporters, "We will build more homes next year."', 0, "Jo Park",
     "Mayor Jo Park"),
    (s.reporting_clause, 'Harbour Bank issued its forecast on Monday. "Prices will rise again next year," according '
     'to Harbour Bank.', 0, "Harbour Bank", None),
    (s.reporting_clause, 'The plan is "a real step forward for the region" and many agree.', 0, PASS, None),
    (s.embedding_clause, 'Mayor Jo Park thanked the council for "acting so fast on the flood" this week.',
     0, "Jo Park", "Mayor Jo Park"),
    (s.embedding_clause, '"We acted fast on the flood this week," Mayor Jo Park said.', 0, PASS, None),
    (s.reported_just_before, 'The talks may stall next week, Mayor Jo Park said. "Nobody wants that outcome for '
     'the city."', 0, "Jo Park", "Mayor Jo Park"),
    (s.reported_just_before, 'The talks may stall next week. "Nobody wants that outcome for the city."', 0, PASS, None),
    (s.named_next, '"We will win this fight for the valley."\n\nGareth Jones, a farmer, has led the protest since May.',
     0, "Gareth Jones", None),
    (s.named_next, '"We will win this fight," Gareth Jones said. "The valley is ours and we will keep it."\n\n'
     'Gareth Jones, a farmer, has led the protest since May.', 1, PASS, None),
    (s.continues_previous, '"We will build more homes," Mayor Jo Park said. "The first ones open in spring and more '
     'follow in the autumn."', 1, "Jo Park", None),
    (s.continues_previous, '"We will build more homes for the young families of the city."', 0, PASS, None),
]


@pytest.mark.parametrize("strategy, body, index, speaker, mention", CASES,
                         ids=[f"{c[0].__name__}-{i}" for i, c in enumerate(CASES)])
def test_speaker_strategy(strategy, body, index, speaker, mention):
    text, attributor, quote = quote_at(body, index)
    found = strategy(attributor, quote)
    if speaker == PASS:
        assert found is None, found
        return
    assert found is not None
    assert name_of(attributor.resolver, found.speaker) == speaker
    if mention is not None:
        assert found.mention is not None and text[slice(*found.mention)] == mention


def test_every_strategy_has_cases_that_answer_and_that_pass():
    answered = {c[0] for c in CASES if c[3] != PASS}
    passed = {c[0] for c in CASES if c[3] == PASS}
    assert set(s.STRATEGIES) == answered == passed


def test_the_first_strategy_that_answers_decides():
    text, attributor, quote = quote_at('Mayor Jo Park spoke. "PARK: We will build more homes," the mayor said.', 0)
    assert s.turn_label(attributor, quote) is not None and s.reporting_clause(attributor, quote) is not None
    assert attribute(attributor, quote.span, quote.previous) == s.turn_label(attributor, quote)


def test_the_word_before_an_offset_skips_white_space():
    from app.extract.speakers import Attributor

    text, doc, read = reading("Jo Park spoke.\n\n\"We will build homes,\" she said.")
    attributor = Attributor(doc, read.resolver)
    assert attributor.word_before(text.index('"We')).text == "."
    assert attributor.word_before(0) is None
