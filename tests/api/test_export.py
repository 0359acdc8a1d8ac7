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
