"""The reader of words (reading/words/__init__.py says what it reads): `read_words` and the
facts it gathers from the whole document first."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from functools import partial

from ..leads import led
from ..wordlists import one_of, word_set
from .aliases import aliases, measured
from .amounts import as_signed
from .clause_cuts import CLAUSE_VERB
from .comps import COMP_KEYS, read_comps
from .explained import explains_part
from .facts import document_facts
from .guidance_verbs import unnamed
from .held import holding, within
from .others_sales import (
    as_revenue,
    fund_sales,
    new_business,
    of_a_system,
    of_an_insurer,
    system_retail,
)
from .own_names import abbreviated, first_word, itself, own_names, suffix_joined
from .owner_opens import owned_before
from .phrases import finite_verb
from .records import COMPANY, Stated, with_short_name
from .sentences import sentence_spans
from .set_off import WHERE_AFTER_NAME, made_by, turned_which
from .spoken_as import bank_revenue, earnings_talk, organic
from .turns import answers_from, asked_of_another_measure, company_sentences, we_grew
from .vocabulary import LONGEST, boilerplate

__all__ = ["read_words"]

_FIGURE_MARKS = (
    *("%", "percent", "per cent", "doubl", "tripled", "quadrupled", "halved", "fold"),
    *(f"{times}x" for times in range(2, 10)),  # "jumped 2x"
)
# Words that may say guidance, found anywhere in a word (a quick test before guidance is read),
# each in the sentence lowered (the words written in lower case: the same sentences found as a
# search ignoring case, four times as fast). The fixed ones are substrings; the rest a pattern,
# and a range to come ("expecting revenue to be between") is looked for only where its end
# stands (the three two thirds of the one pattern's cost: 40 ms to 27 ms over bench/words.py's
# 10,000 sentences).
_GUIDANCE_STEMS = (
    *("guid", "outlook", "forecast", "expectation", "target", "range", "projection"),
    *("view", "estimate", "confirm", "affirm", "reiterat", " raise", "original plan"),
    # a figure said before, set against one now: "closer to 5% versus the 6% we referenced
    # last quarter" (said_against._FROM_SAID)
    *("% we ", "% that we ", "illion we "),
)
# Each word of the pattern opens with a letter of its own ("up from" and "down from" said
# apart), so that `re` scans for those letters itself (21 ms to 11 ms over the sentences).
_GUIDANCE_WORDS = r"unchanged_at had_(?:expected|anticipated) up_from down_from ing_(?:our|its)\s"
_GUIDANCE = led(one_of(_GUIDANCE_WORDS))
# The same words, each a pattern of its own that opens with a word `re` scans for: looked for
# once over the whole text lowered, not in each sentence (a match of each is its words and the
# spaces between, none over another of its own: 12 ms to 4 ms over the 10,000 sentences).
_GUIDANCE_EACH = tuple(led(one_of(word)) for word in _GUIDANCE_WORDS.split())
_TO_BE = led(r"to\s+be\s+(?:between|in\s)")
_RANGE_TO_BE = led(r"ing\s+(?:[\w-]+\s+){1,5}?to\s+be\s+(?:between|in\s)")
_BULLET = led(r"^[•●▪◦‣·*–-]+")
_SPEAKER = led(r"^Speaker\s+\d{1,3}\s*:")
# A run of spaces no sentence of prose holds: a table's columns laid out (none of the shared
# recordings' sentences of a reading's length has one), or a text made to try each space.
_LAID_OUT = led(r"\s{16}")
# A question written with no question mark, as a transcript may: "Can you reiterate the backlog
# conversion guidance for 2Q."; "On the Weapons side, are you expecting like 10% growth."
_ASKED = led(
    r"\s*(?:(?:and|so|but|okay|then),?\s+)?(?:(?:on|in|for|regarding|as\s+for)\s+[^,]{1,40},\s*)?"
    r"(?:can|could|would|will|are|do|did|were|should)\s+you\b",
    re.I,
)
# Sales by the selling day, averaged, are the whole's sales so taken: "average daily sales"
# (a distributor's measure of its revenue; not "average weekly sales", a restaurant's each).
_PER_DAY = led(r"\baverage(?=\s+daily\s+(?:net\s+)?(?:revenues?|sales)\b)", re.I)
# A transcriber's note is no word of the speaker's: "$659 million [Phonetic] in the quarter".
_NOTE = led(r"\s?\[(?:phonetic|ph|inaudible|indiscernible|technical\s+difficulty)\]", re.I)
# What the speaker or another said before, set between commas, is no word of the clause:
# "Revenue in the fourth quarter, like we said, grew 40.7%"; "we reported sales, as Tom had
# noted, of $226.6 million"; after a relative pronoun, its own comma unsaid: "guidance range,
# which as Mike mentioned, is unchanged".
_ASIDE = led(
    r"(?:(?<!where)(?<!which),|(?<=\swhich)\s)\s*+(?:as|like)\s++(?:I|we|you|he|she|they|[A-Z][a-z]++)(?:\s++(?:have|had|has|just|"
    r"already|also|previously|briefly|earlier))*+\s++(?:said|mentioned|noted|discussed|"
    r"indicated|highlighted|stated|described|outlined|covered|shared|pointed\s++out)"
    r"(?:\s++(?:earlier|before|previously|above|today))?+\s*+,"
)
# A relative clause of place set between commas that states no figure says what its antecedent
# is, no word of the clause: "Shifting to international, where our momentum remains strong,
# revenue increased 33%".
_RELATIVE_ASIDE = led(r",\s*+where\s[^,;:%\d$€£()]{1,160}+,")

# What drove a subject, set between it and its verb with no figure, by commas or none: "Europe,
# driven by Germany, grew 12%", "Technology dominated by data center work was 45% of revenue"
# (not "…, led by cloud, which grew 15%", "…driven by X which was up 20%": the driver's); what
# was added to it so ("Our medtech business, with the addition of Shockwave, delivered").
_BY_ASIDE = led(
    r",\s*+(?:(?:primarily|mainly|largely|partly)\s++)?(?:(?:led|driven|dominated|fueled|powered|"
    r"helped|supported|anchored|boosted)\s++by|with\s++the\s++(?:addition|inclusion|help|benefit|"
    r"contribution)\s++of)\s[^,;:%\d$€£()]{1,80}+,(?=\s*+" + CLAUSE_VERB + r"\b)|"
    r"(?<=[a-z])\s++(?:dominated|led|driven|fueled|anchored)\s++by\s"
    r"(?:(?!(?:which|that|who|whose|where)\b)[^,;:%\d$€£()]){1,60}?"
    r"(?=\s++" + CLAUSE_VERB + r"\b)",
    re.I,
)


def _blank(said: re.Match[str]) -> str:
    return " " * len(said.group())


def _place_aside(aside: re.Match[str]) -> str:
    """The relative clause of place blanked where it is a clause whole, its verb said ("where
    our momentum remains strong"); kept where it opens the clause the figure is in ("where in
    the fourth quarter, revenue grew 54%")."""
    said = aside.group()
    return "," + " " * (len(said) - 1) if any(map(finite_verb, said.split())) else said


_BULLETS = frozenset("•●▪◦‣·-*–")
#: How many bullets a heading stands over at most: a figure further down is nobody's known.
_BULLETS_UNDER = 60
_GENERIC_HEADINGS = word_set(
    """highlights outlook summary overview results financial quarter quarterly fiscal update
    updates recent developments about other information business segment segments guidance
    notes note contacts contact conference call webcast"""
)


def read_words(
    text: str,
    spans: Iterable[tuple[int, int]] | None = None,
    *,
    day: dt.date | None = None,
    names: Iterable[str] = (),
    symbol: str = "",
) -> tuple[Stated, ...]:
    """Every share, growth and guidance direction `text` states, in the order of its
    sentences (`spans`, the sentences' offsets, when the caller has them; `day`, the day the
    document is of, where known: a year two before its period's is no year-over-year base;
    `names`, what the company is called where the caller knows it: a figure said of one is the
    company's own; `symbol`, its ticker, which a name of the company abbreviates)."""
    # The reader's modules (their regular expressions: tens of milliseconds) load with the
    # first text read; every command imports the records (the metric catalogue's guidance
    # words), not the reader (reading/words/__init__.py).
    from .bases import latest_base, named_years, sentence_base, yearly_said
    from .between import blank_between
    from .clauses import clause_subject, frame_of
    from .figures import read_figures
    from .frames import whole_beside_part
    from .gapped import ungapped
    from .guidance import read_guidance
    from .headings import part_framed, place_alone_before
    from .part_turns import AMOUNT_SAID, WHOSE_UNSAID, PartTurns
    from .participles import as_adjective
    from .passages import Passages
    from .patterns import REVENUE_SAID
    from .phrases import phrase_before
    from .quarters import day_base, document_quarter, numbered_quarter
    from .subjects import read_subject
    from .wholes import figure_at, one_whole

    spans = company_sentences(text, sentence_spans(text) if spans is None else spans)
    for cached in (
        *(clause_subject, phrase_before, read_subject),
        *(frame_of, whole_beside_part, sentence_base, yearly_said, figure_at),
    ):
        cached.cache_clear()  # a sentence's phrases are read once within it, not across texts
    customers, parts = document_facts(text, spans)
    passages = Passages(text, spans)
    turns = PartTurns(text, spans)  # the part a sentence turns to, for its revenue alone after
    short = aliases(text)
    quarter = document_quarter(text)
    before = day_base(text, day)  # the year before the period the document's day reports
    latest = latest_base((text[s:e] for s, e in spans if e - s <= LONGEST), quarter, before)
    years = named_years(text[s:e] for s, e in spans if e - s <= LONGEST)
    if before:
        years |= {int(before) + 1}  # its own year, named or not
    answers = answers_from(text)  # where the call's questions and answers begin
    company = own_names(text, names)  # the names the call calls its company by, and the caller
    system = of_a_system(text)  # franchisees or dealers: their "retail sales" are theirs
    found: list[Stated] = []
    low = _lowered_alike(text, spans)
    insurer = of_an_insurer(text, low)  # its "sales" are policies sold
    stems = holding(low, spans, _GUIDANCE_STEMS) if low is not None else None
    marks = holding(low, spans, _FIGURE_MARKS[1:]) if low is not None else None
    said = within(low, spans, _GUIDANCE_EACH) if low is not None else set()
    for index, (start, end) in enumerate(spans):
        sentence = text[start:end]
        if (
            len(sentence) > LONGEST
            or sentence.rstrip("\"'”’) ").endswith("?")
            or _ASKED.match(sentence) is not None
            or _LAID_OUT.search(sentence) is not None
        ):
            continue  # a table run together or laid out, or a question: it states nothing
        if low is None or stems is None or marks is None:
            lowered = sentence.lower()
            figures = any(map(lowered.__contains__, _FIGURE_MARKS))
            guidance = _guidance_said(lowered)
        else:  # the text's words, each looked for once in the whole text
            lowered = low[start:end]
            figures = "%" in sentence or index in marks  # "%" is the same lowered
            guidance = index in stems or index in said or _guidance_said(lowered, words=False)
        if not (figures or guidance) or boilerplate(sentence, lowered):
            continue
        plain = sentence
        if plain[:1] in _BULLETS:
            plain = _BULLET.sub(lambda m: " " * len(m.group()), plain)
        if plain[:8] == "Speaker ":  # "Speaker 1: Q4 total revenue … increased 18%": no name
            plain = _SPEAKER.sub(_blank, plain)
        if "[" in plain:  # a note is looked for only where a bracket stands
            plain = _NOTE.sub(lambda m: " " * len(m.group()), plain)
        if insurer:
            plain = as_revenue(plain)  # "life premiums were up 8%": what an insurer earns
        if "ncome" in plain or "harges" in plain:
            plain = bank_revenue(plain)  # "net interest income rose 2%": what a bank earns
        if "for-like" in lowered or "for like" in lowered:
            plain = organic(plain)  # "like-for-like growth of 3%": the whole's organic growth
        if "arnings " in plain:
            plain = earnings_talk(plain)  # "As you saw in our earnings release,": no measure
        if "average daily" in lowered:  # "average daily sales improved 2.5%": sales by day
            plain = _PER_DAY.sub(_blank, plain)
        if "ed by " in lowered or "ed from " in lowered:
            plain = made_by(plain)  # "Revenues contributed by our leased hotels were …"
        plain = numbered_quarter(plain)  # "In quarter 4, revenue grew 19%": Q4's
        if "growing" in lowered:
            plain = as_adjective(plain)  # "our faster growing Laboratory business": one name
        if ", which " in plain:
            plain = turned_which(plain)  # "Turning now to DUPIXENT, which delivered …"
        # "Macy's, Inc. net sales": one name; "an increase of RMB 670 million or 65%": an amount
        plain = suffix_joined(as_signed(plain))
        told = unnamed(sentence)  # the words the guidance is read in: names' verbs, the
        # speaker's asides blanked
        if "," in plain and ("as " in plain or "like " in plain):  # where an aside may stand
            plain = _ASIDE.sub(_blank, plain)
            told = _ASIDE.sub(_blank, told)  # "range, which as Mike mentioned, is unchanged"
        if ";" in plain:  # "40% of our revenue; commercial pest control, 33%; and …"
            plain = ungapped(plain)
        if "where " in plain:  # ", where our momentum remains strong,"
            plain = WHERE_AFTER_NAME.sub(r"\1,", plain)  # "in Latin America where sales …"
            plain = _RELATIVE_ASIDE.sub(_place_aside, plain)
        if " by " in plain or " of " in plain:  # "Europe, driven by Germany, grew 12%": Europe's
            plain = _BY_ASIDE.sub(_blank, plain)
        whole = plain  # the sentence with its clauses between a subject and its verb
        between = blank_between(plain)  # "X, which include A, B and C increased 1.4%": X's
        if REVENUE_SAID.search(between) or not REVENUE_SAID.search(plain):
            plain = between  # (not where the revenue the sentence speaks of was in the clause:
            # "The defense market, which includes OEM and aftermarket revenues, grew 1%")
        read = (
            read_figures(
                plain,
                start,
                end,
                customers,
                parts,
                latest,
                years,
                company,
                quarter,
                partial(passages.revenue_in_force, index),
            )
            if figures and not passages.other_in_force(index)
            else ()
        )
        if read and place_alone_before(text, spans, index):
            read = ()  # "U.S." on a line of its own, then "CAG Diagnostics recurring revenues
            # increased 9%": the place's, which only the sentence before names
        part_before = turns.said_just_before(index)  # the sentence before gave a part's figure
        outlook = figures and passages.outlook_in_force(index)  # "Turning to our outlook."
        for stated in read:
            stated = stated._replace(sentence=sentence, forward=stated.forward or outlook)
            if stated.subject in short:  # "CSMS revenue grew 4%": "Contract Sales and … (CSMS)"
                if measured(short[stated.subject]):
                    continue  # "ANI increased 22%", ANI "adjusted net income": no revenue
                long = with_short_name(short[stated.subject], stated.subject)
                stated = stated._replace(subject=long)
            if (
                stated.subject.casefold() in company
                or itself(text, stated.subject)
                or abbreviated(symbol, stated.subject)  # "Netgear net revenue" of NTGR
                or first_word(stated.subject, company)  # "lululemon" of "lululemon athletica"
            ):
                stated = stated._replace(subject=COMPANY)  # "NVIDIA (NASDAQ: NVDA) reported"
                if stated.kind == "share":
                    continue  # no share of itself, as figures.py reads none of "revenue": "PepsiCo
                    # accounted for over 17% of innovation sales at retail"
            if stated.subject == COMPANY and _heading(text, start):
                continue  # a bullet under "Data Center": its subject is no word of its own
            if (
                stated.subject != COMPANY
                and stated.kind == "growth"
                and start >= answers
                and asked_of_another_measure(text, start, stated.subject)
            ):
                continue  # the question's "Unified SASE billings", the answer's "Unified SASE
                # grew 40%": a growth of billings
            if stated.subject == COMPANY and start >= answers and turns.alone(whole):
                continue  # an answer's "Revenues grew by 38% year-over-year …": of what was
                # asked about ("… a great quarter in ads."), which the sentence does not name
            if stated.subject == COMPANY and start >= answers and we_grew(sentence):
                continue  # an answer's "We grew 55% in the quarter.": of what was asked
            if stated.subject == COMPANY and (
                turns.part_of(index, whole) or turns.in_section(index, whole)
            ):
                continue  # "Turning to our Aerospace segment. Sales were up 9%.", "First,
                # Aerospace. … Revenue at $13.5 billion is up 2.6%": the part's, which only a
                # sentence before names: given to none (the company's it is not)
            if stated.subject == COMPANY and owned_before(text, spans, index, whole, company):
                continue  # "Capital Markets net income was $532 million …. Revenue was up 14%"
            if (
                stated.subject == COMPANY
                and WHOSE_UNSAID.match(whole)
                and not AMOUNT_SAID.search(plain)
                and (part_before or part_framed(text, spans, index))  # the frame read last
            ):
                continue  # "EIG sales were $1.37 billion, up 13%. Organic sales were up 2%.":
                # the part's, said before; whose the sentence does not say (a total said
                # with its amount is the company's: "Revenues increased 6.2% to $1.0 billion")
            if system and system_retail(stated.subject, sentence):
                continue  # "Global retail sales grew 8.5%" of a franchisor: its stores' sales
            if (insurer and new_business(sentence, stated.value)) or fund_sales(
                stated.subject, sentence, stated.value
            ):
                continue  # "Asia sales are up 42%" of an insurer; "fund gross sales": inflows
            if stated.subject != COMPANY and explains_part(sentence, stated.subject):
                continue  # "Our Aerospace business experienced … as OEM sales were down 32%"
            if stated.subject != COMPANY and turns.within_part(index, stated.subject):
                continue  # "Turning to our direct-to-consumer segment, sales increased 6%.
                # International increased 2.9%": the segment's international, said before
            found.append(stated)
            turns.part_read(index, stated.subject)
        if figures and any(map(lowered.__contains__, COMP_KEYS)):  # "comp sales were up 5%"
            framed = partial(part_framed, text, spans, index)  # "At HomeGoods, …. Comp sales"
            sections = (partial(turns.in_section, index, plain), framed)
            found.extend(read_comps(plain, sentence, start, end, sections, latest, company))
        if guidance:
            found.extend(g._replace(sentence=sentence) for g in read_guidance(told, start, end))
    return tuple(one_whole(found))


def _guidance_said(lowered: str, *, words: bool = True) -> bool:
    """Whether a sentence (lowered) holds a word that may say guidance (`words`: its stems and
    _GUIDANCE's words looked for too; without, only a range to come)."""
    return (
        (words and any(map(lowered.__contains__, _GUIDANCE_STEMS)))
        or (words and _GUIDANCE.search(lowered) is not None)
        or (_TO_BE.search(lowered) is not None and _RANGE_TO_BE.search(lowered) is not None)
    )


def _lowered_alike(text: str, spans: list[tuple[int, int]]) -> str | None:
    """The text lowered, where each sentence of `spans` (in order, none over another) lowered
    is its own slice of it: each character lowered to one, and none whose lower case its
    neighbours decide (a capital sigma); None otherwise."""
    low = text.lower()
    if len(low) != len(text) or "Σ" in text:
        return None
    if any(spans[i][1] > spans[i + 1][0] for i in range(len(spans) - 1)):
        return None
    return low


def _heading(text: str, at: int) -> str:
    """The heading a bullet stands under, where it names a part of the business: "Data
    Center" over "•Second-quarter revenue was $41.1 billion, up 5%", a figure whose subject
    only the heading gives (not read: the sentence does not say whose it is, and it is not the
    company's); "" for a line that is no bullet, or a heading of the document's own
    ("Highlights", "Q2 Fiscal 2026 Summary")."""
    begin = text.rfind("\n", 0, at) + 1
    if text[begin : begin + 1] not in _BULLETS:
        return ""
    for _ in range(_BULLETS_UNDER):
        if begin <= 0:
            return ""
        previous = text.rfind("\n", 0, begin - 1) + 1
        line = text[previous : begin - 1].strip()
        begin = previous
        if line[:1] in _BULLETS:
            continue
        words = line.split()
        if (
            not words
            or len(words) > 5
            or re.search(r"[\d.:;!?,]", line)
            or any(w.casefold() in _GENERIC_HEADINGS for w in words)
            or not line[0].isupper()
        ):
            return ""
        return line
    return "…"  # a list longer than any under one heading: whose it is is not known
