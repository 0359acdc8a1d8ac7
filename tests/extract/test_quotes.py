import pytest

from app.extract.quotes import find_quotes, is_quote_worthy, quote_kind


def inner(body: str) -> list[str]:
    return [body[s.inner_start : s.inner_end] for s in find_quotes(body)]


@pytest.mark.parametrize(
    "body, expected",
    [
        ('He said, "We will win."', ["We will win."]),
        ("He said, “We will win.”", ["We will win."]),
        ("'We will win,' said Kim.", ["We will win,"]),
        ("‘We will win,’ said Kim.", ["We will win,"]),
        # apostrophes inside words are not quote marks
        ("“It's the team's best year,” she said.", ["It's the team's best year,"]),
        # a quote opened with one kind of mark and closed with the other
        ("'In our field, only a few can do it,\" said Choi.", ["In our field, only a few can do it,"]),
        ("\"Decisions have to be fast. Only experts will do.' He left.", ["Decisions have to be fast. Only experts will do."]),
        # single-quoted words inside a double-quoted quote stay inside it
        ("\"Pat yourself on the back, saying 'I did well today.'\" she added.",
         ["Pat yourself on the back, saying 'I did well today.'"]),
        # a quote broken by its reporting clause is two spans
        ("“We are ready,” he said. “The plan is done.”", ["We are ready,", "The plan is done."]),
        # an unclosed quote ends with its paragraph
        ("“First we build.\n\nThen we sell,” she said.", ["First we build.", "Then we sell,"]),
    ],
)
def test_quote_spans(body, expected):
    assert inner(body) == expected


@pytest.mark.parametrize(
    "text, worthy",
    [
        ("future food sources", False),
        ("No Filter,", False),
        ("The Art of War", False),
        ("We will not back down from this fight.", True),
        ("physically weak.", False),
        ("Yes, we can.", True),
        ("I Enjoy Paving Untrodden Paths And Roads Again Today Now", True),
    ],
)
def test_scare_quotes_and_titles_are_not_quotes(text, worthy):
    assert is_quote_worthy(text) is worthy


@pytest.mark.parametrize(
    "body, kind",
    [
        ('She said, "We will win the vote."', "direct"),
        ("He warned it would be akin to 'forfeiting national strategic assets,' he said.", "partial"),
        ('"We will win the vote," she said.', "direct"),
    ],
)
def test_quote_kind(body, kind):
    (span,) = find_quotes(body)
    assert quote_kind(body, span) == kind


def test_interview_answers_are_quotes():
    body = (
        "Jane Roe, head of the agency, spoke on Monday.\n\n"
        "―How is the budget?\n\n"
        "“It is tight. We need more funding.”\n\n"
        "We will ask the parliament for more.\n\n"
        "―What comes next?\n\n"
        "“A new plan.”"
    )
    spans = find_quotes(body)
    texts = [body[s.inner_start : s.inner_end] for s in spans]
    assert texts == ["It is tight. We need more funding.", "We will ask the parliament for more.", "A new plan."]
    assert all(s.answer for s in spans)


def test_closing_mark_used_as_opener():
    body = "”Fear is what I feel now. I am afraid,” wrote one reader."
    assert inner(body) == ["Fear is what I feel now. I am afraid,"]
