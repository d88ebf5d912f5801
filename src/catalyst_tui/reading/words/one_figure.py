"""One figure in its clause: what it is (a share, a growth, or nothing) and whose, read from
the words around it (figures.py walks the clause's figures and gates what they give)."""

from __future__ import annotations

import re

from ..leads import led
from .acted_on import REVENUE_ACTED_ON, acted_on, grown_where
from .amounts import amount_range
from .attribution import apposition_other, other_in, subject_at
from .base_growth import period_before, prior_growth
from .breakdowns import breakdown_share
from .clauses import clause_subject, past_a_verb
from .follows import (
    EFFECT_AFTER,
    TO_A_COUNT,
    against_plan,
    compared_noun,
    list_item,
    noun_object,
    of_a_rate,
    spoken_range,
)
from .lists import Found, continued, not_revenue_after, parallel_item
from .measure_words import governor_before, part_reported, qualified_governor
from .multiples import read_multiple
from .objects import object_subject
from .part_revenue import revenue_of_part
from .patterns import (
    CHANGE_IN_REVENUE,
    CMP,
    DRIVERS,
    NEGATIVE,
    NOUN_AFTER,
    SHARE_BEFORE,
    SHARE_OF,
    VERB_THEN,
    compared_at_end,
    comparison_said,
    tail,
)
from .penetration import channel_share
from .phrases import other_measure, phrase_before
from .rate_moved import rate_moved
from .records import COMPANY
from .resulted import REVENUE, result_led, result_subject
from .share_after import gapped_share, share_beside, share_of_whole
from .share_noun import share_by_noun
from .subjects import Subject, read_subject
from .vocabulary import NOT_REVENUE
from .whose_growth import (
    REFUSED,
    generated_by,
    measure_before,
    owner_around,
    part_before_noun,
    part_said_higher,
)


def read_one(
    text: str,
    match: re.Match[str],
    before: str,
    after: str,
    first: bool,
    revenue_said: bool,
    last: Found | None,
) -> Found | None:
    if match["mult"]:
        return read_multiple(text, match, before, after, first, revenue_said)
    if _VAGUE.search(before, tail(before, 8)):
        return None  # "with mid 20% growth", "in the high-20% range": a magnitude, no figure
    value = float(match["num"])
    cmp_match = compared_at_end(before, tail(before, 40))
    comparison = comparison_said(cmp_match)
    if not comparison and _EXCEED.search(before, tail(before, 40)):
        comparison = "over"  # "to exceed 10% of total revenue"
    if re.match(r"\s*(?:points?|basis)\b", after, re.I) or _A_RATE.match(after):
        return None  # points; a rate a year ("growing 40% a year"): no growth of a period
    if compared_noun(after):
        return None  # "a 34% higher throughput and over 80% lower energy": a product's, no growth
    if spoken_range(text, match):
        return None  # "grow about 20% 30% a year": a range said loosely, neither its figure
    if EFFECT_AFTER.match(after) or TO_A_COUNT.match(after) or _IF_LESS.match(after):
        return None  # "2% positive currency impact": an effect's share of a change; "14% if you
        # exclude Auto OEM": a figure of the rest, said as a condition
    if against_plan(before, after):
        return None  # "5% below plan": no growth of a period
    if (moved := rate_moved(match, before, after, last, comparison)) is not None:
        return moved  # "Sales growth strengthened from 1.5% in the first half to 2.7%": both
    if (by_noun := share_by_noun(before, value)) is not None:  # "the share of revenue from X"
        return Found("share", value, comparison, by_noun, "", match.start())
    channel = channel_share(before, after, last.subject.name if last is not None else "")
    if channel is not None and value <= 100:  # "digital penetration is 35%": of its sales
        return Found("share", value, comparison or channel[1], channel[0], "", match.start())
    if (broken_down := breakdown_share(text, match, after, comparison)) is not None:
        return broken_down  # "an end market breakdown of 41% to refining, 25% to …"
    whole = SHARE_OF.match(after)
    if whole:  # "30% of revenue": a share, or none
        return share_of_whole(
            text,
            match,
            whole,
            before,
            after,
            value=value,
            comparison=comparison,
            first=first,
            revenue_said=revenue_said,
            last=last,
        )
    if (gapped := gapped_share(before, last, value, comparison, match.start())) is not None:
        return gapped  # "EMEA accounted for 28% of revenue, …, and APJ for 15%": APJ's
    if (beside := share_beside(text, last, match)) is not None:
        return beside  # "…68% of our revenue with master service agreements comprising 32%"
    if _TO_FLAT.match(after) or amount_range(before):
        return None  # "down 2.5% to flat"; "$482 million to $502 million, down 1%": a forecast
    apposed = _AFTER_SHARE.search(before, tail(before, 100))
    if apposed is not None and (
        (last is not None and last.kind == "share" and last.subject.other)
        or (last is None and _WHICH.search(before, tail(before, 160), apposed.start()))
    ):
        return None  # "marketing spend, which is to be 7% of sales, up roughly 75%": the spend's
    if _CAUSE.search(before, tail(before, 120)) and clause_subject(text, first, revenue_said).other:
        return None  # "Free cash flow declined 55% due to … our 25% revenue growth": a cause
    said_share = SHARE_BEFORE.search(before, tail(before, 120))
    if said_share is not None and value <= 100:
        subject = read_subject(phrase_before(text, said_share.start()), first=first)
        return Found("share", value, comparison, subject, "", match.start())
    framed = _BE_FIGURE.search(before, tail(before, 40)) if _SHARE_FRAME.match(text) else None
    if framed is not None and value <= 100:  # "As a percentage of revenue, X was 77%"
        subject = read_subject(phrase_before(text, framed.start()))
        if subject.name in ("", COMPANY) or subject.other or subject.anaphor:
            return None
        return Found("share", value, comparison, subject, "", match.start())
    if (
        last is not None
        and last.kind == "share"
        and re.search(
            r"\b(?:from|compared\s+(?:with|to)|versus|vs\.?)\s+(?:the\s+)?$", before, re.I
        )
    ):
        return Found("share", value, comparison, last.subject, "", match.start())
    verb = VERB_THEN.search(before, tail(before, 160))
    if (
        verb is not None
        and verb["verb"].lower().startswith("add")
        and not _IN_REVENUE_OF.match(after)
    ):
        return None  # "acquisitions added $10 million or 3% to EBITDA": not the revenue's
    noun = NOUN_AFTER.match(after)
    part_of = _PART_OF.search(before, tail(before, 60)) is not None
    if verb is None and noun is None and part_of and last is not None and last.kind == "growth":
        named = object_subject(after, of_revenue=True)  # "growth of 5%, including 3% in Canada"
        fall = last.value < 0
        kind = part_before_noun(after, bare=before if last.subject.revenue else None)
        if named is None and kind:  # "7% revenue growth driven by 11% product revenue growth",
            named, fall = kind  # "Revenue grew 12%, driven by 9% storage growth"
        if named is None or last.subject.other:
            return None
        sign = -1 if fall else 1
        return Found("growth", sign * value, comparison, named, "", match.start())
    if noun is not None and noun["noun"].lower() in ("higher", "lower"):
        what = re.split(r",|;|\band\b|\bthan\b", after[noun.end() : noun.end() + 60])[0]
        if other_in(what) or NOT_REVENUE.search(what) or (not revenue_said and _WE.search(before)):
            return None  # "offset by 6% lower average selling prices"; "we're 10% lower than"
        part = part_said_higher(what)  # "driven by 3.5% higher merchandise sales"
        if part is not None:
            sign = -1 if noun["noun"].lower() == "lower" else 1
            return Found("growth", sign * value, comparison, part, "", match.start())
    own = clause_subject(text, first, revenue_said) if verb is None and noun is None else None
    if own is not None and (kind := part_before_noun(after, own)):
        return Found("growth", -value if kind[1] else value, comparison, kind[0], "", match.start())
    if verb is None and noun is None:
        if (prior := prior_growth(text, match, before, after, noun, last)) is not None:
            return prior._replace(comparison=comparison)  # "6% compared to 2% in the prior year"
        if other_in(list_item(after)):
            return None  # "7% revenue growth and 5% adjusted profit growth": the profit's
        listed = continued(text, last, match) if last else None
        if listed is not None and listed.kind == "growth":
            kind = part_before_noun(after, bare=before)  # "…, and 17% service growth"
            named = object_subject(after) or (kind[0] if kind else None)
            return listed._replace(subject=named) if named else listed
        return listed
    prior = prior_growth(text, match, before, after, noun, last)
    if prior is not None:
        return prior._replace(comparison=comparison)
    if verb is None and noun is not None and result_led(before):
        # "resulting in 10.6% organic revenue growth": the measure after the figure is its own
        mine = result_subject(after, noun, before)
        if mine is None:
            return None
        if mine is REVENUE:  # "Collins generated $30 billion of sales, resulting in 9% …": its
            mine = generated_by(text, before, first, revenue_said) or mine
        negative = bool(NEGATIVE.match(noun["noun"].lower()))
        return Found("growth", -value if negative else value, comparison, mine, "", match.start())
    if verb is not None and _IMPACT_BY.search(before, tail(before, 60)):
        return None
    if verb is not None and period_before(before, verb["verb"], verb.start()):
        return None  # "an improvement from the third quarter decrease of 5%": a period's before
    if verb is not None and _FLAT_TO.search(before, tail(before, 40), verb.start()):
        return None  # "flat to down 5%": a range from nothing, no one growth
    word = (verb["verb"] if verb is not None else noun["noun"]).lower()  # type: ignore[index]
    if verb is not None and verb["seen"]:
        word = word.split()[-1]  # "saw revenue decline 13%": the change is the last word's
    negative = bool(NEGATIVE.match(word)) or bool(re.match(r"\s*below\b", after, re.I))
    if noun is not None and NEGATIVE.match(noun["noun"]) and not _RISEN.match(word):
        negative = True  # "organic growth came in at a 21% decline": the noun says its sign
    if re.match(r"(?:up|down)\s+from", word):
        return None  # "up from 29% a year ago": the figure is the base
    if verb is not None:
        between = verb["gap"] or ""
        governor = verb.start()
        governor = qualified_governor(before, governor, word)
    else:
        between, governor = "", governor_before(before)
    if (
        other_in(between)
        or not_revenue_after(text, match.end())  # "40% new business growth": what is signed
        or (
            noun is not None
            and (
                other_in(noun_object(after, noun.end())[noun.end("noun") :], names=True)
                or of_a_rate(after, noun.end())  # (what "gains" are in: "4% organic gains in LPD")
            )
        )
    ):
        return None
    if apposition_other(text, governor):
        return None  # "spent $2.1 billion on capital expenditures, an increase of 11%"
    if noun is not None and _DRIVER_AFTER.match(after, noun.end()):
        return None  # "due to an 11% increase from volume": what drove a growth, no growth
    if verb is not None and noun is not None and _OFFSET_BY.search(verb["gap"] or ""):
        named = object_subject(after, of_revenue=True)  # "X growth was partially offset by a 6%
        if named is None:  # decrease in commercial OEM sales": what offset it, named after it
            return None
        return Found("growth", -value if negative else value, comparison, named, "", match.start())
    own = subject_at(text, governor, "", first, revenue_said)
    own = past_a_verb(text, own, governor, match.start(), first, revenue_said)
    grown = read_subject(verb["obj"]) if verb is not None and verb["obj"] else None
    if verb is not None and verb["seen"]:  # "X saw digital sales increase 9%": digital's
        seen = read_subject(verb["seen"])
        if seen.other:
            return None
        if seen.name not in ("", COMPANY) and not seen.anaphor:
            own = seen
    if verb is not None and verb["within"]:  # "organic growth in LatAm was 49%": LatAm's
        within = read_subject(verb["within"], revenue_said=True)
        if within.other:
            return None  # "an increase in demand of 40% for X": the demand's
        if within.name and not (within.other or within.anaphor):
            own = within._replace(revenue=True)
    if (
        grown is None
        and verb is not None
        # (not where the subject is another's: "9 of our top 15 verticals grow revenues by")
        and (own.name == COMPANY or own.anaphor or not (own.name or own.other))
    ):
        acted = REVENUE_ACTED_ON.search(verb["gap"] or "")
        measure = read_subject(acted["measure"]) if acted else None
        if measure is not None and measure.other:
            return None  # "growing revenue per user by 3%": no revenue's growth
        if measure is not None and measure.name:  # "growing total wireless service revenue
            grown = measure  # by 3.9%": that revenue's; "consolidated revenues": ours
            if grown.name == COMPANY:
                own = grown
    if verb is not None and not grown:
        grown = grown_where(verb["gap"])  # "grew in Europe by 12%": Europe's
    of_part = own.name != COMPANY  # "Europe increased comparable restaurant sales by 2.6%"
    if own.name and grown is None and verb is not None and acted_on(verb["gap"], of_part=of_part):
        return None  # "having improved pieces fed per labor hour by 3%": what it acted on
    if (
        (own.name in ("", COMPANY) or own.anaphor)
        and grown is not None
        and (grown.name not in ("", COMPANY) and not grown.other and not grown.anaphor)
    ):
        own = grown._replace(revenue=True)  # "we grew our Application Software segment 9%"
    if last is not None and (
        text[max(0, governor - 4) : governor].rstrip().endswith("(")
        or _WITH_ANOTHER.search(before, tail(before, 20))
    ):  # "grew 13.6% with 10.1% organic": the same growth's, measured another way
        own = last.subject  # "up 24% (up 22% in constant currency)": the same growth's
    growth_noun = verb is not None and re.match(r"(?:growth|increase|decline|decrease)\b", word)
    if (
        growth_noun and not own.name and not own.other and not own.anaphor
    ):  # "Organic growth was 6%"
        own = part_reported(text, governor) or measure_before(text, governor)
    if parallel_item(text, last, governor) and own.name and not own.other:
        own = own._replace(revenue=True)  # "data center was up 30%, and storage down 4%"
    # "we grew 48% sequentially in filters": a kind of thing the company grew in is a part;
    # "we're seeing growth, including 33% growth in healthcare needs" names no growth of ours
    named = object_subject(
        after, of_revenue=(own.name == COMPANY and verb is not None) or (part_of and revenue_said)
    )
    if named is not None and (
        clause_subject(text, first, revenue_said).other
        or (growth_noun and other_measure(" ".join(text[:governor].split()[-1:]).lower()))
    ):  # "increases in R&D expenses were driven by a 30% increase in compensation"; "we expect
        return None  # industry demand growth of 10% in DRAM": the demand's
    if named is None and _IN_OURS.match(after):
        return None  # "… and a 35% increase in our obp Surgical line of …": that line's, unread
    subject = named or own
    if named is None and _IN_REVENUE.match(after) and not read_subject(subject.name).revenue:
        subject = Subject(COMPANY, True, False, False)  # "The 10% increase in revenue was …"
    elif named is None and _OPENING.fullmatch(before) and _IN_SALES.match(after):
        subject = Subject(COMPANY, True, False, False)  # "The 8.1% increase in organic net sales"
    before_it = phrase_before(text, governor)
    if (
        re.search(r"\bgrowth(?:\s+rate)?\s*$", before_it, re.I)
        and not read_subject(before_it).other
    ):
        measured = measure_before(text, governor)  # "with growth accelerating to 131%"
        if measured.name != COMPANY or not subject.part:
            subject = measured  # "For Merchant, revenue growth rebounded to 45%": Merchant's
    if subject.other:
        subject = revenue_of_part(text, before, after, governor, noun, subject) or subject
    around = owner_around(
        text, before, match.start(), last, verb if growth_noun else None, first, revenue_said
    )
    if around is REFUSED:
        return None  # "Protective volumes were up 1% led by EMEA with 7% growth": volumes'
    subject = around or subject
    return Found("growth", -value if negative else value, comparison, subject, "", match.start())


# A verb that says a rise: a noun after its figure ("grew 3% less than the market") is no sign.
_WITH_ANOTHER = led(r"\d\s*%\s*,?\s+with\s+(?:an?\s+)?$", re.I)
_RISEN = led(
    r"(?:up\b|gr[eo]w(?!th)|increas|ros|ris|gain|improv|jump|climb|expand|accelerat)", re.I
)
_OFFSET_BY = led(r"\boffset\s+by(?:\s+an?)?\s*$", re.I)
# A part's figure after the one before it: "led by 15% growth in cloud", "including 3% in Canada".
_PART_OF = led(
    r"\b(?:(?:led|driven|helped|fueled|powered)\s+(?:primarily\s+|mainly\s+|largely\s+)?by|"
    r"including|with|of\s+which)\s+(?:an?\s+|the\s+)?" + CMP + r"$",
    re.I,
)
# What drove a growth, after its noun: "an 11% increase from volume and 1% from price".
_DRIVER_AFTER = led(
    rf"\s+(?:from|in|due\s+to)\s+(?:higher\s+|lower\s+|organic\s+|our\s+)*{DRIVERS}\b", re.I
)
_FLAT_TO = led(r"\bflat\s+to\s*$", re.I)
# A growth said in apposition right after a share: of the share's part.
_AFTER_SHARE = led(
    r"[\d.]+\s?%\s+of\s+[^,;%]{1,60},\s*(?:up|down|an?\s+(?:increase|decrease|decline))\s+"
    r"(?!from\b)(?:[a-z]+\s+)?$",
    re.I,
)
_WHICH = led(r",\s*(?:which|that)\b", re.I)
# A change named in a thing of ours after it, no revenue, sales nor period: that thing's figure,
# never the clause's subject's where its name is too long to read.
_IN_OURS = led(
    r"\s*(?:(?!(?:on|as|from|by|to|with|and|of|in|for)\b)[\w-]+\s+)?"
    r"(?:growth|increase|decline|decrease|improvement|rise|drop)\s+in\s+"
    r"(?:our|its)\s+(?!(?:[\w-]+\s+){0,3}?(?:revenues?|sales|top[- ]line|quarters?|years?|"
    r"half|period|fiscal)\b)",
    re.I,
)
# A cause said before a figure: "due to working capital related to our 25% revenue growth".
_CAUSE = led(r"\b(?:due\s+to|related\s+to|because\s+of|as\s+a\s+result\s+of)\b[^,;]*$", re.I)
_VAGUE = led(r"\b(?:low|mid|high)[- ]?$", re.I)
_TO_FLAT = led(r"\s*to\s+flat\b", re.I)
# A share's whole said first, before its clause: "As a percentage of total revenue, ...".
_SHARE_FRAME = led(
    r"\s*(?:and\s+)?as\s+an?\s+(?:percentage|percent|share|portion|proportion)\s+of\s+"
    r"(?:(?:total|net|our|the|overall|consolidated|company)\s+)*(?:revenues?|sales)\s*,",
    re.I,
)
_BE_FIGURE = led(r"\b(?:was|were|is|are|came\s+in\s+at|reached|stood\s+at)\s+" + CMP + r"$", re.I)
_IN_REVENUE = led(
    r"\s*(?:increase|growth|decline|decrease)\s+in\s+(?:total\s+)?revenues?\b(?!\s+per\b)"
    r"(?!\s+(?:in|at|for)\s+(?:our|the)\s+(?:[\w&-]+\s+){1,4}?(?:segment|business|division)\b)",
    re.I,
)


# The same, of sales measured some way, where the figure opens its sentence: "The 8.1% increase
# in organic net sales was primarily driven by …".
_IN_REVENUE_OF = led(r"\s+in\s+(?:[\w-]+\s+)?revenues?\b", re.I)
_IN_SALES = led(r"\s*" + CHANGE_IN_REVENUE + r"\s+(?:was|is|were|are)\b", re.I)
_OPENING = led(r"(?:[^,;]{0,60},\s*)?\s*(?:the|an?)\s*", re.I)  # "As you can see, the"


_A_RATE = led(
    r"\s*(?:a|per|each|every)\s+(?:year|annum)\b(?!\s+(?:ago|earlier|before|prior|back))|"
    r"\s*annually\b|\s*on\s+average\b|"
    r"\s*(?:compounded|compound|cagr)\b|\s*on\s+an?\s+(?:three|3)[- ]year\b",
    re.I,
)
# A speaker or a pronoun: a subject that names no measure.
_WE = led(r"\b(?:we|we['’]re|we['’]ve|it|it['’]s|they)\b", re.I)
_IF_LESS = led(r",?\s*if\s+(?:you|we)\s+(?:exclude|take\s+out|strip\s+out|back\s+out)\b", re.I)
_EXCEED = led(r"\b(?:exceed|surpass|top)\w*\s*$", re.I)
# "impacted our revenue by 24%": an impact, no growth.
_IMPACT_BY = led(r"\b(?:impact|reduc|offset|hurt)\w*\s+[\w\s]{0,30}by\s*$", re.I)
