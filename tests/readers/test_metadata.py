"""Metadata as sources write it, made uniform."""
from datetime import date

import pytest

from app.readers.metadata import clean_authors, clean_publisher, clean_url, parse_date


@pytest.mark.parametrize(
    "value, names",
    [
        ("Lena Park lena@gazette.example", ("Lena Park",)),
        ("By Mary Jones and Tom Lee", ("Mary Jones", "Tom Lee")),
        ("BY KIM YU-NA [kim.yuna@daily.example]", ("Kim Yu-na",)),
        (["Sam Reyes", "Sam Reyes", {"name": "Ana Costa"}], ("Sam Reyes", "Ana Costa")),
        ({"@type": "Person", "name": "Ana Costa"}, ("Ana Costa",)),
        ("박영희(park@wire.example)", ("박영희",)),
        ("", ()),
        (None, ()),
    ],
)
def test_clean_authors(value, names):
    assert clean_authors(value) == names


@pytest.mark.parametrize(
    "value, day",
    [
        ("2025-12-28 00:00", date(2025, 12, 28)),
        ("2023-11-02T19:53:52+00:00", date(2023, 11, 2)),
        ("Tue, 10 Jun 2003 04:00:00 GMT", date(2003, 6, 10)),
        ("Dec. 28, 2025", date(2025, 12, 28)),
        ("14 March 2024", date(2024, 3, 14)),
        (date(2020, 1, 2), date(2020, 1, 2)),
        ("2024-13-45", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_parse_date(value, day):
    assert parse_date(value) == day


def test_publishers_labelled_in_another_script_get_the_configured_name(tmp_path, monkeypatch):
    from app.config import get_settings

    names = tmp_path / "names.tsv"
    names.write_text("# label -> name\n북항신문\tNorthport Daily\n", encoding="utf-8")
    assert clean_publisher("북항신문") == "북항신문"  # no file: as the source names it
    monkeypatch.setenv("PUBLISHER_NAMES", str(names))
    get_settings.cache_clear()
    try:
        assert clean_publisher("북항신문") == "Northport Daily"
        assert clean_publisher("www.gazette.example") == "gazette.example"
        assert clean_publisher("  The  Gazette ") == "The Gazette"
    finally:
        monkeypatch.delenv("PUBLISHER_NAMES")
        get_settings.cache_clear()


@pytest.mark.parametrize("value, url", [("https://x.example/a", "https://x.example/a"), ("not a url", None),
                                        ("ftp://x.example/a", None), (None, None)])
def test_clean_url(value, url):
    assert clean_url(value) == url
