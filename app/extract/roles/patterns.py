"""The phrases news writing uses for a post, as patterns: appointment verbs ("was appointed
as …", "joined Acme as …"), "became", "took the role of", a title after a copula, a relative
clause ("X, who heads Y", "X led Y"), a broadcaster's caption, and the markers of a nomination, a future
post or a departure."""
from __future__ import annotations

import re

NOMINATED = re.compile(r"\b(nominat\w*|tapp(?:ed|ing)|pick(?:ed|ing)?|designate|tipped|pending)\b", re.I)
STOP_CLAUSE = re.compile(
    r",\s+(?=(?:who|which|said|says|is|was|has|had|told|and\s+(?:is|was|has))\b)|[.;:()\[\]]\s|[.;:]$|\s+(?:said|says|told|is|was|has|had|will|would)\b"
)
APPOINT = re.compile(
    r"\b(?P<verb>appointed|appointing|named|naming|nominated|nominating|tapped|tapping|elected|became"
    r"|becoming|become|worked|served|joined|serving|working|promoted|chosen|picked|picking"
    r"|step(?:s|ped|ping)?\s+down|resign(?:s|ed|ing)?|quit(?:s|ting)?|retir(?:es|ed|ing))\b"
    r"(?:\s+[\w,’'.-]+){0,14}?\s+as\s+(?:an?\s+|the\s+)?(?P<title>[^,.;]+)",
    re.I,
)
BECAME = re.compile(
    r"(?:\b(?P<verb>became|becoming|become)|\b(?:was|were|been|is|be|being)\s+(?:\w+ly\s+|also\s+)?"
    r"(?P<passive>named|appointed|elected|promoted to))\s+(?:an?\s+|the\s+)?(?P<title>[^,.;]+)",
    re.I,
)
# "Becker was chief operating officer of Nordic Power": a title with its organization after a copula.
COPULA = re.compile(
    r"\b(?P<verb>was|were|is|are|has been|had been|have been)\s+(?:also\s+)?(?:an?\s+|the\s+)?"
    r"(?P<title>[a-z][\w -]*?\s+(?:of|at)\s+[A-Z][^,.;]*)",
)
# "She had been deputy foreign minister from 2017 to 2020": a title after a copula, dated.
COPULA_DATED = re.compile(
    r"\b(?P<verb>was|were|has been|had been|have been)\s+(?:also\s+)?(?:an?\s+|the\s+)?"
    r"(?P<title>[a-z][\w -]*?\s+(?:from|between|since|until)\s+(?:[A-Z][a-z]+\s+)?(?:19|20)\d\d\b)",
)
ROLE_OF = re.compile(
    r"\b(?P<verb>take|takes|took|taking|assume|assumes|assumed|assuming)\s+(?:on\s+|up\s+|over\s+)?the\s+"
    r"(?:role|post|position|job|office)\s+of\s+(?:an?\s+|the\s+)?(?P<title>[^,.;]+)",
    re.I,
)
# A role still to come: "will become", "is to become", "is set to take on the role of".
FUTURE = re.compile(
    r"\b(?:will|shall|is\s+to|are\s+to|(?:is|are)\s+set\s+to|(?:is|are)\s+expected\s+to|to\s+be)\s+(?:\w+\s+)?$", re.I
)
LEAVING = re.compile(r"^(?:step|resign|quit|retir)", re.I)
CAPTION = re.compile(r"(?m)^(?P<name>[A-Z][^/\n]{2,40}?) / (?P<title>[A-Z][^/\n]{1,80})$")
# A comma that ends an apposition, not one inside a name ("Ministry of Ports, Roads and Rail",
# "Acme, Inc.").
NAME_LIST_COMMA = re.compile(
    r",\s+(?!(?:Inc|Ltd|Co|Corp|LLC)\b)(?![A-Z][\w&]*(?:\s[A-Z][\w&]*)*(?:,\s[A-Z][\w&]*(?:\s[A-Z][\w&]*)*)*,?\s+(?:and|&)\s+[A-Z])"
)
WHO_HEADS = re.compile(
    r"(?:,\s+who\s+|\s+)(?:now\s+|currently\s+)?(?P<verb>heads|leads|runs|chairs|headed|led|ran|chaired)\s+"
    r"(?P<org>(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&'’.-]*)*)"
)
