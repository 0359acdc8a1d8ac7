"""The values the API declares for claim types and role statuses are the extractor's own."""
from typing import get_args

from app.api.main import create_app
from app.config import Settings
from app.core.lexicon import LEXICON
from app.schemas.read import ClaimType, RoleStatus


def test_claim_types_are_the_cue_file_kinds():
    kinds = [kind for kind, _ in LEXICON.claim_cues]
    assert set(get_args(ClaimType)) == set(kinds) == set(LEXICON.claim_types)


def test_role_statuses_are_the_rule_file():
    assert get_args(RoleStatus) == LEXICON.role_statuses.all == ("current", "former", "nominated")


def test_openapi_enums_come_from_the_rule_files(tmp_path):
    schema = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'x.db'}")).openapi()
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/claims"]["get"]["parameters"]}
    enum = parameters["type"]["schema"]["anyOf"][0]["enum"]
    assert enum == list(LEXICON.claim_types)
    roles = {p["name"]: p for p in schema["paths"]["/api/v1/roles"]["get"]["parameters"]}
    assert roles["status"]["schema"]["anyOf"][0]["enum"] == list(LEXICON.role_statuses.all)


def test_the_extractor_emits_only_those_values():
    from app.extract.pipeline import extract

    (article,) = extract("Board Plans Rail Link\n\nThe board will invest 2 billion dollars in a rail link by 2030, "
                         "its former chair Jo Lee said. Lee was nominated as chief executive of Acme Rail.")
    assert {c.type for c in article.claims} <= set(LEXICON.claim_types)
    assert {r.status for r in article.roles} <= set(LEXICON.role_statuses.all)
