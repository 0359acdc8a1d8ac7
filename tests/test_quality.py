"""Floor scores on the hand-annotated seeds, so extraction quality cannot silently regress.

Scored with the shared evaluation script against the served API. The shared folder sits
beside the project (../shared); without it these tests are skipped, unless
NEWSGRAPH_REQUIRE_SHARED=1 (as in CI), where its absence is a failure.
"""
import json
import os
import subprocess
import sys

import pytest

from app.config import PROJECT_ROOT

SHARED = PROJECT_ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
GOLD = SHARED / "gold" / "seeds.json"

# Measured values sit a little above these floors; raise them as extraction improves.
FLOORS = {
    ("people", "f1"): 0.95,
    ("people", "resolved"): 0.95,
    ("organizations", "f1"): 0.88,
    ("roles", "f1"): 0.90,
    ("roles", "status_accuracy"): 0.95,
    ("quotes", "f1"): 0.95,
    ("quotes", "speaker_accuracy"): 0.95,
    # The seeds' reading keeps fewer claims than realworld_dev's: an interviewee's "we need to …"
    # and a forecast in a quote are not claims there, so precision on them sits near .5 while
    # recall is 1.0 (claims are a commitment frame or an amount, judged on all sets at once).
    ("claims", "f1"): 0.65,
    ("claims", "claimant_accuracy"): 0.93,
    ("claims", "amount_accuracy"): 0.95,
    ("articles", "f1"): 0.95,
}


def score(out_dir, gold, *arguments: str, timeout: int = 300) -> dict:
    """The shared scorer's report for `gold`, run with `arguments` (an API, or docs to load)."""
    if not SCORER.exists() or not gold.exists():
        if os.environ.get("NEWSGRAPH_REQUIRE_SHARED"):
            pytest.fail(f"scorer or gold not found under {SHARED}")
        pytest.skip("the shared evaluation folder is not beside the project")
    out = out_dir / "report.json"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), *arguments, "--json", str(out)],
                   check=True, capture_output=True, timeout=timeout, env=env)
    return json.loads(out.read_text())


@pytest.fixture(scope="module")
def seeds_report(live_server, tmp_path_factory):
    return score(tmp_path_factory.mktemp("score"), GOLD, "--api", live_server)


@pytest.mark.parametrize("table, measure", sorted(FLOORS))
def test_seed_scores_stay_above_floor(seeds_report, table, measure):
    value = seeds_report[table][measure]
    assert value >= FLOORS[(table, measure)], f"{table} {measure} = {value}"


def test_no_boilerplate_leaks(seeds_report):
    assert seeds_report["articles"]["boilerplate_leaks"] == 0


POLNEAR = SHARED / "benchmarks"
# Floors per split, a little under what is measured (quote F1, speaker accuracy by name or mention).
POLNEAR_FLOORS = {
    "polnear_dev": {"quote_f1": 0.85, "quote_precision": 0.88, "quote_recall": 0.81, "speaker_accuracy": 0.91,
                    "speaker_named_accuracy": 0.74},
    "polnear_train": {"quote_f1": 0.84, "quote_precision": 0.87, "quote_recall": 0.81, "speaker_accuracy": 0.90,
                      "speaker_named_accuracy": 0.73},
}


@pytest.fixture(scope="module", params=sorted(POLNEAR_FLOORS))
def polnear_report(request):
    """Quotes, speakers and speaker mentions on a PolNeAR split, extracted in process in one
    spaCy stream and scored with the shared scorer's rules."""
    split = POLNEAR / request.param
    scorer = SHARED / "eval" / "score_polnear.py"
    if not scorer.exists() or not split.exists():
        if os.environ.get("NEWSGRAPH_REQUIRE_SHARED"):
            pytest.fail(f"{split} or the scorer not found under {SHARED}")
        pytest.skip("the shared evaluation folder is not beside the project")
    import importlib.util

    sys.path.insert(0, str(scorer.parent))
    try:
        spec = importlib.util.spec_from_file_location("score_polnear", scorer)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(scorer.parent))

    from app.extract.pipeline import extract_documents
    from app.readers import read, reader_for_name

    gold = module.load_gold(split)
    stems = sorted(gold)
    files = [split / "text" / f"{stem}.txt" for stem in stems]
    documents = [read(reader_for_name(f.name), f.read_bytes()).documents[0] for f in files]
    predictions = {}
    for stem, articles in zip(stems, extract_documents(documents)):
        predictions[stem] = [
            {"text": q.text, "speaker": {e.ref: e.name for e in a.entities}.get(q.speaker),
             "mention": a.body[q.mention[0]:q.mention[1]] if q.mention else None}
            for a in articles
            for q in a.quotes
        ]
    return request.param, module.score(gold, predictions)


@pytest.mark.parametrize("measure", sorted(POLNEAR_FLOORS["polnear_dev"]))
def test_polnear_scores_stay_above_floor(polnear_report, measure):
    split, report = polnear_report
    assert report[measure] >= POLNEAR_FLOORS[split][measure], f"{split} {measure} = {report[measure]}"


REALWORLD_GOLD = SHARED / "gold" / "realworld_dev.json"
REALWORLD_DOCS = SHARED / "gold" / "realworld_dev_docs"
# 33 real scraped articles (Korean outlets' markdown with front matter, BBC text), a little below
# what is measured on them.
REALWORLD_FLOORS = {
    ("articles", "f1"): 0.95,
    ("people", "f1"): 0.96,
    ("organizations", "f1"): 0.89,
    ("quotes", "quote_and_speaker_f1"): 0.92,
    ("roles", "f1"): 0.80,
    ("roles", "period_accuracy"): 0.98,
    ("roles", "status_accuracy"): 0.96,
    ("claims", "f1"): 0.82,
    ("claims", "claimant_accuracy"): 0.84,
}
# Page furniture (photo captions with their agency credit) that still reaches a body.
REALWORLD_MAX_LEAKS = 0


@pytest.fixture(scope="module")
def realworld_report(tmp_path_factory):
    """The scorer loads the folder with the real `load` command into a new database and serves it."""
    return score(tmp_path_factory.mktemp("realworld"), REALWORLD_GOLD, "--docs", str(REALWORLD_DOCS),
                 "--project", str(PROJECT_ROOT), "--python", sys.executable, timeout=600)


@pytest.mark.parametrize("table, measure", sorted(REALWORLD_FLOORS))
def test_realworld_scores_stay_above_floor(realworld_report, table, measure):
    value = realworld_report[table][measure]
    assert value >= REALWORLD_FLOORS[(table, measure)], f"{table} {measure} = {value}"


def test_realworld_files_all_load_without_leaks(realworld_report):
    assert realworld_report["load"]["failed_files"] == 0
    assert realworld_report["articles"]["boilerplate_leaks"] <= REALWORLD_MAX_LEAKS
