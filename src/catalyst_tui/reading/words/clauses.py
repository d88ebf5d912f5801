"""The clauses of a sentence and what opens them.

A sentence is cut at ";", "while", "whereas", "but", and at "and" or ", and" that opens a new
subject and verb ("AES revenues increased 10%, while EMS revenues grew 6%"). A clause may open
with a frame that names the part the clause speaks of ("In sensors, we saw 20% organic
growth", "Turning to Print, we grew revenue 1%"), with a scope ("On an NCR stand-alone basis,
revenue increased 11%"), or with words of time, basis or talk that name nothing ("In Q4,", "On a
sequential basis,", "As Mike noted earlier,"). The clause's subject is the phrase before its
first verb, relative clauses ("which ...,") and appositions set aside; where that is the
company ("we", "sales") the frame's part is the subject."""

from __future__ import annotations

import re
from functools import lru_cache

from ..leads import led
from .appositions import without_apposition
from .dimensions import DIMENSION
from .doers import doer_of_result, named_before_past, named_with, revenue_with
from .frame_names import read_frame, revenue_among
from .names import acronym, itself, no_noun_phrase, verb_alone
from .phrases import finite_verb, other_measure, tokens, words_of
from .records import COMPANY
from .subjects import Subject, named_before, read_subject
from .topics import place_topic
from .vocabulary import MONTH, PART_WORDS, PERIOD

# The speaker's order of parts between a verb of turning and its part: "Looking next at
# outdoor,", "Turning finally to Europe,".
_IN_TURN = r"(?:(?:first|now|next|finally|lastly|then|briefly|quickly|again|back|over)\s+){0,2}"
_FRAME = led(
    r"^\s*(?:(?:and|so|now|also|lastly|finally|next|first|second|then|overall|but)[\s,]+)*"
    r"(?:in\s+terms\s+of|as\s+it\s+relates\s+to|when\s+it\s+comes\s+to|with\s+regards?\s+to|"
    r"(?:if|when)\s+(?:you|we)\s+look\s+at|"
    rf"in|for|within|turning\s+{_IN_TURN}to|starting\s+(?:with|in)|moving\s+{_IN_TURN}(?:on\s*)?to|"
    # the speaker turning to a part: "Now let's turn to our MAS segment,"
    r"let(?:['’]s|\s+(?:me|us))\s+(?:now\s+)?(?:(?:turn|move|go|shift)\s+(?:now\s+)?(?:over\s+)?to|"
    r"start\s+with)|"
    rf"moving\s+onto|as\s+for|looking\s+{_IN_TURN}at|focusing\s+on|at|on|regarding|"
    r"specific\s+to|from|across|"
    # the speaker going into a part: "Breaking down our net sales performance for the quarter,"
    r"(?:breaking|digging|diving|drilling|going|walking)\s+(?:down|deeper|into|through|on)"
    # not a cut of the whole into its parts: "Breaking down sales into our two segments,"
    r"(?:\s+(?:into|through|on))?(?![^,:;]{0,80}\b(?:into|by)\s)|(?:switching|shifting|transitioning|pivoting|coming)\s+"
    rf"{_IN_TURN}to|"
    r"with\s+respect\s+to|(?P<base>(?:when\s+|as\s+)?compared\s+(?:to|with)|versus|relative\s+to)|"
    r"(?P<by>by))\s+"
    r"(?P<frame>[^,:;]{1,80}?)\s*[,:;]\s+",
    re.I,
)
# Revenue named in an opening, save one a participle and its particle open: "Finishing up our
# sales highlights," names no subject.
_REVENUE_OPENING = led(r"^(?![a-z]+ing\s+(?:up|out|off)\s)(?=[^,:]*?\b(?:revenues?|sales)\b)", re.I)
# An opening adverbial with no verb ("Year over year,", "Regionally, in constant currency:").
_OPENING = led(
    r"^\s*(?:(?:and|so|now|also|lastly|finally|next|overall)[\s,]+)*(?P<words>[\w\s'-]{1,100}?)"
    r"\s*[,:]\s+"
)
_ADVERBIAL = led(
    r"\b(?:year|quarter|basis|sequential\w*|overall|addition|result|expected|comparison|"
    r"currency|perspective|now|today|finally|first|second|third|fourth|similarly|likewise|"
    r"meanwhile|however|again|lastly|excluding|including|moving|turning|looking|starting|"
    r"all[- ]up|all[- ]in)\b|"  # "All up, Microsoft Cloud surpassed …": the whole, no part
    # a concession or a cause that opens a clause: "Despite disruptions due to COVID,"
    r"^(?:despite|due\s+to|because|given|amid|after|following|thanks\s+to|without)\b|"
    # a time or a participle of talk that opens it: "During the year just ended,", "Having
    # looked at our results,"
    r"^(?:during|having|taken|taking)\b|"
    r"\bas\s+[\w\s]{1,20}\s(?:noted|mentioned|said|discussed|expected|see|seen|shown)\b|"
    r"\w+ly$|"
    # a participle's phrase: "Putting this all together,", "Taking a step back,"
    r"^[A-Za-z]+ing\s+(?:this|that|it|all|these|those|a|an|the|back|together|into)\b|"
    r"^[A-Za-z]+ing\s+(?:up|out|off)\s+(?:our|the|this|with)\b",  # "Finishing up our sales …,"
    re.I,
)
# Frames of talk, not of a part: "In this environment,", "In terms of profitability,".
_DISCOURSE_FRAMES = (
    r"\b(?:environment|context|regard|case|light|meantime|words|terms|line|spite|response|"
    r"aggregate|closing|conclusion|respect|order|view|sum|brief|practice|reality|effect|"
    r"essence|hindsight|connection|relation|addition|times?|way|sense|word|most\s+part|"
    r"(?:other|one)\s+hand|balance(?!\s+of\b)|"
    # "In the end,"; not an end market: "In our data center end market,"
    r"end(?!\s+(?:markets?|users?|use)\b)|"
    r"midpoint|mid-point|slides?|pages?|charts?|exhibits?|tables?|appendix|left|right|"
    r"metrics|measures|numbers|highlights|details|standpoint|viewpoint|performance|results|"
    r"p&l|income\s+statement|balance\s+sheet|financials|progression|cadence|specifics|level|back|"
    # a word of a compound is no word of talk: "In our medical end-use market,"
    r"by\s+(?:geograph\w*|regions?|segments?|end[- ]markets?|products?|channels?|businesses))\b"
    r"(?!-)"
)
_RELATIVE = led(
    # a list the clause includes, up to the verb: "other service revenue, which includes sales
    # from rebates, brand access partnerships, company-owned studios, was $8.3 million"
    r",\s*which\s+(?:includes?|included|contains?|comprises?)\b(?:[^,;]*+,){0,8}?[^,;]*?"
    r"(?=\s(?:was|were|is|are)\b)|"
    r",\s*(?:which|who)\b[^,]*,|\bas\s+(?:I|we)\s+\w+\s+\w+,?|"
    # "which includes Wright Medical" before the verb, its closing comma unsaid
    r",\s*which\s+(?:includes?|included|contains?)\s+(?:[A-Z][\w&.'’-]*\s+)+(?=[a-z])",
    re.I,
)

# A clause that opens a sentence with a subordinator and no subject of its own: "While down 35%
# from a record quarter, revenue grew 17% sequentially".
_FRONTED = led(
    r"\s*(?P<word>while|although|though|whilst)\s+(?:(?:still|only|just)\s+)?(?:up|down)\s",
    re.I,
)
# A main clause whose subject is a speaker or a pronoun: it names no measure the fronted one's
# figure could be of.
_SPEAKER = led(r"\s*(?:we|i|they|it|this|that)\b", re.I)


def fronted_subject(sentence: str, revenue_said: bool) -> tuple[str, Subject] | None:
    """Where `sentence` opens with a clause that has no subject of its own ("While down 35% from
    a record quarter, revenue grew 17%"), the sentence with its subordinator blanked (it is no
    name) and the subject that clause shares with the main clause after its comma; None
    elsewhere."""
    fronted = _FRONTED.match(sentence)
    comma = sentence.find(",", fronted.end()) if fronted is not None else -1
    if fronted is None or comma < 0 or _SPEAKER.match(sentence, comma + 1):
        return None  # "Although down 4%, we exceeded expectations": what fell, unsaid
    word = fronted.span("word")
    blanked = sentence[: word[0]] + " " * (word[1] - word[0]) + sentence[word[1] :]
    return blanked, clause_subject(sentence[comma + 1 :], False, revenue_said)


@lru_cache(maxsize=256)
def clause_subject(text: str, first: bool, revenue_said: bool) -> Subject:
    """The subject of a clause: the phrase before its first verb, the frame's when that is the
    company's or no one's ("In our energy business, we saw 9% organic growth")."""
    frame, body_at = frame_of(text)
    if frame and _FIGURE_OPENS.match(text, body_at):
        framed = read_frame(frame, text[body_at:])  # "For X, plus 2% organic growth"
        if framed.name and framed.name != COMPANY and not (framed.other or framed.anaphor):
            return framed
    text = _RELATIVE.sub(lambda m: " " * len(m.group()), text)
    for at, word in tokens(text):
        if at < body_at or not finite_verb(word):
            continue
        phrase = without_apposition(text[body_at:at])
        subject = read_subject(phrase, first=first and body_at == 0, revenue_said=revenue_said)
        if not subject.name and itself(phrase, text, at):
            subject = Subject(COMPANY, True, False, False)  # "the company grew 7%", as "we"
        opening = subordinate_opening(text) if subject.name else 0
        if opening and no_noun_phrase(subject.name):
            # "As Walter has discussed, revenue … totaled $171.7 million, an increase of 142%"
            return clause_subject(" " * opening + text[opening:], first, revenue_said)
        if subject.name == COMPANY and not subject.other and _object_other(text[at:]):
            return Subject("", False, True, False)  # "we increased our quarterly dividend"
        if frame and (subject.name in (COMPANY, "") and not subject.other):
            framed = read_frame(frame, text[body_at:])
            if framed.name and framed.name != COMPANY and not framed.other:
                return framed
            if (framed.other and not revenue_among(frame)) or (
                framed.anaphor and named_before(frame)
            ):
                return Subject("", False, True, False)  # "And in this segment, sales grew 13%"
        return subject
    return named_before_past(text, body_at, first)  # a verb no list holds: "X capped off"


# A subordinate clause that opens a sentence, up to its comma: its words are no subject of the
# main clause ("When comparing on a pro forma basis, revenues increased 51%"). A frame said so
# ("As it relates to our Network segment,", "As for X,", "If you look at X,") is no such clause.
_SUBORDINATE = led(
    r"\s*(?:(?:and|but|so)\s+)?(?:(?:on|turning\s+to|moving\s+to)\s+slides?\s+\d+\s*,\s*)?"
    r"(?:(?:even\s+)?as\s(?!it\s+relates|for\s|to\s|far\s|regards\s)|even\s+(?:though|if)\s|"
    # a way of measuring set aside: "When comparing on a pro forma basis,", "If we exclude X,"
    r"(?:when|if)\s+(?:(?:we|you)\s+)?(?:compar|exclud|adjust|normaliz|tak(?:e|ing)\s+out)\w*\s|"
    r"(?:because|although|though|normalizing|comparing|adjusting)\s)[^,;%]{1,160},",
    re.I,
)


def subordinate_opening(text: str) -> int:
    """Where `text` opens with a subordinate clause that names no part ("As Walter has
    discussed,", "Normalizing for the inclusion of Cardtronics,"), the offset after its comma;
    0 elsewhere ("Although travel continues to weigh on this segment," names one before; a
    clause that names another measure may be what the main clause's figure is of)."""
    opening = _SUBORDINATE.match(text)
    if opening is None or named_before(opening.group()):
        return 0
    if any(other_measure(word.lower()) for word in words_of(opening.group())):
        return 0  # "Although new distributor numbers are lower …, we had growth of 56%": theirs
    return opening.end()


def past_a_verb(
    text: str, own: Subject, governor: int, at: int, first: bool, said: bool
) -> Subject:
    """The subject of the clause `text` where the one read before the figure at `at` (its
    governor at `governor`) is a verb whose object the figure is: "our total sales reflect
    growth of 100%", "achieving 10% growth" (the verb's first figure only: "deliver 30% revenue
    growth, 70% EPS growth"; a participle's, a part only: "We …, achieving a 6% increase" is
    none's); `own` elsewhere."""
    named = named_with(text, own, at)
    if named is not None:
        return named  # "…, with our International business delivering strong sales growth"
    whose = revenue_with(text, own, at)
    if whose > 0:  # "The nutrition business closed out a year …, with fourth quarter revenues"
        main = clause_subject(text[:whose], first, said)
        last = main.name.split()[-1] if main.name not in ("", COMPANY) else ""
        a_part = main.name[:1].isupper() or last.lower() in PART_WORDS  # not "Our momentum"
        if a_part and not (main.other or main.anaphor or main.bare or _A_PAST.fullmatch(last)):
            return main  # (not "components business capitalized": a verb no list holds)
    doer = doer_of_result(text, own, at)
    if doer is not None:
        return doer  # "Consumer Products executed well …, delivering $800 million of revenue"
    alone = verb_alone(own.name)
    if not alone or own.other or own.anaphor or "%" in text[governor:at]:
        return own
    subject = clause_subject(text, first, said)
    if alone == "participle" and subject.name == COMPANY:
        return own  # "We continued our focus on train length, achieving a 4% improvement"
    return subject


# A word in the past, lower case: a verb, no word of a name.
_A_PAST = re.compile(r"[a-z]+ed")
# A clause with no verb whose body opens with its figure: "For Process Technologies, a 21%
# organic decline" (the frame names whose).
_FIGURE_OPENS = led(r"\s*(?:(?:a|an|plus|minus|up|down)\s+)?\d[\d.]*\s*%", re.I)


def _object_other(after_verb: str) -> bool:
    """Whether what the company's verb acts on is a measure that is not revenue: "we grew
    our total customer count by over 75%", "we increased our quarterly dividend"."""
    lows = [word.lower() for word in words_of(after_verb)[1:8]]
    for place, low in enumerate(lows):
        if re.match(r"\d|[,;]", low) or low in ("by", "to", "from", "revenue", "revenues", "sales"):
            return False
        if other_measure(low) and not (low in _GUIDED and _AGAINST.intersection(lows[:place])):
            return True
    return False


# What a figure is set against, after "of" or "above", no measure acted on: "Average daily sales
# came in at the midpoint of our outlook and increased 4%" (not "raising the outlook for Dickies").
_GUIDED = frozenset({"outlook", "guidance", "expectations", "expectation", "plan", "forecast"})
_AGAINST = frozenset({"of", "above", "below", "ahead", "beyond", "than", "versus", "vs"})


# How parts are cut, named as a frame: "By end market,", "By region,".
_DIMENSION = led(DIMENSION, re.I)
# One part named before, by its kind alone: "In the segment,", "If you look at this business,"
# (its figures are that part's, no name said: no one's; "By segment," cuts, names none).
_THE_ONE = led(
    r"(?:the|this|that)\s+(?:segment|division|business|market|region|category|channel|unit)",
    re.I,
)
# One segment named by what it sells, not a dimension: "In the product segment, sales …".
_ONE_SEGMENT = led(r"(?:our|the)\s+(?:products?|services?)\s+(?:segment|division)", re.I)
# A period named by its end: "For the third fiscal quarter ended on December 31, 2017,"; "With
# regard to our financial performance for the three months ended September 30th, 2020,".
_ENDED = led(
    r"(?:with\s+(?:regard|respect)\s+to\s+(?:our\s+)?(?:[\w-]+\s+){0,3}?)?"
    r"(?:for|in|during)\s+the\s+(?:[\w-]+\s+){0,3}?(?:quarter|year|months|period|weeks)\s+"
    r"ended(?:\s+on)?\s+" + MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*,\s*(?:19|20)\d\d)?\s*,",
    re.I,
)

# A speaker's infinitive opening: "To start off,", "To summarize,": it frames nothing.
_TO_BEGIN = led(
    r"\s*(?:(?:and|so|now|but)[\s,]+){0,3}to\s+(?:start|begin|summarize|sum\s+up|recap|conclude|"
    r"wrap\s+up|close|finish)(?:\s+(?:off|with|things\s+off|up))?\s*,\s+|(?:keep|bear)\s+in\s+mind,\s+|"
    r"[^,:;]{1,80}?\bas\s+follows\s*:\s+",  # "Net sales by business segment were as follows:"
    re.I,
)

_TIME_OPENS = led(r"(?:during|since|until|after|before|following)\b", re.I)
_PAGE_OPENS = led(r"\s*+(?:on|in)\s++(?:slide|page)s?\s++\w++\s*+,", re.I)
# A clause of time with a subject of its own opening the sentence: "before we ever heard of the
# virus," says when, no part.
_TIME_CLAUSE = led(r"(?:since|until|after|before|once)\s+(?:we|it|they|the|our|this)\s", re.I)
# The period a frame's part is said in, after it: "In Refrigeration for the fourth quarter,".
_FRAME_PERIOD = led(
    r"\s+(?:for|in|during)\s+(?:both\s+)?(?:the\s+)?(?:(?:first|second|third|fourth)\s+quarter|"
    r"quarter|Q[1-4]|full[- ]year|year)(?:\s+and\s+(?:the\s+)?(?:full[- ]year|year|quarter))?$",
    re.I,
)
_ON_SLIDE = led(
    r"\s+(?:on|in)\s+(?:slide|page|chart)s?\s+(?:\d+|[A-Z]|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|twenty(?:[- ][a-z]+)?)$",  # "on slide seven", as speech is written down
    re.I,
)


def by_dimension(sentence: str) -> bool:
    """Whether `sentence` opens by naming how its parts are cut ("Within categories,", "By
    region,"): what it then names with a figure is a part of the business, a revenue's name
    or not ("Within categories, Torx and multifocals grew 7%"); results said so too ("Looking
    at our results by product category, chemicals were down 1%")."""
    match = _FRAME.match(sentence)
    return match is not None and (
        (
            _DIMENSION.fullmatch(match["frame"]) is not None
            and not _ONE_SEGMENT.fullmatch(match["frame"])
        )
        or _RESULTS_BY.fullmatch(match["frame"]) is not None
    )


# A way of measuring said after a frame's name: "also adjusting for currency".
_ADJUSTING = led(r"\s++(?:also\s++|again\s++)?(?:after\s++)?adjust(?:ing|ed)\s++for\b", re.I)
# Results said cut by a dimension: "our results by product category".
_RESULTS_BY = led(
    r"(?:(?:our|the)\s+)?(?:results|performance|(?:net\s+)?(?:sales|revenues?)|business)\s+by\s+"
    + DIMENSION,
    re.I,
)


@lru_cache(maxsize=64, typed=True)  # a clause's figures ask for its frame again
def frame_of(text: str) -> tuple[str, int]:
    """A clause's opening frame ("In sensors,", "Turning to Print,") that names a part, and
    where the clause's body begins; a period, a basis or a discourse word ("In Q4,", "On a
    sequential basis,", "In addition,", "For the quarter ended June 30,") frames nothing, and
    a frame that names a part may follow it ("Moving to segment performance, and starting with
    North America, first quarter revenue increased 8%": North America's)."""
    frame, body_at = _one_frame(text)
    if frame or not body_at:
        return frame, body_at
    rest = text[body_at:]
    second, at = _one_frame(rest)
    if second or _TIME_CLAUSE.match(rest.lstrip()) or _PAGE_OPENS.match(rest):
        return second, body_at + at  # (or a clause of time: "Compared with 2019, before we
        # ever heard of the virus, our sales grew …"; or a page: "…, on Page 6,")
    return frame, body_at


def _one_frame(text: str) -> tuple[str, int]:
    begun = _TO_BEGIN.match(text)
    if begun is not None:
        return "", begun.end()  # "To start off, total revenues in Q4 were …"
    ended = _ENDED.match(text)
    if ended is not None:
        return "", ended.end()  # "For the quarter ended December 31, 2017,": a period
    match = _FRAME.match(text)
    topic = place_topic(text) if match is None else None
    if topic is not None:
        return topic  # "Latin America, our strongest performing region, we achieved 12% sales
        # growth": the place's
    if match is None:
        opening = _OPENING.match(text)
        if (
            opening
            and (_ADVERBIAL.search(opening["words"]) or _TIME_CLAUSE.match(opening["words"]))
            and (
                not any(
                    finite_verb(w) and w.lower() not in ("up", "down")
                    for w in opening["words"].split()
                )
                or _TIME_OPENS.match(opening["words"])  # "During the year just ended,"
            )
            and not _REVENUE_OPENING.search(opening["words"])
        ):
            return "", opening.end()
        return "", 0
    frame = _ON_SLIDE.sub("", match["frame"])  # "Moving to X segment on slide 6,": X's
    frame = _FRAME_PERIOD.sub("", frame)  # "In Refrigeration for the fourth quarter,": its
    frame = _ADJUSTING.split(frame, maxsplit=1)[0]  # "In Machine Clothing also adjusting for
    # currency translation effects,": Machine Clothing's
    scope = re.fullmatch(r"(?:an?|the)\s+(?P<scope>.+?)\s+basis", frame, re.I)
    if (
        scope
        and re.search(r"[A-Z]|stand-?alone", scope["scope"])
        and not re.search(
            r"GAAP|consolidated|reported|organic|constant|comparable|sequential|year|quarter|"
            r"dollars?|currenc|\bUSD\b|euros?|yen",
            scope["scope"],
            re.I,
        )
    ):
        return scope["scope"], match.end()  # "On an NCR stand-alone basis, revenue ..."
    if re.search(r"\d%|\bwe\b|\bour\s+\w+\s+(?:was|were)\b", frame, re.I) or any(
        finite_verb(w) and not acronym(w) for w in frame.split()
    ):
        return "", 0
    if _THE_ONE.fullmatch(frame):
        return frame, match.end()  # "In the segment,": one named before (clause_subject)
    if (
        (_DIMENSION.fullmatch(frame) and not _ONE_SEGMENT.fullmatch(frame))
        or match["by"]
        or match["base"]
    ):
        return "", match.end()  # "By end market,": how the parts are cut, none named
    words = [w.lower() for w in re.findall(r"[\w'-]+", frame)]
    generic = {"a", "an", "the", "basis", "perspective", "comparison", "terms", "standpoint"}
    if all(w in generic or PERIOD.fullmatch(w) or w.isdigit() for w in words) or re.search(
        r"\bbasis\b|\bperspective\b|\bcurrency\b|\bcomparison\b|\bsequential|year(?:-\s?|\s)over|"
        r"\bquarter\b|\byear\b|\baddition\b|\bsummary\b|\bshort\b|\bgeneral\b|"
        r"\bparticular\b|\bcontrast\b|\bfact\b|\bturn\b|\btotal\b|\bcustomer\b|\bcategory\b|"
        r"\bexpected\b|\bresult\b|\bmonths?\b|\bperiod\b|" + _DISCOURSE_FRAMES,
        frame,
        re.I,
    ):
        return "", match.end()
    return frame, match.end()
