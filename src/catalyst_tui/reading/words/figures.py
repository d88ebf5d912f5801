"""Shares and growths of revenue in one sentence, read by its structure.

A sentence is cut into clauses (at ";", "while", "whereas", "but", and at "and" or ", and"
that opens a new subject and verb). In each clause every percentage is a figure, and the words
around it say what it is:

- a **share** when "of revenue" (or sales, licensing, the business) follows it: "accounted for
  19% of the business segment revenues";
- a **growth** when a verb or noun of change governs it: "grew 15% sequentially", "up $193
  million or 13%", "an increase of 50.8%", "a 31% sequential decline", "13% total revenue
  growth", "more than doubled"; "down", "declined", "decrease" make it negative. A figure that
  follows one in a list without a verb of its own ("up 13% for notebooks, 11% for desktops")
  is read the same way;
- nothing otherwise: a level ("gross margin was 39%"), a contribution ("currency contributed
  1.7%"), an impact ("impacted our revenue by 24%").

Its basis is the words after it up to the next figure ("sequentially", "year over year",
"versus the prior year", "from Q1"), else the clause's opening words ("On a sequential basis,
..."). A clause that hedges ("would", "could", "if", "we aim for") states no figure."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..leads import led
from ..wordlists import any_word
from .bases import Against
from .beside import points_back, said_beside
from .clause_cuts import Clause, clauses
from .clause_figures import clause_figures
from .clauses import by_dimension, clause_subject, fronted_subject
from .dimensions import grown_across
from .facts import apposed_to_customer, known_part, named_customer
from .frames import placed_in_frame
from .gates import qualified_measure, refusal
from .lists import headed
from .lower_parts import said_as_revenue
from .makers import part_named_before, part_or_maker, part_where_seen, we_reported
from .marks import Marks
from .measured import and_the_other_base, and_the_year, reported
from .measures import sales_said
from .names import no_noun_phrase
from .owners import (
    at_part,
    owner_of,
    part_before_as,
    part_object,
    part_of_other_measure,
    total_of_name,
)
from .participles import listed_item
from .parts_named import NAMED_AFTER, named_since, parts_of_another
from .passages import line_name
from .patterns import (
    FIGURE,
    REVENUE_SAID,
)
from .records import COMPANY, Stated
from .revenue_lines import said_as_a_line
from .scope import SentenceBasis
from .share_after import business_whole, whole_said_next
from .subjects import Subject, read_subject
from .verb_forms import without_verb
from .vocabulary import (
    ATTRIBUTED,
)


def read_figures(
    sentence: str,
    start: int,
    end: int,
    customers: frozenset[str],
    parts: frozenset[str],
    latest: float = 0,
    named: frozenset[int] = frozenset(),
    company: frozenset[str] = frozenset(),
    quarter: int = 0,
    passage: Callable[[], bool] | None = None,
) -> Iterator[Stated]:
    """Every share and growth of revenue `sentence` states, with its subject (`latest`: the
    latest year the document's statements measure a growth against, bases.latest_base; `named`:
    the years they name, bases.named_years; `company`: the names it calls the company by;
    `quarter`: the quarter the document is of, quarters.document_quarter),
    each given only where no gate refuses it (gates.py)."""
    sentence = _CORRECTED.sub(lambda m: " " * len(m.group()), sentence)
    sentence = _INCLUDES_LIST.sub(_set_aside, sentence)
    sentence = _AMOUNT_APPOSED.sub(" ", sentence)  # "total revenues, $6.6 million, which was"
    sentence = _IT_IS_THAT.sub(lambda m: " " * len(m.group()), sentence)
    against = Against(sentence, latest, named, quarter)
    scope = SentenceBasis(sentence, against)
    revenue_said = REVENUE_SAID.search(sentence) is not None or business_whole(sentence)
    first_subject: Subject | None = None
    first_clause: Clause | None = None  # a clause before any figure: its subject when needed
    previous: Subject | None = None
    other_before = False  # the figure before was another measure's
    between: Subject | None = None  # the subject of a clause with no figure after one
    unread: Subject | None = None  # the subject of the clause just before, where it has no figure
    last_at = 0  # where the figure before the one read stands: a part named since is its own
    with_parts: tuple[int, int] | None = None  # where parts of another measure stand
    fronted = fronted_subject(sentence, revenue_said)
    if fronted is not None:  # "While down 35% …, revenue grew 17%": revenue's, both
        sentence = fronted[0]
    if points_back(sentence):
        return  # "This was growth really across all regions, …; APAC up 108%": an earlier's
    listed = headed(sentence)
    spans = [Clause(0, len(sentence))] if listed is not None else clauses(sentence)
    for clause in spans:
        # a share that ends its clause with no whole reads the one the next share names
        text = sentence[clause.start : clause.end] + whole_said_next(sentence, clause.end)
        first_figure = FIGURE.search(text)  # the clause's first: its figures read from it
        if first_figure is None:
            first_clause = first_clause or clause
            cut_at = text.rfind(",") + 1  # its last clause: "…, GDP growth has been modest"
            unread = clause_subject(text[cut_at:], clause.start == 0 and not cut_at, revenue_said)
            if previous is not None:  # "…, while weakness in X continued and was down 27%"
                between = clause_subject(text, False, revenue_said)
                if not between.name and _WHILE_BEFORE.search(sentence, 0, clause.start):
                    between = read_subject(text)  # "…, while margins contracted and were down"
            continue
        found = listed
        if found is None:  # the clause's figures, read from its first: none stands before it
            at = first_figure.start()
            found = reported(
                text, list(clause_figures(text, at, clause.start == 0, revenue_said, against))
            )
        if not found or ATTRIBUTED.search(text):
            continue
        if first_subject is None and first_clause is not None:
            opening = sentence[first_clause.start : first_clause.end]
            first_subject = clause_subject(opening, first_clause.start == 0, revenue_said)
        first_subject = first_subject or clause_subject(text, clause.start == 0, revenue_said)
        marks = Marks(sentence, clause.start, text)
        named_between, between = between, None
        if unread is not None and unread.other and _NO_SUBJECT.match(text):
            continue  # "GDP growth has been modest and is expected to grow 1.8% in the U.S."
        unread = None
        for figure in found:
            since, last_at = last_at, clause.start + figure.position  # the figure before's
            if marks.hedged(figure.position, figure.kind == "share"):
                continue
            if figure.subject.name == COMPANY and marks.excluded:
                continue  # "Outside China, revenue grew 6%": not the company's whole
            if (
                figure.subject.name == COMPANY
                and _GROWS.search(sentence)
                and not sales_said(sentence, clause.start + figure.position + 45)
            ):  # revenue named before the figure or in its own words ("9% revenue growth")
                continue  # "We achieved 11% growth and a 1.1 book-to-bill": of orders, maybe
            if with_parts is None:
                with_parts = parts_of_another(sentence)
            if with_parts[0] <= clause.start + figure.position < with_parts[1]:
                continue  # "Payments volume growth rates were strong …, with Europe up 16%"
            subject = figure.subject
            if fronted is not None and not subject.name:
                subject = fronted[1]
            seen_in = part_where_seen(sentence, clause, clause.start + figure.position, subject)
            if seen_in is not None:  # "led by Animal Health, where we saw a 53% sales growth"
                subject = seen_in
            if subject.other and said_as_revenue(subject.name, parts):
                subject = subject._replace(other=False, revenue=True)  # "advertising revenues"
            if subject.other:
                other_before = True
                continue  # a measure that is not revenue, or a part named before the sentence
            if figure.kind == "growth" and said_beside(sentence, clause.start + figure.position):
                continue  # "delivered 87,071 smart EVs, representing a … growth of 40.8%"
            if other_before and (not subject.name or _NO_SUBJECT.match(text)):
                continue  # "with comps down 10% …, but up 30% to 2019": the comps', both
            if not subject.name and named_between is not None and named_between.name:
                if named_between.other or named_between.anaphor or named_between.name == COMPANY:
                    continue  # a clause between names its own subject: none of the figure's
                subject = named_between
            elif not subject.name and we_reported(sentence, clause.start + figure.position):
                subject = Subject(COMPANY, True, False, False)  # "…the 7% growth that we reported"
            elif subject.anaphor or not subject.name:
                subject = previous or first_subject or subject
            elif subject.bare and (previous or first_clause) is not None:
                earlier = previous or first_subject  # a clause before this one named it
                if earlier is not None and part_named_before(earlier, parts):
                    subject = earlier  # "Security revenue declined, while revenue grew 5%"
            if subject.name == COMPANY and subject.bare:
                beside = part_or_maker(sentence, clause, company, clause.start + figure.position)
                if beside is None:
                    continue  # "data center generated revenue of $194 billion, up 68%": unsaid
                if beside:  # "Our components business …, with sales up 40%": the business's
                    subject = subject._replace(name=beside)
            if subject.name == COMPANY:
                part = part_before_as(sentence, clause.start, clause.start + figure.position)
                if part is None and clause.start > 0 and subject.bare:
                    part = part_of_other_measure(sentence, clause.start)
                if part == "":
                    continue  # "X volume grew 9% and sales grew 22%", X no name: whose, unsaid
                subject = subject._replace(name=part) if part else subject
            item = listed_item(text, figure.position) if figure.kind == "growth" else None
            if item is not None:  # "drain cleaning revenue, declining 5.8%, plumbing revenue,"
                of_item = read_subject(item, revenue_said=True)
                if of_item.name not in ("", COMPANY) and not (of_item.other or of_item.anaphor):
                    subject = of_item
            if subject.other or not subject.name or subject.anaphor:
                continue
            if figure.kind == "share" and subject.name == COMPANY:
                continue  # no share of itself: "a ratio of salaries, as a percentage of revenue"
            if (
                total_of_name(sentence, subject.name, clause.start + figure.position, company)
                and subject.name.casefold() not in company
            ):
                continue  # "Total VF revenue": the company's or a part's total, unsaid which
            if not (
                subject.revenue
                or known_part(subject.name, parts)
                or said_as_a_line(sentence, subject.name)
                or (
                    (by_dimension(sentence) or grown_across(sentence, last_at))
                    and named_since(sentence, subject.name, since, last_at + NAMED_AFTER)
                )
                or (passage is not None and line_name(subject.name) and passage())
            ):
                continue
            if named_customer(subject.name, customers) or (
                marks.customers_in(figure.local)
                # (not the sales to a market's customers: "Our sales to government and defense
                # customers increased 7%")
                and not (subject.revenue and subject.name.endswith(" customers"))
            ):
                continue
            if marks.customers < figure.position and (
                not read_subject(subject.name).revenue or apposed_to_customer(text, subject.name)
            ):
                continue  # "customer categories, led by large cloud service providers, which …"
            said_of = COMPANY if subject.name.casefold() in company else subject.name
            at = clause.start + figure.position
            owned = (
                owner_of(sentence, clause, at, said_of, company)
                if said_of != COMPANY
                # "we've doubled our digital business", "our digital sales … an increase of 25%"
                else part_object(sentence, at)
                or qualified_measure(sentence, at, clause.start)
                or at_part(sentence, at)
            )
            if owned:  # "Consulting's hybrid cloud revenue"
                subject, said_of = subject._replace(name=owned), owned
            cut = None if said_of == COMPANY else without_verb(sentence, said_of)
            if cut is not None:  # "our staffing divisions exited the quarter with revenues …"
                if not cut or no_noun_phrase(cut):
                    continue  # "we were discussing net sales growth": a verb, no name
                subject, said_of = subject._replace(name=cut), cut
            if placed := placed_in_frame(sentence, clause, said_of, company, figure.kind):
                subject, said_of = subject._replace(name=placed), placed  # "In the Americas, …"
            if refusal(
                sentence,
                at,
                figure.kind,
                said_of,
                parts,
                company,
                clause,
                paired=figure.paired,
                passage=passage,
                listed=previous is not None and previous.name not in ("", COMPANY),
            ):
                continue  # the sentence leaves more than one reading of whose it is
            previous = subject
            other_before = False
            value = figure.value
            if (
                figure.kind == "growth"
                and value > 0
                and _SAID_NEGATIVE.search(sentence, max(0, at - 12), at)
            ):
                value = -value  # "organic growth was negative 20%", "a negative 2% in Europe"
            stated = Stated(
                figure.kind,  # type: ignore[arg-type]
                subject.name,
                value / 100,
                None if figure.high is None else figure.high / 100,
                figure.comparison,
                scope.of(at, figure.basis) if figure.kind == "growth" else figure.basis,
                figure.period or marks.period,
                marks.forecast(text, figure.position),
                "",
                sentence,
                start,
                end,
                figure.of,
            )
            yield stated
            year = and_the_year(sentence, at) if figure.kind == "growth" else ""
            if year:  # "grew 1% organically in both the Q4 and for the full year": the year's too
                yield stated._replace(period=year)
            if other := and_the_other_base(sentence, at, stated.basis):
                yield stated._replace(basis=other)  # "up 8% both year-over-year and sequentially"


# A clause set against the one before it: its subject is its own.
_WHILE_BEFORE = led(r",\s*(?:while|whereas|although)\s*$", re.I)
# A clause whose verb has no subject of its own: "… and increased by 12% in the Northern region".
_NO_SUBJECT = led(
    r"\s*(?:,\s*)?(?:and|but)?\s*(?:also\s+)?(?:increased|decreased|grew|rose|fell|declined|"
    r"improved|was|were|is|are|up|down)\b",
    re.I,
)
# A sign said as a word: "organic growth was negative 20%" (not "plus or minus 2%": gated).
_SAID_NEGATIVE = led(r"\b(?:negative|minus)\s*+$", re.I)


# Measures other than revenue that grow: a growth of no measure named may be theirs (sales_said).
_GROWS = any_word("""orders bookings book-to-bill backlog billings eps earnings income profit
profits margin margins ebitda units shipments volume volumes customers users subscribers""")


# A list of what a subject includes, set off by a comma before and none after, up to the
# subject's verb of change: "Other net sales, which include pop-up shop sales, shop-in-shop sales
# and the Loved by Lovesac program decreased 33.6%" (the subject is the one before "which").
_INCLUDES_LIST = led(
    r",\s*which\s+(?:includes?|included|contains?|comprises?)\b(?:[^,;%]*+,){1,8}?"
    # its last item after "and", up to the verb: no subject of the clause's own ("Abercrombie,
    # which includes kids, Q3 sales rose 12%")
    r"(?:(?!\sand\s)[^,;%])*+\sand\s[^,;%]+?"
    r"(?=\s(?:increased|decreased|grew|declined|rose|fell)\b)",
    re.I,
)

# The comma before an amount of revenue said in apposition, a relative clause of its change
# after it: "we reported total revenues, $6.6 million, which was down 3%" (read as "revenues
# $6.6 million, which was").
_AMOUNT_APPOSED = led(
    r"(?:(?<=\brevenue)|(?<=\brevenues)|(?<=\bsales)),"
    r"(?=\s+[$€£][\d.,]+\s*+(?:million|billion)?,\s+which\b)",
    re.I,
)

# A judgment opening the sentence, its clause after "that" the one said: "But it is encouraging
# that we had an organic growth of 6% during Q4" (we had it; "it" points back to nothing).
_IT_IS_THAT = led(
    r"^\s*+(?:(?:but|and|so|now)\s++)?it['’]?s?\s++(?:is\s++)?(?:(?:very|really|also|worth)\s++)?"
    r"(?:encouraging|notable|noteworthy|important|clear|fair\s++to\s++say|noting|pleasing|good)"
    r"\s++that\s++(?=we\b)",
    re.I,
)


def _set_aside(match: re.Match[str]) -> str:
    """The list a subject includes, blanked; kept where another relative clause stands in it
    ("the Professional business, which includes Reuters Events, which grew over 60%": Reuters
    Events')."""
    said = match.group()
    return said if said.lower().count("which") > 1 else " " * len(said)


# A figure corrected at once ("sales of 14.7% -- $14.7 million"), its first digit read first.
_CORRECTED = led(r"\d(?<![\w.]\d)\d{0,3}(?:\.\d+)?\s?%\s*--\s*(?=[$€£]?\d)")
