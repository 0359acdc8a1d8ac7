import pytest

from app.extract.amounts import find_amounts
from app.extract.pipeline import nlp

CASES = [
    ("Han plans to invest over 100 trillion won ($72.29 billion) in rail funds.",
     [(1e14, "KRW", "more_than"), (7.229e10, "USD", None)]),
    ("It will spend 10.1 trillion won ($6.9 billion) next year.", [(1.01e13, "KRW", None), (6.9e9, "USD", None)]),
    ("Revenue was 942 million Norwegian kroner last year.", [(9.42e8, "NOK", None)]),
    ("Talent earns more than $1 million a year.", [(1e6, "USD", "more_than")]),
    ("The deal is worth hundreds of billions of won.", [(1e11, "KRW", "at_least")]),
    ("Budgets rise to 5 percent of GDP, and growth to 1.5% by 2034.", [(5.0, "percent", None), (1.5, "percent", None)]),
    ("The firm will buy 50,000 of the company's accelerator chips.", [(50000.0, "chips", None)]),
    ("It plans to attract around 2,000 top engineers by 2030.", [(2000.0, "engineers", "approximately")]),
    ("The 49-year-old joined in 2016 on June 15.", []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_amounts(text, expected):
    doc = nlp()(text)
    got = [(a.value, a.unit, a.qualifier) for a in find_amounts(doc[:])]
    assert [(pytest.approx(v), u, q) for v, u, q in expected] == got


def test_amount_offsets_point_at_the_text():
    text = "It will spend 10.1 trillion won next year."
    doc = nlp()(text)
    (amount,) = find_amounts(doc[:])
    assert text[amount.start : amount.end] == amount.text == "10.1 trillion won"
