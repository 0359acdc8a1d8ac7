"""The real server, started as a separate process, answers a client over HTTP."""
import httpx


def test_served_api_over_http(live_server):
    with httpx.Client(base_url=live_server, timeout=10) as http:
        people = http.get("/api/v1/people", params={"limit": 100}).json()["items"]
        assert len(people) >= 10
        person = next(p for p in people if p["name"].startswith("Bae Kyung"))

        quotes = http.get("/api/v1/quotes", params={"speaker_id": person["id"], "limit": 100}).json()["items"]
        assert quotes and all(q["speaker"]["id"] == person["id"] for q in quotes)

        article = http.get(f"/api/v1/articles/{quotes[0]['article']['id']}").json()
        evidence = quotes[0]["evidence"]
        assert article["body"][evidence["start"] : evidence["end"]] == quotes[0]["text"]

        spec = http.get("/openapi.json").json()
        assert spec["info"]["title"] == "newsgraph" and "/api/v1/quotes" in spec["paths"]

        docs = http.get("/docs")
        assert docs.status_code == 200 and "swagger" in docs.text.lower()

        missing = http.get("/api/v1/people/999999")
        assert missing.status_code == 404
        assert missing.headers["content-type"].startswith("application/problem+json")
