"""Quote spans: every quote-mark style, mismatched pairs, interview answers.

The scanner reads one paragraph at a time. A straight mark is an opener or a closer by what
stands beside it; an apostrophe inside a word is neither. A quote opened with a double mark may
hold single-quoted words; a closing mark of the other kind closes a quote when the writer mixed
them up ('…," said X). A quote still open at the end of its paragraph ends there, and the next
paragraph continues it when it opens with a mark (the running-quote convention).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

from app.core.lexicon import LEXICON
from app.extract.clean import reads_as_heading

DOUBLE_OPEN = "“\"„«"
DOUBLE_CLOSE = "”\"»"
SINGLE_OPEN = "‘'‹"
SINGLE_CLOSE = "’'›"
_QUESTION_MARK = re.compile(r"^\s*(?:[―—–]+|Q\s*[:.)]|Question\s*:)\s*")
_ANSWER_MARK = re.compile(r"^\s*(?:A\s*[:.)]|Answer\s*:)\s*")
# A transcript's speaker label at the start of a turn: "WALLACE: Let's start…".
SPEAKER_LABEL = re.compile(r"^\s*(?P<name>[A-Z][A-Z.'’ -]{1,40}[A-Z]):\s+")
_WORD = re.compile(r"[\w'’-]+")
_SMALL_WORDS = LEXICON.small_words


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # the opening mark, or the paragraph start for an unmarked answer
    end: int  # one past the closing mark
    inner_start: int
    inner_end: int
    paragraph: int
    closed: bool
    answer: bool = False  # an interview answer


class Quoted:
    """The stretches of a body inside quotation marks: the one answer to "is this inside a
    quote?" that every stage asks (each span from its opening mark to one past its closing mark)."""

    def __init__(self, spans: Iterable[QuoteSpan | tuple[int, int]] = ()):
        pairs = sorted((s.start, s.end) if isinstance(s, QuoteSpan) else s for s in spans)
        self.spans = pairs
        self._starts = [s for s, _ in pairs]
        self._reach = list(accumulate((e for _, e in pairs), max))  # the furthest end so far

    def covers(self, at: int) -> bool:
        """Whether the character at `at` is inside a quote."""
        i = bisect.bisect_right(self._starts, at)
        return i > 0 and self._reach[i - 1] > at

    def share(self, start: int, end: int) -> float:
        """How much of [start, end) is quoted, from 0 to 1."""
        covered = sum(max(0, min(end, e) - max(start, s)) for s, e in self.spans)
        return covered / max(1, end - start)

    def __bool__(self) -> bool:
        return bool(self.spans)


def _kind(c: str) -> str:
    return "d" if c in DOUBLE_OPEN + DOUBLE_CLOSE else "s"


def _is_open(text: str, i: int) -> bool:
    c = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isspace():
        return False
    if c == "“" or c == "„" or c == "«":
        return True
    if c == "”":  # some pages open with the closing mark: ' ”Fear. I am afraid…'
        return (prev.isspace() or i == 0) and nxt.isalnum()
    if c == "‘" or c == "‹":
        return not prev.isalnum()
    if c == '"':
        return prev.isspace() or prev in "([{—–-/:;,“‘'" or i == 0
    if c == "'":
        return (prev.isspace() or prev in "([{—–-/:;“\"" or i == 0) and (nxt.isalnum() or nxt in "“\"")
    return False


def _is_close(text: str, i: int) -> bool:
    c = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if c == "“":  # some pages close with the opening mark: '…51 percent.“'
        return prev in ".,!?" and (nxt.isspace() or i + 1 == len(text))
    if c not in DOUBLE_CLOSE + SINGLE_CLOSE:
        return False
    if prev.isspace():
        # '…the name of 'Marlow,' " said X': a double closer set off from the single one it follows
        return c in DOUBLE_CLOSE and prev == " " and i >= 2 and text[i - 2] in SINGLE_CLOSE and not nxt.isalnum()
    if c in "’'›":
        return not nxt.isalnum()
    if c == '"':
        return nxt.isspace() or not nxt.isalnum()
    return True


def _scan_paragraph(text: str, base: int, index: int, continuing: bool = False) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    # A paragraph that continues a quote left open starts inside it (opener at -1).
    open_at: int | None = -1 if continuing else None
    open_kind = "d" if continuing else ""
    nested: int | None = None

    def emit(end: int, closed: bool) -> None:
        assert open_at is not None  # emitted only while a quote is open
        spans.append(QuoteSpan(
            start=base + max(open_at, 0),
            end=base + (end + 1 if closed else end),
            inner_start=base + open_at + 1,
            inner_end=base + end,
            paragraph=index,
            closed=closed,
        ))

    for i, c in enumerate(text):
        if open_at is None:
            if _is_open(text, i):
                open_at, open_kind, nested = i, _kind(c), None
            continue
        closing = _is_close(text, i)
        opening = _is_open(text, i)
        kind = _kind(c)
        if open_kind == "d":
            if nested is not None:
                if closing and kind == "s":
                    nested = None
                elif closing and kind == "d":
                    emit(i, True)
                    open_at = None
                continue
            if closing and kind == "d":
                emit(i, True)
                open_at = None
            elif opening and kind == "s":
                nested = i
            elif closing and kind == "s" and text[i - 1] in ".,!?" and not _double_closer_ahead(text, i):
                emit(i, True)  # opened with a double mark, closed with a single one
                open_at = None
            elif opening and c == "“":
                emit(i, False)  # a new quote opens before the last one closed
                open_at, open_kind, nested = i, "d", None
        else:
            if closing:
                emit(i, True)
                open_at = None
            elif opening and kind == "d":
                open_kind = "d"  # treat as the real opener; the single mark was stray
                open_at = i
    if open_at is not None:
        emit(len(text.rstrip()), False)
    return spans


def _double_closer_ahead(text: str, i: int) -> bool:
    for j in range(i + 1, len(text)):
        if _is_close(text, j) and _kind(text[j]) == "d":
            return True
        if _is_open(text, j) and _kind(text[j]) == "d":
            return False
    return False


def _closes_before_opening(text: str) -> bool:
    for i in range(len(text)):
        if _is_open(text, i):
            return False
        if _is_close(text, i) and _kind(text[i]) == "d":
            return True
    return False


def paragraphs(body: str) -> list[tuple[int, str]]:
    """(offset, text) of each paragraph of a body joined with blank lines."""
    out, pos = [], 0
    for para in body.split("\n\n"):
        out.append((pos, para))
        pos += len(para) + 2
    return out


def question_paragraphs(body: str) -> set[int]:
    """Indexes of interview questions, when the body reads as a Q&A (two or more of them)."""
    marked = {i for i, (_, p) in enumerate(paragraphs(body)) if _QUESTION_MARK.match(p)}
    return marked if len(marked) >= 2 else set()


def _starts_with_opener(text: str) -> bool:
    stripped = text.lstrip()
    return bool(stripped) and _is_open(stripped, 0)


def find_quotes(body: str) -> list[QuoteSpan]:
    """Every top-level quote of the body, in order, with interview answers as quotes."""
    paras = paragraphs(body)
    questions = question_paragraphs(body)
    first_question = min(questions) if questions else None
    spans: list[QuoteSpan] = []
    for index, (offset, text) in enumerate(paras):
        if index in questions:
            continue
        answer = first_question is not None and index > first_question
        if answer and text.strip() and not _starts_with_opener(_ANSWER_MARK.sub("", text)):
            lead = len(text) - len(text.lstrip())
            mark = _ANSWER_MARK.match(text)
            start = offset + (mark.end() if mark else lead)
            end = offset + len(text.rstrip())
            spans.append(QuoteSpan(start, end, start, end, index, closed=True, answer=True))
            continue
        continuing = bool(spans) and not spans[-1].closed and spans[-1].paragraph == index - 1
        continuing = continuing and _closes_before_opening(text)
        for span in _scan_paragraph(text, offset, index, continuing):
            if answer:
                span = QuoteSpan(**{**span.__dict__, "answer": True})
            spans.append(span)
    return spans


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_title_like(text: str) -> bool:
    """'No Filter', 'The Art of War': every word capitalised, no sentence punctuation."""
    ws = words(text)
    if not ws or re.search(r"[.!?]\W*$", text.strip()):
        return False
    return all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in ws)


def is_quote_worthy(text: str) -> bool:
    """Speech rather than a scare-quoted term or a title."""
    ws = words(text)
    if len(ws) >= 4:
        return not (len(ws) <= 8 and is_title_like(text))
    sentence_like = text.strip()[:1].isupper() and bool(re.search(r"[.!?][\"”’']?$", text.strip()))
    return len(ws) >= 2 and sentence_like and not is_title_like(text)


def quote_kind(body: str, span: QuoteSpan) -> str:
    """'partial' for words quoted inside the writer's own sentence, 'direct' otherwise."""
    if span.answer:
        return "direct"
    before = body[: span.start].rstrip()
    inner = body[span.inner_start : span.inner_end].strip()
    if not before or before.endswith("\n") or before[-1] in ",:;.!?—–-([\"“”’'":
        return "direct"
    if before[-1].isalnum() and inner[:1].islower():
        return "partial"
    return "direct" if inner[:1].isupper() else "partial"


def in_heading(text: str, at: int) -> bool:
    """Inside a short paragraph without closing punctuation: a deck or subheading."""
    start = text.rfind("\n\n", 0, at) + 1
    end = text.find("\n\n", at)
    return reads_as_heading(text[start : end if end >= 0 else len(text)])


def joined(body: str, first: QuoteSpan, second: QuoteSpan) -> bool:
    """Two quoted passages that are one statement: the second follows the first's reporting
    clause in its paragraph with no clause of its own ('"A," Lee said. "B."'), or continues a
    quote left open at the end of the previous paragraph (the running-quote convention)."""
    if first.answer or second.answer:
        return False
    between = body[first.end : second.start]
    if any(c in between for c in DOUBLE_OPEN + DOUBLE_CLOSE):
        return False
    if second.paragraph == first.paragraph + 1:
        # a running quote, or a paragraph that is nothing but the next quoted passage
        rest = body[second.end : body.find("\n\n", second.end) if "\n\n" in body[second.end:] else len(body)]
        after_first = between.split("\n\n")[0]
        before_second = between.split("\n\n")[-1]
        return not first.closed or (not rest.strip() and not before_second.strip() and len(after_first.split()) <= 12)
    return second.paragraph == first.paragraph and len(between.split()) <= 30
