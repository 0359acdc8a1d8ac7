import pytest

from app.core.names import org_key, person_key
from app.extract.entities import clean_org, org_kind, split_org
from tests.extract.helpers import analyse


@pytest.mark.parametrize(
    "a, b",
    [
        ("Bae Kyung-hoon", "Bae Kyung-Hoon"),
        ("Bae Sunmin", "Bae Sun-min"),
        ("Bae Soon-min", "Bae Sun-min"),
        ("Lee Jae Myung", "Lee Jae-myung"),
        ("Lee Jae Myung's", "Lee Jae-myung"),
    ],
)
def test_romanization_variants_share_a_key(a, b):
    assert person_key(a) == person_key(b)


@pytest.mark.parametrize("a, b", [("Bae Kyung-hoon", "Bae Sun-min"), ("Lee Jae-sung", "Lee Jae-myung")])
def test_different_people_keep_different_keys(a, b):
    assert person_key(a) != person_key(b)


@pytest.mark.parametrize(
    "a, b",
    [("Nvidia Corp.", "Nvidia"), ("The Korea Herald", "Korea Herald"), ("Samsung Electronics Co.", "Samsung Electronics")],
)
def test_organization_keys_ignore_legal_suffixes(a, b):
    assert org_key(a) == org_key(b)


def test_people_clustered_within_an_article():
    body = (
        "Kim Min-jun, the new minister, met John Smith in Seoul on Monday to discuss trade. "
        "Kim Min-Jun said the talks went well, and Kim later left for Tokyo with Smith's aides."
    )
    article, _ = analyse(body)
    people = {e.name: e.aliases for e in article.entities if e.type == "person"}
    assert set(people) == {"Kim Min-jun", "John Smith"}
    assert people["Kim Min-jun"] == ("Kim Min-Jun",)


def test_two_people_sharing_a_surname_stay_two():
    body = (
        "Park Ji-hoon, a lawmaker, criticised the plan on Monday in a long speech to parliament. "
        "Park Seo-yeon, a professor, defended it in an interview the next day with the press."
    )
    article, _ = analyse(body)
    assert {e.name for e in article.entities if e.type == "person"} == {"Park Ji-hoon", "Park Seo-yeon"}


def test_acronym_joins_its_expansion():
    body = "She studied at the Massachusetts Institute of Technology (MIT) before joining Google in 2010 as an engineer."
    article, _ = analyse(body)
    orgs = {e.name: set(e.aliases) for e in article.entities if e.type == "organization"}
    assert orgs["Massachusetts Institute of Technology"] == {"MIT"}


def test_organization_names_are_cleaned():
    body = "The ministry said the Samsung Electronics's chip unit would expand. The Korea Development Bank agreed to lend more."
    article, _ = analyse(body)
    names = {e.name for e in article.entities if e.type == "organization"}
    assert "Samsung Electronics" in names
    assert not any(n.lower().startswith("the ") or n.endswith("'s") for n in names)


@pytest.mark.parametrize(
    "body, name, parent",
    [
        ("Kim spoke, said Choi Min-ho, a professor at Korea University's Human-inspired AI Research Lab, on Monday.",
         "Human-inspired AI Research Lab", "Korea University"),
        ("Jane Roe, a professor at Riverton University College of Law and Policy, agreed with the plan.",
         "Riverton University College of Law and Policy", "Riverton University"),
        ("Lee Min-su, president of LG Electronics' Eco Solutions division, said the deal was strategic.",
         "Eco Solutions division", "LG Electronics"),
    ],
)
def test_organization_units_and_parents(body, name, parent):
    article, names = analyse(body)
    orgs = {e.name: e for e in article.entities if e.type == "organization"}
    assert name in orgs
    assert (names.get(orgs[name].parent) if orgs[name].parent else None) == parent


@pytest.mark.parametrize("body", [
    "Both Research Institute A and Research Institute B worked on the same project for years.",
    "The model GPT-5 was released by the lab last year to wide acclaim from users.",
])
def test_generic_and_product_names_are_not_organizations(body):
    article, _ = analyse(body)
    names = {e.name for e in article.entities if e.type == "organization"}
    assert not names & {"Research Institute", "GPT-5"}


@pytest.mark.parametrize("raw, cleaned", [
    ("ISP Freedom2surf", "Freedom2surf"),  # a common noun's acronym before the name
    ("RFID", None),  # a technology
    ("BBC Radio 4", "BBC Radio 4"),  # a number that belongs to a broadcaster's name
    ("GPT 5", None),  # a number that marks a version
    ("Taelim Industrial Co., Ltd.", "Taelim Industrial Co., Ltd."),
    ("Acme, Bolt", None),  # a list, not one name
    ("European HDTV Summit", None),  # an event
    ("Yangpyeong Expressway", None),  # a road
    ("KRW", None),  # a currency's code
    ("Euro", None),  # a currency's name
])
def test_clean_org(raw, cleaned):
    assert clean_org(raw) == cleaned


@pytest.mark.parametrize("raw, unit, owner", [
    ("the Prime Minister's Office", "Prime Minister's Office", None),  # an office a title names
    ("Acme Electronics' Solar division", "Solar division", "Acme Electronics"),
    ("Cornish Fishermen's Association", "Cornish Fishermen's Association", None),  # named for its members
    ("People's Action Party", "People's Action Party", None),
])
def test_split_org(raw, unit, owner):
    assert split_org(raw) == (unit, owner)


@pytest.mark.parametrize("name, kind", [
    ("Riverton City Council", "government"), ("HM Treasury", "government"), ("Harbour News Agency", "media"),
    ("Financial Supervisory Commission", "agency"), ("Seoul Central District Court", "agency"),
    ("Rail Workers' Union", "union"), ("Korea Confederation of Trade Unions", "union"),
    ("Riverton Health Trust", "association"), ("United Nations", "international"),
    ("World Health Organization", "international"), ("Green Party", "party"), ("Hanil University", "academic"),
    ("Acme Robotics", "company"), ("Nurses' Guild", "union"),
])
def test_org_kind(name, kind):
    assert org_kind(name) == kind


@pytest.mark.parametrize("raw, cleaned", [("Treasury", "Treasury"), ("Ministry", None), ("Research Institute", None)])
def test_a_kind_word_alone_names_a_body_only_where_the_lexicon_says(raw, cleaned):
    assert clean_org(raw) == cleaned


@pytest.mark.parametrize("raw, cleaned", [
    ("Dean Moss", "Dean Moss"),  # a given name that is also a title word
    ("President Moss", "Moss"),
    ("Dean", None),
])
def test_clean_person_keeps_a_given_name_that_is_a_title_word(raw, cleaned):
    from app.extract.entities import clean_person
    assert clean_person(raw) == cleaned
