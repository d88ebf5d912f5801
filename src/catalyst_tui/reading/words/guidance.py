"""The direction of the company's guidance in one sentence, each one the sentence gives.

A direction is a verb whose object is the company's guidance ("we are raising our full-year
revenue guidance", "reaffirming all full year 2021 guidance metrics", "we're withdrawing our
previously issued full-year guidance", "initiating guidance for 2021"), or what guidance is
against its prior self ("an increase from our prior guide", "lower than our prior outlook",
"down $180 million at the midpoint from our prior guidance", "the reduction to our revenue
outlook"). The guidance is named by a noun (guidance, outlook, guide, forecast, expectations)
or by a metric the company owns followed by its new figure ("raising our operating margin to
18.5%"). Nothing is read where the verb is negated ("not providing guidance", "too early to
provide guidance"), hedged, or the outlook is someone else's or of something else ("Moody's
positive outlook", "a lower outlook for demand"), or of a dividend."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..leads import led
from ..wordlists import any_word
from .blocked import NEGATED, barred, else_said, hedged
from .guidance_verbs import (
    DONE_BEFORE,
    GUIDANCE_FIGURES,
    INITIAL,
    METRIC,
    MOVING,
    OF_FIGURE,
    WHERE_DONE,
    also_down,
    kept_adjective,
    kept_before,
    metric_of,
)
from .guidance_verbs import VERB_KEYS as _VERB_KEYS
from .guidance_verbs import VERBS as _VERBS
from .no_move import (
    assumed,
    assumed_before,
    emissions_goal,
    forward_before,
    given_later,
    growth_figure_only,
    led_to,
    market_only,
    result_against,
    said_of_a_result,
    slide_gives,
    view_after,
    view_said,
    years_after,
)
from .not_given import cause_after, goal_level, hard_to_give, no_forecast_of_ours, vague_noun
from .passive import passive_moves
from .patterns import ESTIMATE, GUIDANCE_FILLER, GUIDANCE_NOUN, PERIOD_SAID
from .prior import (
    AGAINST_PRIOR,
    OPPOSITE,
    PRIOR_KEYS,
    PRIOR_SAID_KEYS,
    against_prior_range,
    against_prior_words,
)
from .records import Stated
from .revised import REVISED_KEYS as _REVISED_KEYS
from .revised import revisions
from .said_against import PRIOR_WORD, moved_against_itself
from .said_otherwise import said_otherwise
from .stands import STANDS, STANDS_KEYS
from .vocabulary import FORWARD, MONTH

_NOUN = GUIDANCE_NOUN
# "that" before another determiner opens a clause: "reiterate that our target is likely to
# incorporate ..." reiterates what is said of the target, not the target.
_DETERMINER = (
    r"(?:our|the|that(?!\s+(?:our|the|its|their|this|these|we|it)\b)|this|its|all|both|their)"
)

# Guidance to be given later, not given now: "we anticipate providing 2022 guidance in February".
GIVEN_LATER = led(
    # or the speaker's talk to come: "I'll now offer our outlook", "So let me provide our forecast"
    r"(?:\b(?:anticipat\w*|expect\w*|plan\w*|will|intend\w*|look\s+forward\s+to|let\s+me|"
    r"let['’]s)|['’]ll)\s+"
    # "we expect to be able to provide 2021 guidance in February"
    r"(?:to\s+be\s+(?:able|in\s+a\s+position)\s+)?(?:\w+\s+)?$",
    re.I,
)
# Giving guidance begins it only for a period named: "providing guidance for the full year 2022"
# ("while we're providing guidance, we're doing so with a wider range" begins none); giving or
# setting it up said of a time ahead gives none now ("We expect to establish guidance for …").
_GIVING = "provid|issu|giv|offer|outlin|releas"
_GIVEN = led(rf"(?:{_GIVING})", re.I)
_GIVEN_OR_SET = led(rf"(?:{_GIVING}|establish)", re.I)
# Guidance given begins guidance now only as today's act ("Last night, we also provided earnings
# guidance for the third quarter"): in a clause of when or of what, or after "after", it is the
# time of another act ("when we provided fiscal '22 guidance, we anticipated", "After providing
# initial outlook, we are raising"); given at a time before, as a habit, or again as it was or
# updated, it begins none ("At the beginning of fiscal 2021, we provided initial guidance";
# "Historically, we have issued our full year guidance"; "our 2020 guidance, which is unchanged").
_GIVEN_PAST = led(r"(?:issued|provided|given|released)\b", re.I)
_NOT_NEW = led(
    r"\b(?:updated|revised|unchanged|historically|typically|usually|as\s+a\s+reminder|"
    r"previously|originally|back\s+in|at\s+the\s+(?:beginning|start)\s+of|"
    r"last\s+(?:year|quarter|month)|earlier\s+(?:this|in\s+the)\s+year|"
    r"(?:on|during)\s+our\s+(?:[\w-]+\s+){0,3}?(?:call|day)|(?:in|on)\s+(?-i:" + MONTH + r"))\b",
    re.I,
)
_GIVEN_BEFORE = led(
    r"\b(?:when|as|since|after|before|than|that|which|what|where)\s+we(?:\s+have|['’]ve)?"
    r"(?:\s+also)?\s+$|\b(?:after|since|upon|following)\s+$",
    re.I,
)
# Guidance reinstated or returned to later, or not yet: "we will return to providing guidance …",
# "we'll reinstate the guidance".
_REINSTATE = led(r"reinstat(?:e|es|ed|ing)\b|return", re.I)
_NOT_NOW = led(
    GIVEN_LATER.pattern + r"|['’]ll\s+$|\b(?:premature|too\s+early|not\s+yet|unable)\s+to\s+$|"
    r"\b(?:looking\s+at|considering|thinking\s+about|evaluating)\s+$",
    re.I,
)
_FOR_PERIOD = led(
    r"\s+for\s+(?:the\s+|our\s+)?(?:first|second|third|fourth|full|fiscal|next|coming|q[1-4]|fy|"
    r"calendar|(?:19|20)\d\d|['’]?\d{2}\b|year|quarter|half)",
    re.I,
)
_FILLER = GUIDANCE_FILLER
_END_OF = r"(?:\s+the\s+(?:(?:high|low|top|bottom|upper|lower)\s+end\s+of|mid-?point\s+(?:of|on)))?"
# A second verb joined to the first that moves the same guidance: "raised and reaffirmed our",
# "raising and narrowing our guidance range".
_AND_MOVED = r"(?:(?!exceed|surpass|outperform|topp)\w+ed|narrowing|tightening)"
_VERB_OBJECT = {
    direction: led(
        rf"\b(?:{verbs})\b(?!\s+and\b(?!\s+{_AND_MOVED}\s+(?:its|our|the)\b))"
        rf"(?:\s+and\s+{_AND_MOVED}(?=\s+(?:its|our|the)\b))?(?:\s+(?:again|also|once\s+again))?"
        rf"(?P<object>{_END_OF}(?:\s+{_DETERMINER}{GUIDANCE_FIGURES}?)?{_FILLER}{{0,12}}?\s+{_NOUN}\b"
        # the range alone, ending its clause or left unchanged: "we reiterated our range."
        r"|\s+(?:our|the)\s+range(?=\s*+(?:[.;!?]|$)|\s++unchanged\b)"
        rf"|(?<=ing)(?:\s+{_DETERMINER})(?:\s+(?:previously\s+issued|prior))?\s+{METRIC}"
        rf"(?:\s+growth\s+assumptions?|\s+{_NOUN})?(?=\s+(?:to|from|by|for)\b)"
        # a year's growth and its figure: "maintaining our full-year organic growth of 11 to 12%"
        rf"|(?<=ing)\s+{_DETERMINER}\s+(?:full[- ]year|fiscal|annual|(?:19|20)\d\d)\s+"
        r"(?:[\w-]+\s+)?growth(?=\s+(?:of|at)\s+[\d$])"
        # an expected measure moved: "lowering our expected adjusted EPS growth", "increasing
        # our anticipated revenue growth to mid-20%"
        rf"|(?:(?<=ing)|(?<=ed))(?:\s+(?:our|the))?\s+(?:expected|anticipated|projected|forecasted?)\s+"
        rf"(?:[\w-]+\s+){{0,4}}?{METRIC}\b"
        # a year's growth of a measure: "reconfirming double digit adjusted EPS growth in 2021"
        rf"|(?<=ing)\s+(?:[\w-]+\s+){{0,3}}?{METRIC}\s+growth\s+(?:in|for)\s+(?:fiscal\s+)?"
        r"(?:19|20)\d\d\b"
        # a metric moved to a figure it is to be: "raising adjusted EPS to be between $2.51 and"
        rf"|(?<=ing)\s+{METRIC}(?=\s+to\s+be\s+(?:between|in\s+(?:a|the)\s+range|"
        r"approximately|about|\$)))",
        re.I,
    )
    for direction, verbs in _VERBS.items()
}
_YEARS_AHEAD = led(r"\blong(?:er)?[- ]term\b|\bmulti[- ]year\b", re.I)
# How far after a target the words of its level are looked for: "Our CET1 management target
# remains 12.5%."
_GOAL_REACH = 40
_NAMED_GUIDANCE = led(r"(?:guidance|outlooks?|forecasts?|projections?)\b", re.I)


def read_guidance(sentence: str, start: int, end: int) -> Iterator[Stated]:
    """Each direction of the company's guidance `sentence` gives, in its order."""
    found: list[tuple[int, str, str]] = []
    low = sentence.lower()
    for direction, pattern in _VERB_OBJECT.items():
        if not any(map(low.__contains__, _VERB_KEYS[direction])):
            continue  # each pattern looked for only where one of its words stands
        for match in pattern.finditer(sentence):
            if barred(sentence, match.start(), match.end()) or view_said(match.group()):
                continue  # "increased volumes and are trending toward … our guidance range"
            if kept_adjective(sentence, match.start()):
                continue  # "affirming both our increased … guidance range": kept, moved before
            if _GIVEN_OR_SET.match(match.group()) and (
                GIVEN_LATER.search(sentence, 0, match.start())
                or given_later(sentence, match.start())
            ):
                continue  # a plan to give guidance later gives none now; "when providing …"
            if (_GIVEN.match(match.group()) or match.group().lower().startswith("reinstated")) and (
                _GIVEN_BEFORE.search(sentence, max(0, match.start() - 40), match.start())
                or (_GIVEN_PAST.match(match.group()) and _NOT_NEW.search(sentence))
            ):
                continue  # "Back in May, when we provided …", "After providing initial outlook",
                # "when we reinstated guidance with our second quarter earnings announcement"
            if direction == "reiterated" and goal_level(match.group()):
                continue  # "maintained adjusted operating margin within our target range"
            if led_to(sentence, match.start()):  # or an aim: "we invest to increase the outlook"
                continue  # "contributed to boosting our adjusted EBITDA margin to 20.5%": a result
            if years_after(sentence, match.end(), moved=direction in ("raised", "cut")):
                continue  # "raises our expectations on how sustainable … may be long-term"
            if _REINSTATE.match(match.group()) and _NOT_NOW.search(sentence, 0, match.start()):
                continue  # "we will reinstate guidance once …", "premature to reinstate"
            if _GIVEN.match(match.group()) and not (
                INITIAL.search(match["object"])
                or _FOR_PERIOD.match(sentence, match.end())
                or OF_FIGURE.match(sentence, match.end())
                or PERIOD_SAID.search(match["object"])
                or re.search(r"\b(?:q[1-4]|first|second|third|fourth)\b", match["object"], re.I)
            ):
                continue  # "providing only Q1 guidance" begins guidance for a period named
            if direction == "introduced" and slide_gives(sentence, match.start()):
                continue  # "Slide 13 provides additional perspective of our 2022 outlook"
            if direction == "introduced" and hard_to_give(sentence, match.end()):
                continue  # "establishing full year guidance … remains challenging": not given
            if direction == "introduced" and _NOT_BEGUN.search(match["object"]):
                continue  # "introduced our midrange targets", "providing updated guidance"
            after = sentence[match.end() : match.end() + 40]
            metric = metric_of(match["object"]) or metric_of(after, first=True)
            if vague_noun(match["object"], after, metric):
                continue  # "our estimate of COVID impact", "the resource estimate": no guidance
            found.append((match.start(), direction, metric))
    for direction, pattern in AGAINST_PRIOR.items():
        if not any(map(low.__contains__, PRIOR_KEYS[direction])) or (
            sentence.isascii() and not any(map(low.__contains__, PRIOR_SAID_KEYS[direction]))
        ):  # no word of the prior guidance (an ASCII sentence lowered, as `re.I` reads it)
            continue
        if emissions_goal(sentence):
            continue
        for match in pattern.finditer(sentence):
            if (
                re.search(r"expectation", match.group(), re.I)
                or (
                    re.search(r"\bforecast$", match.group(), re.I)
                    and re.match(r"\s*(?:[,.;]|$)", sentence[match.end() :])
                )
            ) and not PRIOR_WORD.search(match.group()):
                continue  # "lower than our expectations", "lower sales weeks versus our
                # forecast.": results, not guidance moved
            if _RESULT_WAS.search(match.group()) and not re.match(_NOUN, match.group(), re.I):
                continue  # "the sales increase was lower than our prior expectations": a result
            if growth_figure_only(match.group()):
                continue  # "now anticipated to be up about 2% with … versus our prior guide"
            if direction == "cut" and also_down(sentence, match.end()):
                continue  # "now down low single digits versus our prior view of been down
                # mid-single digits": a decline against a decline, its size decides
            if OPPOSITE[direction].search(match.group(), 1):
                continue  # "increase by 20%, slightly lower than our prior outlook": a cut
            ahead = said_of_a_result(match.group()) or _FIRST_VIEW.search(match.group())
            if ahead and not forward_before(sentence, match.start(), match.group()):
                continue  # "Sales grew 12%, ahead of our initial expectations": a result
            clause = max(sentence.rfind(", and ", 0, match.start()), 0)  # the result's clause
            if _WAS.search(sentence, 0, match.start()) and not (
                _FORWARD_WORD.search(sentence, clause, match.start())
                or _FORWARD_WORD.search(sentence, match.end())
            ):
                continue  # "This was below our previous outlook of…", "…, and EPS was above"
            if _NOT_GUIDED.search(sentence, max(0, match.start() - 50), match.start()):
                continue  # "an increase in elective procedures above our previous forecast"
            metric = metric_of(sentence[: match.end()])
            if ESTIMATE.search(match.group()) and not (metric or PERIOD_SAID.search(sentence)):
                continue  # "up from the previous estimate of 9 billion barrels": no guidance
            if not (
                barred(sentence, match.start(), match.end(), verb=False)
                or assumed_before(sentence, match.start())
            ):
                if _BETTER_COST.match(match.group()) and _A_COST.search(sentence, 0, match.start()):
                    direction = "cut"  # "G&A expense …, a $4 million improvement from $81 million"
                found.append((match.start(), direction, metric))
    for match in STANDS.finditer(sentence) if _keyed(low, STANDS_KEYS) else ():
        lead = sentence[max(sentence.rfind(c, 0, match.start()) for c in ",;:") + 1 : match.start()]
        lead = _POLITE.sub("", _JOINED.sub("", lead))  # "And in line with …", "I would like you"
        if match["in_line"] and not (
            FORWARD.search(sentence, 0, match.start())
            or (
                not lead.strip()
                and FORWARD.search(sentence, match.end())
                and not NEGATED.search(sentence, match.end())
            )
        ):  # "In line with our prior guidance, we still expect …": the forecast after it
            continue  # "Revenue was in line with our previous guidance": a result
        if match["in_line"] and no_forecast_of_ours(sentence, match.start()):
            continue  # "… 2% range by 2023, consistent with …", "75% share": no guidance of ours
        if (
            _CHANGED.search(match.group())
            or assumed(match.group())
            or view_after(sentence, match.end())
        ):
            continue  # "our revised guidance reflects what continues to be": changed, no stand
        if _YEARS_AHEAD.search(match.group()):
            continue  # "we remain committed to our long-term target of 20%": a goal over years
        if not match["in_line"] and ESTIMATE.search(match.group()) and not metric_of(match.group()):
            continue  # "no changes to our overall COVID catastrophe loss estimates": no guidance
        if goal_level(sentence[match.start() : match.end() + _GOAL_REACH]):
            continue  # "Our target for operating expense remains at 20%": a goal's level
        if not (NEGATED.search(lead) or hedged(lead) or else_said(sentence, match)):
            found.append((match.start(), "reiterated", metric_of(match.group())))
    found.extend(passive_moves(sentence, low))  # "Our full year EPS outlook is increased"
    for match in (
        MOVING.finditer(sentence)
        if _keyed(low, ("creas", "rising", "rises", "rose", "declin", "fell"))
        else ()
    ):
        if match["to"] and not _NAMED_GUIDANCE.match(match.group()):
            continue  # "Our … NOI target increased to $379 million": a level, no guidance moved
        if not barred(sentence, match.start(), match.end(), verb=False):
            direction = "raised" if match["up"] or match["ups"] or match["rose"] else "cut"
            found.append((match.start(), direction, metric_of(match.group())))
    for match in (
        WHERE_DONE.finditer(sentence)
        if _keyed(low, ("where", "which", "that we", "that i"))
        else ()
    ):
        said = next((d for d, v in _VERBS.items() if re.fullmatch(v, match["verb"], re.I)), "")
        # barred from the verb on: the relative clause between the noun and its verb is the
        # act's own ("our revenue guidance, which we're tightening and raising")
        if DONE_BEFORE.match(sentence, match.end()):
            continue  # "our guidance that we increased just last quarter": a move of before
        if said and said != "introduced" and not barred(sentence, match.start("verb"), match.end()):
            found.append((match.start(), said, metric_of(sentence[match.end() :], first=True)))
    for match, direction in revisions(sentence) if _keyed(low, _REVISED_KEYS) else ():
        if barred(sentence, match.start(), match.end()) or _YEARS_AHEAD.search(match.group()):
            continue  # "update our long-term financial framework": a view over years
        found.append((match.start(), direction, metric_of(match.group())))
    for at, until, direction, words in moved_against_itself(sentence, low):
        if not (barred(sentence, at, until, verb=False) or result_against(sentence, at)):
            found.append((at, direction, metric_of(words)))
    for at, until, direction in said_otherwise(sentence):
        if direction != "reiterated" and kept_before(sentence, at):
            continue  # "affirming both our increased … guidance range": kept, moved before
        if not (barred(sentence, at, until, verb=False) or result_against(sentence, at)):
            found.append((at, direction, metric_of(sentence[at:until])))
    moved = (
        (against_prior_range(sentence) or against_prior_words(sentence))
        if _keyed(low, _PRIOR_KEYS_ALL)
        else None
    )
    if moved is not None and not barred(sentence, moved[0], moved[1], verb=False):
        found.append((moved[0], moved[2], metric_of(sentence[: moved[0]])))
    seen: set[str] = set()
    found.sort()
    cause = cause_after(sentence, found[0][0]) if len(found) > 1 else -1
    for at, direction, metric in found:
        if direction in seen or market_only(sentence, metric):
            continue
        if seen and 0 <= cause < at and not _ANOTHER_ACT.search(sentence, cause, at):
            continue  # "increased free cash flow guidance …, reflecting … lower capex now
            # forecast": what moved the guidance said first, no direction of its own
        seen.add(direction)
        yield Stated(
            "guidance", "", None, None, "", direction, "", True, metric, sentence, start, end
        )


# A conjunction that opens a sentence, and a speaker's polite request: neither hedges guidance
# ("And in line with our prior guidance, …"; "I would like you to keep in mind that …").
_JOINED = led(r"^\s*(?:and|but|so|also|now)\b", re.I)
_POLITE = led(r"\b(?:i|we)\s+would\s+like\s+(?:you\s+)?to\b", re.I)


# An act of its own after the cause: "…, primarily due to some slippage, while reaffirming the
# annual adjusted EBITDA view".
_ANOTHER_ACT = led(r",\s*(?:while|and|but)\s+(?:also\s+)?[a-z]+ing\b", re.I)
_PRIOR_KEYS_ALL = ("prior", "previous", "earlier", "last", "expected", " from ")


# A target is a goal, no guidance begun; guidance updated is begun before, its direction unsaid;
# a range alone may be of products ("we expanded the range").
_NOT_BEGUN = led(
    rf"\b(?:targets?|details?)\b|\brange$|\b(?:updated|revised|adjusted)\s+{_NOUN}\b",  # "adjusted
    re.I,  # EBITDA guidance" is begun: the word is the measure's
)
# The first view given, set against a figure: of the future only ("now projected to be $3.2
# billion, $200 million higher than our original outlook"), a result's otherwise.
_FIRST_VIEW = led(r"\b(?:original|initial)\b", re.I)
# A cost said better than it was guided: lower ("Corporate costs … better than our prior
# guidance").
_BETTER_COST = led(r"(?:an?\s+)?(?:better|improvement)\b", re.I)
_A_COST = led(r"\b(?:costs?|expenses?|tax|spending|capex|capital\s+expenditures?)\b", re.I)
# What the company sees outside its own figures, said against its forecast: a market's
# activity or its own stock of goods, no guidance moved.
_NOT_GUIDED = any_word(
    "procedures patients volumes? demand inventor(?:y|ies) traffic utilization activity "
    "investment gdp economy industry"
)
# Guidance said changed: what it is said to be is the change's, no guidance standing.
_CHANGED = led(r"\b(?:(?i:revised|updated|lowered|raised|reduced|increased)|new)\b")  # not "New BD"
_RESULT_WAS = led(r"\b(?:was|were|came\s+in|ended|finished)\b", re.I)
# A result said: "This was below …", "cash flow was $129 million, above our previous guidance".
_WAS = led(
    r"\b(?:was|were)\s+(?:\w+\s+)?(?:[$€£]?\d[\d.,]*\s*(?:million|billion|%|percent)?,?\s+)?$",
    re.I,
)
# A word of the future, not a result's against what was expected ("than anticipated").
_FORWARD_WORD = led(
    r"\b(?<!than\s)(?:expect\w*|anticipat\w*|now\s+see|guidance|outlook\s+(?:is|of))\b",
    re.I,
)


def _keyed(low: str, keys: tuple[str, ...]) -> bool:
    return any(map(low.__contains__, keys))
