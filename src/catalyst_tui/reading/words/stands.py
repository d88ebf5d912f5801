"""Guidance said to stand, with no verb of the company's moving it: "our outlook for the year
stands", "our guidance remains unchanged", "nothing changes in our view of the year", "we are not
changing our full year free cash flow guidance" (guidance.py gates each and names its metric)."""

from __future__ import annotations

import re

from ..leads import led
from .patterns import GUIDANCE_NOUN as _NOUN
from .vocabulary import MONTH

__all__ = ["STANDS", "STANDS_KEYS"]

# A view of how something goes, not of the year: "no real change in our view of how that's
# affecting what we do".
_NOT_OF_WHAT = r"(?!\s+(?:of\s+|on\s+)?(?:how|what|whether|why|where|who)\b)"
# Guidance said to stand, with no verb of the company's: "our outlook for the year stands",
# "our guidance remains unchanged", "our tax rate estimate remains unchanged at 21% to 22%",
# "nothing changes in our view of the year".
STANDS = led(
    # not what stands beneath it: "Additional assumptions underlying our guidance largely remain
    # unchanged" (the assumptions')
    r"(?<!\bunderlying\s)(?<!\bbehind\s)(?<!\bsupporting\s)"
    rf"\b(?:our|the|the\s+company['’]s|(?<!\bthe\s)other|[A-Z][\w&.-]*['’]s)\s+"
    rf"(?:[\w'’-]+\s+){{0,6}}?(?:{_NOUN}|view{_NOT_OF_WHAT}|"
    r"estimates?|"
    r"expected\s+(?:[\w-]+\s+)?growth)\b(?:[^.;,]|(?<=\d)\.(?=\d)|,(?=\s+(?:excluding|"
    r"including|which|as|before|after)\b)){0,90}?"
    r"(?<!\bnow\s)\b(?:stands|remains?\s+(?:(?:(?:largely|generally|essentially|basically|"
    r"operationally|otherwise|fundamentally)\s+)?"
    r"(?:unchanged|intact)|the\s+same|in\s+place|at|"
    r"approximately|about|around|in\s+the\s+range|between)|remains?(?=\s+\$?\d)|"
    # not what the outlook is said to be open to: "continues to be subject to change"
    r"continues?\s+to\s+be(?!\s+(?:subject|uncertain|fluid|volatile|challeng|difficult))|"
    r"(?:is|are)\s+(?:(?:really|still|largely|essentially|basically)\s+)?(?:unchanged|intact)|"
    r"holds)\b"
    # a measure's growth said unchanged at a range: "our sales growth is unchanged at 6% to 8%"
    r"|\b(?:revenues?|sales|eps)\s+growth\s+(?:is|remains)\s+"
    r"unchanged\s+at\s+(?=\$?\d|(?:low|mid|high)[\s-])"  # "at low-double digits": a range said
    # a measure said unchanged at a range of amounts, a forecast's: "Revenue remains unchanged in
    # the $130 million to $140 million range", "Capital expenditures remain unchanged at $3.5
    # million to $4 million" (not a result: "Revenue was unchanged at $35 million")
    r"|\b(?:revenues?|sales|eps|capital\s+expenditures?|capex)\s+remains?\s+unchanged\s+"
    r"(?:at|in\s+the(?:\s+range\s+of)?)\s+[$€£]\d[\d.,]*+(?:\s*+(?:million|billion))?\s*+"
    r"(?:to|-|–)\s*+[$€£]?\d"
    rf"|\b(?:nothing\s+(?:changes|(?:has\s+)?changed)|"
    rf"no\s+(?:(?:material|significant|major|meaningful|real)\s+)?changes?)\s+"
    rf"(?:in\s+terms\s+of|in|to|relative\s+to|from|versus|vs\.?)\s+"
    rf"(?:our\s+|the\s+|[A-Z][\w&.-]*['’]s\s+|(?=(?:outlook|guidance)(?:\s+for\b|\s*[.;]|$))|"
    # the guidance before, named so: "no change versus prior guidance"
    rf"(?=(?:prior|previous|previously\s+(?:issued|provided))\s+(?:[\w'’-]+\s+){{0,3}}?{_NOUN}\b))"
    rf"(?:(?!of\b)[\w'’-]+\s+){{0,10}}?(?:{_NOUN}|view{_NOT_OF_WHAT})\b"
    # "none of the annual estimates have changed"
    rf"|\bnone\s+of\s+(?:our|the)\s+(?:[\w'’-]+\s+){{0,3}}?{_NOUN}\s+(?:has|have)\s+changed\b"
    # the guidance still to be met: "we still expect to reach our previously announced sales
    # and EBITDA guidance"
    rf"|\b(?:still|continue\s+to)\s+expect\s+to\s+(?:reach|achieve|meet|deliver(?:\s+on)?|hit)\s+"
    rf"(?:our|the)\s+(?:[\w&'’-]+\s+){{0,8}}?{_NOUN}\b"
    # a change denied: "we are not changing our full year free cash flow guidance", "we
    # haven't changed our guidance for that period", "Those updates don't change our guidance"
    # (not a habit of ours denied: "we do not update our guidance on a quarterly basis")
    rf"|\b(?:(?<!\bwe\sdo\s)not|never|(?:have|has|had|did|is|are|was|were|wo|(?<!\bwe\s)do|does)"
    rf"n['’]t)\s+"
    rf"(?:(?:chang|revis|adjust|updat|alter)(?:ing|ed|es|e)\s+"
    rf"(?:our|the)\s+(?:(?!expectations?\b)[\w'’-]+\s+){{0,5}}?(?!expectations?\b)"
    rf"(?:{_NOUN}|range\s+of\s+[\w-]+\s+we\s+provided)\b)"
    # guidance left as it was: "we are leaving our overall guidance where it was", "leaving the
    # upper end of our sales guidance unchanged"
    rf"|\bleav(?:e|es|ing)\s+(?:our|the)\s+(?:[\w'’-]+\s+){{0,8}}?{_NOUN}\s+"
    r"(?:(?:essentially|largely|basically)\s+)?(?:unchanged|intact|"
    r"where\s+it\s+(?:was|is|stands)|as\s+it\s+(?:was|is))\b"
    # "our full year outlook, which is in line with what we have previously communicated"
    rf"|\b{_NOUN}\b[^.;]{{0,40}}?\bin\s+line\s+with\s+what\s+we\s+(?:have\s+)?previously\s+"
    r"(?:communicated|said|provided|shared|guided|given)\b"
    rf"|\bas\s+previously\s+guided\b"
    # a forecast "in line with our previous guidance" (read_guidance: said of the future)
    rf"|(?P<in_line>\b(?:in[\s-]line|consistent)\s+with\s+(?:(?:our|the)\s+)?(?:previous|prior|"
    rf"earlier|original|previously\s+(?:provided|issued|given|communicated))\s+(?:{MONTH}\s+)?"
    rf"(?:annual\s+|full[- ]year\s+)?{_NOUN}|"
    rf"\bthe\s+same\s+as\s+(?:our|the)\s+(?:previous|prior|earlier)\s+{_NOUN}|"
    # "consistent with the rate we estimated in October 2021"
    rf"\b(?:in[\s-]line|consistent)\s+with\s+(?:the\s+[\w-]+|what)\s+we\s+(?:had\s+)?"
    rf"(?:estimated|guided|forecast|projected|provided|communicated)\s+(?:in\s+{MONTH}|"
    r"last\s+quarter|on\s+our\s+last\s+call|previously))\b"
    rf"|\bremain\s+committed\s+to\s+(?:delivering\s+(?:on\s+)?)?(?:this|our|the|that)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_NOUN}\b"
    # kept, said in a relative clause of its noun: "the guidance that we had previously provided
    # and are reiterating today"
    rf"|\b{_NOUN}\s+(?:that|which)\s+we\s+(?:[\w'’]+\s+){{0,6}}?(?:are|have)\s+"
    r"(?:reiterat|reaffirm|maintain|confirm)(?:ing|ed)\b"
    # guidance said unchanged before its noun: "support our unchanged 2026 defense guidance"
    rf"|\b(?:our|the)\s+unchanged\s+(?:[\w'’-]+\s+){{0,4}}?{_NOUN}\b"
    # "our guidance for 2021, which is unchanged from three months ago"
    rf"|\b(?:our|the)\s+{_NOUN}\s+(?:for\s+(?:[\w-]+\s+){{0,2}}?[\w-]+)?,?\s+which\s+"
    r"(?:is|are|remains?)\s+unchanged\b",
    re.I,
)
STANDS_KEYS = (
    "stand",
    "remain",
    "continue",
    "unchanged",
    "intact",
    "holds",
    "nothing",
    "none of",
    "expect to",
    "no chang",
    " changes to",
    " change in",
    "t chang",
    "t revis",
    "t adjust",
    "t updat",
    "t alter",
    "never",
    "leav",
    "previously",
    "in line with",
    "in-line with",
    "consistent with",
    "same as",
    "that we",
    "which we",
)
