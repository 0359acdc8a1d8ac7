import pytest

from tests.extract.helpers import analyse

CASES = [
    ("The plan was backed by Maria Lopez, chief of Acme Research, on Monday.",
     ("Maria Lopez", "chief", "Acme Research", "current")),
    ("Hwang Min-ho, a professor at Seoul National University, said the plan was sound.",
     ("Hwang Min-ho", "professor", "Seoul National University", "current")),
    ("Presidential Chief of Staff Kang Min-soo explained the decision to reporters.",
     ("Kang Min-soo", "Presidential Chief of Staff", None, "current")),
    ("The company hired Acme Corp. CEO John Smith as an adviser last year.",
     ("John Smith", "CEO", "Acme Corp.", "current")),
    ("The court heard from former President John Smith on Tuesday.",
     ("John Smith", "President", None, "former")),
    ("Kim Hyun-woo, former president of Acme Electronics, now heads the agency.",
     ("Kim Hyun-woo", "president", "Acme Electronics", "former")),
    ("In 2006, John Smith worked as a senior researcher at Acme Labs in Boston.",
     ("John Smith", "senior researcher", "Acme Labs", "former")),
    ("The president sent a signal on Monday, tapping Maria Lopez as the new science minister.",
     ("Maria Lopez", "science minister", None, "nominated")),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_roles(body, expected):
    article, names = analyse(body)
    got = {(names.get(r.person), r.title, names.get(r.organization), r.status) for r in article.roles}
    assert expected in got


def test_role_evidence_covers_the_person():
    article, names = analyse("The plan was backed by Maria Lopez, chief of Acme Research, on Monday.")
    (role,) = [r for r in article.roles if r.title == "chief"]
    assert "Maria Lopez" in article.body[role.start : role.end]
