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


MORE_ROLES = [
    ("Maria Lopez, who heads Acme Research, said the lab would grow next year.",
     ("Maria Lopez", "head", "Acme Research", "current")),
    ("John Smith joined Acme Group in 2016 as an AI expert before moving to the ministry.",
     ("John Smith", "AI expert", "Acme Group", "former")),
    ("In 2020, John Smith became the founding president of Acme Research, the group's AI lab.",
     ("John Smith", "founding president", "Acme Research", "current")),
    ("On June 15, Kim Min-jun was appointed as the first senior secretary of housing and urban renewal.",
     ("Kim Min-jun", "senior secretary of housing and urban renewal", None, "current")),
    ("Maria Lopez served as finance minister until 2019, when she returned to teaching at the university.",
     ("Maria Lopez", "finance minister", None, "former")),
]


@pytest.mark.parametrize("body, expected", MORE_ROLES)
def test_more_role_patterns(body, expected):
    article, names = analyse(body)
    got = {(names.get(r.person), r.title, names.get(r.organization), r.status) for r in article.roles}
    assert expected in got


@pytest.mark.parametrize(
    "body, title, period",
    [
        ("From 2011 to 2016, John Smith worked as a senior researcher at Acme Labs in Boston.",
         "senior researcher", (2011, None, 2016, None)),
        ("In 2006, John Smith worked as a senior researcher at Acme Labs in Boston.", "senior researcher", (2006, None, None, None)),
        ("Since March 2019, Maria Lopez has served as chief executive officer of Acme Corp., the firm said.",
         "chief executive officer", (2019, 3, None, None)),
    ],
)
def test_role_periods(body, title, period):
    article, _ = analyse(body)
    role = next(r for r in article.roles if r.title.lower() == title)
    assert (role.start_year, role.start_month, role.end_year, role.end_month) == period
    assert role.period_text and role.period_text in body


@pytest.mark.parametrize(
    "title, normalized",
    [
        ("Chief Executive Officer", "ceo"),
        ("CEO", "ceo"),
        ("chief", "chief"),
        ("head", "head"),
        ("founding president", "president"),
        ("former President", "president"),
        ("Chairwoman", "chairman"),
    ],
)
def test_title_normalization(title, normalized):
    from app.core.titles import normalize_title

    assert normalize_title(title) == normalized
