import pytest

from tests.extract.helpers import analyse

CASES = [
    # reporting clause after the quote, inverted and plain
    ('"We expect the plan to pass this year," said Kang Hoon-sik, the chief of staff.',
     [("We expect the plan to pass this year,", "Kang Hoon-sik", "said")]),
    ("“We expect the plan to pass this year,” Maria Lopez said on Monday.",
     [("We expect the plan to pass this year,", "Maria Lopez", "said")]),
    # clause before the quote
    ('Maria Lopez told reporters: "The vote will happen next week."',
     [("The vote will happen next week.", "Maria Lopez", "told")]),
    # pronoun resolved to the nearest named person, outside quotes
    ('Maria Lopez arrived late. "We have work to do before the vote," she said.',
     [("We have work to do before the vote,", "Maria Lopez", "said")]),
    # a title noun resolved the same way
    ('Finance Minister Maria Lopez spoke first. "The budget is balanced now," the minister said.',
     [("The budget is balanced now,", "Maria Lopez", "said")]),
    # "adding" takes the subject of the verb it hangs on
    ('John Smith said, "The plan is good for everyone," adding, "It will create many jobs."',
     [("The plan is good for everyone,", "John Smith", "said"), ("It will create many jobs.", "John Smith", "adding")]),
    # a statement broken by its reporting clause is one quote of one speaker
    ('"We are ready for it," John Smith said. "The plan is finished and approved."',
     [("We are ready for it, The plan is finished and approved.", "John Smith", "said")]),
    # an anonymous source gives no speaker rather than a guess
    ('John Smith chaired the talks. "The deal is close to done," an official said.',
     [("The deal is close to done,", None, "said")]),
    # the speaker is whoever the clause names, not a name inside the quote
    ('"We expect Maria Lopez to win the vote," said John Smith.',
     [("We expect Maria Lopez to win the vote,", "John Smith", "said")]),
]


@pytest.mark.parametrize("body, expected", CASES)
def test_speakers(body, expected):
    article, names = analyse(body)
    got = [(q.text, names.get(q.speaker), q.cue) for q in article.quotes]
    assert got == expected


def test_interview_answers_go_to_the_interviewee():
    body = (
        "John Smith, head of the trade agency, said on Monday, “Exports will grow again this year.”\n\n"
        "―How is the budget?\n\n"
        "“It is tight. We need more money for research.”\n\n"
        "―What comes next?\n\n"
        "We will build two new laboratories in the capital."
    )
    article, names = analyse(body)
    speakers = {q.text: names.get(q.speaker) for q in article.quotes}
    assert speakers == {
        "Exports will grow again this year.": "John Smith",
        "It is tight. We need more money for research.": "John Smith",
        "We will build two new laboratories in the capital.": "John Smith",
    }


def test_every_quote_has_evidence_pointing_at_its_text():
    article, _ = analyse('"We will win the vote next week," said John Smith. He left early.')
    for quote in article.quotes:
        assert article.body[quote.start : quote.end] == quote.text
        assert 0 < quote.confidence <= 1


MORE_CASES = [
    # a transcript's speaker label
    ('John Smith spoke to Jane Roe on the show.\n\n"SMITH: We will not raise taxes this year."',
     [("We will not raise taxes this year.", "John Smith", None)]),
    # a quote signed with a dash
    ('Many readers wrote to us after the debate on Monday night.\n\n“The debate showed who he really is and it scared me.” ― Maria Lopez',
     [("The debate showed who he really is and it scared me.", "Maria Lopez", None)]),
    # a short quote is kept when its reporting verb stands beside it
    ('John Smith waved. “I love you,” he said.', [("I love you,", "John Smith", "said")]),
    # a country speaking
    ('Japan insisted that Pyongyang "stop its dangerous escapades at once."',
     [("stop its dangerous escapades at once.", "Japan", "insisted")]),
]


@pytest.mark.parametrize("body, expected", MORE_CASES)
def test_more_speakers(body, expected):
    article, names = analyse(body)
    got = [(q.text, names.get(q.speaker), q.cue) for q in article.quotes if q.kind != "indirect"]
    assert got == expected


@pytest.mark.parametrize(
    "body, text, speaker",
    [
        ("John Smith said the deal would help farmers across the region.",
         "the deal would help farmers across the region", "John Smith"),
        ("Maria Lopez told reporters that the budget was balanced for the first time.",
         "the budget was balanced for the first time", "Maria Lopez"),
    ],
)
def test_indirect_speech(body, text, speaker):
    article, names = analyse(body)
    (quote,) = article.quotes
    assert (quote.kind, quote.text, names.get(quote.speaker)) == ("indirect", text, speaker)


@pytest.mark.parametrize(
    "body",
    [
        "People often say she is the kind of person who would settle in any town.",
        "It is said that several bridge repairs were finished early.",
        "Do you mean that cheaper bus fares should come before new lines?",
    ],
)
def test_no_indirect_speech_from_generic_subjects_or_questions(body):
    article, _ = analyse(body)
    assert article.quotes == ()


def test_unattributed_opening_quote_goes_to_the_person_named_next():
    body = (
        '"I like building things where nobody has built before." The words were spoken calmly. '
        "Maria Lopez, the youngest executive at the firm, leads its research centre."
    )
    article, names = analyse(body)
    assert names.get(article.quotes[0].speaker) == "Maria Lopez"
    assert article.quotes[0].confidence < 0.5
