"""The crawled corpus as a user has it (../shared/corpora/naver_en): every file loads, what is
served matches each file's own metadata, and no entity, front-matter or footer line is served."""
import os

import pytest

from app.config import PROJECT_ROOT

CORPUS = PROJECT_ROOT.parent / "shared" / "corpora" / "naver_en"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    if not (CORPUS / "metadata.json").exists():
        if os.environ.get("NEWSGRAPH_REQUIRE_SHARED"):
            pytest.fail(f"corpus not found at {CORPUS}")
        pytest.skip("the shared corpus is not beside the project")
    from bench.corpus_check import check

    return check(CORPUS, f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'corpus.db'}")


def test_every_file_loads_and_the_others_are_skipped(report):
    assert report["outcomes"].get("failed", 0) == 0
    assert report["outcomes"]["loaded"] == report["files"]
    assert report["outcomes"]["skipped"] == 2  # metadata.json and SOURCES.tsv


@pytest.mark.parametrize("field", ["title", "published_at", "url", "all"])
def test_served_metadata_is_the_files_own(report, field):
    assert report["metadata_equal"][field] >= 0.98, report["metadata_misses"]


def test_no_served_text_holds_an_html_entity(report):
    assert report["texts_checked"] > 1000
    assert report["texts_with_entities"] == 0, report["entity_examples"]


def test_no_body_holds_a_front_matter_or_footer_line(report):
    assert report["bodies_with_file_lines"] == 0, report["file_line_examples"]
