"""Benchmark: KPIs read from words in a 10,000-sentence transcript, and the worst inputs.

    .venv/bin/python bench/words.py [--repeats 5] [--sentences 10000] [--size 100000]

The transcript is built from the sentences of the real earnings calls in
../shared/realdata/calls/docs (one a line), repeated in their order up to `--sentences`. One
run is `read_words` over the whole text: its sentences and turns, the document's customers and
parts, every share, growth and guidance direction with its subject. The floor is the least any
reader of the text must do: split it into the same sentences and look for a percentage in each
with one compiled pattern, measured in the same run. Both are the CPU time of this process
(`time.process_time`), which other work on a shared machine does not inflate as it does the
wall clock. Goal: a run under a second.

The worst inputs (a sentence of `--size` characters, a line of that many dots, 10,000 percent
signs, a word of that many letters, sentences of runs of spaces, sentences as long as one may be
and full of figures) are
each read at a quarter of the size and at the size: the floor is four times the quarter's time,
what a reader in linear time takes at the size; goal: within 1.5 times it (a reader in
quadratic time takes four), and each under a second at the size.

The document `catalyst evidence add` reads for KPIs (`--mib` MiB of short sentences, each with a
share of a product a condition names, on one line): `read_kpis` over it once; goal: within a
minute (the floor: its sentences split and searched once for a percentage).
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))

from bench._report import Figure, emit  # noqa: E402
from tests.support.shared import REALDATA  # noqa: E402

from catalyst_tui.reading.words import read_words, sentence_spans  # noqa: E402
from catalyst_tui.reading.words.vocabulary import LONGEST  # noqa: E402

GOAL_MS = 1000.0
CALLS = REALDATA / "calls" / "docs"
PERCENT = re.compile(r"\d\s?%")


def transcript(sentences: int) -> str:
    lines = [
        line
        for path in sorted(CALLS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return "\n".join((lines * (sentences // len(lines) + 1))[:sentences])


def floor_run(text: str) -> int:
    return sum(1 for a, b in sentence_spans(text) if PERCENT.search(text, a, b))


#: The worst inputs, each a text of about `size` characters.
WORST: dict[str, Callable[[int], str]] = {
    "one sentence": lambda size: ("Cloud revenue grew 5% and " * (size // 26 + 1))[:size],
    "a line of dots": lambda size: "." * size,
    "percent signs": lambda size: "%" * (size // 10),
    "one long word": lambda size: "A" * size + " was our largest customer.",
    "initials on one line": lambda size: "A b. " * (size // 5),
    "short sentences on one line": lambda size: "Scorpio was 10% of revenue. " * (size // 28),
    "sentences of runs of spaces": lambda size: (
        ("Overall so" + " " * 700 + "we grew 5%, or" + " " * 700 + "x, with Europe up 4%. ")
        * (size // 1450 + 1)
    )[:size],
    # each stop then a word in lower case, after a word longer than a stop's look back
    "long words in lower case after stops": lambda size: (
        ("a" + "b" * 45 + ". ") * (size // 48 + 1)
    )[:size],
    "sentences full of figures": lambda size: "\n".join(
        ("Cloud was 5% of revenue, Europe 3% and " * 38)[: LONGEST - 2] + "."
        for _ in range(size // LONGEST + 1)
    ),
}


def _cpu_ms(read: Callable[[str], object], text: str, repeats: int) -> float:
    """The median CPU time of `repeats` reads of `text`, in milliseconds."""
    times = []
    for _ in range(repeats):
        started = time.process_time()
        read(text)
        times.append(time.process_time() - started)
    return statistics.median(times) * 1000


def _linear(
    figure: str,
    read: Callable[[str], object],
    make: Callable[[int], str],
    size: int,
    repeats: int,
    note: str,
) -> None:
    """`read` over `make(size // 4)` and `make(size)`, printed and emitted against four times
    the quarter's time: what a read in linear time takes at the size."""
    quarter, whole = _cpu_ms(read, make(size // 4), repeats), _cpu_ms(read, make(size), repeats)
    print(f"  {figure}: {whole:.1f} ms at the size, {quarter:.1f} ms at a quarter")
    emit(
        Figure(
            figure=f"{figure} at {size:,} characters",
            measured=round(max(whole, 0.05), 2),
            floor=round(max(4 * quarter, 0.05), 2),
            unit="ms",
            goal="ratio <= 1.5",
            floor_is="four times the same input a quarter as long: linear growth",
            note=f"median CPU time of {repeats} runs; {note}",
        )
    )


def worst(size: int, repeats: int) -> None:
    """Each worst input read at a quarter of `size` and at `size`: linear, and under a second."""
    print(f"worst inputs at {size:,} characters (a quarter of it for the floor):")
    for name, make in WORST.items():
        _linear(f"read_words on {name}", read_words, make, size, repeats, "goal < 1000 ms")


def _patterns() -> dict[str, tuple[re.Pattern[str], Callable[[int], str]]]:
    """The later rounds' patterns that read a run of words or amounts (the tenth's to the
    twenty-second's), each with the input that would make it try again at every character of a
    run, were it not bounded."""
    from catalyst_tui.reading import leads
    from catalyst_tui.reading.words import (
        acted_on,
        against_expected,
        aliases,
        amounts,
        appositions,
        attribution,
        base_growth,
        bases,
        basis_ends,
        beside,
        between,
        blocked,
        breakdowns,
        capitals,
        carried,
        clause_cuts,
        clauses,
        comparatives,
        components,
        comps,
        coordinated,
        dimensions,
        doers,
        explained,
        facts,
        figures,
        follows,
        frame_names,
        frames,
        gapped,
        gates,
        guidance,
        guidance_verbs,
        levels,
        list_bases,
        lists,
        makers,
        marks,
        measure_words,
        measured,
        measures,
        multiples,
        named_parts,
        names,
        no_move,
        no_subject,
        not_given,
        objects,
        one_figure,
        others_sales,
        outside,
        own_names,
        owner_opens,
        owners,
        pace,
        pairs,
        part_revenue,
        part_turns,
        participants,
        passages,
        passive,
        penetration,
        phrases,
        prior,
        quarters,
        rate_moved,
        ratio_base,
        reader,
        relatives,
        respective,
        resulted,
        revenue_lines,
        revised,
        said_against,
        said_otherwise,
        scope,
        segments_unnamed,
        sentences,
        set_off,
        share_after,
        share_noun,
        spoken_as,
        stands,
        subjects,
        topics,
        trims,
        turns,
        two_bases,
        unstated,
        vocabulary,
        whose_growth,
        with_aside,
    )
    from catalyst_tui.reading.words import patterns as words_patterns

    return {
        "a customer list's names": (facts._SHARERS, lambda n: ("Abc Def Ghi, " * n)[:n]),
        "a guidance range's amounts": (said_against._RANGE_MOVED, lambda n: ("1," * n)[:n]),
        "an outlook said moved": (
            said_against._OUTLOOK_MOVED,
            lambda n: ("our a b c outlook for the a b c " * n)[:n],
        ),
        "guidance said higher": (
            said_against._SAID_MOVED,
            lambda n: ("our a b c d e guidance is now 1 2 3 " * n)[:n],
        ),
        "a base's lead": (base_growth._PRIOR_LEAD, lambda n: ("on top of a strong " * n)[:n]),
        "a base's own words": (base_growth._PRIOR_AFTER, lambda n: (" organic sales net" * n)[:n]),
        "what a cause drove": (part_revenue._DROVE, lambda n: ("drove a b c d e " * n)[:n]),
        "a verb that reports": (respective.REPORTED_NOUN, lambda n: ("reported a b " * n)[:n]),
        "an aside in a name": (trims._ASIDE, lambda n: (" " * n)[:n]),
        "a relative clause after a name": (trims._RELATIVE, lambda n: ("a" + " " * n)[:n]),
        "all of a kind": (trims._ALL_OF_A_KIND, lambda n: ("all " + "a" * n)[:n]),
        "a verb after a name": (trims._VERB_AFTER_NAME, lambda n: ("a" + " " * n)[:n]),
        "a result against guidance": (no_move._RESULT, lambda n: ("was a b " * n)[:n]),
        "a view said after an outlook": (no_move._VIEW_AFTER, lambda n: ("very " * n)[:n]),
        "a figure of a projection": (marks._FORECAST_NOUN, lambda n: ("1" * n)[:n]),
        "a figure of a goal": (marks._GOAL_NOUN, lambda n: ("1% a b c " * n)[:n]),
        "a revenue's amount before a growth": (
            attribution._AFTER_AMOUNT,
            lambda n: ("sales for the third quarter 2021 of $1 million, " * n)[:n],
        ),
        "a revenue's amount and its period": (
            attribution._AMOUNT_THEN_PERIOD,
            lambda n: ("sales of $1 in " * n)[:n],
        ),
        "an amount of units": (attribution._UNITS_BEFORE, lambda n: ("1 a" * n)[:n]),
        "a measure's share beside its amount": (
            set_off.SHARE_ASIDE,
            lambda n: (" or 1% of sales" * n)[:n],
        ),
        "a name's consolidated revenue": (frames.CONSOLIDATED, lambda n: ("'s reported " * n)[:n]),
        "an effect's part of a change": (follows.EFFECT_AFTER, lambda n: (" positive" * n)[:n]),
        "a growth to a count": (follows.TO_A_COUNT, lambda n: (" to about 1," * n)[:n]),
        "guidance said to stand past a decimal": (
            stands.STANDS,
            lambda n: ("our guidance 1.1" * n)[:n],
        ),
        "a base a year before": (vocabulary.YEARLY, lambda n: ("compared to quarter 1 " * n)[:n]),
        "a figure set against a plan": (
            follows._AGAINST_PLAN,
            lambda n: (" above" + " our" * n)[:n],
        ),
        "a short name after a long one": (aliases._SAID, lambda n: ("Ab " * n)[:n]),
        "the company named by its officer": (
            own_names._OFFICER_OF,
            lambda n: ("investor relations for " + "Ab Cd " * n)[:n],
        ),
        "guidance up from a month": (
            prior.AGAINST_PRIOR["raised"],
            lambda n: ("guidance 1.1 up " * n)[:n],
        ),
        "a quarter said with its year": (quarters._SAID_QUARTER, lambda n: ("2020 " * n)[:n]),
        "a range beside the prior guidance's": (
            said_against._FROM_PRIOR,
            lambda n: ("1% to 1% " * n)[:n],
        ),
        "guidance said to stand past an aside": (
            stands.STANDS,
            lambda n: ("our guidance, excluding a" * n)[:n],
        ),
        "a result said before guidance": (guidance._WAS, lambda n: ("was 1 " * n)[:n]),
        "a sign said before a figure": (figures._SAID_NEGATIVE, lambda n: ("negative " * n)[:n]),
        "a growth after its share's aside": (
            whose_growth.SHARE_THEN_VERB,
            lambda n: ("% of our the " * n)[:n],
        ),
        "a part named as what led a growth": (
            whose_growth.LED_BY_WITH,
            lambda n: ("led by " + "a " * n)[:n],
        ),
        "a line's revenue after higher": (whose_growth._HIGHER_OF, lambda n: ("a " * n)[:n]),
        "the whole's revenue after a part's": (
            whose_growth.WHOLE_AFTER_PART,
            lambda n: ("and total revenue " * n)[:n],
        ),
        "a bare up after a comma": (whose_growth._APPOSED, lambda n: (", up " * n)[:n]),
        "an aside describing a name": (whose_growth._APPOSITIVE, lambda n: (", the a in " * n)[:n]),
        "an amount said in a measure": (whose_growth._AMOUNT_IN, lambda n: ("$1 in " * n)[:n]),
        "a subordinator with no subject": (clauses._FRONTED, lambda n: ("while " * n)[:n]),
        "a list's item named after in": (lists._LISTED_IN, lambda n: (", in a b c d " * n)[:n]),
        "where a verb's growth was": (acted_on.WHERE_GROWN, lambda n: (" in a b c by" * n)[:n]),
        "a number's thousands": (phrases._TOKEN, lambda n: ("1,000," * n)[:n]),
        "a range moved to from": (
            said_against._MOVED_TO,
            lambda n: ("revising a range to " * n)[:n],
        ),
        "ways of measuring paired": (respective._WAYS_SAID, lambda n: (", reported and " * n)[:n]),
        "what a subject includes": (
            attribution._LISTED_THEN,
            lambda n: (" includes a and" * n)[:n],
        ),
        "a verb with no subject": (figures._NO_SUBJECT, lambda n: (" and " * n)[:n]),
        "a change of a rate": (follows._OF_A_RATE, lambda n: (" in the " * n)[:n]),
        "a time within a name": (trims._DURING, lambda n: ("during the a b c " * n)[:n]),
        "a subordinator before revenue": (
            trims._SUBORDINATE_REVENUE,
            lambda n: ("although a b c d e " * n)[:n],
        ),
        "revenue from operations": (
            subjects._OPERATIONS,
            lambda n: ("our operations in a " * n)[:n],
        ),
        "a frame that leaves out": (marks._WITHOUT_FRAME, lambda n: ("without " + "a" * n)[:n]),
        "guidance exceeding the prior": (
            prior.AGAINST_PRIOR["raised"],
            lambda n: ("exceeding our prior " * n)[:n],
        ),
        "an effect on revenue": (vocabulary.NOT_REVENUE, lambda n: ("impacts on " * n)[:n]),
        "a relative clause that reports a growth": (
            whose_growth._WHICH_POSTED,
            lambda n: (", which posted a b c " * n)[:n],
        ),
        "an amount of a measure in a period": (
            whose_growth._AMOUNT_OF,
            lambda n: ("$1 of a b c d revenue in the a b " * n)[:n],
        ),
        "a fraction of a figure": (subjects._FRACTION, lambda n: ("two-" * n)[:n]),
        "where after a part's noun": (attribution._WHERE, lambda n: ("line " * n)[:n]),
        "what drove a figure in a passage": (passages._CAUSE, lambda n: ("due " * n)[:n]),
        "a channel's penetration before it": (
            penetration._SAID_BEFORE,
            lambda n: ("digital sales penetration " * n)[:n],
        ),
        "a channel's penetration after it": (
            penetration._SAID_AFTER,
            lambda n: (" digital sales " * n)[:n],
        ),
        "a number of parts": (trims._SOME_OF, lambda n: ("two of " * n)[:n]),
        "a number of the company's parts": (
            frames._SOME_PARTS,
            lambda n: ("four of our a b " * n)[:n],
        ),
        "a season's share": (gates._SEASON, lambda n: (" of its annual net " * n)[:n]),
        "a change in points beside a growth": (
            basis_ends.POINTS_ASIDE,
            lambda n: (", a a a improvement of a a 1" * n)[:n],
        ),
        "an amount then that's up": (
            attribution._AMOUNT_THAT,
            lambda n: ("sales of $1 for the a a " * n)[:n],
        ),
        "a figure opening increase in sales": (
            one_figure._IN_SALES,
            lambda n: (" increase in total organic net " * n)[:n],
        ),
        "a figure with another": (one_figure._WITH_ANOTHER, lambda n: ("1% with " * n)[:n]),
        "a magnitude before a figure": (
            measure_words._MAGNITUDE_BEFORE,
            lambda n: ("high-single-digit " * n)[:n],
        ),
        "the noun raise": (said_otherwise._RAISE, lambda n: ("$1 million " * n)[:n]),
        "a clause set against another": (figures._WHILE_BEFORE, lambda n: (", while " * n)[:n]),
        "a frame's figure first": (clauses._FIGURE_OPENS, lambda n: ("plus " * n)[:n]),
        "a noun of change in a line": (
            words_patterns.VERB_THEN,
            lambda n: ("declines in a " * n)[:n],
        ),
        "a figure's organic after it": (words_patterns.NOUN_AFTER, lambda n: (" organic" * n)[:n]),
        "guidance raised past a decimal": (
            prior.AGAINST_PRIOR["raised"],
            lambda n: ("an increase of $1.1 at " * n)[:n],
        ),
        "a list's item of a figure": (lists._LISTED, lambda n: (" and a b c of " * n)[:n]),
        "guidance less than the original plan": (
            prior.AGAINST_PRIOR["cut"],
            lambda n: ("less than our " * n)[:n],
        ),
        "a hedge's if": (vocabulary.HEDGES, lambda n: ("if we " * n)[:n]),
        "a range's midpoint moved": (
            guidance._VERB_OBJECT["raised"],
            lambda n: ("increased the " * n)[:n],
        ),
        "guidance named then which": (
            guidance_verbs.WHERE_DONE,
            lambda n: ("guidance, which " * n)[:n],
        ),
        "guidance in line with the prior": (
            stands.STANDS,
            lambda n: ("consistent with our prior " * n)[:n],
        ),
        # the eighteenth round's
        "a subordinate clause that opens a sentence": (
            clauses._SUBORDINATE,
            lambda n: ("as a b c " * n)[:n],
        ),
        "a speaker turning to a part": (clauses._FRAME, lambda n: ("let's turn to a " * n)[:n]),
        "a hardship a revision follows": (
            revised._HARDSHIP,
            lambda n: ("due primarily to a b c " * n)[:n],
        ),
        "a strength a revision follows": (
            revised._STRENGTH,
            lambda n: ("based solely on a b c " * n)[:n],
        ),
        "a breakdown of revenue opened": (
            breakdowns._BREAKDOWN,
            lambda n: ("sales a b mix a " * n)[:n],
        ),
        "a breakdown's item": (breakdowns._ITEM, lambda n: ("to a b " * n)[:n]),
        "a forecast to remain": (
            said_otherwise._TO_REMAIN,
            lambda n: ("we expect a b c d " * n)[:n],
        ),
        "a part at its amount": (
            whose_growth._NAME_AT_AMOUNT,
            lambda n: ("with Ab Cd at a b c d e " * n)[:n],
        ),
        "a figure against a period before": (
            base_growth._AGAINST_ONLY,
            lambda n: ("% a b , " * n)[:n],
        ),
        "a second part joined": (share_after._ANOTHER_PART, lambda n: (" and Ab Cd " * n)[:n]),
        "a share said aside": (
            set_off.SHARE_ASIDE,
            lambda n: (", representing 1% of our total a " * n)[:n],
        ),
        # the nineteenth round's
        "a call's quarter said": (quarters._SAID_QUARTER, lambda n: ("the q1 the 2020 " * n)[:n]),
        "a quarter said as a base": (quarters._BASE_BEFORE, lambda n: ("compared to the " * n)[:n]),
        "a quarter of a year as a base": (
            quarters._QUARTER_OF_YEAR,
            lambda n: ("first quarter of fiscal year " * n)[:n],
        ),
        "a year before said as an amount": (
            vocabulary.YEARLY,
            lambda n: ("compared to the $1.5 million delivered in the " * n)[:n],
        ),
        "a growth to a count after": (
            follows.TO_A_COUNT_AFTER,
            lambda n: ("a b c to 1,000,000 " * n)[:n],
        ),
        "a count before a growth": (follows.COUNT_BEFORE, lambda n: ("1,000 a b c d " * n)[:n]),
        "a verb of giving joined to one ahead": (
            no_move._WILL_AND,
            lambda n: ("will a b c " * n)[:n],
        ),
        "a forecast from a range": (prior._FROM_RANGE, lambda n: ("$1 to $2 per share, " * n)[:n]),
        "guidance said consistent with an estimate": (
            stands.STANDS,
            lambda n: ("consistent with the rate we estimated in " * n)[:n],
        ),
        "a relative after a name": (trims._RELATIVE, lambda n: ("Abc where " * n)[:n]),
        "a driver's clause between": (scope._CONTRAST, lambda n: ("due driven led " * n)[:n]),
        "a place after a figure": (frames._NAME_AFTER, lambda n: ("1% a b in " * n)[:n]),
        "a growth on the named place": (owners._AT_PART, lambda n: (" growth on the A B " * n)[:n]),
        "guidance moved said as a noun": (
            said_otherwise._NOUN_BEFORE,
            lambda n: ("a meaningful increase in our a b " * n)[:n],
        ),
        "guidance named by what was done": (
            said_otherwise._DONE_TO,
            lambda n: ("our raised a b c " * n)[:n],
        ),
        "a growth's period": (measured._PERIOD, lambda n: ("for the full " * n)[:n]),
        "a share beside the next": (
            share_after._NEXT_SHARE,
            lambda n: (", while a b c represented about " * n)[:n],
        ),
        "a share beside a whole": (share_after._BESIDE, lambda n: (" with a b c d e f " * n)[:n]),
        "a share that ends its clause": (
            share_after._ENDS_SHARE,
            lambda n: ("represented approximately 1 " * n)[:n],
        ),
        "a half named": (bases._HALF, lambda n: ("first second " * n)[:n]),
        "points said before": (bases._POINTS_SAID, lambda n: ("1 basis 2 basis " * n)[:n]),
        "an opening before 'the'": (one_figure._OPENING, lambda n: ("as you can see " * n)[:n]),
        "a low, mid or high before a figure": (
            one_figure._VAGUE,
            lambda n: ("mid-high low " * n)[:n],
        ),
        "a driver before a figure": (
            words_patterns.DRIVER_BEFORE,
            lambda n: (", primarily driven by an over " * n)[:n],
        ),
        "a gap between two drivers": (scope._ITEM_GAP, lambda n: ("a b c, an over " * n)[:n]),
        "a part doing a growth after 'with'": (
            doers._WITH_DOING,
            lambda n: ("with our a b delivering c d " * n)[:n],
        ),
        "a first class of a pattern": (leads._GLOBAL_FLAGS, lambda n: ("(?i" * n)[:n]),
        "a frame's period": (clauses._FRAME_PERIOD, lambda n: (" for the year" * n)[:n]),
        "a speaker said": (frames._SPEAKER_SAID, lambda n: ("Abc " * n)[:n]),
        "a revenue's parts said after 'with'": (
            breakdowns._BREAKDOWN,
            lambda n: ("revenue a b c, " * n)[:n],
        ),
        "an aside of what was said": (
            reader._ASIDE,
            lambda n: (", as we have already previously " * n)[:n],
        ),
        "a revenue's level in its clause": (levels._REVENUE, lambda n: ("revenues " * n)[:n]),
        "an amount said as a level": (
            levels._LEVEL_BEFORE,
            lambda n: ("of approximately " * n)[:n],
        ),
        "a revenue's clause end": (levels._CLAUSE_END, lambda n: ("revenue a b c " * n)[:n]),
        "a quarter named": (levels._QUARTER_NAMED, lambda n: ("the first the " * n)[:n]),
        "the company's words before a level": (
            levels._THE_COMPANY,
            lambda n: ("company-wid " * n)[:n],
        ),
        "a change to a level": (
            amounts._AMOUNT_RANGE,
            lambda n: ("grew by approximately $1 " * n)[:n],
        ),
        "the company as the whole subject": (names._ITSELF, lambda n: ("the total " * n)[:n]),
        "guidance said hard to give": (
            not_given._HARD_TO_GIVE,
            lambda n: ("remains very still " * n)[:n],
        ),
        "a guidance's cause": (not_given._CAUSE, lambda n: ("partially offset " * n)[:n]),
        "a target said at its level": (not_given._A_GOAL_AT, lambda n: ("targets a b " * n)[:n]),
        "the rest of a region": (subjects._REST_OF_WORLD, lambda n: ("the rest of A " * n)[:n]),
        "revenue less an item": (subjects._SET_ASIDE, lambda n: ("revenue les " * n)[:n]),
        "a part a whole was led by": (
            set_off.PART_LED_BY,
            lambda n: ("was led by Abc def ghi jkl mno " * n)[:n],
        ),
        "what a part is made of": (set_off.INCLUDES, lambda n: (", which is made up " * n)[:n]),
        "an outlook set against a period": (
            said_against._THAN_A_PERIOD,
            lambda n: (" than the our last a b " * n)[:n],
        ),
        "an apposition that says which one": (appositions._WHICH_ONE, lambda n: ("i.e" * n)[:n]),
        "an officer's title": (own_names._OFFICER, lambda n: ("Abc Def's senior " * n)[:n]),
        # the twenty-fifth round's
        "guidance said moving by a figure": (
            guidance_verbs.MOVING,
            lambda n: ("our guidance is now increasing " * n)[:n],
        ),
        "a revision's direction after it": (
            guidance._VERB_OBJECT["raised"],
            lambda n: ("revising upward our a b c " * n)[:n],
        ),
        "confidence in guidance": (
            guidance._VERB_OBJECT["reiterated"],
            lambda n: ("remain confident in our a b " * n)[:n],
        ),
        "a measure named beside a figure": (others_sales._MEASURE, lambda n: ("sales " * n)[:n]),
        "a figure's percent": (others_sales._PERCENT, lambda n: ("1" * n)[:n]),
        "premiums collected or written": (
            others_sales._NOT_EARNED,
            lambda n: ("collected a b c " * n)[:n],
        ),
        "one growth said another way": (pairs._ANOTHER_WAY, lambda n: ("ex " * n)[:n]),
        "an amount then or": (pairs._AMOUNT_OR, lambda n: ("$" + "1" * n)[:n]),
        "a multiple done in a period": (
            multiples._ADVERBS_ONLY,
            lambda n: (" this quarter" * n)[:n],
        ),
        # the twenty-sixth round's
        "a count before a preposition": (attribution._COUNTED, lambda n: ("Q1 Slide 2 " * n)[:n]),
        "a part named before ', with'": (
            with_aside._PART_THEN_WITH,
            lambda n: ("in the Abc Def Ghi " * n)[:n],
        ),
        "both of two": (trims._BOTH_OF, lambda n: ("both a and " * n)[:n]),
        "guidance given before now": (guidance._NOT_NEW, lambda n: ("on our a b c " * n)[:n]),
        "guidance given in a clause of when": (
            guidance._GIVEN_BEFORE,
            lambda n: ("when we have also " * n)[:n],
        ),
        "guidance given, said as done": (
            guidance._VERB_OBJECT["introduced"],
            lambda n: ("we have also provided our a b " * n)[:n],
        ),
        "a linked quarter": (vocabulary.SEQUENTIAL, lambda n: ("linked-quarter " * n)[:n]),
        # the twenty-seventh round's
        "a bank's income": (spoken_as.BANK_INCOME, lambda n: ("net interest " * n)[:n]),
        "earnings naming a release": (
            spoken_as._EARNINGS_TALK,
            lambda n: ("earnings press " * n)[:n],
        ),
        "an amount in trillions": (gates._TRILLIONS, lambda n: ("$1,2 " * n)[:n]),
        "what a clause happened with": (appositions._CIRCUMSTANCE, lambda n: ("thanks " * n)[:n]),
        "a quarter of last year or of a month as a base": (
            quarters._QUARTER_OF_YEAR,
            lambda n: ("first-quarter of the " * n)[:n],
        ),
        "a year as a base": (vocabulary.YEARLY, lambda n: ("from second-quarter " * n)[:n]),
        "a market's index": (names._AN_INDEX, lambda n: ("The NASDAQ " * n)[:n]),
        # the twenty-eighth round's
        "a period named by its end": (
            clauses._ENDED,
            lambda n: ("For the a b c quarter ended " * n)[:n],
        ),
        "both amounts, then the growth": (
            words_patterns.VERB_THEN,
            lambda n: ("increased to $1 million from $2 million, or " * n)[:n],
        ),
        "a base after the measure's amount": (
            vocabulary.YEARLY,
            lambda n: ("compared to a b sales of $4 million " * n)[:n],
        ),
        "a change of its own with no figure": (
            basis_ends.CUT_BASIS,
            lambda n: (", and roughly " * n)[:n],
        ),
        # the twenty-ninth round's
        "guidance said unchanged in other words": (
            stands.STANDS,
            lambda n: ("haven't changed our a b c d e " * n)[:n],
        ),
        "guidance left where it was": (
            stands.STANDS,
            lambda n: ("leaving our a b c d e f g h " * n)[:n],
        ),
        "a frame of turning with the speaker's order": (
            clauses._FRAME,
            lambda n: ("Looking next finally at " * n)[:n],
        ),
        "a measure named before 'at' a part": (
            attribution._MEASURED_BEFORE,
            lambda n: ("sales at " * n)[:n],
        ),
        "the company's growth said of what": (
            gates._COMPANY_GROWTH_SAID,
            lambda n: ("organ " * n)[:n],
        ),
        "a horizon of years ahead": (
            components._AHEAD,
            lambda n: ("within the next few " * n)[:n],
        ),
        "energy a utility sold": (
            vocabulary.NOT_REVENUE,
            lambda n: ("weather natural gas " * n)[:n],
        ),
        "prior guidance with a metric's words": (
            prior.AGAINST_PRIOR["raised"],
            lambda n: ("increase from our previous adjusted " * n)[:n],
        ),
        "a range given before": (
            prior.AGAINST_PRIOR["raised"],
            lambda n: ("increase from the 1% to 1% range we had previously " * n)[:n],
        ),
        "a range moved with its year between": (
            prior._FROM_RANGE,
            lambda n: ("$1 to $1 for 2021 year-over-year " * n)[:n],
        ),
        "guidance still to be met": (
            stands.STANDS,
            lambda n: ("still expect to reach our a b c d e f g h " * n)[:n],
        ),
        "guidance moved, its period between": (
            passive._PASSIVE,
            lambda n: ("guidance for the a b c d " * n)[:n],
        ),
        "a one-year basis": (vocabulary.YEARLY, lambda n: ("on a one-year " * n)[:n]),
        "a quarter years back": (vocabulary.SEQUENTIAL, lambda n: ("than Q1 two years " * n)[:n]),
        "a share from a part, listed": (lists._FROM_NAMED, lambda n: (" from a" * n)[:n]),
        "the call's welcome and thanks": (
            own_names._WELCOMED,
            lambda n: ("Welcome to the " + "Ab " * n)[:n],
        ),
        "the company of a call's first results": (
            own_names._RESULTS_OF,
            lambda n: (".Ab Cd Ef Gh " * n)[:n],
        ),
        "what end buyers bought from others": (
            vocabulary.NOT_REVENUE,
            lambda n: ("point-of-sale retail tenant " * n)[:n],
        ),
        "a measure named before 'for' a part": (
            attribution._MEASURED_BEFORE,
            lambda n: ("a b c d for " * n)[:n],
        ),
        "a basis after a figure": (gates._BASIS_AFTER, lambda n: (" on a a" * n)[:n]),
        "names joined before a clause's verb": (
            clause_cuts._VERB_NEXT,
            lambda n: ("wa " * n)[:n],
        ),
        # the thirty-first round's
        "a share against an earlier share": (
            share_after._AGAINST_SHARE,
            lambda n: (", versus , compared to about " * n)[:n],
        ),
        "a share's part said after it": (
            share_after._SHARE_FROM,
            lambda n: (" came through a b c d e f g " * n)[:n],
        ),
        "parts listed on after a share's first": (
            share_after._LISTED_ON,
            lambda n: (", a b c d" * n)[:n],
        ),
        "a share said as a trait": (
            share_after._WHAT_IT_IS,
            lambda n: (" is now recurring" * n)[:n],
        ),
        "a mix of the business or a split between parts": (
            lists._MIX,
            lambda n: ("the mix of the business split between a b " * n)[:n],
        ),
        "a mix's last item said name first": (lists._NAME_FIRST, lambda n: (", a b c" * n)[:n]),
        "a revenue mix between named parts": (
            pairs._MIX_BETWEEN,
            lambda n: ("revenue mix between a b c d e " * n)[:n],
        ),
        "a change of guidance set against a year": (
            said_otherwise._OVER_A_YEAR,
            lambda n: ("a b c over the " * n)[:n],
        ),
        "an act after a cause": (guidance._ANOTHER_ACT, lambda n: (", while and but " * n)[:n]),
        "revenue said abroad or at home": (
            owners._PLACED_BEFORE,
            lambda n: ("revenues internationally sales " * n)[:n],
        ),
        "a rise before a figure": (prior._UP_BEFORE, lambda n: ("up up " * n)[:n]),
        "a revenue change's drivers": (
            revenue_lines._DRIVERS,
            lambda n: ("sales a b c d e f g " * n)[:n],
        ),
        "a driver's own figure": (
            revenue_lines._DRIVER_BEFORE,
            lambda n: ("a 5% increase in 6% " * n)[:n],
        ),
        # the thirty-second round's
        "a growth on a two-year basis": (
            vocabulary.TWO_YEARS,
            lambda n: (" on a two-year stacked two years " * n)[:n],
        ),
        "a list's figures between them": (
            list_bases._LIST_GAP,
            lambda n: (" in a.b c/d e " * n)[:n],
        ),
        "a growth of a period named as a base": (
            two_bases._OF_A_PERIOD,
            lambda n: ("year when quarter in which a " * n)[:n],
        ),
        "the comparable period as a base": (
            vocabulary.YEARLY,
            lambda n: ("against the a b comparable annual " * n)[:n],
        ),
        "guidance said intact": (
            stands.STANDS,
            lambda n: ("our guidance is really essentially " * n)[:n],
        ),
        "guidance said unchanged with no determiner": (
            said_otherwise._UNCHANGED,
            lambda n: ("guidance is also really " * n)[:n],
        ),
        # the thirty-third round's
        "the names before a noun of growth": (
            respective._GROWTH_NOUN,
            lambda n: (" growth rates growth, up about " * n)[:n],
        ),
        "a list of amounts before its figures": (
            respective._AMOUNTS_THEN,
            lambda n: (", representing an increases of about " * n)[:n],
        ),
        "an amount and its measure": (
            respective._AMOUNT_ITEM,
            lambda n: ("net sales of $1 million in a b c d e f " * n)[:n],
        ),
        "parts before a relative clause of their sales": (
            respective._WHERE_SALES,
            lambda n: (", where our net sales were " * n)[:n],
        ),
        "what such parts follow": (
            respective._LED_IN,
            lambda n: ("particularly in across notably " * n)[:n],
        ),
        "a list of shares as a base": (
            respective._BASE_BEFORE,
            lambda n: ("compared to versus the vs. from " * n)[:n],
        ),
        "revenue in a 'with' phrase after a part's performance": (
            doers._FOCUS_WITH,
            lambda n: ("growth in the a b c, with total net sales up with " * n)[:n],
        ),
        "a move of guidance talked of": (
            blocked._TALKED_OF,
            lambda n: ("questions for each additional difference of " * n)[:n],
        ),
        "a question opened by a frame": (
            reader._ASKED,
            lambda n: ("on the a b c d e f g h i j k " * n)[:n],
        ),
        "a customer named with a percentage": (
            facts._NAMED_CUSTOMER,
            lambda n: ("Comcast was our only greater than 10% " * n)[:n],
        ),
        "guidance moved by an amount": (
            guidance_verbs.MOVING,
            lambda n: ("outlook increased by about outlook is now rising " * n)[:n],
        ),
        "a legal form of a name": (
            own_names._LEGAL_FORM,
            lambda n: ("HELEN OF TROY LTD /MD/ co. ,  " * n)[:n],
        ),
        "the speaker's courtesy": (
            blocked.COURTESY,
            lambda n: ("I would also just we'd point " * n)[:n],
        ),
        "an opening frame set aside": (
            marks._WITHOUT_FRAME,
            lambda n: ("and without not surprising " * n)[:n],
        ),
        "a possessive owner": (owners._OWNER, lambda n: ("Company Let Acme Bee " * n)[:n]),
        "guidance given with its figure": (
            guidance_verbs.OF_FIGURE,
            lambda n: ("guidance of about outlook at approximately " * n)[:n],
        ),
        "a like-for-like or unit measure": (
            vocabulary.NOT_REVENUE,
            lambda n: ("same-state pre per square sales per " * n)[:n],
        ),
        "a quarter before": (
            vocabulary.SEQUENTIAL,
            lambda n: ("compared to the quarter prior to the quarter before " * n)[:n],
        ),
        "a noun of change bounded": (
            words_patterns.VERB_THEN,
            lambda n: ("growth in excess well in excess of " * n)[:n],
        ),
        "a share named by its noun": (
            share_noun._NOUN,
            lambda n: ("the share of the percentage of " * n)[:n],
        ),
        "a share's level verb": (
            share_noun._LEVEL,
            lambda n: (" was remained high at grew sequentially to about over " * n)[:n],
        ),
        "where a share's revenue comes from": (
            share_noun._FROM,
            lambda n: (" derived picked up generated coming " * n)[:n],
        ),
        "a relative clause's change noun": (
            share_after._CHANGE_OF,
            lambda n: ("growth increase decline in of " * n)[:n],
        ),
        "a breakdown headed by its verb": (
            lists._HEADED_BY_VERB,
            lambda n: ("revenue mix split breakdown by " * n)[:n],
        ),
        "a change before revenue": (
            trims._CHANGE_BEFORE,
            lambda n: ("the increase growth decline " * n)[:n],
        ),
        "a change after revenue": (trims._CHANGE_AFTER, lambda n: ("sales increase " * n)[:n]),
        "a part in lower case after a change": (
            owners._AT_LOWER,
            lambda n: (" increase at defense fire & emergency " * n)[:n],
        ),
        "guidance moved with its way": (
            revised._MOVED_WAY,
            lambda n: ("moved our a b c guidance " * n)[:n],
        ),
        "a noun of a guidance act": (
            blocked._NOUN_OF_ACT,
            lambda n: ("lowering of our a b c d " * n)[:n],
        ),
        "a share verb with its adverb": (
            words_patterns.SHARE_VERB,
            lambda n: ("increased sequentially further to " * n)[:n],
        ),
        "a figure or a multiple written Nx": (
            words_patterns.FIGURE,
            lambda n: ("2x 3x faster 4x the " * n)[:n],
        ),
        "a basis broken at its hyphen": (
            vocabulary.YEARLY,
            lambda n: ("year-over- year- over- from $1 billion a year " * n)[:n],
        ),
        "a speaker named alone before a colon": (
            participants.NAME_COLON,
            lambda n: ("Brent Thill Jones Smith " * n)[:n],
        ),
        "the operator giving the line to an analyst": (
            turns._TO_AN_ANALYST,
            lambda n: ("question comes from the line next " * n)[:n],
        ),
        "names set between commas": (
            appositions._NAMES_ONLY,
            lambda n: ("MyDay and Clarity, Avera & " * n)[:n],
        ),
        "a kind named before names": (
            appositions._KIND_NAMED,
            lambda n: ("our daily silicone hydrogel lenses " * n)[:n],
        ),
        "a comparative before a noun": (
            follows._COMPARED_NOUN,
            lambda n: (" higher lower throughput energy " * n)[:n],
        ),
        "a range said aloud": (follows._SPOKEN_RANGE, lambda n: (" 20% 30% " * n)[:n]),
        "a sentence that turns to a measure": (
            passages._TURNS_TO,
            lambda n: ("and so now looking at turning to " * n)[:n],
        ),
        "a move made before this call": (
            guidance_verbs.DONE_BEFORE,
            lambda n: (" just already last quarter in the " * n)[:n],
        ),
        "a change said in points": (scope._POINTS, lambda n: ("1.5 percentage basis " * n)[:n]),
        "one part named by its kind": (clauses._THE_ONE, lambda n: ("the this segment " * n)[:n]),
        "a measure never revenue": (
            measures.NEVER_REVENUE_SAID,
            lambda n: ("volumes orders units, with " * n)[:n],
        ),
        "a speaker's infinitive opening": (
            clauses._TO_BEGIN,
            lambda n: ("and so now but to start off with " * n)[:n],
        ),
        "a result set against guidance": (
            against_expected.SAID,
            lambda n: ("above the high end of our a b c " * n)[:n],
        ),
        "a result against guidance before its figure": (
            against_expected.BEFORE_A_FIGURE,
            lambda n: ("above the upper end of our guidance range at $1 " * n)[:n],
        ),
        "an aim an act is the purpose of": (
            no_move._LED_TO,
            lambda n: ("we invest in a b c to " * n)[:n],
        ),
        "a measure kept within its target": (
            not_given._A_GOAL_AT,
            lambda n: ("within our long-term target " * n)[:n],
        ),
        "a case supposed": (no_move._ASSUMED_BEFORE, lambda n: ("assuming assuming " * n)[:n]),
        "a concession left open": (
            no_subject._DESPITE_OPEN,
            lambda n: (", despite the loss of a b c " * n)[:n],
        ),
        "a part pointed at": (no_subject._THIS_PART, lambda n: ("this that business " * n)[:n]),
        "a second part's share, its verb said once": (
            share_after._GAPPED,
            lambda n: (", and APJ Europe Asia for at " * n)[:n],
        ),
        "a growth right after a part's share": (
            whose_growth._RIGHT_AFTER,
            lambda n: ("15%, up approximately 15 %, down " * n)[:n],
        ),
        "a share said with its verb": (
            share_after._SHARE_SAID,
            lambda n: ("accounted for 28% of our total total " * n)[:n],
        ),
        "a part that generated sales": (
            whose_growth._GENERATED,
            lambda n: ("generated record delivered posted " * n)[:n],
        ),
        "a whole of a year before": (
            share_after._YEAR_BEFORE_AFTER,
            lambda n: (" of last a year of " * n)[:n],
        ),
        "a multiple of what was named before": (
            multiples._NAMED_BEFORE,
            lambda n: (" those this quarter that " * n)[:n],
        ),
        "revenue alone opening a sentence": (
            part_turns.WHOSE_UNSAID,
            lambda n: ("organic net core, reported sales " * n)[:n],
        ),
        "a part before its revenue's growth": (
            whose_growth._PART_BEFORE_NOUN,
            lambda n: (" cloud and license revenue revenue " * n)[:n],
        ),
        "a figure's noun after a part's name": (
            words_patterns.NOUN_AFTER,
            lambda n: (" organic total revenue" * n)[: n - 2] + " x",
        ),
        "the whole's amount before a growth": (
            whose_growth.WHOLE_AMOUNT_BEFORE,
            lambda n: ("total revenue of $2.4 billion, " * n)[:n],
        ),
        "a participant listed": (
            participants._LISTED,
            lambda n: ("Matthew Friend Jones Smith Lee " * n)[:n],
        ),
        "a comparative against another": (
            comparatives._COMPARATIVE_THAN,
            lambda n: (" more than the the our " * n)[:n],
        ),
        "a part listed after a basis": (
            list_bases._ITEM_AFTER,
            lambda n: (" versus last year, a b c d and " * n)[:n],
        ),
        "a part's own base": (list_bases._OWN_BASE, lambda n: (" a b c " * n)[:n]),
        "a clause of place set off": (reader._RELATIVE_ASIDE, lambda n: (", where a b c " * n)[:n]),
        "a share of the business": (
            share_after._OF_THE_BUSINESS,
            lambda n: ("% of our total business new " * n)[:n],
        ),
        "a count's total": (share_after._TOTAL_OF_ANOTHER, lambda n: ("total total " * n)[:n]),
        "one share said twice": (
            follows._SHARE_SAID_TWICE_BEFORE,
            lambda n: ("55%, 56%, " * n)[:n],
        ),
        "a name's own 'and'": (capitals._NAME_AND, lambda n: (" and Abc Def and Ghi" * n)[:n]),
        "parts led by, then their figures": (
            pairs._LED_BY,
            lambda n: ("led by a and b c " * n)[:n],
        ),
        "a word that only opens a sentence": (sentences._OPENS, lambda n: ("We Our The " * n)[:n]),
        "a bare measure": (
            measure_words._BARE_MEASURE,
            lambda n: ("full year fiscal total " * n)[:n],
        ),
        "a forecast estimated": (vocabulary.FORWARD, lambda n: ("we estimate a b c " * n)[:n]),
        # the thirty-ninth round's
        "a clause between a subject and its verb": (
            between._BETWEEN,
            lambda n: (", which include a, b and c " * n)[:n],
        ),
        "a clause's own clause": (between._SUBORDINATE, lambda n: ("wh whe " * n)[:n]),
        "a part's revenue after a growth": (
            resulted._IN_PART_REVENUE,
            lambda n: (" in a b c d e " * n)[:n],
        ),
        "customers of a kind": (
            marks._CUSTOMER_SEGMENT,
            lambda n: ("sales to our a b c " * n)[:n],
        ),
        "guidance moved at the midpoint": (
            said_against._SAID_MOVED,
            lambda n: ("our a guidance is $1.2 to $1.3, " * n)[:n],
        ),
        "a comparison of a growth before": (
            base_growth._PRIOR_LEAD,
            lambda n: (" tough challenging comparison of " * n)[:n],
        ),
        "guidance named, then which we": (
            guidance_verbs.WHERE_DONE,
            lambda n: ("guidance for the a b c, which " * n)[:n],
        ),
        "results cut by a dimension": (
            clauses._RESULTS_BY,
            lambda n: ("our results by our results by " * n)[:n],
        ),
        # the fortieth round's
        "a part named as a holding": (facts._HOLDING, lambda n: ("our a b c d " * n)[:n]),
        "a count of new things before a growth": (
            follows.COUNT_BEFORE,
            lambda n: ("12 new a b c in 2025 " * n)[:n],
        ),
        "a growth named by its acquisitions": (
            components._COMPONENT_BEFORE,
            lambda n: ("acquisition revenue growth of about " * n)[:n],
        ),
        "a share's channel after its whole": (
            share_after._SHARE_FROM,
            lambda n: (" is now driven through our the A " * n)[:n],
        ),
        "a list opened by including or led by": (
            lists._LISTED_LED,
            lambda n: (", including Ab Cd Ef at about " * n)[:n],
        ),
        "a part's revenue grown, named as the verb's object": (
            words_patterns.VERB_THEN,
            lambda n: ("grew sales in our a b c d end " * n)[:n],
        ),
        "what a growth after another came from": (
            lists._FROM_SOURCE,
            lambda n: (" from the a from " * n)[:n],
        ),
        "a number before a subject's name": (gates._NUMBER_BEFORE, lambda n: ("1,000+ " * n)[:n]),
        "a part named before its figure after including": (
            components._NAMED_ITEM,
            lambda n: (" Ab cd ef gh up about " * n)[:n],
        ),
        # the forty-first round's
        "a change named in a thing of ours": (
            one_figure._IN_OURS,
            lambda n: (" organic increase in our a b c " * n)[:n],
        ),
        "a count after a verb of output": (
            follows.COUNT_BEFORE,
            lambda n: ("shipped about 165 a b c d e f g h, up 4% a b and " * n)[:n],
        ),
        "a span of days": (gates._A_SPAN, lambda n: ("through the Christmas to " * n)[:n]),
        "units counted": (gates._UNITS, lambda n: ("1.5 million 2 thousand " * n)[:n]),
        "a forecast of a market's share or over years": (
            not_given._NOT_OURS,
            lambda n: ("5 % market share of over the next 3 " * n)[:n],
        ),
        "a growth rate moved from a figure": (
            rate_moved._FROM_FIRST,
            lambda n: ("growth rate has is also accelerated up from about " * n)[:n],
        ),
        "a growth rate moved, its second figure": (
            rate_moved._FROM_SECOND,
            lambda n: ("growth accelerated from 1.5% in the a b c d to " * n)[:n],
        ),
        "a growth rate moved to a figure, then from": (
            rate_moved._TO_SECOND,
            lambda n: ("growth rose to 2% for the first half from " * n)[:n],
        ),
        "a segment framed by its proper name": (
            frame_names._PROPER,
            lambda n: ("Ab Cd and Ef Gh & " * n)[:n],
        ),
        "the latest weeks of store data": (gates._WEEKS, lambda n: ("latest 13 last 4 " * n)[:n]),
        "the top of a range of percentages": (
            amounts._PERCENT_TO,
            lambda n: ("1% to 2 % - 3% – " * n)[:n],
        ),
        "a possessive owner before no verb": (
            owners._OWNER,
            lambda n: ("Ab Cd's Ef's was " * n)[:n],
        ),
        "the other end of a growth rate's move": (
            rate_moved._THEN_FROM,
            lambda n: (" in the first half a b c " * n)[:n],
        ),
        # the forty-second round's
        "a turn to a counted measure": (
            passages._TOPIC,
            lambda n: ("turning to the gross net our looking at " * n)[:n],
        ),
        "the whole's growth named before its figure": (
            whose_growth.WHOLE_GROWTH_BEFORE,
            lambda n: ("total revenue growth of about " * n)[:n],
        ),
        "a clause of ours": (gates._WE_OPEN, lambda n: ("overall, so, we " * n)[:n]),
        "a name before a verb in the past": (
            doers._NAMED_PAST,
            lambda n: ("Ab Cd and Ef of the Gh capped " * n)[:n],
        ),
        "a name, its verb and a participle of a result": (
            doers._NAMED_DOING,
            lambda n: ("Ab Cd executed well in a b c d e, delivering " * n)[:n],
        ),
        "average daily sales": (reader._PER_DAY, lambda n: ("average daily average " * n)[:n]),
        "a turn to the outlook": (
            passages._TO_OUTLOOK,
            lambda n: ("turning to our a b c turn to the " * n)[:n],
        ),
        "a verb in the past": (passages._DONE, lambda n: ("exited by increased by a " * n)[:n]),
        "revenue alone in a phrase opened by with": (
            doers._WITH_REVENUE,
            lambda n: (", with fourth quarter net sales were up about " * n)[:n],
        ),
        "a sentence opening examples": (
            passages._EXAMPLES,
            lambda n: ("and, a few other examples of " * n)[:n],
        ),
        "organic growth": (measures._ORGANIC, lambda n: ("organic organic growt " * n)[:n]),
        "a part named after organic growth": (
            measures._PART_AFTER,
            lambda n: ("in our in the ab cd ef business" * n)[:n],
        ),
        "a relative clause with a time": (
            relatives.RELATIVE_BEFORE,
            lambda n: (", which in fiscal 2020 , who last year " * n)[:n],
        ),
        "buyers named by a letter": (names._BUYERS, lambda n: ("our customers A" * n)[:n]),
        "what drove a subject, set before its verb": (
            reader._BY_ASIDE,
            lambda n: (", primarily driven by a b c d e f g h i j k l m n o p" * n)[:n],
        ),
        "a sentence opened by a named part": (
            part_turns.PART_OPENS,
            lambda n: ("in our Ab Cd Ef Gh Ij segmen " * n)[:n],
        ),
        "a turn to a part": (
            part_turns._TURN_TO_PART,
            lambda n: (", and so now turning to a b c d e f g h i j k l m n o p q r" * n)[:n],
        ),
        "a turn's opening word before a run of spaces": (
            passages._TURNS_TO,
            lambda n: ("and" + " " * n)[:n],
        ),
        "an example's opening word before a run of spaces": (
            passages._EXAMPLES,
            lambda n: ("so" + " " * n)[:n],
        ),
        "results said to include": (
            components._RESULTS,
            lambda n: ("results that which results " * n)[:n],
        ),
        "results leading a growth": (
            resulted._RESULT_LEAD,
            lambda n: ("results that includes that " * n)[:n],
        ),
        "an effect left out": (no_subject._LEFT_OUT, lambda n: ("adjusting  " * n)[:n]),
        "a growth's words right after it": (scope._RIGHT_AFTER, lambda n: ("a an " * n)[:n]),
        "a growth ending its clause": (scope._ENDS_CLAUSE, lambda n: (" " * n)[:n]),
        "what no basis is lent over": (scope._NOT_LENT, lambda n: ("on  lap top " * n)[:n]),
        "the guidance's figures after its determiner": (
            guidance._VERB_OBJECT["reiterated"],
            lambda n: ("maintaining our 4% to 7% 4% to " * n)[:n],
        ),
        "the range alone and a change chosen against": (
            guidance._VERB_OBJECT["reiterated"],
            lambda n: ("decided not to keep our range  " * n)[:n],
        ),
        "a part's revenue growth said included": (
            components._OWN_GROWTH_AFTER,
            lambda n: (" ab cd revenue revenu " * n)[:n],
        ),
        "results a part's list gives": (
            whose_growth._GENERATED,
            lambda n: ("results that which includ " * n)[:n],
        ),
        "a growth ending its clause after its period": (
            scope._ENDS_CLAUSE,
            lambda n: (" for the full fiscal " * n)[:n],
        ),
        "a base an amount of revenue in a year": (
            vocabulary.YEARLY,
            lambda n: ("than net sales of net sales of " * n)[:n],
        ),
        "a quarter named as a base": (
            quarters.AS_BASE,
            lambda n: ("than a b c d e f g h " * n)[:n],
        ),
        "revenue outside a place": (
            outside._OUTSIDE,
            lambda n: ("our net total sales to our customers outside of the " * n)[:n],
        ),
        "customers named by where they are": (
            outside._CUSTOMERS_IN,
            lambda n: ("our customers based in " * n)[:n],
        ),
        "a turn numbered on its line": (
            turns._NUMBERED,
            lambda n: ("Ab Cd, Ef - Analyst  " * n)[:n],
        ),
        "a speaker's filler": (turns._FILLER, lambda n: ("and you know " * n)[:n]),
        "a growth's own earlier rate": (
            base_growth._AGAINST_ONLY,
            lambda n: ("% year-over-year, up from " * n)[:n],
        ),
        "sales that lead to a part": (objects._LED_AFTER, lambda n: ("sales headlined " * n)[:n]),
        "a place named before": (objects._PLACE_BEFORE, lambda n: ("that these those " * n)[:n]),
        "a speaker's talk to come": (frames._SPEAKER_SAID, lambda n: ("Ab Cd will also " * n)[:n]),
        "a count sold then an increase": (
            follows.COUNT_BEFORE,
            lambda n: ("sold over 8.7 million units which is a new " * n)[:n],
        ),
        "a way a measure is taken": (attribution._A_WAY, lambda n: ("basis " * n)[:n]),
        "a question naming whom it asks": (
            turns._VOCATIVE,
            lambda n: ("and then maybe, and so, Abc, " * n)[:n],
        ),
        "a growth between two years": (
            components._FROM_YEARS,
            lambda n: ("from fiscal '25 to fiscal 2" * n)[:n],
        ),
        "an amount moved from one to another": (
            prior._FROM_AMOUNT,
            lambda n: ("from our a b c of approximately $1 billion to between " * n)[:n],
        ),
        "guidance no longer valid": (
            said_otherwise._NO_LONGER,
            lambda n: ("guidance is no longer valid " * n)[:n],
        ),
        "a part's growth with no word of revenue": (
            whose_growth._PART_BEFORE_GROWTH,
            lambda n: (" ab cd " * n)[:n],
        ),
        "revenue said made": (
            resulted._REVENUE_MADE,
            lambda n: ("generated record total $1,2 million of " * n)[:n],
        ),
        "the words after a prior growth's period": (
            base_growth._WORDS_NEXT,
            lambda n: (" ab" * n)[:n],
        ),
        "the one spoken to as the doer": (
            blocked._YOU_DID,
            lambda n: ("you have just also " * n)[:n],
        ),
        "a revision's words with their decimals": (
            revised._WITH_DECIMALS,
            lambda n: ("1.2." * n)[:n],
        ),
        "a slide said in words": (clauses._ON_SLIDE, lambda n: (" on slide twenty " * n)[:n]),
        "guidance named first, said standing": (
            said_otherwise._NOUN_OPENS,
            lambda n: ("ab cd guidance for a " * n)[:n],
        ),
        "guidance kept in a relative clause": (
            stands.STANDS,
            lambda n: ("guidance that we a b c are have " * n)[:n],
        ),
        "an owner in lower case before revenue": (
            owners._LOWER_OWNER,
            lambda n: ("ab-cd's ef gh " * n)[:n],
        ),
        "guidance framed, then unchanged by its pronoun": (
            said_otherwise._UNCHANGED,
            lambda n: ("on the a b guidance , it is " * n)[:n],
        ),
        "the company before revenue it made": (resulted._WE, lambda n: ("we ab cd " * n)[:n]),
        "a share in a relative clause": (
            marks._WHICH_IS,
            lambda n: (", which is only about roughly " * n)[:n],
        ),
        "a part joined to acquisitions": (
            subjects._AND_ACQUIRED,
            lambda n: ("abc and acquisitio " * n)[:n],
        ),
        "a share's part named bare": (
            share_after._SHARE_FROM,
            lambda n: (" is ab cd ef is ab" * n)[:n],
        ),
        "a share made from a part": (
            share_after._MADE_FROM,
            lambda n: (" from ab cd ef" * n)[:n],
        ),
        "a name's own organic growth after it": (
            revenue_lines._ORGANIC_AFTER,
            lambda n: (" posted an ab 5% organic revenue" * n)[:n],
        ),
        "a name's own organic growth before it": (
            revenue_lines._ORGANIC_BEFORE,
            lambda n: ("5% organic growth in our " * n)[:n],
        ),
        "a measure moved by an amount to a range": (
            said_against._BY_TO_RANGE,
            lambda n: ("increasing our ab cd by $5 million to " * n)[:n],
        ),
        "a growth of ours moved to a range": (
            said_against._GROWTH_TO_RANGE,
            lambda n: ("raising our ab cd growth to plus 5% to " * n)[:n],
        ),
        "a forecast against a figure said before": (
            said_against._FROM_SAID,
            lambda n: ("5% versus the 6% to 7% we " * n)[:n],
        ),
        "a sentence naming the whole": (
            part_turns._WHOLE_NAMED,
            lambda n: ("all of our segmen " * n)[:n],
        ),
        "a sentence's own word of the whole": (
            part_turns._OURS,
            lambda n: ("ove wh " * n)[:n],
        ),
        "a turn's words that say a clause": (
            part_turns._CLAUSE_SAID,
            lambda n: ("wh' " * n)[:n],
        ),
        "an amount said in a section": (part_turns.AMOUNT_SAID, lambda n: ("$ " * n)[:n]),
        "a part named by this or that": (
            part_turns._THIS_PART,
            lambda n: ("in this ab cd segmen " * n)[:n],
        ),
        "a share of an industry's sales": (
            gates._OTHERS_WHOLE,
            lambda n: ("of the ab cd industr " * n)[:n],
        ),
        "a place then where its revenue grew": (
            set_off.WHERE_AFTER_NAME,
            lambda n: ("in Ab Cd Ef Gh Ij " * n)[:n],
        ),
        "a firm's name wrapped onto its own line": (
            participants._WRAPPED,
            lambda n: ("A" + "b, " * n)[:n],
        ),
        "guidance reinstated later": (
            guidance._NOT_NOW,
            lambda n: ("we'll " + "x " * n)[:n],
        ),
        "what offset a growth": (scope._OFFSET_BY, lambda n: (", partly offset by an " * n)[:n]),
        "a sensitivity": (gates._EVERY, lambda n: ("every additional " * n)[:n]),
        "revenue made by something": (
            set_off.MADE_BY,
            lambda n: ("revenues generated " * n)[:n],
        ),
        "a share said changed": (gates._SHARE_CHANGED, lambda n: ("as a percent " * n)[:n]),
        "a loan book": (gates._LENT, lambda n: ("credit loans " * n)[:n]),
        "months opening a clause": (
            components._MONTHS_OPEN,
            lambda n: ("January and February, " * n)[:n],
        ),
        "a period longer than a month": (components._LONGER, lambda n: ("over-year " * n)[:n]),
        "a total after a turn": (part_turns._TOTAL_OPENS, lambda n: ("and " * n)[:n]),
        "comparable sales and their figure": (
            comps._COMPS,
            lambda n: ("comparable store sales growth were up by a very strong " * n)[:n],
        ),
        "a comp in a part": (comps._A_COMP, lambda n: ("a 1% comp in ab cd ef " * n)[:n]),
        "no comparable sales of their own": (
            comps._NOT_ITS_OWN,
            lambda n: ("compared to ab cd ef impact on " * n)[:n],
        ),
        "a name before comparable sales": (
            comps._NAME_THEN,
            lambda n: ("Ab cd ef with gh " * n)[:n],
        ),
        "what comparable sales are of, after": (
            comps._AFTER,
            lambda n: (", in the quarter " * n)[:n],
        ),
        "what stands before comparable sales' basis": (
            comps._BASIS_LEAD,
            lambda n: (" , " * n)[:n],
        ),
        "a sentence's own section": (
            part_turns._OWN_SECTION,
            lambda n: ("on slides on page in slide " * n)[:n],
        ),
        "a cut said as a sentence opens": (
            part_turns._CUT_SAID_AT,
            lambda n: ("by end by region across our " * n)[:n],
        ),
        "a turn opening a sentence": (part_turns._TURN_OPENS, lambda n: ("now, so, " * n)[:n]),
        "a part of ours opening a sentence": (
            part_turns._OUR_PART_OPENS,
            lambda n: ("in our Ab Cd Ef Gh " * n)[:n],
        ),
        "a revenue word": (part_turns._REVENUE_WORD, lambda n: ("revenuesales " * n)[:n]),
        "a part said a segment": (part_turns._OWN_PART, lambda n: ("segmentdivision " * n)[:n]),
        "a turn's slide": (named_parts._ON_SLIDE, lambda n: (" on slide " * n)[:n]),
        "an amount said by its currency's code, or a currency by its place": (
            amounts._CODED,
            lambda n: ("RMB HK$ ¥ USD U.S. US " * n)[:n],
        ),
        "a turn to a part whose deeds 'which' says": (
            set_off._TURN_WHICH,
            lambda n: ("Turning to A" + "b" * n)[:n],
        ),
        "a verb of guidance a name holds": (
            guidance_verbs._NAMED_VERB,
            lambda n: ("our Raised the Lift R C E " * n)[:n],
        ),
        "a turn's 'which'": (part_turns._WHICH, lambda n: (", which, which" * n)[:n]),
        "a turn's part, up to its comma": (part_turns._TO_COMMA, lambda n: ("a" * n)[:n]),
        "a company's legal suffix after a comma": (
            own_names._SUFFIX_COMMA,
            lambda n: (", Inc, Ltd, " * n)[:n],
        ),
        "a basis of a change of pace": (
            pace._PACE_BASIS,
            lambda n: ("decelerating year-over- " * n)[:n],
        ),
        "a basis of a pace's noun": (
            pace._PACE_NOUN_BASIS,
            lambda n: ("sequential year-over-year " * n)[:n],
        ),
        # the fifty-first round's
        "a part by the word of its kind": (
            named_parts._PART_NOUN_ENDS,
            lambda n: ("end-use end market " * n)[:n],
        ),
        "a segment unnamed": (segments_unnamed._THE_SEGMENT, lambda n: ("the segment's " * n)[:n]),
        "the segments' measure summed": (
            segments_unnamed._SEGMENTS_SUMMED,
            lambda n: ("segment segment margins " * n)[:n],
        ),
        "a segment's measure": (
            segments_unnamed._SEGMENT_MEASURE,
            lambda n: ("segment segment " * n)[:n],
        ),
        "an outlook named after a preposition": (
            said_against._PREPOSITION_BEFORE,
            lambda n: ("confidence in given " * n)[:n],
        ),
        "an outlook moved by its own verb": (
            said_against._OUTLOOK_MOVED,
            lambda n: ("our ab cd outlook for the has likewise " * n)[:n],
        ),
        "guidance unchanged from its prior view": (
            said_against._UNCHANGED_FROM,
            lambda n: ("is unchanged from our prior " * n)[:n],
        ),
        "a verb that keeps guidance before its adjective": (
            guidance_verbs._KEPT_BEFORE,
            lambda n: ("affirming both all " * n)[:n],
        ),
        "a prior decline": (guidance_verbs._ALSO_DOWN, lambda n: (" of been " * n)[:n]),
        "a determiner before a verb of moving": (
            guidance_verbs._AS_ADJECTIVE,
            lambda n: ("our the its " * n)[:n],
        ),
        "a subject's growth before its share": (
            subjects._BECAME,
            lambda n: (" have steadily grown to " * n)[:n],
        ),
        "a relative clause listing what it includes": (
            clauses._RELATIVE,
            lambda n: (", which includes a, b, c" * n)[:n],
        ),
        "examples said": (passages._EXAMPLES_SAID, lambda n: ("examplesexamples " * n)[:n]),
        "a clause of cause": (explained._CAUSE, lambda n: (" as since because " * n)[:n]),
        "a change in comparable sales": (
            comps._CHANGE_IN,
            lambda n: ("a about 15.1% increase in comparable " * n)[:n],
        ),
        "an answer's 'we grew'": (turns._WE_GREW, lambda n: ("we've have also " * n)[:n]),
        "revenue named in an answer": (turns._REVENUE_NAMED, lambda n: ("top-line " * n)[:n]),
        "the operator giving the line": (
            turns._TO_AN_ANALYST,
            lambda n: ("next question comes from " * n)[:n],
        ),
        "a welcome naming the company": (
            own_names._WELCOMED,
            lambda n: ("Welcome to the Ab Cd Fourth Quarter " * n)[:n],
        ),
        "guidance to be given later": (
            guidance.GIVEN_LATER,
            lambda n: ("expect to be able to " * n)[:n],
        ),
        # the fifty-second round's
        "another measure beside a part's growth": (
            coordinated._MEASURE_BESIDE,
            lambda n: ("grew 5% and special waste " * n)[:n],
        ),
        "revenue as a ratio's base": (ratio_base._RATIO_OF, lambda n: ("6% of total " * n)[:n]),
        "the growth of the year before": (
            unstated._PRIOR_PERIODS,
            lambda n: ("the prior year quarterly organic " * n)[:n],
        ),
        "a level against another's": (
            unstated._THAT_OF,
            lambda n: (" higher than below " * n)[:n],
        ),
        "a change after two shares": (
            unstated._SHARE_THEN_CHANGE,
            lambda n: ("accounted for 38% and 35% last year " * n)[:n],
        ),
        "a clause of time opening a sentence": (
            clauses._TIME_CLAUSE,
            lambda n: ("before since until " * n)[:n],
        ),
        "a pair's first measure owned": (
            measure_words._OWNER_FIRST,
            lambda n: ("FCD Abc Def Ghi " * n)[:n],
        ),
        "a speaker's title": (gates._TITLE, lambda n: ("CFOs VPs Analysts " * n)[:n]),
        "an increase range": (no_move._INCREASE_RANGE, lambda n: ("increase increase " * n)[:n]),
        "a part after its figure on": (owners._AT_PART, lambda n: (" in Q4 on Abc Def " * n)[:n]),
        "what grew after a noun of change": (
            words_patterns.OBJECT,
            lambda n: (" organic gains lift expansion in " * n)[:n],
        ),
        "a clause of 'we' after 'and'": (
            clause_cuts._CLAUSE_CUT,
            lambda n: (", and we more than and we " * n)[:n],
        ),
        "an increase in revenue in a part": (
            one_figure._IN_REVENUE,
            lambda n: (" increase in revenue in the abc def " * n)[:n],
        ),
        # the fifty-third round's
        "a list's item with no verb": (
            coordinated._ITEM,
            lambda n: (", and abc def were up by " * n)[:n],
        ),
        "a growth of another measure's subject": (
            coordinated._MEASURE_GREW,
            lambda n: ("rates were have volumes " * n)[:n],
        ),
        "a growth to a record count": (
            follows.TO_A_COUNT_AFTER,
            lambda n: (" to a new record of " * n)[:n],
        ),
        "a turn to a part said with what it is": (
            part_turns._TURN_TO_PART,
            lambda n: ("turning to abc, our def, the " * n)[:n],
        ),
        "guidance's filler words": (
            guidance._VERB_OBJECT["raised"],
            lambda n: ("raise we i they abc, " * n)[:n],
        ),
        "the words of the future": (vocabulary.FORWARD, lambda n: ("an expected the " * n)[:n]),
        "another's sales": (vocabulary.NOT_REVENUE, lambda n: ("sell-out sell-in sell " * n)[:n]),
        "an apposition that describes": (appositions._DESCRIBED, lambda n: ("our the a " * n)[:n]),
        "a growth said by its verb": (carried._GREW, lambda n: ("was were up down " * n)[:n]),
        "a counted measure's growth": (carried._OTHER_GREW, lambda n: ("noi pos ffo " * n)[:n]),
        # the fifty-fourth round's
        "revenue made by its maker": (
            makers._MADE_REVENUE,
            lambda n: (" generated revenues of approximately of " * n)[:n],
        ),
        "a part pointed back to": (makers._A_PART_BEFORE, lambda n: ("the this segment " * n)[:n]),
        "a growth across the parts": (
            dimensions._GROWN_ACROSS,
            lambda n: ("growth in each of our end markets, " * n)[:n],
        ),
        "a gapped list's item": (gapped._GAPPED, lambda n: ("; and abcdefghij klmnop, 12" * n)[:n]),
        "comparable sales after their figure": (
            comps._FIGURE_THEN,
            lambda n: ("about 12% same store sales " * n)[:n],
        ),
        "a comparable figure that is none": (comps._NOT_A_FIGURE, lambda n: ("low to - " * n)[:n]),
        "comparable sales' change before them": (
            comps._CHANGE_IN,
            lambda n: ("a 12% increase in global " * n)[:n],
        ),
        "guidance said standing": (
            stands.STANDS,
            lambda n: ("no change versus prior prior " * n)[:n],
        ),
        "a growth's noun after its figure": (
            words_patterns.NOUN_AFTER,
            lambda n: ("global company-wide net " * n)[:n],
        ),
        "a verb of change and its figure": (
            words_patterns.VERB_THEN,
            lambda n: ("grew at a steady steady " * n)[:n],
        ),
        "a part presented by a speaker or a page": (
            part_turns._TURN_TO_PART,
            lambda n: ("we will now review slide 5 shows abc results " * n)[:n],
        ),
        "a slide named": (named_parts.A_SLIDE, lambda n: ("slides abc " * n)[:n]),
        "a part named before": (subjects._NAMED_BEFORE, lambda n: ("the sector this " * n)[:n]),
        "a level's verb": (subjects._TOTALED, lambda n: (" sat sits was " * n)[:n]),
        # the fifty-fifth round's
        "a part's measure opening a sentence": (
            owner_opens._OPENS,
            lambda n: ("Abc Def Ghi Jkl net operating " * n)[:n],
        ),
        "a count a growth represents": (
            beside._COUNT,
            lambda n: ("1,234 abc def ghi, representing " * n)[:n],
        ),
        "an amount of another measure": (
            beside._AMOUNT_OF,
            lambda n: ("$1.2 million of abc def, " * n)[:n],
        ),
        "a list's item of another kind": (
            beside._OTHER_ITEM,
            lambda n: ("; and other abc def " * n)[:n],
        ),
        "a subject pointing back": (
            beside._POINTS_BACK,
            lambda n: ("this was the increases are " * n)[:n],
        ),
        "a turn said with what the part did": (
            part_turns._TURN_TO_PART,
            lambda n: ("turning to abc, which def we have the results of i'll spend " * n)[:n],
        ),
        "a participle's opening": (clauses._ADVERBIAL, lambda n: ("finishing up our " * n)[:n]),
        "revenue in an opening": (clauses._REVENUE_OPENING, lambda n: ("wrapping " * n)[:n]),
        "a relative clause of where a line is reported": (
            clause_cuts._MADE_OF,
            lambda n: ("which are reported in abc " * n)[:n],
        ),
        "guidance of the world's": (
            blocked.ELSE,
            lambda n: ("demand repurchases outlook " * n)[:n],
        ),
        "a guidance noun, no guide book": (
            guidance_verbs.WHERE_DONE,
            lambda n: ("guide book guide-lines guide " * n)[:n],
        ),
        "sales a panel measured": (
            vocabulary.NOT_REVENUE,
            lambda n: ("abc-measured dollars-measured " * n)[:n],
        ),
        # the fifty-sixth round's
        "a period a growth is said for": (
            measured._PERIOD,
            lambda n: ("in the full on a full-year in q4 for the " * n)[:n],
        ),
        "one figure of the quarter and the year": (
            measured._AND_THE_YEAR,
            lambda n: ("1% abc in both the q4 and for the " * n)[:n],
        ),
        "comparable sales signed in words": (
            comps._COMPS,
            lambda n: ("comp sales for the quarter of a plus " * n)[:n],
        ),
        "a name or a period before comparable sales": (
            comps._NAME_THEN,
            lambda n: ("Fourth Abc def ghi with reported " * n)[:n],
        ),
        "a total after how it was projected": (
            part_turns._TOTAL_OPENS,
            lambda n: ("as projected, " * n)[:n],
        ),
        "a pair's names after its figures": (
            pairs._IN_NAMES,
            lambda n: (" year-over-year in abc and def" * n)[:n],
        ),
        "a market's relative clause": (
            relatives._MARKET_THAT,
            lambda n: ("a abc market that we think " * n)[:n],
        ),
        "what underlies guidance": (
            stands.STANDS,
            lambda n: ("underlying our guidance largely " * n)[:n],
        ),
        "guidance said unchanged, not what underlies it": (
            said_otherwise._UNCHANGED,
            lambda n: ("underlying our guidance largely " * n)[:n],
        ),
        "a noun of growth before 'well in excess of'": (
            words_patterns.VERB_THEN,
            lambda n: ("growth, well in excess of " * n)[:n],
        ),
        "an amount against the prior year, then 'or'": (
            words_patterns.VERB_THEN,
            lambda n: ("increased by $1 million versus the prior year " * n)[:n],
        ),
        "what was contributed to": (
            components._TO_GROWTH_OF,
            lambda n: (" to abc def growth of " * n)[:n],
        ),
        "a part's performance with its growth": (
            set_off.PERFORMANCE_WITH,
            lambda n: ("our Abc def performance with " * n)[:n],
        ),
        "a part's relative clause of what it delivered": (
            set_off.WHICH_DELIVERED,
            lambda n: ("our abc def, which delivered " * n)[:n],
        ),
        "a clause after 'and' with a frame of its own": (
            clause_cuts._CLAUSE_CUT,
            lambda n: (" and in constant currency, our " * n)[:n],
        ),
        "a noun after 'sales to'": (clause_cuts._NOUN_AFTER_TO, lambda n: ("sales to " * n)[:n]),
        "topics turned to": (frame_names._TOPICS, lambda n: ("revenue and " * n)[:n]),
        "a frame's way of measuring": (clauses._ADJUSTING, lambda n: (" also adjusting " * n)[:n]),
        "a trailing year's period": (
            trims._DURING,
            lambda n: ("for the trailing 12 months ended " * n)[:n],
        ),
        "the company said of itself": (names._ITSELF, lambda n: ("the underlying " * n)[:n]),
        "a count of parts or one of a list": (
            subjects._RANKED,
            lambda n: ("9 of our top 15 the latter " * n)[:n],
        ),
        "a growth set against a period before": (
            base_growth._BASE_PERIOD,
            lambda n: ("from the third abc " * n)[:n],
        ),
        "guidance looked forward to": (
            no_move._WILL_AND,
            lambda n: ("look forward to reporting abc " * n)[:n],
        ),
        "a turn's relative clause that lists": (
            part_turns._TURN_TO_PART,
            lambda n: ("turning to abc, which consists of a, b, " * n)[:n],
        ),
        # the fifty-seventh round's
        "comparable sales of a place, in a period": (
            comps._COMPS,
            lambda n: ("comp sales in the Abc Def Ghi in the first quarter " * n)[:n],
        ),
        "comparable sales against a year named": (
            comps._AFTER,
            lambda n: ("compared with abc def ghi " * n)[:n],
        ),
        "guidance moving by its figure": (
            guidance_verbs.MOVING,
            lambda n: ("guidance midpoint is now increasing to a range of approximately " * n)[:n],
        ),
        "confidence in the guidance itself": (
            guidance._VERB_OBJECT["reiterated"],
            lambda n: ("remain confident in abc defing " * n)[:n],
        ),
        "a basis said after a name": (
            trims._QUALIFIERS,
            lambda n: ("on a abc def ghi jkl " * n)[:n],
        ),
        "a period alone before the verb": (
            appositions._WHEN_ONLY,
            lambda n: ("in the 2025 second " * n)[:n],
        ),
        "a price of a unit": (vocabulary.NOT_REVENUE, lambda n: ("cents per " * n)[:n]),
        # the fifty-eighth round's
        "comparable sales of a week": (comps._A_WEEK, lambda n: ("week's abc def " * n)[:n]),
        "guidance updated to a figure": (
            prior._OF_FUTURE,
            lambda n: ("updating our abc def ghi jkl outlook " * n)[:n],
        ),
        "a figure against the prior range": (
            prior._PRIOR_RANGES[0],
            lambda n: ("$1 to $2 versus our previous revenue guidance in the range of " * n)[:n],
        ),
        "a measure unchanged at a range": (
            stands.STANDS,
            lambda n: ("revenue remains unchanged in the range of $1.5 million " * n)[:n],
        ),
        "a revenue then where its parts came from": (
            breakdowns._WITH,
            lambda n: ("revenue abc def ghi " * n)[:n],
        ),
        "a breakdown's item before an amount": (
            breakdowns._ITEM,
            lambda n: ("abc and nearly " * n)[:n],
        ),
        "a part of ours, then where": (
            set_off.WHERE_AFTER_NAME,
            lambda n: ("for our abc and def ghi " * n)[:n],
        ),
        "what led a growth": (
            set_off.PART_LED_BY,
            lambda n: (", led by abc def ghi jkl Mno Pqr Stu " * n)[:n],
        ),
        "a revenue going on": (
            set_off.REVENUE_GOES_ON,
            lambda n: ("and abc def ghi revenue continues to " * n)[:n],
        ),
        "a growth in a part unnamed": (
            resulted._IN_UNNAMED,
            lambda n: (" in the in our first in " * n)[:n],
        ),
        "what a growth translated into": (
            resulted._RESULT_LEAD,
            lambda n: ("translated into an " * n)[:n],
        ),
        "a place set off before we": (
            topics._TOPIC,
            lambda n: ("Abc Def, our abc def ghi, " * n)[:n],
        ),
        "a turn to a part with points": (
            part_turns._TURN_TO_PART,
            lambda n: (", beginning with U.S. U.S. abc " * n)[:n],
        ),
        "revenue alone with an aside": (
            part_turns.WHOSE_UNSAID,
            lambda n: ("net sales, excluding abc def " * n)[:n],
        ),
        "a speaker named alone": (turns._NAME_ALONE, lambda n: ("Abc Def Ghi Jkl Mno " * n)[:n]),
        "growth in some of the last quarters": (
            components.OVER_YEARS,
            lambda n: ("in 55 of the last 63 " * n)[:n],
        ),
        "an industry's volumes": (no_move._MARKET_GROWTH, lambda n: ("industry abc " * n)[:n]),
        "a growth compounded": (no_move._A_CAGR, lambda n: ("compound annual " * n)[:n]),
        "a market framing a participle": (
            relatives._MARKET_THAT,
            lambda n: ("in the abc def market, growing at " * n)[:n],
        ),
        "a wish only to say it": (
            blocked.COURTESY,
            lambda n: ("we just want to also " * n)[:n],
        ),
        "a guidance noun, a target of businesses": (
            re.compile(words_patterns.GUIDANCE_NOUN, re.I),
            lambda n: ("targets business " * n)[:n],
        ),
        # the fifty-ninth round's
        "a quarter by its number": (quarters._NUMBERED, lambda n: ("quarter quarter 4" * n)[:n]),
        "a quarter of a year, a comma between": (
            quarters._QUARTER_OF_YEAR,
            lambda n: ("third quarter, q3, " * n)[:n],
        ),
        "an amount a growth reached, then with": (
            attribution._SALES_OF,
            lambda n: ("% to $1.2 billion, " * n)[:n],
        ),
        "a share's verb after a part's growth": (
            lists._AFTER_GROWTH,
            lambda n: ("20% to $2.3 " * n)[:n],
        ),
        "guidance moved to a figure": (
            guidance_verbs.MOVING,
            lambda n: ("outlook for abc def ghi jkl mno also " * n)[:n],
        ),
        "guidance given, released": (guidance._GIVEN_PAST, lambda n: ("released " * n)[:n]),
        "a turn to a part, begun or wanted": (
            part_turns._TURN_TO_PART,
            lambda n: ("i now want to spend a few " * n)[:n],
        ),
        "a whole named, not company-owned": (
            part_turns._WHOLE_NAMED,
            lambda n: ("company-owned " * n)[:n],
        ),
        "figures reported before their noun": (
            respective.REPORTED_NOUN,
            lambda n: ("had had had " * n)[:n],
        ),
        "a part named before with": (doers._PART_WITH, lambda n: (", abc def ghi " * n)[:n]),
        "what enabled us to grow": (attribution._US_TO, lambda n: ("enabled us to " * n)[:n]),
        "a figure of the rest, as a condition": (
            one_figure._IF_LESS,
            lambda n: (", if we " * n)[:n],
        ),
        "a profit's ratio after a figure": (
            follows._RATIO_AFTER,
            lambda n: (" operating " * n)[:n],
        ),
        "a growth to an amount a share": (
            follows.TO_A_COUNT,
            lambda n: (" to $1.23 per " * n)[:n],
        ),
        "a slide before the part": (
            named_parts._ON_SLIDE,
            lambda n: ("slide 7 for " * n)[:n],
        ),
        "the same locations' revenue of a line": (
            comps._COMPS,
            lambda n: ("comparable abc def " * n)[:n],
        ),
        "a period to date": (attribution._TO_DATE, lambda n: ("year to date " * n)[:n]),
        "a period to date in a name": (trims._DURING, lambda n: ("for the year to " * n)[:n]),
        "a negation before an aside": (blocked._NOT_YET, lambda n: ("cannot " * n)[:n]),
        "an amount before a comparable figure": (
            comps._COMPS,
            lambda n: ("comp sales grew approximately $1.2 million or " * n)[:n],
        ),
        # the sixtieth round's
        "a part's total opening a sentence": (
            part_turns._ITS_TOTAL,
            lambda n: ("The Abc Def Ghi's net revenues " * n)[:n],
        ),
        "another's estimates moved": (blocked.OTHERS_DO, lambda n: ("consensus abc " * n)[:n]),
        "guidance moved in the passive": (
            passive._PASSIVE,
            lambda n: ("expectations for the abc def ghi jkl are " * n)[:n],
        ),
        "comparable sales growth said to be": (
            comps._COMPS,
            lambda n: ("same-venue sales growth was " * n)[:n],
        ),
        # the sixty-first round's
        "results announced as follows": (clauses._TO_BEGIN, lambda n: ("abc def ghi as " * n)[:n]),
        "an amount of the year before said roughly": (
            vocabulary.YEARLY,
            lambda n: ("compared to just over $1 billion during the same " * n)[:n],
        ),
        "one figure against both bases": (
            measured._BOTH_BASES,
            lambda n: ("8% both year-over-year and " * n)[:n],
        ),
        "comparable sales against a year named before them": (
            comps._YEAR_BEFORE,
            lambda n: ("compared to 2019 abc; " * n)[:n],
        ),
        "comparable sales against a year named after them": (
            comps._YEAR_AFTER,
            lambda n: (" versus 20199 " * n)[:n],
        ),
        "a comp after its figure": (comps._A_COMP, lambda n: ("a 9% comp " * n)[:n]),
        "a comparable sales decrease": (
            comps._COMPS,
            lambda n: ("comparable sales decrease " * n)[:n],
        ),
        "a name before its comps": (comps._NAME_THEN, lambda n: ("By Abc def delivered " * n)[:n]),
        "like-for-like": (spoken_as._LIKE_FOR_LIKE, lambda n: ("like-for-" * n)[:n]),
        "guidance adjusted one way": (
            revised._MOVED_WAY,
            lambda n: ("adjusted our abc def outlook " * n)[:n],
        ),
        "a growth set off with its praise": (
            words_patterns.VERB_THEN,
            lambda n: ("grew organically, an " * n)[:n],
        ),
        "a growth at an adjusted rate": (
            words_patterns.VERB_THEN,
            lambda n: ("growing at an adjusted rate " * n)[:n],
        ),
        # the sixty-second round's
        "a basis between a noun of change and its object": (
            words_patterns.OBJECT,
            lambda n: ("increase year-over-year in abc " * n)[:n],
        ),
        "a page opening a second frame": (clauses._PAGE_OPENS, lambda n: (" on page abc " * n)[:n]),
        "same-store revenue accelerated": (
            comps._COMPS,
            lambda n: ("same-store revenue accelerated abcly to " * n)[:n],
        ),
        "guidance for our period": (guidance._FOR_PERIOD, lambda n: (" for our " * n)[:n]),
        "a growth's year-over-year base before comparable sales": (
            list_bases._FIGURE_BASIS,
            lambda n: ("5% abc versus the prior " * n)[:n],
        ),
        # the sixty-third round's
        "a speaker's label": (reader._SPEAKER, lambda n: ("Speaker " * n)[:n]),
        "keep in mind": (clauses._TO_BEGIN, lambda n: ("keep in mind " * n)[:n]),
        "a growth that remains at its figure": (
            words_patterns.VERB_THEN,
            lambda n: ("growth remains " * n)[:n],
        ),
        "a growth above its figure": (
            words_patterns.VERB_THEN,
            lambda n: ("growth above " * n)[:n],
        ),
        # the sixty-fourth round's
        "a list's item set off by a comma": (
            lists._LISTED_COMMA,
            lambda n: ("; and abc, " * n)[:n],
        ),
        "a list's item after a semicolon": (lists._LISTED, lambda n: ("; and abc " * n)[:n]),
        "a bare item after a semicolon": (clause_cuts._ITEM_NEXT, lambda n: ("; abc de, " * n)[:n]),
        "revenue in the place named after it": (
            objects._IN_THE_PLACE,
            lambda n: (" in the Abc De" * n)[:n],
        ),
        "a part before where it was seen": (
            makers._WHERE_WE,
            lambda n: (" by Abc, where we " * n)[:n],
        ),
        "a growth the company says it reported": (
            makers._WE_REPORTED,
            lambda n: ("5% net revenue growth that " * n)[:n],
        ),
        "a subject that includes a list": (
            figures._INCLUDES_LIST,
            lambda n: (", which includes abc, de and fg " * n)[:n],
        ),
        "an amount of revenue in apposition": (
            figures._AMOUNT_APPOSED,
            lambda n: ("revenues, $1.2 million, " * n)[:n],
        ),
        "a basis between a growth and was": (
            words_patterns.VERB_THEN,
            lambda n: ("growth quarter-over-quarter " * n)[:n],
        ),
        "more than double an amount": (
            words_patterns.FIGURE,
            lambda n: ("than double the " * n)[:n],
        ),
        "a measure's guided range": (
            guidance._VERB_OBJECT["cut"],
            lambda n: ("margin range " * n)[:n],
        ),
        "comparable net sales increasing": (
            comps._COMPS,
            lambda n: ("same-store abc net revenues increasing " * n)[:n],
        ),
        "a ratio's base before comparable sales": (
            comps._NOT_ITS_OWN,
            lambda n: ("percentage of abc " * n)[:n],
        ),
        "guidance down from what was estimated": (
            prior.AGAINST_PRIOR["cut"],
            lambda n: ("down slightly from the 1.2 abc " * n)[:n],
        ),
        "a change owed to currency": (
            follows.EFFECT_AFTER,
            lambda n: (" decline due to unfavorable " * n)[:n],
        ),
        "the amount a multiple is of": (
            basis_ends._AMOUNT_DOUBLED,
            lambda n: (" than the $1 " * n)[:n],
        ),
        "all of what was said before": (trims._ALL_OF_THAT, lambda n: (" all of " * n)[:n]),
        # the sixty-fifth round's
        "an amount in a currency named by its code": (
            vocabulary.YEARLY,
            lambda n: ("from HKD 1.2 " * n)[:n],
        ),
        "comparable sales increased sequentially": (
            comps._COMPS,
            lambda n: ("same-store revenue increased sequentially " * n)[:n],
        ),
        "a credit rating's outlook": (not_given._RATING, lambda n: ("stable outlook " * n)[:n]),
        "an outlook from an agency": (not_given._FROM_AN_AGENCY, lambda n: (" from the " * n)[:n]),
        "premiums earned": (others_sales._PREMIUMS, lambda n: ("earned premiums " * n)[:n]),
        "retail sales said": (others_sales._RETAIL_SALES, lambda n: ("retail " * n)[:n]),
        # the sixty-sixth round's
        "the parts a growth is made of": (scope._PARTS_SAID, lambda n: (", reflecting a " * n)[:n]),
        "a year in a growth's own words": (vocabulary.YEAR_SAID, lambda n: ("2020" * n)[:n]),
        "a growth for the full year": (
            scope._ENDS_CLAUSE,
            lambda n: (" for the full year 2025" * n)[:n],
        ),
        "a bare year after a figure and to": (vocabulary.YEARLY, lambda n: ("5% to 2020 " * n)[:n]),
        "a judgment opening a sentence": (
            figures._IT_IS_THAT,
            lambda n: ("but it is very encouraging " * n)[:n],
        ),
        # the sixty-seventh round's
        "an amount increased to, then or": (
            words_patterns.VERB_THEN,
            lambda n: ("increased to nearly $1.45 million or " * n)[:n],
        ),
        "a participle after with": (with_aside._PARTICIPLE, lambda n: ("contribut" * n)[:n]),
        # the sixty-eighth round's
        "the amount increased to": (levels._TO, lambda n: ("to nearly " * n)[:n]),
        "then or and a figure": (levels._TO_THEN_OR, lambda n: (" or 1" * n)[:n]),
        "while before a bare name": (trims._SUBORDINATE_REVENUE, lambda n: ("while " * n)[:n]),
        "in revenues and no more": (resulted._IN_REVENUE, lambda n: (" in revenues " * n)[:n]),
        "a part pointed back at": (resulted._IN_THAT_PART, lambda n: (" in the " * n)[:n]),
        # the sixty-ninth round's
        "guidance, which we are now raising": (
            guidance_verbs.WHERE_DONE,
            lambda n: ("guidance, which we are now now " * n)[:n],
        ),
    }


def patterns(size: int, repeats: int) -> None:
    """Each pattern searched over its worst input at a quarter of `size` and at `size`."""
    print(f"patterns over their worst inputs at {size:,} characters:")
    for name, (pattern, make) in _patterns().items():

        def search(text: str, pattern: re.Pattern[str] = pattern) -> None:
            for _found in pattern.finditer(text):
                pass

        _linear(
            f"the pattern of {name} over its worst input", search, make, size, repeats, "finditer"
        )


def document(mib: float, repeats: int) -> None:
    """`read_kpis` over a document of `mib` MiB of short sentences, as `evidence add` reads one."""
    from catalyst_tui.thesis.kpis.statements import read_kpis

    line = "Scorpio was 10% of revenue. "
    text = line * int(mib * 2**20 / len(line))
    runs, floors = [], []
    for _ in range(repeats):
        started = time.process_time()
        read = read_kpis(text, ["Scorpio"])
        runs.append(time.process_time() - started)
        started = time.process_time()
        floor_run(text)
        floors.append(time.process_time() - started)
    measured, floor = statistics.median(runs), statistics.median(floors)
    print(f"read_kpis over {mib:g} MiB of short sentences: {measured:.1f} s ({len(read):,} read)")
    emit(
        Figure(
            figure=f"read_kpis over a {mib:g} MiB document of short sentences",
            measured=round(measured, 2),
            floor=round(floor, 3),
            unit="s",
            goal="measured <= 60",
            floor_is="the same sentences split and searched once for a percentage",
            note=f"median CPU time of {repeats} run(s); catalyst evidence add's words side",
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--sentences", type=int, default=10_000)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--mib", type=float, default=8.0)
    args = parser.parse_args()
    text = transcript(args.sentences)
    runs, floors = [], []
    for _ in range(args.repeats):
        started = time.process_time()
        read = read_words(text)
        runs.append(time.process_time() - started)
        started = time.process_time()
        with_figures = floor_run(text)
        floors.append(time.process_time() - started)
    measured, floor = statistics.median(runs) * 1000, statistics.median(floors) * 1000
    kinds = {
        kind: sum(1 for s in read if s.kind == kind) for kind in ("share", "growth", "guidance")
    }
    print(
        f"words bench: {args.sentences:,} sentences of the {len(list(CALLS.glob('*.txt')))} "
        f"calls ({len(text):,} characters, {with_figures:,} with a percentage), "
        f"{args.repeats} repeats"
    )
    print("  read: " + ", ".join(f"{n} {kind}" for kind, n in kinds.items()))
    print(
        f"  read_words: median {measured:.0f} ms (goal <= {GOAL_MS:.0f} ms: "
        f"{'met' if measured <= GOAL_MS else 'MISSED'})"
    )
    print(f"  floor (sentences split, one percentage search each): median {floor:.0f} ms")
    print(f"  ratio {measured / floor:.1f}x the floor")
    emit(
        Figure(
            figure=f"KPIs read from a {args.sentences:,}-sentence transcript",
            measured=round(measured, 1),
            floor=round(floor, 1),
            unit="ms",
            goal=f"measured <= {GOAL_MS:.0f}",
            floor_is="the same sentences split and searched once for a percentage",
            note=f"median CPU time of {args.repeats} runs of read_words over the calls' sentences",
        )
    )
    worst(args.size, args.repeats)
    patterns(args.size, args.repeats)
    document(args.mib, 1)


if __name__ == "__main__":
    main()
