"""What stands above an article's text, read as metadata and kept out of the body: bylines with
credit titles and date fields, standfirsts that credit the writers, publisher bars with written
dates, wire datelines, broken front matter, and pages that are only navigation. Made-up pages."""
from pathlib import Path

import pytest

from app.core.bylines import read_byline, recase
from app.extract.pipeline import extract
from app.readers import InputError, read, reader_for_name
from tests.conftest import load_paths

HEADERS = Path(__file__).parent.parent / "data" / "headers"
LEDE = ("Port Authority chairman Lee Do-hyun said on Tuesday that the authority will invest 1.2 trillion won in a "
        "new container terminal by 2029, doubling the harbour's capacity.")
STORY = ("The government will spend £40m on cleaning up rivers over the next three years, Environment Secretary "
         "Tom Aldine said on Wednesday.\n\n\"Our rivers deserve better,\" Aldine said.\n")


def article(name: str, content: str | bytes):
    data = content.encode("utf-8") if isinstance(content, str) else content
    source = read(reader_for_name(name), data)
    (found,) = extract(source.documents[0])
    return found, source


def named(found) -> dict[str, str]:
    return {e.ref: e.name for e in found.entities}


@pytest.mark.parametrize("line, names, date_text", [
    ("By Harriet Colgrave, Environment correspondent", ("Harriet Colgrave",), None),
    ("Harriet Colgrave, Environment correspondent", ("Harriet Colgrave",), None),
    ("By Harriet Colgrave, Environment correspondent, Valley News", ("Harriet Colgrave",), None),
    ("By SARAH O'CONNELL and DAVID MCDONALD", ("Sarah O'Connell", "David McDonald"), None),
    ("By Jo Lee and Tom Roe, Political Correspondents", ("Jo Lee", "Tom Roe"), None),
    ("By Jung Ha-eun | Published: 2025-03-04 09:10 | Updated: 2025-03-04 11:25", ("Jung Ha-eun",), "2025-03-04 09:10"),
    ("By KIM YU-NA", ("Kim Yu-na",), None),
])
def test_bylines_are_read(line, names, date_text):
    byline = read_byline(line)
    assert byline is not None and byline.names == names and byline.rest == "" and byline.date_text == date_text


@pytest.mark.parametrize("line", ["Jane Doe", "Library hours extended", "By the end of the year, the plan",
                                  "Staff Writer", "By Monday the council had voted", "By Jo Lee | lorem ipsum"])
def test_lines_that_are_no_bylines(line):
    assert read_byline(line) is None


def test_a_wire_byline_keeps_its_dateline():
    byline = read_byline("By Mary Jones NORDPORT, May 2 (Wirepress) -- The port reopened.")
    assert byline.names == ("Mary Jones",) and byline.rest.startswith("NORDPORT, May 2 (Wirepress)")


@pytest.mark.parametrize("written, recased", [("SARAH O'CONNELL", "Sarah O'Connell"), ("KIM YU-NA", "Kim Yu-na"),
                                             ("DAVID MCDONALD", "David McDonald"), ("Jo D'Angelo", "Jo D'Angelo")])
def test_names_in_capitals_are_recased(written, recased):
    assert recase(written) == recased


@pytest.mark.parametrize("page", ["byline_class.html", "byline_plain.html"])
def test_html_byline_and_standfirst_stay_out_of_the_body(page):
    found, _ = article(page, (HEADERS / page).read_bytes())
    segment = found.segment
    assert segment.body.startswith(LEDE)
    assert "Published" not in segment.body and "report from the harbour" not in segment.body
    assert segment.authors == ("Jung Ha-eun",)
    assert str(segment.published_at) == "2025-03-04"
    people = named(found)
    assert [(people[r.person], r.title) for r in found.roles][:1] == [("Lee Do-hyun", "chairman")]
    assert people[found.quotes[0].speaker] == "Lee Do-hyun"


def test_a_text_byline_with_date_fields_and_a_standfirst():
    text = ("Port authority approves a new container terminal\n\n"
            "By Jung Ha-eun | Published: 2025-03-04 09:10 | Updated: 2025-03-04 11:25\n\n"
            "Jung Ha-eun and Marco Vitale report from the harbour on a plan that will double capacity\n\n"
            f"{LEDE}\n\n\"This terminal will make the port the busiest on the coast,\" Lee said at a briefing.\n")
    found, _ = article("terminal.txt", text)
    segment = found.segment
    assert segment.title == "Port authority approves a new container terminal"
    assert segment.body.startswith(LEDE) and segment.authors == ("Jung Ha-eun",)
    assert str(segment.published_at) == "2025-03-04"


@pytest.mark.parametrize("byline", ["Harriet Colgrave, Environment correspondent",
                                    "By Harriet Colgrave, Environment correspondent",
                                    "BY HARRIET COLGRAVE, ENVIRONMENT CORRESPONDENT"])
def test_a_correspondent_is_an_author_not_the_publisher(byline):
    found, _ = article("rivers.txt", f"River cleanup fund doubled\n\n{byline}\n\n{STORY}")
    segment = found.segment
    assert segment.title == "River cleanup fund doubled"
    assert segment.authors == ("Harriet Colgrave",)
    assert segment.publisher is None
    assert not any(e.type == "organization" and "Colgrave" in e.name for e in found.entities)
    assert segment.body.startswith("The government will spend")


def test_names_in_capitals_in_a_byline_are_recased():
    found, _ = article("library.txt", "Library hours extended\n\nBy SARAH O'CONNELL and DAVID MCDONALD\n\n"
                       "The city library will open until 10 p.m. on weekdays from May, chief librarian Ruth Amsel "
                       "said on Monday, after a survey of readers.\n")
    assert found.segment.title == "Library hours extended"
    assert found.segment.authors == ("Sarah O'Connell", "David McDonald")


@pytest.mark.parametrize("bar, publisher", [("The Northern Chronicle | 3 October 2024", "The Northern Chronicle"),
                                            ("Northern Chronicle | 2024-10-03", "Northern Chronicle"),
                                            ("Northern Chronicle | Oct. 3, 2024 |", "Northern Chronicle")])
def test_a_publisher_bar_with_a_written_date(bar, publisher):
    found, _ = article("ferry.md", f"# Harbour ferry to run through the night\n\n{bar}\n\n"
                       "The ferry line will add night sailings from July, its director Omar Haddad said on Friday. "
                       "\"Demand has doubled,\" Haddad said.\n")
    segment = found.segment
    assert segment.publisher == publisher and str(segment.published_at) == "2024-10-03"
    assert segment.published_text is None or "|" not in segment.published_text
    assert segment.body.startswith("The ferry line")


def test_a_dateline_agency_is_the_publisher_when_nothing_else_names_one():
    text = ("Denver council backs transit tax\n\nDENVER (Wirepoint) — The city council on Monday backed a sales tax "
            "that will raise $300 million for buses and light rail over ten years, council president Ana Ruiz said.\n")
    found, _ = article("transit.txt", text)
    assert found.segment.publisher == "Wirepoint"
    named_page = "---\ntitle: Denver council backs transit tax\npublisher: Front Range Post\n---\n\n" + text.split("\n\n", 1)[1]
    found, _ = article("transit.md", named_page)
    assert found.segment.publisher == "Front Range Post"


@pytest.mark.parametrize("front, notes", [
    ("title: Valley farms get drought aid\npublisher: [unclosed\nurl: https://valley.example/news/drought-aid\n",
     ["not valid YAML", "'publisher' left out"]),
    ("title: Valley farms get drought aid\nurl: https://valley.example/news/drought-aid\npublisher: {name: Valley\n",
     ["not valid YAML", "'publisher' left out"]),
])
def test_broken_front_matter_keeps_its_valid_fields_and_says_what_went(front, notes):
    found, source = article("aid.md", f"---\n{front}---\n\nThe state will pay $25 million to farms hit by the "
                            "drought, agriculture commissioner Bea Soto said on Thursday.\n")
    (document,) = source.documents
    assert document.url == "https://valley.example/news/drought-aid" and document.publisher is None
    assert found.segment.title == "Valley farms get drought aid"
    assert all(any(n in note for note in source.notes) for n in notes), source.notes


def test_front_matter_never_closed_is_read_as_fields_with_a_note():
    found, source = article("aid.md", "---\ntitle: Never closed\nurl: https://valley.example/news/never-closed\n\n"
                            "The state will pay $25 million to farms hit by the drought, agriculture commissioner "
                            "Bea Soto said on Thursday.\n")
    (document,) = source.documents
    assert document.title == "Never closed" and document.url == "https://valley.example/news/never-closed"
    assert found.segment.body.startswith("The state will pay")
    assert any("never closed" in note for note in source.notes)


def test_a_page_of_navigation_and_footer_is_no_article():
    with pytest.raises(InputError, match="no article text"):
        read(reader_for_name("nav.html"), (HEADERS / "nav_only.html").read_bytes())


def test_the_loader_reports_them_by_name(migrated_db, tmp_path, capsys):
    (tmp_path / "nav.html").write_bytes((HEADERS / "nav_only.html").read_bytes())
    (tmp_path / "aid.md").write_text("---\ntitle: Never closed\n\nThe state will pay $25 million to farms hit by the "
                                     "drought, agriculture commissioner Bea Soto said on Thursday.\n", encoding="utf-8")
    assert load_paths(migrated_db, tmp_path) == 1
    lines = {line.split()[1].rsplit("/", 1)[-1]: line for line in capsys.readouterr().out.splitlines()
             if line.split()[:1] in (["loaded"], ["failed"])}
    assert lines["nav.html"].startswith("failed") and "no article text" in lines["nav.html"]
    assert lines["aid.md"].startswith("loaded") and "never closed" in lines["aid.md"]
