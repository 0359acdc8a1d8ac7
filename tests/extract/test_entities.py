import pytest

from app.extract.names import org_key, person_key
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
