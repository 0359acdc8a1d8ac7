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
        # the period hangs on the title's own clause, never on another verb of the sentence
        ("Jo Park, who served as finance minister between 2015 and 2018, joined Acme Bank.", "finance minister",
         (2015, None, 2018, None)),
        ("Harbour board chairman Jo Park, who has led the board since 2019, said rates would hold through 2030.",
         "board chairman", (2019, None, None, None)),
        ("Jo Park had been deputy foreign minister from 2017 to 2020.", "deputy foreign minister",
         (2017, None, 2020, None)),
        ("Jo Park was appointed ambassador to Japan in July 2021, the ministry said.", "ambassador to japan",
         (2021, 7, None, None)),
        ("Dev Anand, its chief financial officer since 2020, will succeed her at Acme Stores.",
         "chief financial officer", (2020, None, None, None)),
        ("Jo Park's mandate was expanded in October, when he was also named deputy prime minister.",
         "deputy prime minister", (None, 10, None, None)),
        ("On June 15, 2021, Jo Park, the head of Acme Lab, was appointed as the first secretary of housing.",
         "secretary of housing", (2021, 6, None, None)),
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


@pytest.mark.parametrize("body, title", [
    ("Finance Minister Jo Park said the state will invest $5bn in chips by 2030.", "finance minister"),
    ("Jo Park, the head of Acme Lab, was appointed as the first secretary of housing on June 15.", "head"),
    ('Council leader Jo Park defended the plan. "Since 2019 we have kept every library open," Park said.',
     "council leader"),
])
def test_a_date_of_another_clause_does_not_date_a_role(body, title):
    article, _ = analyse(body)
    role = next(r for r in article.roles if r.title.lower() == title)
    assert (role.start_year, role.start_month, role.end_year, role.end_month) == (None, None, None, None)
