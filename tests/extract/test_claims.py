import pytest

from app.extract.claims import claim_type
from tests.extract.helpers import analyse


@pytest.mark.parametrize(
    "text, kind",
    [
        ("The ministry will invest 5 trillion won in chip plants.", "investment"),
        ("The government agreed to purchase 50,000 chips from the firm.", "procurement"),
        ("She signed an agreement with the carmaker to jointly develop robots.", "partnership"),
        ("He would drastically ease regulations on data.", "regulation"),
        ("The country aims to rank among the top three AI powers by 2030.", "target"),
        ("The agency has launched a national project to pick new rail routes.", "program"),
        ("Growth is projected to reach 1.5% by 2034.", "forecast"),
        ("We need to change the way projects are funded.", "investment"),
        ("We need to change the habit of splitting contracts.", "position"),
        ("He arrived in Seoul on Monday.", None),
    ],
)
def test_claim_type(text, kind):
    assert claim_type(text) == kind


def test_claim_with_claimant_and_amounts():
    article, names = analyse("Maria Lopez has announced plans to invest 100 trillion won in public funds over five years.")
    (claim,) = article.claims
    assert claim.type == "investment"
    assert names[claim.claimant] == "Maria Lopez"
    assert [(a.value, a.unit) for a in claim.amounts] == [(1e14, "KRW")]
    assert article.body[claim.start : claim.end] == claim.text


def test_quoted_claim_belongs_to_the_speaker():
    article, names = analyse('"We need to build more data centres across the country," said John Smith on Monday.')
    (claim,) = article.claims
    assert names[claim.claimant] == "John Smith"
    assert claim.type == "position"


@pytest.mark.parametrize(
    "text, year",
    [("He plans to attract 2,000 engineers by 2030.", 2030),
     ("Budgets will reach 5 percent of GDP by the end of 2035.", 2035),
     ("The plan was announced in 2021.", None)],
)
def test_target_year(text, year):
    from app.extract.claims import target_year

    assert target_year(text) == year


def test_topics_from_the_taxonomy():
    from app.extract.claims import topics

    assert set(topics("The ministry will buy 50,000 GPUs for AI data centers.")) >= {"AI", "semiconductors", "infrastructure"}
    assert topics("The court ruled on Monday.") == ("justice",)


@pytest.mark.parametrize(
    "body",
    [
        "In 2009, she worked as a junior analyst at Acme, a joint venture between two firms.",
        "Born into a science-oriented family, he learned programming and studied at the university.",
    ],
)
def test_background_is_not_a_claim(body):
    article, _ = analyse(body)
    assert article.claims == ()
