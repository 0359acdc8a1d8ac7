"""How sure each way of naming a speaker, a claimant or a reporter is: one table, so that the
figures can be read side by side and a new way of naming someone takes a row here."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Confidence:
    # --- a subject resolved to an entity (resolve.py)
    named: float = 0.9  # a name the article's entities know
    named_late: float = 0.8  # a name the entity stage did not keep
    pronoun_of_reporter: float = 0.75  # "Lee told reporters that she …"
    pronoun_of_subject: float = 0.7  # the person last named as a subject
    pronoun_of_nearest: float = 0.65  # the person last named
    description_naming: float = 0.75  # "a lawmaker, Jane Roe," / "a statement from Acme"
    title_holder: float = 0.7  # "the mayor": whoever the article's roles make mayor
    org_by_head_named_before: float = 0.65  # "the committee": the named committee, named before
    org_by_head_only: float = 0.6  # the only organization whose name ends in the noun
    main_organization: float = 0.6  # "the company": the article's main company
    org_last_subject: float = 0.55  # the organization last named as a subject
    org_nearest: float = 0.5  # the organization last named
    # --- a quote attributed (speakers/)
    turn_label: float = 0.8  # "WALLACE: …"
    signature_known: float = 0.85  # "“…” ― Jane Roe", a name the article knows
    signature_new: float = 0.8
    label_before_colon: float = 0.6  # "- Jo Lee: “…”"
    introduced: float = 0.6  # "Lee delivered a retort: “…”" (at most)
    tagged_as_noun: float = 0.6  # "“…,” the editorial read." (at most)
    participle_continues: float = 0.6  # "“…,” emphasizing, “…”"
    authored_text: float = 0.5  # "“…,” read the statement": the last speaker's text
    reported_just_before: float = 0.5  # a quote after a sentence of reported speech (at most)
    embedding_clause: float = 0.5  # words quoted in the writer's own sentence (at most)
    continues_in_paragraph: float = 0.55  # a quote after the last speaker's, same paragraph
    continues_next_paragraph: float = 0.5
    named_next: float = 0.4  # an opening quote, the person named right after it
    interviewee: float = 0.7  # an interview's answer
    # --- reported speech (indirect.py)
    indirect_factor: float = 0.9  # reported speech is a little less sure than its subject


CONFIDENCE = Confidence()
