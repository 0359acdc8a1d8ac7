"""Readers: every input type gives plain text and the metadata its source states."""
import json
from datetime import date
from pathlib import Path

import pytest

from app.readers import InputError, NotArticles, read, reader_for_media_type, reader_for_name

PAGES = Path(__file__).parent.parent / "data" / "pages"

FRONT_MATTER = """---
id: 001_0000000001
title: "Mayor&#x27;s plan for the harbour"
publisher: Harbour Gazette
author: 
\t\t
\t\t\tLena Park lena@gazette.example
\t
published_at: 2024-05-06 00:00
url: https://gazette.example/news/0001
---

# Mayor&#x27;s plan for the harbour

**Harbour Gazette** | 2024-05-06 00:00 | 

---

Mayor Ruth Calder said on Monday the city would spend &quot;whatever it takes&quot; on the [harbour wall](https://gazette.example/wall).

![A photo of the wall](wall.jpg)

The council will vote in June.

---

*Crawled at: 2024-05-06 10:00:00*
*Source: [view original](https://gazette.example/news/0001)*
"""


def _read(name: str, data: bytes | str, charset: str | None = None):
    data = data.encode("utf-8") if isinstance(data, str) else data
    return read(reader_for_name(name), data, charset)


def test_markdown_with_front_matter_written_with_tabs():
    (doc,) = _read("page.md", FRONT_MATTER).documents
    assert doc.title == "Mayor's plan for the harbour"
    assert doc.url == "https://gazette.example/news/0001"
    assert doc.published_at == date(2024, 5, 6)
    assert doc.authors == ("Lena Park",)
    assert doc.publisher == "Harbour Gazette"
    assert doc.text.startswith('Mayor Ruth Calder said on Monday the city would spend "whatever it takes" on the harbour wall.')
    assert "Mayor's plan" not in doc.text and "**" not in doc.text and "wall.jpg" not in doc.text
    assert "&quot;" not in doc.text and "Crawled at" in doc.text  # the footer goes with the furniture stage


@pytest.mark.parametrize(
    "markdown, title, publisher, published",
    [
        ("# The Headline Here\n\nSome text of the article that runs long enough.", "The Headline Here", None, None),
        ("Plain words without any heading at all, just text.", None, None, None),
        ("# Title Of It\n\nDaily Planet | 2023-01-02 |\n\nBody text follows here.", "Title Of It", "Daily Planet", date(2023, 1, 2)),
        ("---\ntitle: [first, second]\n---\nText.", "first", None, None),
        ("---\ntitle: Broken: yaml: here\nbad: [\n---\nText of it.", "Broken: yaml: here", None, None),
    ],
)
def test_markdown_without_or_with_odd_front_matter(markdown, title, publisher, published):
    (doc,) = _read("a.markdown", markdown).documents
    assert doc.title == title and doc.publisher == publisher and doc.published_at == published


def test_html_page_main_text_and_metadata():
    (doc,) = _read("council.html", (PAGES / "council.html").read_bytes()).documents
    assert doc.title == "Riverton council approves £12m flood plan"
    assert doc.url == "https://courier.example.org/news/2024/03/riverton-flood-plan"
    assert doc.published_at == date(2024, 3, 14)
    assert doc.authors == ("Maria Okafor",)
    assert doc.publisher == "The Riverton Courier"
    for expected in (PAGES / "council.txt").read_text(encoding="utf-8").splitlines():
        assert expected in doc.text
    for furniture in ("Subscribe now", "Related stories", "Comments (2)", "About time", "newsletter", "All rights"):
        assert furniture not in doc.text


def test_html_page_in_its_declared_charset():
    (doc,) = _read("harbour.html", (PAGES / "harbour.html").read_bytes()).documents
    assert "Dana Whitfield-Noël" in doc.text
    assert "Most read" not in doc.text and "cookies" not in doc.text and "Share this" not in doc.text
    assert doc.url == "https://coastline.example.com/business/harbour-strike"
    assert doc.published_at == date(2023, 11, 2) and doc.publisher == "Coastline Daily"


def test_html_saved_as_text_is_read_as_html():
    (doc,) = _read("page.txt", (PAGES / "council.html").read_bytes()).documents
    assert doc.format == "html" and "Comments (2)" not in doc.text


def test_plain_text_has_its_entities_decoded():
    (doc,) = _read("a.txt", "Budget &amp; tax: &quot;no change&quot; in R&D, said the &#x27;minister&#x27;.").documents
    assert doc.text == "Budget & tax: \"no change\" in R&D, said the 'minister'."


NEWS_PLEASE = {
    "title": "Port strike called off", "maintext": "Dock workers called off their strike on Friday.",
    "url": "https://news.example/port", "date_publish": "2024-02-03 08:00:00", "authors": ["Sam Reyes"],
    "source_domain": "www.news.example",
}


def test_json_record_of_a_scraper():
    (doc,) = _read("record.json", json.dumps(NEWS_PLEASE)).documents
    assert (doc.title, doc.url, doc.published_at, doc.authors, doc.publisher) == (
        "Port strike called off", "https://news.example/port", date(2024, 2, 3), ("Sam Reyes",), "news.example")
    assert doc.text == "Dock workers called off their strike on Friday." and doc.part is None


def test_json_list_and_wrapped_list():
    second = {**NEWS_PLEASE, "url": "https://news.example/two", "maintext": "Another story."}
    assert len(_read("a.json", json.dumps([NEWS_PLEASE, second])).documents) == 2
    wrapped = _read("b.json", json.dumps({"articles": [NEWS_PLEASE, second]})).documents
    assert [d.part for d in wrapped] == ["1", "2"]


def test_json_lines_skip_and_name_bad_lines():
    lines = [json.dumps(NEWS_PLEASE), "{not json", json.dumps({"title": "no text here"}), "",
             json.dumps({"text": "Second story text.", "title": "Two"})]
    source = _read("feed.jsonl", "\n".join(lines))
    assert [d.part for d in source.documents] == ["1", "5"]
    assert any("line 2 is not valid JSON" in note for note in source.notes)
    assert any("1 record without article text skipped" in note for note in source.notes)


def test_json_without_articles_is_not_articles_and_bad_json_is_an_error():
    with pytest.raises(NotArticles):
        _read("metadata.json", json.dumps({"a.md": {"title": "x", "url": "https://x"}}))
    with pytest.raises(InputError, match="not valid JSON"):
        _read("broken.json", "{")


def test_sha256_of_a_record_is_its_own():
    one = _read("a.jsonl", json.dumps(NEWS_PLEASE) + "\n" + json.dumps({**NEWS_PLEASE, "url": "https://x.example/2"}))
    two = _read("b.jsonl", json.dumps(NEWS_PLEASE) + "\n" + json.dumps({**NEWS_PLEASE, "url": "https://x.example/3"}))
    assert one.documents[0].sha256 == two.documents[0].sha256
    assert one.documents[1].sha256 != two.documents[1].sha256


@pytest.mark.parametrize(
    "name, reader",
    [("a.txt", "text"), ("b.MD", "markdown"), ("c.markdown", "markdown"), ("d.htm", "html"), ("e.html", "html"),
     ("f.json", "json"), ("g.jsonl", "json lines"), ("h.ndjson", "json lines"), ("i.pdf", None), ("j.csv", None),
     ("README", None)],
)
def test_reader_for_name(name, reader):
    found = reader_for_name(name)
    assert (found.name if found else None) == reader


@pytest.mark.parametrize(
    "media_type, reader",
    [("text/plain; charset=iso-8859-1", "text"), ("text/markdown", "markdown"), ("text/html", "html"),
     ("application/json", "json"), ("application/x-ndjson", "json lines"), ("image/png", None)],
)
def test_reader_for_media_type(media_type, reader):
    found = reader_for_media_type(media_type)
    assert (found.name if found else None) == reader


def test_a_declared_charset_is_honoured():
    (doc,) = _read("a.txt", "Caf\u00e9 owners met the mayor.".encode("latin-1"), charset="iso-8859-1").documents
    assert doc.text == "Café owners met the mayor."
    with pytest.raises(InputError, match="not UTF-8"):
        _read("a.txt", "Caf\u00e9 owners met the mayor.".encode("latin-1"))


@pytest.mark.parametrize("title, site, headline", [
    ("Gates on Tillerson and Russia | CNN Politics", "CNN", "Gates on Tillerson and Russia"),
    ("N. Korea slams drill | Yonhap News Agency", "Yonhap News Agency", "N. Korea slams drill"),
    ("Court files expose spy operation -- Sott.net", "Sott.net", "Court files expose spy operation"),
    ("Riverton Courier | Council approves flood plan", "Riverton Courier", "Council approves flood plan"),
    ("Flood plan - what it means for you", "Riverton Courier", "Flood plan - what it means for you"),
    ("TIME", "TIME", "TIME"),
])
def test_a_page_title_loses_the_site_name(title, site, headline):
    from app.readers.html import without_site_name

    assert without_site_name(title, site) == headline


def test_an_html_body_does_not_repeat_its_headline():
    page = ("<html><head><title>Council approves flood plan | Riverton Courier</title>"
            '<meta property="og:site_name" content="Riverton Courier"></head><body><article>'
            "<h1>Council approves flood plan</h1>"
            "<p>The Riverton council approved a flood plan of 12 million pounds on Thursday after a long debate "
            "among members about the river defences and the cost to households in the town.</p>"
            "<p>The work on the river walls will start in the spring and take two years, the council said in a "
            "statement after the vote, which passed by nine votes to four.</p></article></body></html>")
    (doc,) = _read("flood.html", page.encode()).documents
    assert doc.title == "Council approves flood plan"
    assert not doc.text.startswith("Council approves flood plan")
    assert doc.text.startswith("The Riverton council approved")
