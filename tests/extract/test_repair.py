"""Scraper damage repaired line by line, and the page furniture of crawled news pages."""
import pytest

from app.extract.clean import clean_line, segments
from app.extract.repair import cut_repeated_title, is_caption_line, repair_line, take_byline


@pytest.mark.parametrize(
    "line, repaired",
    [
        # sentences and quotations run together
        ("The council met on Monday.It voted to close the pool.", ["The council met on Monday. It voted to close the pool."]),
        ('"We will fund it," she said."We have the money."', ['"We will fund it," she said. "We have the money."']),
        ('He praised the staff.""Their work saved lives," he said.', ['He praised the staff." "Their work saved lives," he said.']),
        ('The mayor thanked the staff."Their work saved lives," he added.', ['The mayor thanked the staff. "Their work saved lives," he added.']),
        ("Prices rose 3%.Analysts said the rise was expected.", ["Prices rose 3%. Analysts said the rise was expected."]),
        ("The U.S. team left. Dr. Ann Lee stayed.", ["The U.S. team left. Dr. Ann Lee stayed."]),
        # a photo caption glued to the first sentence, with or without a deck before it
        ("Workers at the dock in Port Ellis (Coastline Daily)Dock workers voted to strike on Friday.",
         ["Dock workers voted to strike on Friday."]),
        ("(Stock photo)Drivers must now fit breath-test locks.", ["Drivers must now fit breath-test locks."]),
        ("Fees rise for visitorsA queue outside the office on Monday. (Photo agency)It was a cold morning.",
         ["Fees rise for visitors", "It was a cold morning."]),
        # editorial and broadcast markers, a reporter's sign-off
        ("[LEAD]The ferry service resumed.[REPORT]Passengers returned.", ["The ferry service resumed. Passengers returned."]),
        ("The talks ended without a deal. reporter@wire.example(END)", ["The talks ended without a deal."]),
        ("(LEAD) Ferry-strike (ATTN: ADDS details)By Ana Costa", ["Ferry-strike By Ana Costa"]),
        # a broadcaster's on-screen caption glued to the soundbite it introduces
        ("Families gathered.Jo Min-ho / Lawyer for the familiesWe will appeal the ruling.",
         ["Families gathered.", "Jo Min-ho / Lawyer for the families", "We will appeal the ruling."]),
    ],
)
def test_repair_line(line, repaired):
    assert [part for part in repair_line(line) if part] == repaired


@pytest.mark.parametrize(
    "line, caption",
    [
        ("Mayor Ruth Calder at the harbour wall on Monday. (Gazette photo)", True),
        ("Acme Corp. chair Lena Park (Acme Corp.)", True),
        ("The company's profit rose 5 percent in the quarter, the report said.", False),
        ("Trade fell sharply in March (KITA)", False),  # an all-capitals acronym, not a credit
    ],
)
def test_caption_lines(line, caption):
    assert is_caption_line(line) is caption


def test_wire_copy_loses_its_slug_repeated_headline_and_byline():
    line = "Ferry-strike Ferry workers walk out over pay By Ana Costa and Li Wei SEOUL, May 2 (Wire) -- Ferry workers struck."
    rest = cut_repeated_title(line, "Ferry workers walk out over pay")
    assert rest.startswith("By Ana Costa")
    rest, names = take_byline(rest)
    assert names == ("Ana Costa", "Li Wei") and rest.startswith("SEOUL, May 2 (Wire) --")


@pytest.mark.parametrize(
    "line, kept",
    [
        ("The ferry returned at noon.■ 제보하기▷ 전화 : 02-000-0000▷ 이메일 : tips@tv.example", "The ferry returned at noon."),
        ("The memorial ended at 10 a.m.희생자들의 명복을 빕니다.", "The memorial ended at 10 a.m."),
        ("This article was originally written in Korean and translated by a bilingual reporter with the help of "
         "generative AI tools. It was then edited by a native English-speaking editor.", ""),
        ("Crawled at: 2024-05-06 10:00:00 Source: view original", ""),
        ("The café reopened in Malmö and Zürich.", "The café reopened in Malmö and Zürich."),
    ],
)
def test_furniture_in_another_script_and_crawl_footers(line, kept):
    assert clean_line(line) == kept


def test_a_brief_of_one_line_is_an_article_and_a_flash_keeps_its_headline():
    (brief,) = segments("Acme names Lena Park chief executive, effective June 1")
    assert brief.body == "Acme names Lena Park chief executive, effective June 1"
    (flash,) = segments("(URGENT) Acme-chief (URGENT) Acme names new chief executive\n\n(END)",
                        title="(URGENT) Acme names new chief executive")
    assert flash.title == "(URGENT) Acme names new chief executive" and flash.body == flash.title


def test_evidence_offsets_hold_after_repair():
    from app.extract.pipeline import extract

    page = ('Port chief resigns\n\nA view of the port (Gazette)Port chief Lena Park resigned on Friday.'
            '"I leave with pride," Park said."The port is strong."\n\nreporter@gazette.example(END)')
    (article,) = extract(page)
    assert "(Gazette)" not in article.body and "(END)" not in article.body
    (quote,) = article.quotes  # one statement in two passages around its reporting clause
    assert quote.text == "I leave with pride, The port is strong."
    assert article.body[quote.start:quote.end] == 'I leave with pride," Park said. "The port is strong.'
    assert article.body[slice(*quote.mention)] == "Park"
    for role in article.roles:
        assert role.start < role.end <= len(article.body)
