"""The article's resolver, alone: who a word names (and the words it read), and the one place new
entities get their refs. Made-up sentences; the word asked about is the first one written so."""
import pytest

from tests.extract.helpers import name_of, reading

CASES = [
    # body, the word resolved, the entity it names (None: nobody), the words read for it
    ("Mayor Jo Park opened the session and Park said the plan would pass.", "Park", "Jo Park", "Mayor Jo Park"),
    ("Jo Park arrived late on Monday. She said the plan would pass.", "She", "Jo Park", "She"),
    ("Mayor Jo Park opened the session on Monday. The mayor said the plan would pass.", "mayor", "Jo Park",
     "The mayor"),
    ("A spokesman for the council said the plan would pass.", "spokesman", None, "A spokesman for the council"),
    ("Lawmakers said the plan would pass on Monday.", "Lawmakers", None, "Lawmakers"),
    ("Hanbit Motors will hire 500 engineers this year. The company said the plan would pass.", "company",
     "Hanbit Motors", "The company"),
    ("The government said the plan would pass on Monday.", "government", None, "The government"),
    ("On Monday, Choi said the plan would pass. Choi Min-jae leads the works council at the plant.", "Choi",
     "Choi Min-jae", "Choi"),
    # a shadow's post is not the post
    ("Chancellor Dana Holt spoke first. Shadow Chancellor Jo Park replied. Later the chancellor said the plan "
     "would pass.", "chancellor", "Dana Holt", "the chancellor"),
    # a title at a named body: its holder there, not the body
    ("Hanbit Motors Chief Jo Park opened a plant. Acme Bank Chief Dana Holt opened a branch. The chief of Hanbit "
     "Motors said the plan would pass.", "chief", "Jo Park", "The chief of Hanbit Motors"),
    # "the ministry" is the one "Ministry of …" the article names
    ("The Ministry of Science said the plan would pass on Monday. Later the ministry said it would wait.",
     "ministry", "Ministry of Science", "the ministry"),
    # "the minister" names an Environment Secretary (lexicon/title_references.tsv)
    ("Environment Secretary Jane Morrow announced a ban. The minister said the ban would start in May.",
     "minister", "Jane Morrow", "The minister"),
]


@pytest.mark.parametrize("body, word, entity, words", CASES, ids=[c[1] for c in CASES])
def test_resolve(body, word, entity, words):
    text, doc, read = reading(body)
    token = next(t for t in doc if t.text == word)
    found = read.resolver.resolve(token, token.idx)
    assert name_of(read.resolver, found.ref) == entity
    assert found.mention is not None and text[slice(*found.mention)] == words
    assert (found.confidence > 0) == (entity is not None)


def test_a_name_found_late_gets_one_ref_per_entity():
    text, doc, read = reading("Mayor Jo Park opened the session on Monday.")
    resolver = read.resolver
    before = len(resolver.entities.entities)
    at = text.index("session")
    first = resolver.named("Riverton Council", "organization", at, at + 7)
    again = resolver.named("The Riverton Council", "organization", at + 8, at + 10)
    assert first == again and len(resolver.entities.entities) == before + 1
    assert resolver.entities.by_ref[first].name == "Riverton Council"
    assert resolver.entities.by_ref[first].kind == "government"
    assert resolver.named("Jo Park", "person", 0, 5) == next(
        e.ref for e in resolver.entities.entities if e.name == "Jo Park")


def test_only_the_resolver_registers_entities():
    """Stages propose names to the resolver; none adds entities behind another's back."""
    from pathlib import Path

    import app.extract

    root = Path(app.extract.__file__).parent
    callers = {p.relative_to(root).as_posix() for p in root.rglob("*.py") if ".register(" in p.read_text()}
    assert callers == {"resolve.py"}


def test_a_pronoun_after_reported_speech_is_the_reporter():
    text, doc, read = reading('Noel Dempsey, the minister, said Mr Ahern had been very committed. '
                              '"It was the right thing to do," he said.')
    token = next(t for t in doc if t.text == "he")
    assert name_of(read.resolver, read.resolver.resolve(token, token.idx).ref) == "Noel Dempsey"
