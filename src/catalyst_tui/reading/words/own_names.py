"""The names a call calls its own company by, read where it opens: a listing written out
("NVIDIA (NASDAQ: NVDA)"), an officer's company ("IBM's chairman", "chief financial officer of
CVS Health"), its quarter's results ("Baxter's third quarter performance"), the welcome and the
thanks of a call ("Welcome to the Federal Signal first quarter call", "we appreciate your
interest in Thermon", "for joining the DXC Technology fourth quarter call"), and the company
that a call's first results are said of ("Norfolk Southern delivered first quarter revenue of
$2.6 billion" near the call's start: the parts' results come later); and, anywhere, the one word
its ticker abbreviates ("Netgear" of NTGR: `abbreviated`). A figure said of one of these names
is the company's own (reader.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..leads import led
from ..wordlists import word_set
from .vocabulary import PLACES

__all__ = [
    "abbreviated",
    "first_word",
    "itself",
    "may_name",
    "own_names",
    "suffix_joined",
]


# A capital of a call's title is no word of a name: "Xponential Fitness Fourth Quarter and Full
# Year 2025 Earnings Call".
_NO_PERIOD = r"(?!(?:First|Second|Third|Fourth|Full|Fiscal|Q[1-4]|Quarter|Earnings)\b)"


# A name of up to four capitalised words, as the group `group`: its words joined by spaces
# (`gap`, any white space for a listing or an officer's company), with dots where `dots`.
def _name(group: str, *, gap: str = "[ ]", dots: bool = True) -> str:
    word = r"[A-Z][\w&.-]*+" if dots else r"[A-Z][\w&-]*+"
    word = _NO_PERIOD + word
    return rf"(?P<{group}>{word}(?:{gap}++{word}){{0,3}}+)"


_NAME = _name("name")
# From a word's start only, nothing given back: linear over a whole document (and searched
# only in a document that writes "(" and an exchange's name).
_EXCHANGES = ("NASDAQ", "Nasdaq", "NYSE", "NYSE American", "TSX", "LSE", "AMEX")
_LISTED = led(
    r"(?<![\w&.-])" + _name("name", gap=r"\s") + r"\s*+"
    rf"\((?:{'|'.join(_EXCHANGES)})\s*:\s*[A-Z.]{{1,6}}\)"
)
# The company a call is of, named where it opens: "Arvind Krishna, IBM's chairman and chief
# executive officer", "VF's Chairman, President and CEO" (an officer is the company's own).
_OFFICER = led(
    r"(?<![\w&.-])" + _name("name", gap=r"\s") + r"['’]s\s++"
    r"(?i:(?:senior|executive|group)\s++)?(?i:chairman|chairwoman|chair|chief\s++\w+\s++officer|"
    r"ceo|cfo|coo|president|vice\s++president|treasurer|head\s++of\s++investor\s++relations)\b"
)
OPENING = 4000  # where a call introduces who speaks for the company
# The company named by an officer's title before it, or by its quarter's results: "senior vice
# president of investor relations for CVS Health", "an overview of Baxter's third quarter
# performance" (not a part's own president: "president of GES").
_OFFICER_OF = led(
    r"\b(?:chairman|chairwoman|chief\s++(?:executive|financial)\s++officer|ceo|cfo|"
    r"investor\s++relations)"
    r"\s++(?:of|for|at)\s++"
    + _name("name", dots=False)
    + r"|(?<![\w&.-])"
    + _name("owner", dots=False)
    + r"['’]s\s++"
    r"(?:first|second|third|fourth|full[- ]year|fiscal\s++\w+)(?:[- ]quarter)?\s++"
    r"(?:\w+\s++)?(?:results|performance)\b"
)
# The call's welcome and thanks name the company it is of: "Welcome to the Federal Signal first
# quarter call", "thank you for your interest in Thermon", "for joining us on the DXC Technology
# fourth quarter call".
_PERIOD_OR_CALL = (
    r"(?:['’]s)?[ ]++(?i:first|second|third|fourth|full|fiscal|Q[1-4]|(?:19|20)\d\d|earnings|"
    r"conference|quarterly)\b"
)
_WELCOMED = led(
    r"\b(?:[Ww]elcome\s++to|joining\s++(?:us\s++)?(?:for\s++|on\s++)?)\s*+(?:the\s++|today['’]s\s++)?"
    + _NAME
    + _PERIOD_OR_CALL
    + r"|\byour\s++(?:continued\s++)?interest\s++in\s++"
    + _name("own")
    + r"(?![\w&'’-])"
)
# The company the call's first results are said of: "Norfolk Southern delivered first quarter
# revenue", "VASCO had a strong fourth quarter" (the subject a sentence opens with; a part
# reviewed says so first: "Touching on the segment results, Fluids Systems posted …").
_FIRST_RESULTS = 2000  # characters: where a call states its company's own results first
_RESULTS_OF = led(
    r"(?:^|(?<=[.\n])[ ]*+)" + _NAME + r"[ ]++(?:reported|delivered|posted|"
    r"generated|achieved|had)[ ]++(?:an?[ ]++)?(?:(?:strong|solid|record|robust)[ ]++)?"
    r"(?:(?:first|second|third|fourth)[- ]quarter|full[- ]year|quarterly)\b"
)
# Words that open a sentence and name no company ("The", "Our"), and a name's legal form.
_NO_NAME = word_set(
    """the our we this in for and so but as total turning overall net it that today first
    second third fourth fiscal while"""
)
# A name's legal form, its end: searched from a run's first space or comma only, so linear.
_LEGAL_FORM = led(
    r"(?<![\s,])[\s,]++(?:Inc|Inc\.|Incorporated|Corp|Corp\.|Corporation|Company|Ltd|Ltd\.|"
    r"plc|(?i:inc\.?|corp\.?|co\.?|ltd\.?|limited|llc|l\.?p\.?|n\.v\.|s\.a\.))"
    r"(?:\s*+/[A-Z]{2}/)?$"  # SEC's "HELEN OF TROY LTD", "MARRIOTT INTERNATIONAL INC /MD/"
)


def _without_legal_form(name: str) -> str:
    """The name before its legal form ("Encore Wire" of "Encore Wire Corporation"); "" where it
    has none, or is nothing else."""
    legal = _LEGAL_FORM.search(name)
    return name[: legal.start()] if legal is not None else ""


def own_names(text: str, given: Iterable[str] = ()) -> frozenset[str]:
    """The names, casefolded, that `text` (a call or a release) calls its company by, and those
    `given` by the caller (the ticker's name in catalysts.toml), each also without its legal
    form ("Encore Wire Corporation": Encore Wire)."""
    names = set(given)
    if any(f"({exchange}" in text for exchange in _EXCHANGES):  # a listing written out
        names |= {m["name"] for m in _LISTED.finditer(text)}
    names |= {m["name"] for m in _OFFICER.finditer(text, 0, OPENING)}
    names |= {m["name"] or m["owner"] for m in _OFFICER_OF.finditer(text, 0, OPENING)}
    said = {m["name"] or m["own"] for m in _WELCOMED.finditer(text, 0, OPENING)}
    said |= {m["name"] for m in _RESULTS_OF.finditer(text, 0, _FIRST_RESULTS)}
    said = {name.rstrip(".") for name in said}  # "your interest in Thermon."
    names |= {name for name in said if name and name.split()[0].lower() not in _NO_NAME}
    return frozenset(form.casefold() for name in names for form in _forms(name.strip()) if form)


def _forms(name: str) -> tuple[str, ...]:
    """A name, and the same without its legal form where it has one."""
    legal = _without_legal_form(name)
    return (name, legal) if legal else (name,)


def itself(text: str, subject: str) -> bool:
    """Whether `subject` names a company that the call names where it opens: the company a
    call is of speaks of itself so ("NIKE Inc revenue grew 16%")."""
    named = _without_legal_form(subject)
    return bool(named) and named.casefold() in text[:OPENING].casefold()


def abbreviated(symbol: str, subject: str) -> bool:
    """Whether `subject`, one capitalised word, is the company the ticker `symbol` (the
    caller's, its class set aside: "BRK-B") abbreviates: the symbol itself ("ADP revenues grew
    5%"), or a word that opens with the symbol's first letter and holds its letters in their
    order, three of them at least ("Netgear" of NTGR, "Lantheus" of LNTH; not "Tennant" of TNC).
    A call names its company so more than any of its parts."""
    letters = re.split(r"[.\-/ ]", symbol.strip(), maxsplit=1)[0].casefold()
    name = subject.strip()
    if not letters or not name[:1].isupper() or " " in name:
        return False
    if not name.isupper() and any(c.isupper() for c in name[1:]):
        return False  # a name joined to another: "CooperVision" is a part of COO's
    word = name.casefold()
    if word == letters:
        return True
    if len(letters) < 3 or word[:1] != letters[:1]:
        return False
    rest = iter(word[1:])
    return all(letter in rest for letter in letters[1:])


def first_word(subject: str, names: frozenset[str]) -> bool:
    """Whether `subject`, one word written in lower case as a brand is, opens a name of two words
    or more the company is called by (`names`, casefolded: own_names): "lululemon tripled its
    annual revenue" of "lululemon athletica" (not "Texas" of "Texas Instruments", a place's
    name written as names are, nor "Abercrombie" of "Abercrombie & Fitch" nor "Marsh" of "Marsh &
    McLennan", a brand or a part a company's name opens with)."""
    word = subject.strip()
    if not word.isalpha() or len(word) < 4 or not word.islower() or word in PLACES:
        return False
    return any(name.split()[0] == word for name in names if " " in name)


def may_name(name: str, names: frozenset[str]) -> bool:
    """Whether `name` (casefolded) may be one of the names the company is called by (`names`,
    casefolded: own_names): a word of one, the start of one, the start of one's initials ("vf"
    of "v f corp"), or a name that opens with a word of one ("conagra retail"); not "alm" of
    "iron mountain inc" (owners.total_of_name: "Total ALM revenue" is then a part's)."""
    first = name.split()[0] if name.split() else name
    for called in names:
        words = called.split()
        initials = "".join(w[:1] for w in words)
        if first in words or called.startswith(name):
            return True
        if len(name) > 1 and initials.startswith(name):
            return True
    return False


# A company's legal suffix after a comma: "Macy's, Inc. net sales".
_SUFFIX_COMMA = led(r",\s(?P<suffix>(?:Inc|Ltd|LLC|Corp|plc|L\.P|N\.V|S\.A)\b\.?)")


def suffix_joined(sentence: str) -> str:
    """`sentence` with the comma before a company's legal suffix moved past it as a space, of
    the same length: "Macy's, Inc. net sales were down 0.6%" ("Macy's Inc.  net sales") names
    one company, no list."""
    return _SUFFIX_COMMA.sub(lambda m: " " + m["suffix"] + " ", sentence)
