"""The part a sentence only turns the speaker to, and the revenue the next sentence says with no
word of whose, which is that part's: "Turning to our Aerospace segment. Sales were up 9%." (the
segment's 9%), "…, starting with Automotive OEM. As expected, organic revenue was down 16%."

Read only where the sentence before names no figure of its own and only turns ("Turning to",
"Moving to", "Let's go to", "starting with", "Next,") or opens with a named part of ours ("Our
CSS segment delivered an exceptional quarter."), to a name a capital begins (not "our
segments", the quarter, a slide, the outlook), and the sentence after opens with revenue alone
(not "Total company revenue grew 9%"); and so for the sentence after, where it too opens with
revenue alone ("Turning to Specialty Materials. Sales were $518 million, down 7% sequentially.
Sales were down 5% year over year …"). Linear: the turn's pattern is anchored at the sentence's
end and reads at most 60 characters of its part."""

from __future__ import annotations

import re

from ..leads import led
from .clauses import frame_of
from .dimensions import cut_of
from .named_parts import A_SLIDE, named_part, off_slide
from .patterns import AMOUNT, FIGURE
from .records import COMPANY
from .section_parts import within
from .segments_unnamed import segment_unnamed
from .set_off import TURN_OPENING
from .turns import same_speaker
from .vocabulary import LONGEST

__all__ = ["AMOUNT_SAID", "PART_OPENS", "WHOSE_UNSAID", "PartTurns"]

# A sentence that opens with revenue alone, no word of whose: "Organic sales were up 2%.",
# "Revenue increased 24%.", "Excluding these acquisitions, organic sales increased 15%" (not
# "Total revenue", "Our sales", "Company sales").
WHOSE_UNSAID = led(
    r"\s*(?:(?:and|so|also)\s+)?(?:excluding\s+[^,;%]{1,60},\s*)?"
    r"(?:(?:organic(?:ally)?|reported|net|core|adjusted|underlying|constant[- ]currency|"
    r"local[- ]currency)[\s,]+){0,3}"
    r"(?:revenues?|sales)(?:\s+growth)?"
    # (an aside between: "Net sales, excluding sales for the divested business, decreased 6%")
    r"(?:,\s*(?:excluding|including)\s+[^,;%]{1,80},)?"
    r"\s+(?:was|were|grew|increased|decreased|declined|rose|fell|came\s+in|of)\b",
    re.I,
)


class PartTurns:
    """The part each sentence of a text (its company's `spans`) gives its revenue alone to,
    asked in the order of the sentences: the part the sentence before only turned to, or the
    one the sentences before it kept."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self._text, self._spans = text, spans
        self._last = (-2, "")  # the last sentence that gave its revenue to a part, and the part
        self._parts: dict[int, tuple[str, ...]] = {}  # the sentences that gave a part's figure
        self._wholes: set[int] = set()  # the sentences that gave the company's
        self._inner: dict[int, str] = {}  # the sentences that gave a part's part, and its cut
        self._placed: set[int] = set()  # the sentences that gave a part's figure in a place

    def part_read(self, index: int, subject: str) -> None:
        """The sentence at `index` gave a figure of `subject` (a part, or the company)."""
        if subject == COMPANY:
            self._wholes.add(index)
        else:
            head, placed, where = subject.partition(" in ")
            if placed and cut_of(where):  # "Flavor Solutions in Americas": its section goes on
                subject = head  # ("In EMEA, organic sales decreased 3%": Flavor Solutions')
                self._placed.add(index)
            self._parts[index] = (*self._parts.get(index, ()), subject)  # (a tuple of names:
            # no list for the collector to follow per sentence of a long text)

    def within_part(self, index: int, name: str) -> bool:
        """Whether `name`, a part the sentence at `index` gives a figure to, is named by a place
        or a channel alone in the section of a part of another kind, and so is a part of that
        part, whose whole only a sentence before names: where the nearest sentence before that
        gave a part's figure turned to it or said its total's amount ("Turning to our
        direct-to-consumer segment, sales increased 6%. International increased 2.9%.",
        "DUPIXENT, which delivered $4.9 billion … U.S. net sales grew 36%"), or only turned to
        it ("… starting with Gucci. … Wholesale was down 33%"), and that part is of another
        kind (_within), with no sentence between that names the whole, opens saying how the
        parts are cut ("Regionally, …") or is another speaker's, at most _SECTION sentences
        back. Not after parts said with no total ("Semiconductor was strong from 20%. E-commerce …
        growing approximately 30%": the company's, alike), nor where the sentence gave a part's
        figure before or names the part ("Turning to our direct-to-consumer segment, sales
        increased 6%, with domestic growth of 11%")."""
        cut = cut_of(name)
        sentence = self._text[slice(*self._spans[index])]
        if not cut or index in self._parts or _OWN_SECTION.search(sentence):
            return False  # (nor where the sentence says a cut, the whole or a slide of its own:
            # "Regionally, …", "… 56% of our total sales", "Globally, …", "On Slide 8, …")
        at = sentence.lower().find(name.lower())
        called = at >= 0 and _OWN_PART.match(sentence, at + len(name)) is not None
        if _WHOLE_NAMED.search(sentence) or _OWN_PART.search(name) or called:
            return False  # "Our Northern Europe segment comprised 23%", "our digital division"
        figure = sentence.find("%")
        alone = _REVENUE_WORD.search(sentence, 0, figure if figure >= 0 else len(sentence)) is None
        if self._inside(index, cut, alone, sentence):
            self._inner[index] = cut
            return True
        return False

    def _inside(self, index: int, cut: str, alone: bool, sentence: str) -> bool:
        """Whether the sentence at `index` is said in the section of a part of another kind
        than `cut` (within_part), or right after a part of that part ("Wholesale was down 33%.
        Royalties and other revenue were up 2%.")."""
        for back in range(index - 1, max(index - _SECTION, 0) - 1, -1):
            if not same_speaker(self._text, self._spans, back + 1) or back in self._wholes:
                return False
            if back in self._inner:  # "Wholesale was down 33%. Royalties and other revenue
                return self._inner[back] == cut  # were up 2%." (not a place after a channel)
            before = self._text[slice(*self._spans[back])]
            if len(before) > LONGEST or _WHOLE_NAMED.search(before):
                return False
            if _CUT_SAID_AT.search(" ".join(before.split()[:_OPENING])):
                return False  # "On a geographic basis, all regions returned to growth." (not
                # "You will find the usual details by region in the appendix.")
            turned = _TURN_TO_PART.search(before) or _OUR_PART_OPENS.match(before)
            opens = _TURN_OPENS.match(before) or _OWN_SECTION.match(before)
            if back in self._parts:
                if back in self._placed:
                    continue  # a part in a place: the section goes on past it
                if not (turned or opens or AMOUNT_SAID.search(before) or _ITS_TOTAL.match(before)):
                    return False  # (its total said by its revenue: "The Americas net revenues
                    # were up 9%. … with DTC up 10% and wholesale up 8%": the Americas')
                parts = self._parts[back]
                return any(within(part, cut, alone, sentence, before) for part in parts)
            if turned:
                return within(_turned_to(before), cut, alone, sentence, before)
            if opens:  # "Turning now to DUPIXENT, which delivered …": DUPIXENT's section; a
                # turn to no part named ("Now moving to our third priority, …"), a slide of its
                # own ("Moving on to slide five, …"): the section ends
                return within(_opening_turn(before), cut, alone, sentence, before)
        return False

    def said_just_before(self, index: int) -> bool:
        """Whether the sentence before the one at `index` gave a figure of a part."""
        return index - 1 in self._parts

    def in_section(self, index: int, whole: str) -> bool:
        """Whether the revenue alone of the sentence at `index` (`whole`) is a part's, not the
        company's: where it names a part by "this" or "that" and no whole; right after a turn
        to a named part, where it names no whole (a total opening it is the part's); or, naming
        no whole and no "we" or "our" before its figure, where it is said in a part's section
        of its speaker's turn, after a turn to a named part ("First, Aerospace.", "Now on to
        RS&I."), or just after a part's figure or a sentence opening with a named part ("In our
        Marine segment, …"), with no sentence between that names the whole, turns elsewhere,
        or is another speaker's, and at most _SECTION sentences back ("First, Combat Systems.
        … For the full year, revenue of $9.2 billion is up 2.8%")."""
        said = "" if _WHOLE_NAMED.search(whole) else self.alone(whole)
        if said and segment_unnamed(said, self._before(index)):
            return True  # "Adjusted segment EBITDA increased $15.5 million. Revenues of $145.3
            # million increased 22%": an unnamed segment's
        if _THIS_PART.search(whole):
            return _WHOLE_NAMED.search(whole) is None  # "reported revenue in this segment
            # increased 16% and organic revenue growth was 5%": the segment's
        before = self._text[slice(*self._spans[index - 1])] if index else ""
        if same_speaker(self._text, self._spans, index) and (
            _turned_to(before) or (_amount_opens(before) and not AMOUNT_SAID.search(whole))
        ):  # right after a turn to a named part: the part's, save a whole named ("Turning to
            # Jimmy Choo. Third quarter revenue exceeded our expectations, increasing 5%";
            # "Turning to our Canadian business. Total sales for the quarter were down 8%"); so
            # right after its revenue's amount alone, where no amount of its own is said
            total = _TOTAL_OPENS.match(whole)
            return _WHOLE_NAMED.search(whole, total.end() if total else 0) is None
        figure = FIGURE.search(whole)
        if _WHOLE_NAMED.search(whole) or _OURS.search(
            whole, 0, figure.start() if figure else len(whole)
        ):
            return False  # "Total revenue", "we grew revenue 5%", "our revenue" (not "revenue
            # grew 10% and earnings outperformed our plan": ours said of what came after)
        for back in range(index - 1, max(index - _SECTION, 0) - 1, -1):
            if not same_speaker(self._text, self._spans, back + 1):
                return False
            if back in self._parts and index - back <= _PART_SAID:
                return AMOUNT_SAID.search(whole) is None  # (a total said with its amount is the
                # company's: "APAC was up 4%. In 2021, net sales were up 13% to $5.5 billion.")
            before = self._text[slice(*self._spans[back])]
            if len(before) > LONGEST or _WHOLE_NAMED.search(before):
                return False
            if _TURN_TO_PART.search(before):  # (a turn elsewhere ends the section)
                return _reaches(_turned_to(before), index - back)
            opens = PART_OPENS.match(before) if index - back <= _PART_SAID + 1 else None
            if opens is not None:  # "Our CSS segment delivered …", just before; with a figure,
                # only as a frame ("In the International segment, … drove a 16% …"; not "The
                # Kosmos Cement business contributed approximately $176 million of revenue")
                framed = opens["frame"] is not None
                return bool(_turned_to(before) or (framed and named_part(opens["part"])))
        return False

    def _before(self, index: int) -> str:
        """The sentence before the one at `index`, where its speaker's and naming no whole."""
        if not same_speaker(self._text, self._spans, index):
            return ""
        before = self._text[slice(*self._spans[index - 1])]
        return "" if _WHOLE_NAMED.search(before) else before

    @staticmethod
    def alone(whole: str) -> str:
        """`whole` where it opens with revenue alone, after its frame ("Sequentially, revenues
        decreased …"); "" elsewhere."""
        return whole if WHOSE_UNSAID.match(whole, frame_of(whole)[1] if "," in whole else 0) else ""

    def part_of(self, index: int, whole: str) -> str:
        """The part the sentence at `index` (`whole`) gives its revenue to, where it opens with
        revenue alone right after one of the same speaker ("Turning to our Aerospace segment.
        Sales were up 9%.", "…, starting with Automotive OEM. As expected, organic revenue was
        down 16%"), or right after one that gave its revenue to a part ("… Sales were down 7%
        sequentially. Sales were down 5% year over year"); "" elsewhere."""
        if not same_speaker(self._text, self._spans, index):
            return ""  # no sentence before, or another speaker's words between
        if not self.alone(whole):
            return ""  # the sentence names whose: "Total revenue grew 5%"
        part = _turned_to(self._text[slice(*self._spans[index - 1])])
        if not part and self._last[0] in (index - 1, index):
            part = self._last[1]
        if part:
            self._last = (index, part)
        return part


def _reaches(part: str, sentences: int) -> bool:
    """Whether a turn to `part` reaches the sentence `sentences` after it: a turn to a name, its
    whole section; one to a part in lower case ("the medical end-use market"), the next only."""
    return bool(part) and (sentences < 2 or any(map(str.isupper, part)))


def _opening_turn(before: str, *, which: bool = False) -> str:
    """The part a sentence opening with a turn names before its first comma ("Turning now to
    DUPIXENT, which delivered …"); with `which`, only where "which" says what it did; "" where
    it names none."""
    turn = _TURN_OPENS.match(before)
    phrase = _TO_COMMA.match(before, turn.end()) if turn else None
    if phrase is None or _CLAUSE_SAID.search(phrase.group()):
        return ""
    if which and not _WHICH.match(before, phrase.end()):
        return ""
    return named_part(off_slide(phrase.group().strip()))


_TO_COMMA = led(r"[^,.;:!?]{1,60}+(?=[,.;:!?])")
_WHICH = led(r",\s*+which\s")


def _turned_to(before: str) -> str:
    """The part `before` only turns the speaker to, or opens with as a named part of ours; ""
    where it names none, or says a figure of its own."""
    if len(before) > LONGEST:
        return ""
    if any(c in "%$€£" for c in before):  # (save a turn whose figure "which" says: "Now
        # turning to Consumer Services, which contributed 14% to total revenue this quarter.")
        return _opening_turn(before, which=True)
    turn = _TURN_TO_PART.search(before) or PART_OPENS.match(before)
    if turn is None:
        return ""
    if _CLAUSE_SAID.search(turn["part"]):
        return ""  # "Finally, we'll be issuing our report.", "And third, how ZB is positioned"
    if turn.re is _TURN_TO_PART and turn["what"] and A_SLIDE.fullmatch(turn["part"]):
        return named_part(turn["what"])  # "Turning to slide six, the Scientific segment."
    return named_part(off_slide(turn["part"]))  # "Gucci on Slide 8": Gucci


def _amount_opens(before: str) -> bool:
    """Whether `before` opens with a named part of ours and says only its revenue's amount: "Our
    Construction Products Group generated all-time record sales of $614.2 million." (not its
    share of the whole: "Our Kosmos Cement business contributed $176 million of revenue")."""
    opens = _OUR_PART_OPENS.match(before) if "$" in before and "%" not in before else None
    return (
        opens is not None
        and _REVENUE_WORD.search(before, opens.end()) is not None
        and "contribut" not in before
        and len(before) <= LONGEST
    )


# A sentence, or its last clause, that only turns the speaker to a part: "Turning to our
# Aerospace segment.", "…, starting with Automotive OEM.", "Next, Aerospace.", "…, beginning
# with U.S. retail pet foods." (an abbreviation's points in its name)
_TURN_TO_PART = led(
    r"(?:^|[,;]\s*+)(?:(?:and|so|now|ok(?:ay)?)[\s,]++)*(?:(?:let['’]s|let\s+me)\s+(?:now\s+)?"
    r"(?:(?:turn|move|go)\s+to|review|discuss|look\s+at)|on\s+to|(?<=now\s)to|"
    r"(?:turning|moving|switching|shifting)\s+(?:(?:on|now|next|finally|lastly)\s+)?to|"
    r"(?:starting|beginning)\s+with|(?:next|first|second|third|lastly|finally)\s*+,|"
    # a part presented by the speaker or a page: "we summarize our Hydraulics segment", "slide
    # five illustrates our X segment results", "I now want to spend a few minutes on Joybird"
    r"(?:we|i)(?:['’]ll|\s+will|(?:\s+now)?\s+want\s+to)?\s+(?:now\s+)?(?:summarize|review|"
    r"discuss|cover|present|(?:begin|start)\s+with|"
    r"spend\s+(?:a\s+few\s+|some\s+|a\s+couple\s+of\s+)?(?:minutes|moments|time)\s+on)|"
    r"(?:we\s+have|here\s+(?:are|is))\s+(?:the\s+)?(?:results|performance)\s+(?:of|for)|"
    r"(?:slide|page)\s+[\w-]+\s+(?:illustrates|shows|summarizes|presents|highlights|covers|"
    r"details|reviews))\s+(?P<part>(?:[^,.;:!?]|(?<=\b[A-Z])\.){1,60}?)(?:\s+(?:results|performance))?"
    # (said with what it is: "Turning to the Vacation Ownership segment, our core growth engine.")
    r"(?:,\s*+(?P<what>(?:our|its|the|a|an)\s++[^,.;:!?]{1,60}+))?"
    # (or with what it did, no figure: "Turning to the Google Cloud segment, which delivered very
    # strong results this quarter.", "…, which consists of IT outsourcing, cloud and security")
    r"(?:,\s*+which\s++[^.;:!?%$€£\d]{1,120}+)?[.!]?\s*+$",
    re.I,
)
# A sentence that opens with a named part of ours as its subject: "Our CSS segment delivered an
# exceptional quarter.", "In our Material Handling segment, we continue to see …".
PART_OPENS = led(
    r"(?:(?:and|so|now)[\s,]++)?(?:our|the|(?P<frame>in|within|at)\s+(?:our|the))\s++"
    r"(?P<part>(?-i:[A-Z])[\w&+'’-]*+(?:\s++(?-i:[A-Z])[\w&+'’-]*+){0,3}\s++(?:segment|business|"
    r"division|group))\b",
    re.I,
)
# A sentence that opens with a part of ours named: "Our CSS segment delivered …", "In our Marine
# segment, …" (not "The Naturals segment continues to be a key driver … across Latin America").
_OUR_PART_OPENS = led(
    r"(?=(?:(?:and|so|now)[\s,]++)?(?:our|in\s+our|at\s+our)\s)" + PART_OPENS.pattern, re.I
)
# Revenue named: a place or a channel said with no such word is said alone ("Domestic
# increased 11%"; not "In APAC, revenue increased 20%").
_REVENUE_WORD = led(r"\b(?:sales|revenues?)\b", re.I)
# How the parts are cut, said: a section of the company's own parts ("Regionally, the Americas
# grew 5%", "By geography, U.S. net revenues increased 29%", "performance across channels").
_CUT_SAID = (
    r"\b(?:regional(?:ly)?|geographic(?:al(?:ly)?)?|geograph(?:y|ies)|by\s+(?:region|channel|"
    r"(?:end\s+)?market)s?|across\s+(?:our\s+)?(?:channels|regions|markets))\b"
)
# A sentence's own section: a cut said, the whole said as the world ("Globally, our e-commerce
# business was up 69%"), or a slide of its own opening it ("On Slide 8, retail revenue of $304
# million increased 11%").
_OWN_SECTION = led(
    _CUT_SAID + r"|\b(?:globally|worldwide|enterprise-?wide)\b|"
    r"^\s*+(?:(?:and|so|now)[\s,]++)?(?:(?:on|in|at|to|(?:turning|moving)\s++(?:on\s++)?to)\s++)?"
    r"(?:slides?|pages?)\s++(?:\d|one|two|three|four|five|six|seven|eight|nine|ten)",
    re.I,
)
# A part the sentence calls its company's own, in its name or right after it: "Our Northern
# Europe segment", "our digital division".
_OWN_PART = led(r"\s*+\b(?:segments?|divisions?)\b", re.I)
_CUT_SAID_AT = led(_CUT_SAID, re.I)
# The words a sentence opens with, where it says how the parts it goes on to are cut.
_OPENING = 5
# A sentence opening with a turn to what it then says: "Turning to our direct-to-consumer
# segment, sales increased 6%".
_TURN_OPENS = led(TURN_OPENING, re.I)
# Where the turn's part is shown, no word of its name: "Gucci on Slide 8".
# How far back a part's section may have opened, in sentences: a turn to it, or a figure of
# its own said nearer.
_SECTION = 10
_PART_SAID = 1
# A sentence naming the whole company: its revenue is the company's ("Total revenue", "on a
# consolidated basis", "overall"), or, in the sentence read, the company's own word of it.
_WHOLE_NAMED = led(
    r"\boverall(?=\s*+[,.;]|\s++(?:(?:net\s++)?(?:revenues?|sales)|growth|company|basis|results))|"
    r"(?<!\bits\s)(?<!\btheir\s)\b(?:total|consolidated|company|companywide|company-wide|enterprise|"
    r"corporation|group-wide|all\s+(?:of\s+)?(?:our\s+)?(?:segments|businesses|divisions)|"
    r"to\s+summarize|in\s+summary|all\s+in\s+all)\b(?!-)",  # (not "company-owned stores")
    re.I,
)
# A named part's revenue opening a sentence, its verb of change next: the part's total.
_ITS_TOTAL = led(
    r"\s*+(?:the\s++)?(?-i:[A-Z])[\w&.'’-]*+(?:\s++(?-i:[A-Z])[\w&.'’-]*+){0,2}+(?:['’]s)?\s++"
    r"(?:net\s++|total\s++)?(?:revenues?|sales)\s++(?:were|was|grew|rose|increased|decreased|"
    r"declined|fell)\b",
    re.I,
)
_OURS = led(r"\b(?:overall|we|our|us|we['’](?:ve|re|d))\b", re.I)
# A sentence that opens with a total of revenue: right after a turn to a part, the part's.
_TOTAL_OPENS = led(
    r"\s*+(?:(?:and|so|now)[\s,]++)?"
    # after a word of how it went or of the period: "As projected, total revenue declined 3.4%"
    r"(?:(?:as\s++(?:projected|expected|anticipated|planned)|(?:in|for)\s++the\s++quarter)\s*+,\s*+)?"
    r"total\s++(?:net\s++)?(?:revenues?|sales)\b",
    re.I,
)
# An amount of money said: a total with its amount is the company's, whatever came before
# ("revenue of $9.2 billion").
AMOUNT_SAID = led(AMOUNT)
# A part named by "this" or "that": the sentence's revenue alone is that part's ("This market
# represented 4% of our sales, and sales increased by 12%"), not a market's conditions ("in
# this market environment", "a good performance in this market"); only where it opens a clause
# or follows a preposition of place ("We sold that business, and revenue grew 10%": the
# company's; "Excluding this business, we have 6% growth").
_THIS_PART = led(
    r"(?:^|(?<=,\s)|(?<=\band\s)|(?<=\bin\s)|(?<=\bat\s)|(?<=\bfor\s)|(?<=\bwithin\s)|"
    r"(?<=\bacross\s)|(?<=\bfrom\s)|(?<=\bnow\s))(?:this|that|these|those)\s++(?:[\w-]+\s+)?"
    r"(?:segments?|business(?:es)?|divisions?|units?|regions?|categor(?:y|ies)|channels?|brands?|"
    r"franchises?|portfolios?|groups?['’]s|services?|products?|offerings?|"
    r"product\s+lines?|verticals?|(?:end\s+)?markets?(?=\s+(?:represent|was|were|is|are|grew|"
    r"account|make|made|post|deliver|contribut)))\b(?!\s+(?:environment|conditions|backdrop|"
    r"dynamics|cycle|volatility|uncertainty|share))|(?:sales|revenues?)\s+in\s+(?:this|that)\s+"
    r"(?:end\s+)?market\b",
    re.I,
)
# A turn's words that say a clause, not a name: a pronoun, a verb of being or having, a modal,
# a question's word.
_CLAUSE_SAID = led(
    r"\b(?:we|you|they|it|he|she|how|what|why|where|when|is|are|was|were|be|been|will|would|"
    r"has|have|had|can|could|should|may|might)\b|['’](?:ll|re|ve|d)\b",
    re.I,
)
