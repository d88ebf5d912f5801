"""Whose a figure is, where its clause's words leave it to be found: the phrase right before its
verb, the clause's subject where none stands there, the measure a bare "growth" is of, and
whether an apposition's growth is of a measure that is not revenue (the part a preposition names
after it, "13% for notebooks": objects.py)."""

from __future__ import annotations

import re

from ..leads import led
from ..wordlists import any_word, one_of
from .against_expected import BEFORE_A_FIGURE, subject_against
from .appositions import without_apposition
from .clauses import clause_subject, frame_of
from .doers import part_with
from .names import no_noun_phrase, outside_names
from .no_subject import conceded, left_out, measure_alone, pointed_at
from .not_names import INFINITIVE_VERBS
from .patterns import AMOUNT, LOWER_WORD, REVENUE_SAID, WORD
from .phrases import finite_verb, last_word_at, other_measure, phrase_before, tokens, words_of
from .records import COMPANY
from .relatives import market_relative, relative_unread
from .set_off import (
    ASIDE,
    INCLUDES,
    NOTABLY,
    PART_LED_BY,
    PERFORMANCE_WITH,
    REVENUE_ASIDE,
    REVENUE_GOES_ON,
    SHARE_ASIDE,
    WHAT_IT_IS,
    WHICH_DELIVERED,
)
from .subjects import Subject, read_subject
from .verb_forms import after_verbs
from .vocabulary import FORWARD, NOT_REVENUE, REACH
from .whose_growth import measure_before
from .with_aside import WITH_COMMA, absolute_with, part_then_with, with_lower_case

# A market as a whole ("The semiconductor market grew 8%"): no end market of ours ("our data
# center end market") nor a region ("Emerging markets were up 24%"); its size (subject_at).
A_MARKET = led(
    r"\s*(?:the\s+)?(?!.*\b(?:our|its|end|revenues?|sales)\b)(?!(?:emerging|developed|mature|"
    r"high[- ]growth|international|overseas|foreign)\s+markets\b)[\w\s&/-]{0,40}\bmarkets?\s*$",
    re.I,
)


# An amount counted in units, no money: "56 Bcfe", "1.2 million units", "24,624 homes".
_UNITS_BEFORE = led(
    r"(?<![$€£\d.,])(?!(?:19|20)\d\d\b)\d[\d.,]*\s*(?:(?:million|billion|thousand)\s+)?"
    r"(?!(?:million|billion|thousand|bn|mn|m|b|k|percent|basis)\b)[A-Za-z][\w-]*$",
    re.I,
)


def apposition_other(text: str, governor: int) -> bool:
    """Whether a growth set after a comma is of the measure the words before the comma act on,
    and that measure is not revenue."""
    head = text[max(0, governor - REACH) : governor].rstrip()
    if not head.endswith(","):
        return False
    segment = head[:-1]
    against = BEFORE_A_FIGURE.search(segment, max(0, len(segment) - 110))
    if against is not None:
        segment = segment[: against.start()]  # "… above guidance, up 10%": the subject's
    if re.search(r"\b(?:revenues?|sales)$", segment, re.I):
        return False  # "an improvement in aftermarket revenue, up 7%": revenue's
    if _UNITS_BEFORE.search(segment):
        return True  # "producing 56 Bcfe, an increase of around 2%": an amount of units
    verbs = [at for at, word in tokens(segment) if finite_verb(word) or word.lower() == "spent"]
    return other_in(segment[verbs[-1] :]) if verbs else False


def other_in(words: str, *, names: bool = False) -> bool:
    """Whether `words` say a measure that is not revenue; with `names`, a measure word a
    capitalised name holds is the name's ("growth in our Capital Markets business")."""
    if names:
        said = WORD.findall(words)
        lows = outside_names(said, [w.lower() for w in said])
    else:
        lows = LOWER_WORD.findall(words.lower())
    return any(other_measure(w) for w in lows if w not in ("rate",))


# A verb whose object the phrase is: "Our Medical segment delivered sales growth of 6%" (theirs).
_OBJECT_OF = led(
    r"\b(?:delivered|posted|saw|generated|reported|achieved|had|showed|recorded|registered|"
    r"experienced|produced|drove|realized)$"
)


# An infinitive's verb, its subject before "to": "expect Digital Banking to generate 8% growth".
_INFINITIVE = led(r"\bto\s+\w+\s*(?:roughly|about|approximately|nearly|over)?\s*$", re.I)
# A phrase that is the tail of a longer one (its head a preposition's object): "Customers with
# more than $100,000 in ARR", "ad impressions delivered across our Family of Apps".
# A revenue's amount, then the period the amount is of, before the verb: "sales of $298.6
# million in the second quarter increased 20.9%" are the sales'.
_REVENUE_OF = r"\b(?P<measure>revenues?|sales)\s+of\s+" + AMOUNT  # "sales of $298.6 million"
_AMOUNT_THEN_PERIOD = led(_REVENUE_OF + r"\s+(?:in|for|during)\s*$", re.I)
# An amount of revenue, then "that's" or "which is" and the figure of its growth: the revenue's.
_AMOUNT_THAT = led(
    _REVENUE_OF
    + r"(?:\s+(?:in|for|during)\s+(?:the\s+|this\s+)?(?:[\w-]+\s+){0,2}?(?:quarter|year|period))?"
    r",\s*(?:that['’]s|that\s+is|that\s+was|which\s+is|which\s+was)\s+$",
    re.I,
)
_REVENUE_AT = led(r"\b(?:revenues?|sales)\s+at\s*$", re.I)
# (a measure said "for" a part, over a word more: "The comp store sales decline for BNC")
_MEASURED_BEFORE = led(
    r"(?P<words>(?:[$\w.,'’-]+\s+){1,4})(?P<by>in|at|for|with|across|within|through|via)\s*$",
    re.I,
)
# The way a measure is taken, before what it is of: "on a currency adjusted basis for X".
_A_WAY = led(r"\bbasis\s*$", re.I)
# A count or an amount measuring what follows ("Customers with $100,000 in ARR"), not a year
# ("compared to 2019 with organic sales up 10%"), a quarter ("an excellent Q2 with") nor a slide
# ("Turning to Slide 11, across").
_COUNTED = led(r"(?<![\d.,'’])(?<![Qq])(?<!(?i:slide)\s)(?!(?:19|20)\d\d\b)[$€£]?\d")
_EACH = led(r",?\s+(?:all|both|each)(?:\s+(?:was|were|is|are|have|has))?\s*$", re.I)
# (so is a growth's amount reached: "revenue grew 19% to $2.87 billion, with recurring revenue")
_SALES_OF = led(
    r"(?:\b(?i:revenues?|sales)\s+(?:of|was|were)|%\s+to)\s+[$€£]\s?[\d.,]+\s*"
    r"(?:million|billion),?\s+with\s*$"
)
_BARE_REVENUE = led(r"(?:(?:total|net|our)\s+)?(?:revenues?|sales)", re.I)


def _each_of_revenue(before: str) -> bool:
    """Whether the words before a verb are a list of measures, one of them revenue, that each
    did it: "revenue, EBITDA, DEPS and cash flow, all grew north of 20%"."""
    each = _EACH.search(before)
    if each is None:
        return False
    items = [i.strip() for i in re.split(r",|\band\b", before[: each.start()])][-6:]
    for k in range(len(items) - 1, -1, -1):
        if _BARE_REVENUE.fullmatch(items[k]):
            others = [i for i in items[k:] if i and i != items[k]]
            return all(0 < len(i.split()) <= 3 and other_in(i) for i in others)
    return False


# What a growth is led by is a part of the business growing.
_LED_BY = led(
    r"\b(?:growth|increase)\s+(?:was\s+|were\s+|is\s+)?(?:primarily\s+|mainly\s+|largely\s+)?"
    + one_of("led driven fueled powered")
    + r"\s+by\s+(?:the\s+|our\s+)?$",
    re.I,
)
# A revenue named just before the comma a bare growth follows: "X revenue, up 7%".
_AFTER_REVENUE = led(r"\b(?:revenues?|sales)(?=,\s*$)", re.I)
# An amount of revenue said just before: "... revenue to $33.7 billion, up 24%".
_AMOUNT_VERB = one_of(
    "of was were to at reaching reached totaling totaled hit grew_to rose_to equaled equalled"
)
_AFTER_AMOUNT = led(
    r"\b(?:revenues?|sales)(?:,\s*(?:excluding|including)\s[^,]{1,60},)?\s+"
    # its period before the verb: "revenue for the fourth-quarter 2020 totaled $171.7 million"
    r"(?:(?:in|for)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?[a-z-]*?(?:quarter|year|period|half)|q[1-4])"
    r"(?:\s+(?:of\s+)?(?:19|20)\d\d)?\s+(?=totaled|totaling|was|were|of\b))?"
    rf"(?:{_AMOUNT_VERB}\s+)?(?:a\s+record\s+|approximately\s+|about\s+)?{AMOUNT}"
    # the period the amount is of: "net sales of $659 million in the third quarter, up 11%",
    # "revenue of $1.79 billion for the full year 2020, a decline of 11%"
    r"(?:\s+(?:in|for|during)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?[a-z-]*?(?:quarter|year|period|half)"
    r"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?:\d{4}|'\d{2}))?)?"
    # the growth said of the amount: "…, representing an 8% decline", "…, which represents"
    r"\s*,(?P<tail>(?:\s*(?:representing|reflecting|which\s+(?:represents|represented|reflects)))?"
    r"(?:\s*(?:an?|another)(?:\s+[a-z][a-z-]*){0,2})?)$",
    re.I,
)
# A part's clause going on with "with" and its measure: "Peripheral Interventions consistently
# delivers with organic sales up 8%" is Peripheral Interventions'; "X had increased momentum
# and solid sales growth of 9%" is X's (the object of "had").
_WITH_AFTER = any_word(
    "had has have saw sees delivered delivers posted showed shows",
    end=r"\b(?:\s+[\w-]+){1,4}\s+and$",
    also=r"\w\s+with$",
)
# "growth in China, where revenue increased 30%": the place's.
_WHERE = led(
    r"(?:,\s*|(?<=line)\s+|(?<=lines)\s+|(?<=segment)\s+|(?<=business)\s+|(?<=region)\s+|"
    r"(?<=division)\s+|(?<=category)\s+)where\s+$",
    re.I,
)


# What a subject includes, listed, then a verb of its own after "and": "The IOS segment includes
# Fluke, Intelex and Gordian and represents approximately 40%".
_LISTED_THEN = led(
    r"\s(?:includes?|included|consists\s+of|comprises?|contains?)\s+[^.;:%]{1,160}?\s+and\s+$", re.I
)


_TO_DATE = led(r"\b(?:year|quarter|month)\s+to\s+date\s*+(?:(?:has|have)\s+)?$", re.I)
# What made us grow, said before the verb of growth: "enabled us to", "allowed us to".
_US_TO = led(r"\b(?:enabl|allow|help|permitt?)(?:e|es|ed|ing|s)?\s+us\s+to\s*$", re.I)


def subject_at(text: str, at: int, after: str, first: bool, revenue_said: bool) -> Subject:
    """The phrase right before `at`, or the clause's subject where none stands there ("...,
    up 7% sequentially" after an apposition; "and grew 15%")."""
    phrase = phrase_before(text, at)
    near = max(0, at - REACH)  # the words before a verb that its subject is looked for in
    if phrase == "date" and _TO_DATE.search(text, near, at):
        phrase = ""  # "and for the year to date increased 17.5%": a period, no phrase of a name
    if pointed_at(text, near, at) or market_relative(text, near, at):
        return Subject("", False, True, False)  # "this business last year we grew 10%"; "a
        # market that we think is going to grow 15%": the market's
    if _US_TO.search(text, near, at):  # "what has enabled us to grow 30%": ours
        return Subject(COMPANY, True, False, False)
    own = subject_against(text, near, at, first, revenue_said)
    if own is not None:  # "Revenue was above the high end of our guidance range, up 10%"
        return own
    delivered = WHICH_DELIVERED.search(text, near, at)
    led_by = (
        delivered
        or PART_LED_BY.search(text, near, at)
        or PERFORMANCE_WITH.search(text, near, at)
        or (REVENUE_GOES_ON.search(text, near, at) if "continu" in text[near:at] else None)
    )
    if led_by is not None:  # "Revenue was led by Commercial Aerospace, up 15%": the part's
        part = read_subject(led_by["part"], revenue_said=True)
        if part.name not in ("", COMPANY) and not (part.other or part.anaphor):
            return part
        if delivered is not None:  # "our ex-Humira platform, which delivered robust sales
            return Subject("", False, True, False)  # growth": its own, whatever it is
    if _each_of_revenue(text[near:at]):
        return Subject(COMPANY, True, False, False)  # "revenue, EBITDA and cash flow all grew"
    aside = ASIDE.search(text, near, at) or REVENUE_ASIDE.search(text, near, at)
    if aside is not None and not any(map(finite_verb, words_of(aside["aside"] or ""))):
        phrase = phrase_before(text, aside.start("comma"))  # "Revenue, excluding X, grew 5%"
    if (despite := conceded(text, near, at)) >= 0:  # "our ICTx business, despite the
        phrase = phrase_before(text, despite)  # discontinuation of ACURATE grew 10%"
    amount_that = _AMOUNT_THAT.search(text, near, at)
    if amount_that is not None:  # "net sales of $2.2 billion for the quarter, that's up 16%"
        phrase = phrase_before(text, amount_that.end("measure"))
    share_aside = SHARE_ASIDE.search(text, near, at)
    if share_aside is not None:  # "Operating income of $90.9 million or 10% of sales grew";
        # "Services, our largest category, representing 26% of our total revenue, improved"
        phrase = phrase_before(text, share_aside.start())
        if "," in text[near : share_aside.start()]:
            phrase = without_apposition(text[near : share_aside.start()]) or phrase
    what_it_is = WHAT_IT_IS.search(text, near, at)
    if what_it_is is not None:  # "Other revenue, which is primarily credit revenue, increased"
        phrase = phrase_before(text, what_it_is.start())
    listed = _LISTED_THEN.search(text, near, at)
    if listed is not None:  # "X segment includes A, B and C and represents 40%": X's
        phrase = phrase_before(text, listed.start())
    stripped = text[near:at].rstrip()
    named_at = last_word_at(stripped, phrase) if phrase else -1
    aux_only = named_at >= 0 and _AUX_ONLY.fullmatch(stripped, named_at + len(phrase))
    lead = stripped[:named_at] if aux_only else stripped  # "…, where sales were": ", where"
    unset = _RELATIVE_UNSET.search(text, near, at) if phrase else None
    if unset is not None:  # "our recurring revenue which represents chemistry and service grew"
        phrase = phrase_before(text, unset.start())
        lead = text[near : unset.start()].rstrip()
    included = INCLUDES.search(lead + " ") if phrase else None
    if included is not None:  # "X business, which includes Y delivered 3.2%": X's
        phrase = phrase_before(text, near + included.start())
        lead = lead[: included.start()]
    linked = _LINKED.search(lead) if phrase and phrase.islower() and " " not in phrase else None
    if linked is not None:  # "X remained consistent at 85% of sales": X, not its complement
        phrase = phrase_before(text, near + linked.start())
        lead = lead[: linked.start()]
    infinitive = _INFINITIVE.search(stripped) if phrase.lower() in INFINITIVE_VERBS else None
    if infinitive is not None:  # "Digital Banking to generate 8% growth": Digital Banking's
        phrase = phrase_before(text, near + infinitive.start())
        lead = stripped[: infinitive.start()]
    where = _WHERE.search(lead) if phrase else None
    if where is not None:
        measured = read_subject(phrase)
        if measured.other and measured.name and not REVENUE_SAID.search(phrase):
            return measured  # "markets, where payments volume growth was up 11%": the volume's
        before = after_verbs(phrase_before(text, near + where.start()))  # "… was our X"
        place = read_subject(before, revenue_said=True)
        if place.other and place.name and read_subject(phrase).bare:
            place = place._replace(other=False)  # "to circulation, where revenues decreased"
        return place if place.name not in ("", COMPANY) else Subject("", False, True, False)
    amount_then = _AMOUNT_THEN_PERIOD.search(lead) if phrase else None
    if amount_then is not None and not read_subject(phrase).name:
        amount_of = phrase_before(text, near + amount_then.end("measure"))
        return read_subject(amount_of, revenue_said=True)  # "sales of $298.6 million in Q2 grew"
    tail = _MEASURED_BEFORE.search(lead) if phrase else None
    if tail is not None and (_A_WAY.search(tail["words"]) or absolute_with(tail["by"], text, at)):
        tail = None  # "Net sales on a currency adjusted basis for X": how; "with Asia contributing"
    for_part = tail is not None and tail["by"].lower() == "for"
    words = (tail["words"] if for_part else " ".join(tail["words"].split()[-3:])) if tail else ""
    if tail is not None and (
        NOT_REVENUE.search(words)
        or (
            not _REVENUE_AT.search(tail.group())  # "Circulation revenues at Dow Jones grew 6%"
            and (
                other_in(words)
                # an amount before "for" is the period's ("Net sales of $3.9 billion for the
                # quarter"), revenue's own before "with" the whole's (_SALES_OF)
                or (not for_part and _COUNTED.search(words) and not _SALES_OF.search(lead))
            )
        )
    ):
        return Subject("", False, True, False)  # "Customers with $100,000 in ARR grew": theirs
    if phrase and A_MARKET.match(phrase) and not REVENUE_SAID.search(text):
        return Subject("", False, True, False)  # "The semiconductor market grew 8%": the market's
    acting = _OBJECT_OF.search(lead) if not phrase else None
    if acting is not None:  # "wins at Digital Banking drove an 8% growth rate"
        phrase = phrase_before(text, near + acting.start())
        told = text[near : near + acting.start()].rstrip()
        cut = told.rfind(phrase) if phrase else -1
        included = INCLUDES.search(told[:cut] + " ") if cut >= 0 else None
        if included is not None:  # "X business, which includes Y delivered 3.2% growth"
            phrase = phrase_before(text, near + included.start())
    said = _AFTER_REVENUE.search(lead) if not phrase else None
    if said is not None:  # "an improvement in defense aftermarket revenue, up 7%"
        named = read_subject(phrase_before(text, near + said.end()), revenue_said=True)
        if named.name not in ("", COMPANY) and not named.other and not named.anaphor:
            return named
    amount = _AFTER_AMOUNT.search(stripped)
    if amount is not None and (not phrase or amount["tail"]):
        measure = measure_before(text, at)  # "drove Cloud revenue to $33.7 billion, up 24%"
        own = clause_subject(text, first, revenue_said)
        if measure.name != COMPANY:
            if (
                measure.name
                and own.name.endswith(measure.name)
                and not (own.other or own.anaphor)
                and not no_noun_phrase(own.name)
            ):
                return own  # "Software as a service revenue … was $87 million, an increase"
            return measure
        if not frame_of(text)[0] and not (own.name[:1].isupper() or own.other or own.anaphor):
            return measure  # "Our Q1 results included revenue of $1.8 billion, up 7%": revenue's
    if phrase:
        subject = read_subject(
            phrase, first=first and not lead.strip() and near == 0, revenue_said=revenue_said
        )
        named_at = text.rfind(phrase, near, at)
        if subject.name and not subject.revenue and _LED_BY.search(text, near, max(named_at, 0)):
            subject = subject._replace(revenue=True)  # "growth was led by X, which was up 20%"
        if subject.anaphor or subject.other or (subject.name and subject.name != COMPANY):
            return subject
        if subject.name == COMPANY:  # "In sensors, we saw 20% organic growth": the frame's
            lead = lead.rstrip()
            aside = WITH_COMMA.search(lead)  # "TA had a great quarter, with sales up 30%"
            named_part = part_then_with(lead) if aside else None
            if named_part is not None:  # "strong performance in the Education division, with"
                return named_part
            framed = (
                clause_subject(text, first, revenue_said)
                if frame_of(text)[0]
                or lead.endswith(",")
                or _OBJECT_OF.search(lead)
                or _WITH_AFTER.search(lead)
                or aside
                else subject
            )
            if aside and not framed.name[:1].isupper():
                framed = with_lower_case(framed, subject)  # "Our momentum continued, with"
            if framed.other and not aside:
                if measure_alone(framed, lead) or left_out(text):
                    return subject  # "Orders grew 14%, revenue increased 10%": revenue's
                return framed  # "And in this segment, sales increased 13%": named before
            return framed if framed.name not in ("", COMPANY) or framed.other else subject
    owning = part_with(stripped) if not phrase else None
    if owning is not None:  # "…, followed by the marine segment with 18% growth": its
        return owning
    notably = NOTABLY.search(text, near, at) if not phrase else None
    if notably is not None:  # "sales grew in our end markets, most notably Energy, up 60%"
        named = read_subject(notably["name"], revenue_said=True)
        return named if named.name not in ("", COMPANY) else Subject("", False, True, False)
    if relative_unread(text, at):
        return Subject("", False, True, False)  # "…, which represents 13%": no antecedent read
    if _RELATIVE_AFTER.search(stripped) and not REVENUE_SAID.search(text, 0, at):
        return Subject("", False, True, False)  # "829 customers …, which is a 5% improvement"
    subject = clause_subject(text, first, revenue_said)
    market = subject.name.islower() and A_MARKET.match(subject.name) is not None
    if market and FORWARD.search(text) and not REVENUE_SAID.search(text):
        return Subject("", False, True, False)  # "Global road building markets are now expected
        # to be up around 5%": the markets' forecast (not "The food market … growing 22%")
    return subject


# A linking verb right before a word that completes it: "remained consistent", "stayed stable".
_LINKED = led(
    r"\b(?:also\s+)?(?:remained|remains|stayed|stays|became|becomes|held|holds)\s*$", re.I
)
_AUX_ONLY = led(r"(?:\s+(?:was|were|is|are|has|have|had|been|also|still))*\s*", re.I)
# A relative clause of what a part is made of, set off by no commas, before its verb.
_MADE_OF = one_of(
    "represents? includes? included contains? comprises? consists?_of excludes? excluded"
)
_RELATIVE_UNSET = led(
    rf"(?<=[a-z]),?\s+which\s+(?:(?!which\b)[\w'’-]+\s+){{0,8}}?{_MADE_OF}\b[^,;]*$", re.I
)
# A relative clause that speaks of what the clause before it said: ", which is a".
_RELATIVE_AFTER = led(
    r",\s*(?:which|that)\s+(?:is|was|are|were|represents?|represented|marks?|marked)?"
    r"\s*(?:an?\s+)?$",
    re.I,
)
