import pytest

from app.extract.clean import is_furniture, segments, split_sentences
from app.core.dates import find_date

PAGE_WITH_RELATED = """logo
Ministers agree on chip subsidies for next year

Ministers agree on chip subsidies for next year

Daily Planet3 days ago

The finance minister said on Tuesday that the government will spend more on chip plants next year, according to officials who attended the meeting in the capital.
Officials said the plan would be announced in full next month after a final review by the cabinet.

Comments

No comments yet...

Related Articles

Port strike ends after two weeks of talks
Port strike ends after two weeks of talks

Daily Planet

time5 hours ago

  • Daily Planet

Port strike ends after two weeks of talks

Dock workers returned to work on Friday after their union and the port operator reached a wage deal that both sides described as fair and lasting for the coming years.

DOWNLOAD THE APP
"""


def test_page_with_related_articles_splits_into_articles():
    found = list(segments(PAGE_WITH_RELATED))
    assert [s.title for s in found] == [
        "Ministers agree on chip subsidies for next year",
        "Port strike ends after two weeks of talks",
    ]
    assert [s.publisher for s in found] == ["Daily Planet", "Daily Planet"]
    assert [s.published_text for s in found] == ["3 days ago", "5 hours ago"]
    assert "Comments" not in found[0].body and "Related Articles" not in found[0].body
    assert found[1].body.startswith("Dock workers returned")
    assert "DOWNLOAD" not in found[1].body


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Subscribe now to read the latest news in your city.", True),
        ("By signing up you consent to receive the above newsletter from Example Network Inc.", True),
        ("© The Example Daily (www.example.com). All rights reserved.", True),
        ("Comments may take up to an hour to appear on the site.", True),
        ("Related Articles", True),
        ("Orange background", True),
        ("The minister said the plan would create 2,000 jobs.", False),
        ("He signed the agreement in Seoul on Monday.", False),
    ],
)
def test_furniture(text, expected):
    assert is_furniture(text) is expected


def test_furniture_glued_inside_a_paragraph_is_removed():
    raw = (
        "Headline About Budget Plans\n\n"
        "The budget grew by a third this year, the ministry said in a statement on Monday."
        "Subscribe now to read the latest news in your city and across Canada."
        "The increase will fund new research centres across the country over five years."
    )
    (segment,) = segments(raw)
    assert "Subscribe" not in segment.body
    assert "the ministry said in a statement on Monday. The increase will fund" in segment.body


def test_doubled_lede_is_kept_once():
    lede = "Until she was named finance minister in May, Jane Roe was largely unknown in political circles."
    raw = f"Finance Minister Profile Headline\n\n{lede} Or sign-in if you have an account.(Wire) — {lede} She now runs the budget."
    (segment,) = segments(raw)
    assert segment.body.count("largely unknown") == 1
    assert segment.publisher == "Wire"


@pytest.mark.parametrize(
    "line, authors, publisher",
    [
        ("[Morning Post Reporter Jane Roe] The council voted on Monday to approve the new plan for the city.", ("Jane Roe",), "Morning Post"),
    ],
)
def test_bracket_byline(line, authors, publisher):
    (segment,) = segments(f"Council Approves City Plan\n{line} It was the second vote this year.")
    assert segment.authors == authors
    assert segment.publisher == publisher


@pytest.mark.parametrize(
    "text, expected",
    [
        ("June 30, 2025", (2025, 6, 30)),
        ("Published 2024-03-05 09:00", (2024, 3, 5)),
        ("5 March 2024", (2024, 3, 5)),
        ("7 days ago", None),
    ],
)
def test_find_date(text, expected):
    found = find_date(text)
    assert ((found.year, found.month, found.day) if found else None) == expected


def test_glued_sentences_split():
    assert split_sentences("It rose.Officials said so.“We agree,” she said.") == [
        "It rose.",
        "Officials said so.",
        "“We agree,” she said.",
    ]


def test_page_of_only_furniture_yields_no_article():
    assert list(segments("logo\nSubscribe now\nRelated Articles\nDOWNLOAD THE APP\n")) == []
