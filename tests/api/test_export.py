"""Lists as CSV and NDJSON, streamed over every page."""
import csv
import io
import json

import pytest

from tests.api.test_api import RESOURCES, walk


@pytest.mark.parametrize("resource", RESOURCES)
def test_ndjson_export_holds_every_row(client, resource):
    response = client.get(f"/api/v1/{resource}", params={"format": "ndjson"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in response.text.splitlines()]
    assert rows == walk(client, resource, limit=100)


@pytest.mark.parametrize("resource", RESOURCES)
def test_csv_export_opens_as_a_table(client, resource):
    response = client.get(f"/api/v1/{resource}", params={"format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    assert f'filename="{resource}.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    expected = walk(client, resource, limit=100)
    assert [int(r["id"]) for r in rows] == [e["id"] for e in expected]


def test_csv_flattens_references_and_lists(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/quotes", params={"format": "csv"}).text)))
    assert {"speaker_id", "speaker_name", "evidence_start", "article_name"} <= set(rows[0])
    claims = list(csv.DictReader(io.StringIO(client.get("/api/v1/claims", params={"format": "csv", "unit": "KRW"}).text)))
    assert claims and all("KRW" in c["amounts"] for c in claims)


def test_export_respects_filters(client):
    person = walk(client, "people", q="kim hyun")[0]
    lines = client.get(f"/api/v1/people/{person['id']}/quotes", params={"format": "ndjson"}).text.splitlines()
    assert lines and all(json.loads(line)["speaker"]["id"] == person["id"] for line in lines)


def _csv(client, path: str, **params) -> list[dict]:
    return list(csv.DictReader(io.StringIO(client.get(path, params={"format": "csv", **params}).text)))


def test_csv_amounts_are_value_and_unit(client):
    claims = {c["id"]: c for c in walk(client, "claims", limit=100)}
    rows = _csv(client, "/api/v1/claims")
    assert any(r["amounts"] for r in rows)
    for row in rows:
        expected = claims[int(row["id"])]["amounts"]
        cells = row["amounts"].split("; ") if row["amounts"] else []
        assert len(cells) == len(expected)
        for cell, amount in zip(cells, expected):
            value, unit = cell.split(" ", 1)
            qualifier = f" ({amount['qualifier']})" if amount["qualifier"] else ""
            assert float(value) == amount["value"] and unit == amount["unit"] + qualifier and "{" not in cell


def test_csv_role_reports_are_article_ids(client):
    roles = {r["id"]: r for r in walk(client, "roles", limit=100)}
    for row in _csv(client, "/api/v1/roles"):
        assert row["reports_article_ids"].split("; ") == [str(r["article"]["id"]) for r in roles[int(row["id"])]["reports"]]


@pytest.mark.parametrize("resource", RESOURCES)
def test_csv_has_no_column_that_is_always_empty(client, resource):
    response = client.get(f"/api/v1/{resource}", params={"format": "csv"})
    header = next(csv.reader(io.StringIO(response.text)))
    for column in ("article_type", "person_type", "organization_type", "publisher_type", "parent_type",
                   "snippet", "evidence_sentence"):
        assert column not in header, (resource, column)
    assert all(not cell.startswith(("[{", "{")) for row in _csv(client, f"/api/v1/{resource}") for cell in row.values())


def test_csv_keeps_the_columns_a_request_fills(client):
    header = next(csv.reader(io.StringIO(client.get("/api/v1/quotes", params={
        "format": "csv", "q": "ai", "include": "sentence"}).text)))
    assert {"snippet", "evidence_sentence", "speaker_type"} <= set(header)
    rows = _csv(client, "/api/v1/quotes", q="ai", include="sentence")
    assert rows and all(r["snippet"] and r["evidence_sentence"] for r in rows)


# ----------------------------------------------------------------------------- cells a spreadsheet runs
FORMULAS = ("+SUM(1,2) is what we will spend,", "=HYPERLINK(\"http://x.example\") was the plan,",
            "-2+3 is the count,", "@cmd is the word,")


@pytest.fixture
def posted(migrated_db):
    """A made-up article whose quotes begin as spreadsheet formulas, and a claim with a qualifier."""
    from fastapi.testclient import TestClient

    from app.api.main import create_app
    from app.config import Settings

    text = ("Council Spends On Roads\n\n"
            "The council will spend more than $40 million on road repairs by 2027, its leader Jo Park said on Monday. "
            + " ".join(f'"{quote}" Park said.' for quote in FORMULAS) + "\n")
    with TestClient(create_app(Settings(database_url=migrated_db, api_key="k"))) as http:
        response = http.post("/api/v1/articles", content=text.encode("utf-8"),
                             headers={"Authorization": "Bearer k", "Content-Type": "text/plain"})
        assert response.status_code == 201, response.text
        yield http


def test_csv_cells_that_would_run_as_formulas_are_neutralised(posted):
    json_texts = [q["text"] for q in walk(posted, "quotes", limit=100)]
    assert [t for t in json_texts if t[:1] in "=+-@"], json_texts  # JSON keeps the words exact
    ndjson = [json.loads(line)["text"] for line in posted.get("/api/v1/quotes", params={"format": "ndjson"}).text.splitlines()]
    assert ndjson == json_texts
    rows = _csv(posted, "/api/v1/quotes")
    assert [r["text"] for r in rows] == [f"'{t}" if t[:1] in "=+-@\t\r" else t for t in json_texts]
    assert not any(cell[:1] in "=+-@\t\r" for row in rows for cell in row.values() if cell)


def test_csv_amounts_keep_their_qualifier(posted):
    (row,) = [r for r in _csv(posted, "/api/v1/claims") if "40000000" in r["amounts"]]
    assert "40000000 USD (more_than)" in row["amounts"]


def test_csv_with_a_byte_order_mark_on_request_only(client):
    plain = client.get("/api/v1/people", params={"format": "csv"}).content
    assert plain.startswith(b"id,")
    marked = client.get("/api/v1/people", params={"format": "csv", "bom": "true"})
    assert marked.content.startswith(b"\xef\xbb\xbfid,")
    assert marked.content.decode("utf-8-sig") == plain.decode("utf-8")
    assert client.get("/api/v1/people", params={"format": "json", "bom": "true"}).status_code == 422
    assert client.get("/api/v1/people", params={"format": "ndjson", "bom": "true"}).status_code == 422
