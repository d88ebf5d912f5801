"""Who says a sentence: the company, or someone whose figures are not the company's word.

A transcript may carry speaker labels ("<UNK> <UNK> - Analyst: ...", "Operator: ...",
"John Smith - CFO: ...") and several sentences on a line, a line a turn. Three facts of a call:

- **a label names the speaker**: a short run of names, masked names ("<UNK>") and titles before
  a colon at the start of a line, with a title or a mask in it (a heading such as "Americas:" is
  no label, and stays part of its sentence). It speaks for its line and for the lines after it
  up to the next label (a turn written a sentence a line);
- **the operator and analysts are not the company**: an analyst restating a figure ("you grew
  data center 20% this quarter, how should we think about next year?") states nothing, so
  nothing is read from their turns;
- **a turn that asks the company something is an analyst's**, labelled or not: a line with a
  question put to "you", one that thanks for taking "my question" or congratulates, or one
  that asks in other words ("I was wondering", "I wanted to ask", "could you talk about",
  "help us understand", "just a quick follow-up").

Linear: a line's label is looked for in its first characters only, each sentence is looked at
once."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..leads import led
from ..wordlists import one_of, word_set
from .measures import COUNTED
from .participants import NAME_COLON, participants, speaker_named
from .vocabulary import LONGEST

_LABEL_SPAN = 160  # characters at a line's start a label may take
# A label ends at its colon, a space or the speech's first capital after it ("Operator:The next
# question comes from …", as one publisher writes it).
_LABEL = led(r"[ \t]*+(?P<label>[^:\n]{1,150}?)[ \t]*+:(?:[ \t]++|$|(?=[A-Z\"“]))")
# A label alone on its line, numbered as one publisher numbers turns ("Gene Munster, Piper
# Jaffray & Co. - Analyst    [2]", "Operator    [1]").
_NUMBERED = led(r"[ \t]*+(?P<label>[^:\n\[\]]{1,150}?)[ \t]*+\[\d{1,4}\][ \t]*+")
_TOKEN = led(r"<UNK>|[A-Z][\w.'’&]*+|[-–—,&/()]|of|and|the|de|van|von|der|la|le|du")
_ROLES = word_set(
    """analyst analysts operator ceo cfo coo cto cmo president chairman chairwoman chair officer
    executive executives director vp evp svp treasurer controller relations unidentified
    participant participants speaker moderator representative management chief head manager
    founder secretary investor ir host spokesperson corporate q a question answer"""
)
_NOT_COMPANY = word_set("analyst analysts operator unidentified participant q question")
_QUESTION_TO_YOU = led(r"\b(?:you|your|you['’](?:re|ve|d|ll))\b", re.I)
_ANALYSTS_WORDS = led(
    r"\b(?:(?:taking|take|answering)\s+my\s+(?:\w+\s+){0,2}?questions?|my\s+(?:first\s+|"
    r"second\s+|last\s+|final\s+|quick\s+|follow[- ]up\s+)*questions?\s+(?:is|was|would|"
    r"relates|has)|congratulations\s+on|congrats\s+on|I\s+(?:was|am)\s+wondering|"
    r"I\s+want(?:ed)?\s+to\s+(?:ask|follow\s+up|understand|get\s+a\s+sense)|"
    r"(?:help\s+us|walk\s+us\s+through)|"
    r"(?:(?:could|can|would)\s+you|you\s+(?:could|can|would)(?:\s+(?:just|maybe|please))?)\s+"
    r"(?:talk|give|help|"
    r"comment|provide|elaborate|walk|discuss|share|tell|speak|quantify|unpack|remind)|"
    r"just\s+(?:a\s+)?(?:quick\s+)?follow[- ]up|how\s+should\s+(?:we|i)\s+think|"
    # (not where the answer points back at the question: "the hurdles that you mentioned")
    r"(?<!\bthat\s)(?<!\bwhich\s)(?<!\bas\s)(?<!\bwhat\s)"
    r"you\s+(?:said|mentioned|talked\s+about|noted|called\s+out|highlighted|alluded)|"
    r"you\s+guys)\b",
    re.I,
)
# The operator giving the line to someone: the next speaker asks.
_GIVES_THE_LINE = led(
    r"\b(?:question\s+(?:comes|is\s+coming)\s+from|next\s+question|line\s+is\s+(?:now\s+)?open|"
    r"please\s+go\s+ahead|from\s+the\s+line\s+of|comes\s+from\s+the\s+line)\b",
    re.I,
)
# The operator giving the line to an analyst by name, not to the company's first speaker
# ("please go ahead" says either).
_TO_AN_ANALYST = led(
    r"\b(?:question\s+(?:comes|is\s+coming)\s+from|next\s+question|line\s+is\s+(?:now\s+)?open|"
    r"from\s+the\s+line\s+of|comes\s+from\s+the\s+line)\b",
    re.I,
)
# Words of a label that speak for the company, whatever else it says ("Unidentified Company
# Representative").
_COMPANY_WORDS = word_set("company corporate representative executive management officer ceo cfo")


def label(text: str, line_start: int, line_end: int) -> tuple[str, int]:
    """A line's speaker label and where its words begin; ("", line_start) for a line with
    none."""
    head = text[line_start : min(line_end, line_start + _LABEL_SPAN)]
    match = _LABEL.match(head) if ":" in head else None
    match = match or (_NUMBERED.fullmatch(head) if head.endswith("]") else None)
    if match is None:
        return "", line_start
    words = match["label"].split()
    if not 1 <= len(words) <= 12 or not all(_TOKEN.fullmatch(w.strip(",")) for w in words):
        return "", line_start
    marks = [w.strip(",()-").casefold() for w in words]
    if not any(w == "<unk>" or w in _ROLES for w in marks):
        return "", line_start
    return match["label"], line_start + match.end()


def company_sentences(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences of `spans` the company says: none of the operator's or an analyst's turn,
    each first sentence of a line without its speaker label."""
    by_line: dict[int, list[tuple[int, int]]] = {}
    line_start, line_end = 0, text.find("\n")
    for start, end in spans:  # in order: each line found once, never looked back for
        while 0 <= line_end < start:
            line_start, line_end = line_end + 1, text.find("\n", line_end + 1)
        by_line.setdefault(line_start, []).append((start, end))
    kept: list[tuple[int, int]] = []
    listed = participants(text)  # the names the call's header lists, the company's or not
    speaker = ""  # the label of a line that names a speaker for the lines after it
    asker = False  # the operator gave the line: the next labelled speaker asks
    handed = _Handed()  # the operator's words and an analyst's turn, on lines with no labels
    for line_start, sentences in by_line.items():
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        if said := speaker_named(text, line_start, line_end, listed):
            named = "Company" if said == "company" else "Analyst"  # "Matthew Friend: …", listed
            words_at = text.find(":", line_start, line_end) + 1  # (the list, not a word of it)
        else:
            named, words_at = label(text, line_start, line_end)
        name_said = not named and NAME_COLON.match(text, line_start, line_end) is not None
        if named or name_said:  # the speaker of the lines after it, up to the next label ("Pat
            speaker = named  # Doe: Sure. …": another speaker, who is not said)
        if named and words_at >= line_end:
            continue  # a label alone on its line
        who = named or speaker
        if who and _operator(who):
            asker = any(_GIVES_THE_LINE.search(text, s, e) for s, e in sentences)
            continue
        if named and asker and not _company(who):
            asker, speaker = False, "Analyst"  # (and the lines of the turn after it)
            continue  # "Operator: Our next question comes from <UNK>." then "<UNK>: ..."
        if name_said and asker:
            asker, speaker = False, "Analyst"
            continue  # "Operator: … from the line of Brent Thill." then "Brent Thill: …"
        if named:
            asker = False
        if who and _not_company(who):
            continue
        if not who and len(sentences) < _RUN_ON and handed.no_company(text[line_start:line_end]):
            continue  # "Our next question comes from …", then the analyst named on a line alone
        if not who and len(sentences) >= _RUN_ON:
            kept.extend(_run_on(text, sentences))  # a whole call on one line: no line a turn
            continue
        if not (who and _company(who)) and _asks(text, sentences):
            continue  # a turn labelled the company's ("- CFO") answers, whatever it echoes
        for start, end in sentences:
            start = max(start, words_at)
            while start < end and text[start].isspace():
                start += 1
            if start < end:
                kept.append((start, end))
    return kept


class _Handed:
    """An analyst's turn on lines with no labels, a sentence a line, each speaker named alone on
    a line: the operator hands the line ("Our next question comes from Mark Doe with X."), the
    analyst is named ("Mark Doe"), asks, and the company's speaker named next answers. The
    operator's lines and the analyst's, up to the next name (or _ASKING_AT_MOST of them), are
    no word of the company's."""

    def __init__(self) -> None:
        self._stage = 0  # 1: the line handed, no name said yet; 2: the analyst named
        self._left = 0

    def no_company(self, line: str) -> bool:
        """Whether `line`, the next line with no label, is the operator's or the analyst's."""
        low = line.lower()  # (the words looked for as the pattern reads them, case aside)
        if not self._stage and "question" not in low and "line" not in low:
            return False  # (no word of the operator's handing: most lines, looked at once)
        if _TO_AN_ANALYST.search(line):
            self._stage, self._left = 1, _OPERATOR_LINES
            return True
        if not self._stage:
            return False
        if _NAME_ALONE.fullmatch(line.strip()):
            self._stage, self._left = (2, _ASKING_AT_MOST) if self._stage == 1 else (0, 0)
            return True  # the analyst named, or the company's speaker who answers
        self._left -= 1
        if self._left <= 0:
            self._stage = 0  # no name said: turns not written so
        return True


# A speaker's name alone on its line ("Mark Altschwager"); the lines the operator says at most
# between handing the line and the analyst's name ("Please go ahead.").
_NAME_ALONE = led(r"(?-i:[A-Z])[\w'’.-]*+(?:[ \t]++(?-i:[A-Z])[\w'’.-]*+){1,3}")
_OPERATOR_LINES = 2


# How many sentences an unlabelled line holds at least to be a whole call, or a long part of
# one, written as one line (as speech-to-text gives it): no turn of one speaker.
_RUN_ON = 25


def _run_on(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The company's sentences of a call written on one line with no speaker named: the
    operator's words that give the line to an analyst ("Our next question comes from …"), and
    the analyst's after them up to and including the question asked (or _ASKING_AT_MOST of
    them), are no word of the company's; the answer after the question is; a sentence that asks
    on its own ("you said …, how should we think …?") is not."""
    kept: list[tuple[int, int]] = []
    asking = 0  # the operator gave the line: an analyst speaks until a question is asked
    for start, end in sentences:
        if _TO_AN_ANALYST.search(text, start, end):
            asking = _ASKING_AT_MOST
            continue
        asks = _asks(text, [(start, end)]) or _VOCATIVE.match(text, start, end) is not None
        if asking:
            asking = 0 if asks else asking - 1  # the question asked, the company answers next
            continue
        if not asks:
            kept.append((start, end))
    return kept


# A sentence that opens by naming the one it speaks to, then what it asks of them ("And then
# maybe, Scott, on the margins guidance …", "Ariane, can you discuss …"): an analyst's, where a
# call on one line names no speaker (an answer opens "Yeah," "Sure," not with a first name).
_NAMED = (
    r"(?!(?:Yeah|Yes|Sure|Okay|Thanks|Well|Great|Right|Look|Sorry|Again|Overall|Now|Today|Here|"
    r"First|Second|Third|Finally|Also|However|Instead|Absolutely|Correct|Exactly|Good|Perfect)\b)"
    r"[A-Z][a-z]{2,}"
)
_VOCATIVE = led(
    r"\s*(?:(?i:(?:and|so|also|just|finally|lastly|secondly)[\s,]+){0,2}(?i:(?:then|maybe)[\s,]+)"
    r"{1,2}"
    + _NAMED
    + r",\s+(?:on|for|if|regarding|any|can|could|would|how|what)|"
    + _NAMED
    + r",\s+(?:can|could|would|how|what|do|did|are|is|just|maybe)\s)"
)
# How many sentences an analyst's turn takes at most where no question is heard in it: the
# company speaks after them (a question missed loses its answer, never the whole call).
_ASKING_AT_MOST = 8


def _words_of(who: str) -> list[str]:
    return [w.strip(",()-").casefold() for w in who.split()]


def _operator(who: str) -> bool:
    return "operator" in _words_of(who)


def _company(who: str) -> bool:
    """Whether a label says it speaks for the company ("- CFO", "Company Representative")."""
    words = _words_of(who)
    return any(w in _COMPANY_WORDS or w in _ROLES - _NOT_COMPANY for w in words) and not any(
        w in ("analyst", "analysts", "operator") for w in words
    )


def _not_company(who: str) -> bool:
    """Whether a label names the operator or an analyst ("Unidentified Participant"; an
    "Unidentified Company Representative" speaks for the company)."""
    return not _company(who) and any(w in _NOT_COMPANY for w in _words_of(who))


def _asks(text: str, sentences: list[tuple[int, int]]) -> bool:
    """Whether a turn asks the company something: a question put to "you", or the words an
    analyst opens with ("thanks for taking my question", "congratulations on the quarter")."""
    for start, end in sentences:
        sentence = text[start : min(end, start + LONGEST)]
        if (
            sentence.rstrip("\"'”’) ").endswith("?")
            and _QUESTION_TO_YOU.search(sentence)
            and not _FILLER.fullmatch(sentence)  # "You know?": a speaker's filler, no question
        ):
            return True
        low = sentence.lower()
        if _analysts_key_in(low) and _ANALYSTS_WORDS.search(sentence):
            return True
    return False


# A speaker's filler said as a question, asking nothing: "You know?", "Right?".
_FILLER = led(r"\s*+(?:(?:and|but|so)\s++)?(?:you\s++know|you\s++see|right)\s*+\?\s*+", re.I)
# A word each of the analyst's openings holds: the openings are looked for only where one is.
_ANALYSTS_KEYS = ("question", "congrat", "wonder", "want", " us ", "you", "follow", "how should")


def _analysts_key_in(low: str) -> bool:
    """Whether one of _ANALYSTS_KEYS stands in the sentence lowered `low` (each tested in turn:
    a third less than a test mapped over them, over 10,000 sentences)."""
    return (
        "question" in low
        or "congrat" in low
        or "wonder" in low
        or "want" in low
        or " us " in low
        or "you" in low
        or "follow" in low
        or "how should" in low
    )


def same_speaker(text: str, spans: Sequence[tuple[int, int]], index: int) -> bool:
    """Whether the sentence at `index` of `spans` (the company's sentences) follows the one
    before it with no other words between: no other speaker's, nobody's name."""
    if index < 1:
        return False
    return not any(c.isalnum() for c in text[spans[index - 1][1] : spans[index][0]])


def answers_from(text: str) -> int:
    """Where the call's answers begin: the operator's first giving of the line to an analyst
    ("Our first question comes from …"); the text's end where it gives none."""
    given = _TO_AN_ANALYST.search(text)
    return given.start() if given is not None else len(text)


def we_grew(sentence: str) -> bool:
    """Whether an answer's growth is said of "we" with no word of revenue ("We grew 55% in the
    quarter.", "In that period, we grew 22%."): what grew is what was asked about, which only
    the question names."""
    return _WE_GREW.search(sentence) is not None and _REVENUE_NAMED.search(sentence) is None


# "we grew", "we've grown", "we were up": the company said as "we" with a verb of growth.
_WE_GREW = led(
    r"\bwe(?:['’]ve|\s++have)?\s++(?:(?:also|still|actually|really|just)\s++)?"
    r"(?:grew|grown|were\s++up|were\s++down|declined|increased)\b",
    re.I,
)
_REVENUE_NAMED = led(r"\b(?:revenues?|sales|top[- ]line|arr)\b", re.I)


def asked_of_another_measure(text: str, at: int, subject: str) -> bool:
    """Whether the words before an answer's sentence at `at` (the question, within
    _ASKED_REACH characters) name the part `subject` with a measure that is no revenue, and
    never with revenue: "… specifically the Unified SASE billings …?" then "Actually, you can see
    the Unified SASE grew 40%." is a growth of billings."""
    before = text[max(0, at - _ASKED_REACH) : at]
    if subject.casefold() not in before.casefold():
        return False
    named = re.escape(subject) + r"\s++(?:[\w-]++\s++)?"
    if re.search(named + r"(?:revenues?|sales)\b", before, re.I):
        return False
    return re.search(named + _ASKED_MEASURES, before, re.I) is not None


_ASKED_REACH = 1500  # characters back an answer's question is looked for in
_ASKED_MEASURES = one_of(COUNTED + " billing booking order deals pipeline") + r"\b"
