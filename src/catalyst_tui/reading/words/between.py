"""A relative clause, or a list a subject includes, set between the subject and its verb of
change or of share, the comma that closes it said or unsaid: "Sales of test systems, which
include oscilloscopes, protocol analyzers and traffic generators increased 1.4%"; "components
and subsystems, many of which are used in unmanned systems, increased over 20%"; "Organic
revenue, which excludes any impact from foreign exchange, acquisitions and amortization
increased 5%"; "Institutional markets, including education, health care and government are
also strong and represent 21%". The clause says what its antecedent is or holds, and the
figure after it is the antecedent's: the clause is blanked (its characters and the commas
around it spaces, the sentence's offsets kept), and the sentence read as its subject and verb.

A clause that runs over a comma holds a list, its last item said with "and" ("A, B and C").
A comma after which no "and" stands opens another clause, whose own subject the verb is of:
the clause before that comma is blanked alone, the comma kept for the frame it closes ("In
the X segment, which consists of A, B and C, total sales increased 3.7%": the segment's total
sales). A clause that states a figure, whose words are a measure's ("which excludes special
charges declined 4%" after "operating income"), or that holds a clause of its own ("which is a
result considering … when the business grew 7%") is kept: its antecedent is read as it was.
"""

from __future__ import annotations

import re

from ..leads import led
from .set_off import HOLDS_VERB

__all__ = ["blank_between"]

# The clause: opened by a comma and a relative pronoun (or "including"), then no figure, no
# clause's stop, up to where a verb of change or of share and its figure follow, the closing
# comma said or not. Each character of the clause is tried once for each opening (a
# reluctant run of at most 200 characters), so the search is linear in the sentence.
_BETWEEN = led(
    r",\s*+(?P<clause>(?:(?:many|some|most|all|each|both)\s+of\s+)?(?:which|including)\s"
    r"[^%;:()\d]{1,200}?)(?P<close>,?)\s+(?:(?:also|still|only|again)\s+)?"
    # a predicate joined before the verb: "are also strong and represent 21%"
    r"(?:(?:is|are|was|were)\s+(?:(?:also|still)\s+)?[a-z]+\s+and\s+)?"
    r"(?:increased|decreased|grew|rose|declined|fell|was\s+up|were\s+up|was\s+down|were\s+down|"
    r"jumped|climbed|dropped|represents?|represented|accounts?\s+for|accounted\s+for)\s+"
    r"(?:by\s+)?(?:(?:about|approximately|roughly|nearly|almost|over|more\s+than|just\s+over)\s+)?"
    r"\d",
    re.I,
)
# The verb of the clause, said right after its pronoun: it holds or is something.
_HOLDS = led(
    r"(?:(?:many|some|most|all|each|both)\s+of\s+)?which\s+(?:(?:generally|primarily|mainly|"
    rf"now|also)\s+)?(?:{HOLDS_VERB}|excludes?|"
    r"(?:is|are)\s+(?:used|sold|reported|managed|part)\b|(?:is|are)\s+(?:our|the|a|an)\s)",
    re.I,
)
# What a clause may not hold: a measure of its own, which the verb after it may be of (not
# measures.NEVER_REVENUE: its counts, "customers" among them, say who uses a part, "many of
# which are used in our customers' unmanned systems", and its charges are not there).
_A_MEASURE = led(
    r"\b(?:margins?|income|earnings|EPS|profit|EBIT\w*|expenses?|costs?|charges?|bookings|"
    r"orders|backlog)\b",
    re.I,
)


def blank_between(sentence: str) -> str:
    """`sentence` with each clause set between a subject and its verb of change blanked (see
    the module's docstring); the sentence itself where none stands."""
    if "which" not in sentence and "including" not in sentence:
        return sentence
    blanked = sentence
    for match in _BETWEEN.finditer(sentence):
        clause = match["clause"]
        last = clause.rfind(",")
        listed = last >= 0 and _LISTED.search(clause, last) is not None
        if clause[:9].lower() == "including" and not listed:
            continue  # "including Canada grew 5%": Canada may be the verb's own subject
        if clause[:9].lower() != "including" and _HOLDS.match(clause) is None:
            continue  # "which was another strong quarter for us" says no part of its own
        start, end = match.start(), match.end("close")
        if last >= 0 and not listed:
            if _NO_SUBJECT.match(clause, last + 1):
                continue  # ", which increased 22%", ", actually decreased": no subject after it
            # ", total sales declined": another clause, its own subject said; the clause
            # before it is blanked where it is whole (a list in it said to its "and"), its
            # closing comma kept for the frame it ends ("In the X segment, which consists of
            # A, B and C, total sales increased": the segment's)
            clause = clause[:last]
            end = match.start("clause") + last
            inner = clause.rfind(",")
            if inner >= 0 and not _LISTED.search(clause, inner):
                continue
        if _A_MEASURE.search(clause) or _SUBORDINATE.search(clause):
            continue  # "which excludes special charges": what the measure before is; "which
            # is a result considering … when the business grew 7%": the business's
        blanked = blanked[:start] + " " * (end - start) + blanked[end:]
    return blanked


# A clause of its own inside the clause, whose subject the verb after it may be of.
_SUBORDINATE = led(
    r"\b(?:when|while|whereas|if|because|since|after|before|as|considering|compared|versus|"
    r"where|who|whose)\b",
    re.I,
)
# Words after a comma that open no clause of a subject's own: a relative pronoun, a
# conjunction, an adverb of the verb after it.
_NO_SUBJECT = led(
    r"\s*(?:which|that|who|whose|and|or|but|while|actually|also|still|only|again|however|"
    r"primarily|mainly|largely)\b",
    re.I,
)
# The last item of a list, said after its last comma: "…, protocol analyzers and Ethernet
# traffic generators".
_LISTED = re.compile(r"\band\s")
