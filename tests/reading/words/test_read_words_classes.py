"""What fooled the reader of words on calls never seen, class by class (made-up sentences in the
styles of the calls: one sentence a line, and the older transcripts' several sentences a line
with speaker labels and masked names "<UNK>"). Each sentence is written beside what it states,
in the words of realdata/calls' labelling rules: a share or a growth (its value in percent, a
comparison "~" about, ">" more than, its basis ("2y" over two years), the part it is of:
"company" the company's own revenue, else the part's name, matched word for word as `make
truth` matches), a guidance direction, or nothing. "alt N" names a figure of the same growth in
another measure that may be read or left out."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from catalyst_tui.reading.words import COMPANY, Stated, read_words
from catalyst_tui.reading.words.records import OVER_TWO_YEARS

LISTS: list[tuple[str, list[str]]] = [
    (
        "Japan was 61% of sales, Germany 22% and the rest of the world 17%.",
        ["share 61 : Japan", "share 22 : Germany", "share 17 : rest of the world"],
    ),
    (
        "By region, the Americas were 45% of revenue, EMEA 35% and APAC 20%.",
        ["share 45 : Americas", "share 35 : EMEA", "share 20 : APAC"],
    ),
    (
        "Sales by end market as a percentage of total: medical, 12%; defense, 41%; "
        "industrial, 47%.",
        ["share 12 : medical", "share 41 : defense", "share 47 : industrial"],
    ),
    (
        "Revenue by end market was: medical, 12%; defense, 41%; and industrial, 47%.",
        ["share 12 : medical", "share 41 : defense", "share 47 : industrial"],
    ),
    (
        "By end market: medical, 12%; defense, 41%; industrial, 47%.",
        [],
    ),
    (
        "Revenue grew 12% in the Americas, 8% in EMEA and 15% in Asia Pacific.",
        ["growth 12 : Americas", "growth 8 : EMEA", "growth 15 : Asia Pacific"],
    ),
    (
        "Americas grew 10%, EMEA 5%, and APJ 3%.",
        ["growth 10 : Americas", "growth 5 : EMEA", "growth 3 : APJ"],
    ),
    (
        "Our data center business was up 30%, networking 12% and storage down 4%.",
        ["growth 30 : data center business", "growth 12 : networking", "growth -4 : storage"],
    ),
    (
        "Industrial represented 40% of sales, automotive 35%, and medical the remaining 25%.",
        ["share 40 : Industrial", "share 35 : automotive", "share 25 : medical"],
    ),
    (
        "Products were up 5% and services up 9%.",
        ["growth 5 : Products", "growth 9 : services"],
    ),
    (
        "Organic growth by region was: Americas 6%, Europe 4% and Asia 11%.",
        ["growth 6 : Americas", "growth 4 : Europe", "growth 11 : Asia"],
    ),
    (
        "<UNK> <UNK> - CFO: Thanks, <UNK>. Geographically, the Americas were 52% of "
        "revenue, Europe 30% and Asia the remaining 18%. Japan was up 4% and China "
        "11%.",
        [
            "share 52 : Americas",
            "share 30 : Europe",
            "share 18 : Asia",
            "growth 4 : Japan",
            "growth 11 : China",
        ],
    ),
    (
        "Sales were up 28% in U.S. dollars, 25% in local currencies and 23% organically "
        "compared to the first quarter of 2020.",
        ["growth 28 yoy : company", "alt 25 23"],
    ),
    (
        "<UNK> <UNK> - CFO: By region, Americas revenue grew 9%, EMEA also came in at 9% and "
        "Asia Pacific revenues grew at 14%.",
        ["growth 9 : Americas", "growth 9 : EMEA", "growth 14 : Asia Pacific"],
    ),
    (
        "Revenue grew 10% in the Americas, 5% in EMEA and 3% in APAC year over year.",
        ["growth 10 yoy : Americas", "growth 5 yoy : EMEA", "growth 3 yoy : APAC"],
    ),
]
RESPECTIVELY: list[tuple[str, list[str]]] = [
    (
        "Products and services were 64% and 36% of revenue, respectively.",
        ["share 64 : Products", "share 36 : services"],
    ),
    (
        "Hardware and software revenue grew 8% and 14%, respectively.",
        ["growth 8 : Hardware", "growth 14 : software"],
    ),
    (
        "Americas and EMEA declined 3% and 5%, respectively.",
        ["growth -3 : Americas", "growth -5 : EMEA"],
    ),
    (
        "Our Industrial and Medical segments accounted for 40% and 25% of total "
        "sales, respectively.",
        ["share 40 : Industrial", "share 25 : Medical"],
    ),
    (
        "Sales to our two largest customers were 20% and 15% of revenue, respectively.",
        [],
    ),
    (
        "Gross margin and operating margin were 45% and 20%, respectively.",
        [],
    ),
    (
        "Revenue grew 5% and 7% in the third and fourth quarters, respectively.",
        ["growth 5 : company", "growth 7 : company"],
    ),
    (
        "Cloud, licenses and maintenance represented 50%, 30% and 20% of revenue, respectively.",
        ["share 50 : Cloud", "share 30 : licenses", "share 20 : maintenance"],
    ),
    (
        "<UNK> <UNK>: Sure. Hardware and services revenue grew 6% and 11%, "
        "respectively. That was in line with what we said.",
        ["growth 6 : Hardware", "growth 11 : services"],
    ),
]
TWO_BASES: list[tuple[str, list[str]]] = [
    (
        "Revenue was up 4.1% sequentially and up 19.7% year over year.",
        ["growth 4.1 sequential : company", "growth 19.7 yoy : company"],
    ),
    (
        "Revenue increased 11% from the second quarter of last year and 3% from the first quarter.",
        ["growth 11 yoy : company", "growth 3 sequential : company"],
    ),
    (
        "Sales rose 19.7% year-over-year and 4.1% sequentially.",
        ["growth 19.7 yoy : company", "growth 4.1 sequential : company"],
    ),
    (
        "Cloud revenue grew 31% year over year and 6% quarter over quarter.",
        ["growth 31 yoy : Cloud", "growth 6 sequential : Cloud"],
    ),
    (
        "Revenue of $1.2 billion was up 8% from a year ago and up 2% from last quarter.",
        ["growth 8 yoy : company", "growth 2 sequential : company"],
    ),
    (
        "Total revenue increased 15% versus the prior year and 5% versus the third quarter.",
        ["growth 15 yoy : company", "growth 5 sequential : company"],
    ),
    (
        "Compared with the prior year, revenue grew 12%, and sequentially it was up 3%.",
        ["growth 12 yoy : company", "growth 3 sequential : company"],
    ),
    (
        "Data center revenue grew 11% year on year and 3% on a sequential basis.",
        ["growth 11 yoy : Data center", "growth 3 sequential : Data center"],
    ),
    (
        "<UNK> <UNK> - Chief Financial Officer: Total revenue was $1.4 billion. "
        "That's up 3% sequentially and up 12% year over year.",
        [],
    ),
    (
        "<UNK> <UNK> - Chief Financial Officer: Total revenue was $1.4 billion, up "
        "3% sequentially and up 12% year over year. Services grew 9% from a year ago "
        "and 2% from the prior quarter.",
        [
            "growth 3 sequential : company",
            "growth 12 yoy : company",
            "growth 9 yoy : Services",
            "growth 2 sequential : Services",
        ],
    ),
    (
        "Revenue of $214 million was up 12% year-over-year, an acceleration from our Q1 revenue "
        "growth of 11% and above the high end of our guidance.",
        ["growth 12 yoy : company", "growth 11 : company"],
    ),
    (
        "For the fourth quarter, revenue was $172.7 million, an increase of 2.6% compared to "
        "the fourth quarter of 2019 and an increase of 26.8% compared to the third quarter of "
        "2020.",
        ["growth 2.6 yoy : company", "growth 26.8 sequential : company"],
    ),
    (
        "<UNK> <UNK>: In compute, revenue grew 10% year over year and was down just 1% "
        "sequentially.",
        ["growth 10 yoy : compute", "growth -1 sequential : compute"],
    ),
]
PARTS: list[tuple[str, list[str]]] = [
    (
        "We grew 48% sequentially in filters.",
        ["growth 48 sequential : filters"],
    ),
    (
        "Vacuum revenue was up 23%.",
        ["growth 23 : Vacuum"],
    ),
    (
        "And vacuum revenue was up 23% in the quarter.",
        ["growth 23 : vacuum"],
    ),
    (
        "We delivered organic growth of 5%, including 3% in Canada.",
        ["growth 5 : company", "growth 3 : Canada"],
    ),
    (
        "In our Industrial segment, we grew 14%.",
        ["growth 14 : Industrial segment"],
    ),
    (
        "Within Automotive, sales grew 9%.",
        ["growth 9 : Automotive"],
    ),
    (
        "We saw 12% growth in our services business.",
        ["growth 12 : services business"],
    ),
    (
        "Organic growth was 6%, with Europe up 9% and North America up 4%.",
        ["growth 6 : company", "growth 9 : Europe", "growth 4 : North America"],
    ),
    (
        "Revenue grew 7%, led by 15% growth in cloud.",
        ["growth 7 : company", "growth 15 : cloud"],
    ),
    (
        "Our Aerospace business grew 11% and our Defense business grew 4%.",
        ["growth 11 : Aerospace business", "growth 4 : Defense business"],
    ),
    (
        "We grew 20% in North America and 8% in Europe.",
        ["growth 20 : North America", "growth 8 : Europe"],
    ),
    (
        "Sales in the segment grew 9%.",
        [],
    ),
    (
        "This business grew 15% in the quarter.",
        [],
    ),
    (
        "It was up 12% sequentially.",
        [],
    ),
    (
        "Revenue was up 12% in the segment.",
        [],
    ),
    (
        "<UNK> <UNK> - CEO: In the quarter we grew 31% in connectors, and we grew 6% "
        "overall. Our sensors business was up 14%.",
        ["growth 31 : connectors", "growth 6 : company", "growth 14 : sensors business"],
    ),
    (
        "Specifically, on an organic basis, we grew our Industrial segment 9% and grew our "
        "software businesses within our Energy segment 10%.",
        ["growth 9 : Industrial segment", "growth 10 : software businesses within Energy segment"],
    ),
    (
        "Services growth was led by managed services, which was up 20%.",
        ["growth 20 : managed services"],
    ),
    (
        "Sales to transportation customers decreased by 53%, and sales to other end markets "
        "increased by 14%.",
        ["growth -53 : transportation customers", "growth 14 : other end markets"],
    ),
    (
        "In Optical, we've returned to growth with sales up 22% in 2021.",
        ["growth 22 : Optical"],
    ),
    (
        "Security revenue declined modestly in the quarter, while revenue grew 5% for the year.",
        ["growth 5 : Security"],
    ),
    (
        "<UNK> <UNK>: Networking revenue, all in, was up 21%.",
        ["growth 21 : Networking"],
    ),
    (
        "Within the segment, revenues in broadband and 5G increased 13% organically.",
        ["growth 13 : broadband and 5G"],
    ),
    (
        "I'm here with Jane Doe, Acme's chairman and chief executive officer.\nExcluding this, "
        "Acme's revenue was up 5%.",
        ["growth 5 : company"],
    ),
]
NOT_REVENUE: list[tuple[str, list[str]]] = [
    (
        "Deferred revenue grew 12%.",
        [],
    ),
    (
        "Distributor sell-through grew 9% in the quarter.",
        [],
    ),
    (
        "POS sales through our distributors rose 14%.",
        [],
    ),
    (
        "Over the years revenue has fallen some 6% on average.",
        [],
    ),
    (
        "Should revenue drop 20%, our margins would still hold.",
        [],
    ),
    (
        "Were sales to fall 10%, we would still be profitable.",
        [],
    ),
    (
        "Unearned revenue increased 18% year over year.",
        [],
    ),
    (
        "Revenue per employee rose 7%.",
        [],
    ),
    (
        "Average revenue per user grew 5%.",
        [],
    ),
    (
        "Revenue backlog grew 20%.",
        [],
    ),
    (
        "Revenue has grown at a compound annual rate of 11% since 2015.",
        [],
    ),
    (
        "Revenue synergies are tracking 10% ahead of plan.",
        [],
    ),
    (
        "Recurring revenue grew 14%.",
        ["growth 14 : Recurring"],
    ),
    (
        "Revenue has grown on average 8% a year over the last five years.",
        [],
    ),
    (
        "Sell-in to our channel partners was up 11%.",
        [],
    ),
    (
        "<UNK> <UNK>: Deferred revenue grew 15% to $2 billion. Sell-through at our "
        "distributors was up 9%. If revenue were to drop 10%, we would still be "
        "profitable.",
        [],
    ),
    (
        "Sales and marketing increased $3.3 million or 41.4% as we added headcount.",
        [],
    ),
    (
        "Today, almost half our revenue comes from these areas, and our addressable market has "
        "tripled over that same period.",
        [],
    ),
    (
        "And we nearly doubled free cash flow.",
        [],
    ),
    (
        "In the US, sales of used cars increased while the SAAR for 2020 is closer to 13 "
        "million, down 23% from last year.",
        [],
    ),
    (
        "Our performance resulted in a 13% increase in adjusted earnings per share from the "
        "same quarter last year.",
        [],
    ),
    (
        "Growth was driven by strong demand, which was up 20%.",
        [],
    ),
    (
        "We finished the year with 829 customers that have spent more than $100,000 with us in "
        "the last 12 months, which is a 5% improvement over the previous year.",
        [],
    ),
    (
        "The renewable energy market is expected to grow at a 10% CAGR over the next five years.",
        [],
    ),
    ("Adjusted DEPS was $3.76, 28% above prior year.", []),
]
SHARES: list[tuple[str, list[str]]] = [
    (
        "Software now makes up 38% of sales, up from 31% a year ago.",
        ["share 38 : Software", "share 31 : Software"],
    ),
    (
        "Services rose 12%, reaching 52% of total revenue.",
        ["growth 12 : Services", "share 52 : Services"],
    ),
    (
        "Aftermarket represented roughly a quarter of that segment's revenue.",
        [],
    ),
    (
        "Aftermarket was 25% of the segment's revenue.",
        ["share 25 : Aftermarket"],
    ),
    (
        "Services accounted for 250% of revenue.",
        [],
    ),
    (
        "Data center represented 45% of total revenue compared to 39% last year.",
        ["share 45 : Data center", "share 39 : Data center"],
    ),
    (
        "Automotive increased to 30% of sales.",
        ["share 30 : Automotive"],
    ),
    (
        "Recurring revenue as a percentage of total revenue was 55%.",
        ["share 55 : Recurring"],
    ),
    (
        "Subscription revenue was 60% of total revenue, up from 52%.",
        ["share 60 : Subscription", "share 52 : Subscription"],
    ),
    (
        "Services revenue grew to $1.2 billion, or 30% of total revenue.",
        ["share 30 : Services"],
    ),
    (
        "Our international business now accounts for more than half of revenue.",
        [],
    ),
    (
        "Cloud grew 30% and is now 40% of our revenue.",
        ["growth 30 : Cloud", "share 40 : Cloud"],
    ),
    (
        "<UNK> <UNK>: Software now makes up 41% of total revenue, up from 35% a year "
        "ago. Cloud rose 20%, reaching 30% of revenue.",
        ["share 41 : Software", "share 35 : Software", "growth 20 : Cloud", "share 30 : Cloud"],
    ),
    (
        "As a percentage of total revenue, recurring revenue was 77% in the third quarter.",
        ["share 77 : recurring"],
    ),
    (
        "We have a higher-value business mix, with over 70% of our revenue in software and "
        "services and a significant recurring revenue base.",
        ["share 70 > : software and services"],
    ),
    (
        "Starting with our services business, which generated about 51% of total revenue in "
        "2019, we expect a mild impact.",
        ["share 51 ~ : services business"],
    ),
    (
        "For these reasons, we expect a mild impact to our software revenue, which accounted "
        "for about 11% of total company revenue in 2019.",
        ["share 11 ~ : software"],
    ),
    (
        "Our total business mix is such that we closed the year with 40% of our revenue in the "
        "fourth quarter.",
        [],
    ),
]
NUMBER_WORDS: list[tuple[str, list[str]]] = [
    (
        "Cloud revenue tripled.",
        ["growth 200 : Cloud"],
    ),
    (
        "Hardware revenue halved from a year ago.",
        ["growth -50 yoy : Hardware"],
    ),
    (
        "Our IoT business more than doubled year over year.",
        ["growth 100 > yoy : IoT business"],
    ),
    (
        "Subscription revenue nearly doubled.",
        ["growth 100 ~ : Subscription"],
    ),
    (
        "Bookings doubled.",
        [],
    ),
    (
        "EPS more than tripled.",
        [],
    ),
    (
        "Sales of our new platform doubled sequentially.",
        ["growth 100 sequential : new platform"],
    ),
    (
        "<UNK> <UNK>: Our IoT revenue more than doubled year over year. Licensing "
        "revenue halved. Bookings tripled.",
        ["growth 100 > yoy : IoT", "growth -50 : Licensing"],
    ),
]
ALTERNATIVES: list[tuple[str, list[str]]] = [
    (
        "Sales grew 7% in constant currency, 5% organically and 6% as reported.",
        ["growth 6 : company", "alt 7 5"],
    ),
    (
        "Revenue grew 4% in the fourth quarter after a third-quarter decline of 5%.",
        ["growth 4 : company", "growth -5 : company"],
    ),
    (
        "Revenue was up 10% as reported and 8% in constant currency.",
        ["growth 10 : company", "alt 8"],
    ),
    (
        "Sales increased 6%, or 4% excluding currency.",
        ["growth 6 : company", "alt 4"],
    ),
    (
        "Revenue increased 9%, or 7% in constant currency.",
        ["growth 9 : company", "alt 7"],
    ),
    (
        "<UNK> <UNK>: Revenue grew 8% as reported, or 10% in constant currency. "
        "Organic growth was 6%.",
        ["growth 8 : company", "alt 10 6"],
    ),
    (
        "Revenue, EBITDA, EPS and cash flow, all grew north of 20% in the quarter.",
        ["growth 20 > : company"],
    ),
    (
        "Revenue grew by a very strong 16% from prior year.",
        ["growth 16 yoy : company"],
    ),
    (
        "Revenue, on the other hand, is expected to be flat to down 5%.",
        [],
    ),
]
GUIDANCE: list[tuple[str, list[str]]] = [
    (
        "Customers increased their orders in the quarter.",
        [],
    ),
    (
        "We increased our expectations for the data center market.",
        [],
    ),
    (
        "We maintained our target leverage ratio of 2 to 2.5 times.",
        [],
    ),
    (
        "We confirm our expectation that the transaction will close in the second quarter.",
        [],
    ),
    (
        "We reaffirm our commitment to returning capital to shareholders.",
        [],
    ),
    (
        "We introduced a new product range for industrial customers.",
        [],
    ),
    (
        "Our confidence in the outlook has increased.",
        [],
    ),
    (
        "The outlook for the industry is improving.",
        [],
    ),
    (
        "Customers pulled in orders ahead of the price increase.",
        [],
    ),
    (
        "We are raising our full-year revenue outlook to $4.2 billion.",
        ["guidance raised"],
    ),
    (
        "We cut our expectations for the second half.",
        ["guidance cut"],
    ),
    (
        "We are reaffirming our previously issued full-year guidance.",
        ["guidance reiterated"],
    ),
    (
        "As a result, we are withdrawing our guidance for fiscal 2020.",
        ["guidance withdrawn"],
    ),
    (
        "We are initiating our fiscal 2019 outlook today.",
        ["guidance introduced"],
    ),
    (
        "The analyst community has lowered its forecasts.",
        [],
    ),
    (
        "Consensus estimates were raised after the last call.",
        [],
    ),
    (
        "We raised our dividend and our buyback authorization.",
        [],
    ),
    (
        "We are raising the price of our subscription.",
        [],
    ),
    (
        "We increased our targets for sales headcount.",
        [],
    ),
    (
        "If demand holds, we could raise our guidance later in the year.",
        [],
    ),
    (
        "We may need to revise our outlook if the tariffs take effect.",
        [],
    ),
    (
        "We would not be surprised if the outlook improved.",
        [],
    ),
    # a change of guidance denied is guidance reiterated (the thirteenth round)
    (
        "We are not changing our guidance.",
        ["guidance reiterated"],
    ),
    (
        "We are lowering our tax rate guidance to 18%.",
        ["guidance cut"],
    ),
    (
        "We lowered our expectations for gross margin.",
        ["guidance cut"],
    ),
    (
        "<UNK> <UNK>: And on the guidance, you raised the top end. What drove that?",
        [],
    ),
    (
        "<UNK> <UNK> - CFO: We raised the top end of our revenue guidance because of "
        "the strong backlog.",
        ["guidance raised"],
    ),
    (
        "Our outlook for the year stands.",
        ["guidance reiterated"],
    ),
    (
        "Nothing changes in our view of the year.",
        ["guidance reiterated"],
    ),
    (
        "We are trimming our full-year revenue projections.",
        ["guidance cut"],
    ),
    (
        "We are updating our full-year outlook to reflect the weaker demand in China.",
        ["guidance cut"],
    ),
    (
        "We see revenue rising to somewhere between $1.1 billion and $1.2 billion.",
        [],
    ),
    (
        "We are updating our guidance to reflect the stronger than expected first quarter.",
        ["guidance raised"],
    ),
    (
        "Our guidance remains unchanged.",
        ["guidance reiterated"],
    ),
    (
        "We remain comfortable with our full-year guidance.",
        ["guidance reiterated"],
    ),
    (
        "We are keeping our guidance for the full year.",
        ["guidance reiterated"],
    ),
    (
        "We now expect revenue to increase 5% to 7%, above our prior range.",
        ["guidance raised"],
    ),
    (
        "Customers are raising their forecasts.",
        [],
    ),
    (
        "Analysts have raised their targets.",
        [],
    ),
    (
        "We raised prices by 5%.",
        [],
    ),
    (
        "We increased our range of products.",
        [],
    ),
    (
        "This joint venture increased access to a broad range of customers.",
        [],
    ),
    (
        "We see revenue increasing to a range of $1.1 billion to $1.2 billion.",
        [],
    ),
    (
        "We are raising the low end of our range to $4.1 billion.",
        ["guidance raised"],
    ),
    (
        "<UNK> <UNK> - CFO: Turning to the outlook. Our full-year guidance stands. "
        "We are trimming our EPS projections to reflect the tax change.",
        ["guidance reiterated", "guidance cut"],
    ),
    (
        "<UNK> <UNK>: We see revenue rising to somewhere between $2.1 billion and "
        "$2.2 billion next year.",
        [],
    ),
    (
        "We raised our full year revenue, operating margin and earnings per share guidance.",
        ["guidance raised"],
    ),
    (
        "We are increasing the high end of our revenue and earnings per share guidance ranges.",
        ["guidance raised"],
    ),
    (
        "Now please turn to Page 14 and I'll highlight our increased guidance for 2021.",
        ["guidance raised"],
    ),
    (
        "We are providing guidance for the first quarter of 2022 and for the full year of 2022.",
        ["guidance introduced"],
    ),
    (
        "There is uncertainty, and so while we're providing guidance, we're doing so with a "
        "wider range.",
        [],
    ),
    (
        "As we said in April, due to lower volume expectations, we implemented measures to "
        "reduce cost.",
        [],
    ),
    (
        "As a result of the supply chain challenges late in Q3, we are revising our full year "
        "guidance.",
        ["guidance cut"],
    ),
    (
        "We increased our investments in sales and marketing ahead of the guidance period.",
        [],
    ),
]
ANALYSTS: list[tuple[str, list[str]]] = [
    (
        "<UNK> <UNK> - Analyst: Thanks. You said cloud grew 24%. Can you unpack that?",
        [],
    ),
    (
        "<UNK>: Congrats on the quarter. Revenue up 12% is impressive.",
        [],
    ),
    (
        "Analyst: Just following up, if services grew 5% this quarter, what do you "
        "expect next quarter?",
        [],
    ),
    (
        "So your services revenue grew 5% this quarter.",
        [],
    ),
    (
        "You grew data center 20% this quarter.",
        [],
    ),
    (
        "<UNK> <UNK> - CFO: Yes. As you noted, services revenue grew 5%.",
        ["growth 5 : services"],
    ),
    (
        "<UNK> <UNK>: Good morning. Revenue for the quarter was $1.2 billion, up 8% "
        "year over year. Our cloud business grew 24%.",
        ["growth 8 yoy : company", "growth 24 : cloud business"],
    ),
    (
        "Hi, thanks for taking my question. So data center was up 20% sequentially. "
        "Is that sustainable into next year?",
        [],
    ),
    (
        "Unidentified Analyst: Revenue grew 9% and services 12%; how much of that was pricing?",
        [],
    ),
    (
        "Operator: Our next question comes from <UNK> <UNK> with <UNK>.",
        [],
    ),
    (
        "<UNK> <UNK>: Thank you, <UNK>. So, as we said, total revenue grew 6%, and "
        "Europe was down 2%.",
        ["growth 6 : company", "growth -2 : Europe"],
    ),
    (
        "<UNK> <UNK> - Analyst: Good morning. So services grew 9% and hardware was "
        "down 3% this quarter. How do you think about the mix next year?",
        [],
    ),
    (
        "<UNK> - Goldman Sachs - Analyst: Just on data center, it was up 40% sequentially, right?",
        [],
    ),
    (
        "Congratulations on the quarter. Cloud growth of 30% was impressive.",
        [],
    ),
    (
        "Operator: Our next question comes from <UNK> with <UNK>. Your line is open.\n<UNK> "
        "<UNK>: Thanks. So data center grew 30% this quarter. And is the 12% growth in services "
        "sustainable?\n<UNK> <UNK>: Yes. Services revenue grew 12%, and we expect it to "
        "moderate.",
        ["growth 12 : services"],
    ),
    (
        "Unidentified Company Representative: Software revenue increased 22% in the quarter.",
        ["growth 22 : Software"],
    ),
    (
        "<UNK> <UNK>: Okay. How should we think about services, which grew 12% this quarter?",
        [],
    ),
    (
        "Unidentified Participant: Cloud revenue grew 30%, so where does it go from here?",
        [],
    ),
]
TRAPS: list[tuple[str, list[str]]] = [
    ("<UNK> <UNK>: I think revenue grew maybe 10%. Services probably grew 8%.", []),
    ("<UNK> revenue grew 5% in the quarter.", []),  # a masked name: whose, unknown
    ("<UNK>'s sales were up 12%.", []),
    (
        "<UNK> <UNK>: Gross margin was 45%, up 200 basis points. Operating margin was 20%.",
        [],
    ),
    (
        "<UNK> <UNK>: EPS grew 15%. Free cash flow was up 20%.",
        [],
    ),
    (
        "<UNK> <UNK>: Our tax rate was 21%. We bought back 2% of our shares.",
        [],
    ),
    (
        "<UNK> <UNK>: The market grew about 5% this year, according to IDC.",
        [],
    ),
    (
        "<UNK> <UNK>: Our largest customer was 12% of revenue. Our top ten customers "
        "were 45% of revenue.",
        [],
    ),
    (
        "<UNK> <UNK>: Orders were up 15%, and backlog grew 20%.",
        [],
    ),
    (
        "<UNK> <UNK>: Headcount grew 10%. Opex was 30% of revenue.",
        [],
    ),
    (
        "The industry is expected to grow 8% per year through 2025.",
        [],
    ),
    (
        "We have a goal of 20% of revenue from services by 2022.",
        [],
    ),
    (
        "Revenue would have grown 8% without the currency headwind.",
        [],
    ),
    (
        "Currency was a 2% headwind to revenue.",
        [],
    ),
    (
        "Acquisitions contributed 3% to revenue growth.",
        [],
    ),
    (
        "Price increases added about 2% to sales.",
        [],
    ),
    (
        "About 60% of the growth came from new customers.",
        [],
    ),
    (
        "Revenue grew in the high single digits.",
        [],
    ),
    (
        "Sales were up double digits.",
        [],
    ),
    (
        "Shipments grew 12%.",
        [],
    ),
    (
        "Unit volume increased 7%.",
        [],
    ),
    (
        "Net income grew 25%.",
        [],
    ),
    (
        "Our win rate improved to 40%.",
        [],
    ),
    (
        "Roughly 70% of our employees work remotely.",
        [],
    ),
    (
        "We own 51% of the joint venture.",
        [],
    ),
    (
        "Attach rates were about 30%.",
        [],
    ),
]
STATE: list[tuple[str, list[str]]] = [
    (
        "Data center revenue grew 20% sequentially.\nGaming revenue was up 5% year "
        "over year.\n<UNK> <UNK> - Analyst: Can you talk about new customers like "
        "Acme and Globex, and I think some others?",
        ["growth 20 sequential : Data center", "growth 5 yoy : Gaming"],
    ),
    (
        "Windstream was our fifth largest customer.\nRevenue from Windstream was 4.8% "
        "of revenue.\nFiber revenue grew 9%.",
        ["growth 9 : Fiber"],
    ),
    (
        "<UNK> <UNK> - CFO: We report 10% customers annually, and this year we had three. "
        "We had three 10% customers. Acme and Globex both represented 14% of revenue, and "
        "the Initech represented 12% of revenue for the year.",
        [],
    ),
]
MORE: list[tuple[str, list[str]]] = [
    (
        "Within Industrial, our automation business grew 12%.",
        ["growth 12 : automation business"],
    ),
    (
        "Revenue in the Americas grew 6%, with the U.S. up 8%.",
        ["growth 6 : Americas", "growth 8 : U.S."],
    ),
    (
        "Semiconductor revenue grew 20%, led by memory, which grew 35%.",
        ["growth 20 : Semiconductor", "growth 35 : memory"],
    ),
    (
        "Communications revenue, which includes our wireless business, declined 3%.",
        ["growth -3 : Communications"],
    ),
    (
        "Revenue from the top five customers declined 4%, while the rest grew 12%.",
        [],
    ),
    (
        "Our second largest segment, Test, grew 9%.",
        ["growth 9 : Test"],
    ),
    (
        "Aerospace, our largest end market, was up 12%.",
        ["growth 12 : Aerospace"],
    ),
    (
        "Europe was particularly strong, up 15%.",
        ["growth 15 : Europe"],
    ),
    (
        "Europe was weak, down 3%, while Asia grew 9%.",
        ["growth -3 : Europe", "growth 9 : Asia"],
    ),
    (
        "We grew faster than the market, which grew 5%.",
        [],
    ),
    (
        "Our competitor's revenue declined 10%.",
        [],
    ),
    (
        "Industry revenue grew 4% in the quarter.",
        [],
    ),
    (
        "The semiconductor market grew 8% in 2017.",
        [],
    ),
    (
        "The PC market declined 5%, while our notebook revenue grew 7%.",
        ["growth 7 : notebook"],
    ),
    (
        "Global smartphone shipments fell 3%.",
        [],
    ),
    (
        "According to Gartner, the market grew 6%.",
        [],
    ),
    (
        "IDC estimates that the server market grew 12%.",
        [],
    ),
    (
        "Our data center end market grew 18%.",
        ["growth 18 : data center end market"],
    ),
    (
        "Sales into the automotive market grew 14%.",
        ["growth 14 : automotive market"],
    ),
    (
        "Automotive sales grew 14%, outpacing the market by 6 points.",
        ["growth 14 : Automotive"],
    ),
    (
        "Our services attach rate improved to 40%.",
        [],
    ),
    (
        "Our renewal rate was 92%.",
        [],
    ),
    (
        "Net revenue retention was 120%.",
        [],
    ),
    (
        "Gross retention remained above 95%.",
        [],
    ),
    (
        "Customers with more than $100,000 in ARR grew 30%.",
        [],
    ),
    (
        "ARR grew 30% to $500 million.",
        ["growth 30 : ARR"],
    ),
    (
        "Annual recurring revenue increased 25% year over year.",
        ["growth 25 yoy : Annual recurring"],
    ),
    (
        "Remaining performance obligation grew 20%.",
        [],
    ),
    (
        "Deferred revenue was up 10% sequentially.",
        [],
    ),
    (
        "Billings grew 15%.",
        [],
    ),
    (
        "Bookings were up 22%, with a book-to-bill of 1.2.",
        [],
    ),
    (
        "Total orders increased 8%, and revenue grew 6%.",
        ["growth 6 : company"],
    ),
    (
        "Backlog grew 10% sequentially to a record level.",
        [],
    ),
    (
        "Our pipeline is up 50% from a year ago.",
        [],
    ),
    (
        "<UNK> <UNK> - Executive Vice President and CFO: Thanks, <UNK>. Total "
        "revenue increased 7% to $1.1 billion. Products grew 4%, and services grew "
        "11%. Gross margin was 55%.",
        ["growth 7 : company", "growth 4 : Products", "growth 11 : services"],
    ),
    (
        "<UNK> <UNK> - President and CEO: Good afternoon. We had a strong quarter. "
        "Revenue was up 12% year on year, and cloud more than doubled.",
        ["growth 12 yoy : company", "growth 100 > : cloud"],
    ),
    (
        "<UNK> <UNK>: So the 7% that we mentioned, that was organic.",
        [],
    ),
    (
        "<UNK> <UNK>: Yes, that's right, it grew about 7% organically.",
        [],
    ),
    (
        "<UNK> <UNK>: Europe grew 5%, Asia was flat, and the Americas were down 2%.",
        ["growth 5 : Europe", "growth -2 : Americas"],
    ),
    (
        "<UNK> <UNK>: If we look at China specifically, it was down about 10%.",
        [],
    ),
    (
        "<UNK> <UNK>: China was down about 10% in the quarter.",
        ["growth -10 ~ : China"],
    ),
    (
        "<UNK> <UNK>: We think the market will grow 5% next year, and we will outgrow it.",
        [],
    ),
    (
        "Revenue in the quarter was $512 million. That's up 9% from last year.",
        [],
    ),
    (
        "That represents growth of 9% from last year.",
        [],
    ),
    (
        "This was a 9% increase over last year.",
        [],
    ),
    (
        "Revenue for the quarter was $412 million, an increase of 12% over the same "
        "period last year.",
        ["growth 12 yoy : company"],
    ),
    (
        "License revenue was $80 million, down 8% from Q3 of last year.",
        ["growth -8 yoy : License"],
    ),
    (
        "Services revenue grew 6% from the third quarter of last year.",
        ["growth 6 yoy : Services"],
    ),
    (
        "Our product revenue increased 11% sequentially and 20% from the prior year.",
        ["growth 11 sequential : product", "growth 20 yoy : product"],
    ),
    (
        "Revenue was down 2% on a constant currency basis and up 1% as reported.",
        ["growth 1 : company", "alt -2"],
    ),
    (
        "The North America segment grew 10 percent.",
        ["growth 10 : North America segment"],
    ),
    (
        "Revenues in our Industrial segment increased 14.2%.",
        ["growth 14.2 : Industrial segment"],
    ),
    (
        "Excluding currency, revenue increased 9%.",
        ["growth 9 : company"],
    ),
    (
        "We grew revenue 9% in the quarter.",
        ["growth 9 : company"],
    ),
    (
        "Revenue increased to $1.2 billion, up 6%.",
        ["growth 6 : company"],
    ),
    (
        "Total company sales were $1.5 billion, a 4% increase from last year.",
        ["growth 4 yoy : company"],
    ),
    (
        "Recurring revenue now represents 60% of our total revenue, up from 55% last year.",
        ["share 60 : Recurring", "share 55 : Recurring"],
    ),
    (
        "Data center was 30% of revenue in the quarter and grew 40% year over year.",
        ["share 30 : Data center", "growth 40 yoy : Data center"],
    ),
    (
        "<UNK> <UNK>: I wanted to ask about services, up 12% this quarter.",
        [],
    ),
    (
        "<UNK> <UNK>: I was wondering if you could talk about the cloud business, which grew 20%.",
        [],
    ),
    (
        "<UNK> <UNK>: Just a quick follow-up on software, which I think was up 15%.",
        [],
    ),
    (
        "<UNK> <UNK>: Sure. Software was up 15%, and we expect that to continue.",
        ["growth 15 : Software"],
    ),
    (
        "Our installed base grew 10%.",
        [],
    ),
    (
        "Subscription customers grew 25%.",
        [],
    ),
    (
        "Average selling prices rose 4%.",
        [],
    ),
    (
        "The dividend was raised by 10%.",
        [],
    ),
    (
        "We raised our quarterly dividend by 10%.",
        [],
    ),
    (
        "We repurchased 2% of our shares outstanding.",
        [],
    ),
    (
        "Our employee headcount grew 8%.",
        [],
    ),
    (
        "Free cash flow conversion was 110% of net income.",
        [],
    ),
    (
        "EBITDA margin expanded 150 basis points to 22%.",
        [],
    ),
    (
        "Operating expenses grew 5%, slower than revenue growth of 9%.",
        ["growth 9 : company"],
    ),
    (
        "Revenue growth of 9% outpaced expense growth of 5%.",
        ["growth 9 : company"],
    ),
    (
        "We expect revenue growth in the mid-single digits.",
        [],
    ),
    (
        "Revenue grew 5%, in line with the market.",
        ["growth 5 : company"],
    ),
    (
        "The market grew 5%, and we grew 9%.",
        ["growth 9 : company"],
    ),
    (
        "We outgrew the market by 4 points.",
        [],
    ),
    (
        "Our share of wallet increased 2%.",
        [],
    ),
    (
        "Cloud now accounts for over 30% of total revenue, and it is growing more than 40% a year.",
        ["share 30 > : Cloud"],
    ),
    (
        "Asia represented 35% of our sales last year.",
        ["share 35 : Asia"],
    ),
    (
        "We think China could be 20% of revenue next year.",
        [],
    ),
    (
        "If you look at the segment, revenue grew 8%.",
        [],
    ),
    (
        "Looking at the segments, Industrial grew 8% and Medical 12%.",
        ["growth 8 : Industrial", "growth 12 : Medical"],
    ),
    (
        "Hardware, which is about 25% of revenue, declined 4%.",
        ["share 25 ~ : Hardware", "growth -4 : Hardware"],
    ),
    (
        "Our largest segment, Industrial, grew 7%.",
        ["growth 7 : Industrial"],
    ),
    (
        "Revenue from new products grew 30%.",
        ["growth 30 : new products"],
    ),
    (
        "Revenue from acquisitions contributed 4% to growth.",
        [],
    ),
    (
        "Acquisitions added $50 million, or 5%, to revenue.",
        [],
    ),
    (
        "Foreign exchange reduced revenue by 3%.",
        [],
    ),
    (
        "Revenue was negatively impacted by 2% from currency.",
        [],
    ),
    (
        "In the fourth quarter, we expect revenue to be up 3% to 5% sequentially.",
        [],
    ),
    (
        "For 2018, we are raising our revenue growth guidance to 8% to 10%.",
        ["guidance raised"],
    ),
    (
        "We are reaffirming our 2018 guidance.",
        ["guidance reiterated"],
    ),
    (
        "We now expect full-year revenue growth of 8% to 10%, compared to our "
        "previous guidance of 6% to 8%.",
        ["guidance raised"],
    ),
    (
        "We are lowering the top end of our range.",
        ["guidance cut"],
    ),
    (
        "We expect to be at the lower end of our guidance range.",
        [],
    ),
    (
        "The guidance we gave in January remains intact.",
        ["guidance reiterated"],
    ),
    (
        "Wearables revenue was up more than 50%.",
        ["growth 50 > : Wearables"],
    ),
    (
        "Mac revenue was down 5%, but iPad grew 2%.",
        ["growth -5 : Mac", "growth 2 : iPad"],
    ),
    (
        "Revenue was $2.1 billion, up 14% year-over-year, or 16% excluding the "
        "impact of the divestiture of our printer business.",
        ["growth 14 yoy : company", "alt 16"],
    ),
    (
        "Analyst: Revenue grew 9% and margins expanded; how sustainable is that?",
        [],
    ),
    (
        "<UNK> <UNK> - Analyst: Congratulations on a strong quarter.",
        [],
    ),
    (
        "<UNK> <UNK>: Thank you. So overall, revenue grew 9%. Services grew 14%. Product was flat.",
        ["growth 9 : company", "growth 14 : Services"],
    ),
    (
        "Total revenue for the quarter was $2.1 billion, an increase of 14% over the prior year.",
        ["growth 14 yoy : company"],
    ),
    (
        "Net sales of $512 million increased 9% compared with the first quarter of 2017.",
        ["growth 9 yoy : company"],
    ),
    (
        "Revenue came in at $1.05 billion, up 11% year-over-year and above the high "
        "end of our guidance range.",
        ["growth 11 yoy : company"],
    ),
    (
        "We grew revenue 18% in constant currency.",
        ["growth 18 : company"],
    ),
    (
        "Product revenue was $800 million, down 3% from a year ago, while service revenue grew 6%.",
        ["growth -3 yoy : Product", "growth 6 : service"],
    ),
    (
        "In the Americas, revenue increased 7%.",
        ["growth 7 : Americas"],
    ),
    (
        "Revenue in EMEA was up 12% and in APAC up 5%.",
        ["growth 12 : EMEA", "growth 5 : APAC"],
    ),
    (
        "International sales grew 22% and now represent 35% of total sales.",
        ["growth 22 : International", "share 35 : International"],
    ),
    (
        "Subscription revenue grew 28% year-over-year to $400 million and "
        "represented 62% of total revenue.",
        ["growth 28 yoy : Subscription", "share 62 : Subscription"],
    ),
    (
        "Our top line grew 6%.",
        ["growth 6 : company"],
    ),
    (
        "Revenue was essentially flat, down 1%.",
        ["growth -1 : company"],
    ),
    (
        "Year-over-year, revenue grew 10%.",
        ["growth 10 yoy : company"],
    ),
    (
        "On a year-over-year basis, data center revenue increased 45%.",
        ["growth 45 yoy : data center"],
    ),
    (
        "Gaming revenue of $1.2 billion was up 25% from a year ago and down 3% sequentially.",
        ["growth 25 yoy : Gaming", "growth -3 sequential : Gaming"],
    ),
    (
        "Our IoT group grew 15% sequentially to a record $1.1 billion.",
        ["growth 15 sequential : IoT group"],
    ),
    (
        "Automotive revenue increased 10% to $150 million, driven by infotainment.",
        ["growth 10 : Automotive"],
    ),
    (
        "Professional visualization revenue reached $250 million, up 12% year-over-year.",
        ["growth 12 yoy : Professional visualization"],
    ),
    (
        "The Industrial segment posted sales growth of 8%.",
        ["growth 8 : Industrial segment"],
    ),
    (
        "Sales in our Aerospace segment rose 6% to $300 million.",
        ["growth 6 : Aerospace segment"],
    ),
    (
        "Excluding acquisitions, revenue grew 3%.",
        ["growth 3 : company"],
    ),
    (
        "Revenue, excluding the impact of divestitures, grew 5%.",
        ["growth 5 : company"],
    ),
    (
        "Our backlog grew 10% and revenue grew 8%.",
        ["growth 8 : company"],
    ),
    (
        "Revenue increased 8% while operating income rose 12%.",
        ["growth 8 : company"],
    ),
    (
        "We saw strong growth in China, where revenue increased 30%.",
        ["growth 30 : China"],
    ),
    (
        "Revenue from our top 10 customers grew 15%.",
        [],
    ),
    (
        "Sales to Apple declined 20%.",
        [],
    ),
    (
        "Our largest customer grew 25%.",
        [],
    ),
    (
        "Cloud revenue growth accelerated to 35%.",
        ["growth 35 : Cloud"],
    ),
    (
        "Revenue declined 5% to $900 million.",
        ["growth -5 : company"],
    ),
    (
        "Revenue was down 12% on a reported basis and 10% in constant currency.",
        ["growth -12 : company", "alt -10"],
    ),
    (
        "Software and services revenue increased 11%.",
        ["growth 11 : Software and services"],
    ),
    (
        "For the full year, revenue was $4.2 billion, up 7%.",
        ["growth 7 : company"],
    ),
    (
        "Fiscal 2017 revenue grew 12% to $3 billion.",
        ["growth 12 : company"],
    ),
    (
        "Q4 revenue of $1.2 billion was up 5% year-on-year.",
        ["growth 5 yoy : company"],
    ),
    (
        "Data center now accounts for 40% of our revenue.",
        ["share 40 : Data center"],
    ),
    (
        "Recurring revenue made up 70% of total revenue in the quarter.",
        ["share 70 : Recurring"],
    ),
    (
        "The Americas represented 48% of sales, EMEA 32% and Asia 20%.",
        ["share 48 : Americas", "share 32 : EMEA", "share 20 : Asia"],
    ),
    (
        "Services were approximately 25% of total revenue.",
        ["share 25 ~ : Services"],
    ),
    (
        "China was about 20% of our revenue this quarter.",
        ["share 20 ~ : China"],
    ),
    (
        "About 30% of our revenue comes from software.",
        ["share 30 ~ : software"],
    ),
    (
        "Software represents more than half of our revenue.",
        [],
    ),
    (
        "International accounted for 55% of total revenue, compared to 50% in the prior year.",
        ["share 55 : International", "share 50 : International"],
    ),
    (
        "Our gross margin was 60% of revenue.",
        [],
    ),
    (
        "Revenue grew in line with our expectations.",
        [],
    ),
    (
        "Our share of the market increased to 25%.",
        [],
    ),
    (
        "We gained 3% market share.",
        [],
    ),
    (
        "Our win rate was up 5%.",
        [],
    ),
    (
        "Unit shipments grew 15%, while ASPs declined 5%.",
        [],
    ),
    (
        "Revenue grew 10%, of which 3% came from acquisitions.",
        ["growth 10 : company"],
    ),
    (
        "Currency had a 2% negative impact on revenue.",
        [],
    ),
    (
        "Pricing contributed 3% to growth.",
        [],
    ),
    (
        "Revenue was up 5%, or 7% excluding the impact of the divestiture.",
        ["growth 5 : company", "alt 7"],
    ),
    (
        "<UNK> <UNK>: Great. And then just on the gross margin side, it was 42% this "
        "quarter. What are the puts and takes?",
        [],
    ),
    (
        "<UNK> <UNK>: Yes, so I think if you look at it, our enterprise business "
        "grew 12%, and we feel good about that.",
        ["growth 12 : enterprise business"],
    ),
    (
        "<UNK> <UNK>: I'll take that one. So, services grew about 9% in the quarter. "
        "Hardware was down a bit.",
        ["growth 9 ~ : services"],
    ),
    (
        "Thank you, <UNK>. Good afternoon. Our revenue for the third quarter was "
        "$1.5 billion, up 6% from last year.",
        ["growth 6 yoy : company"],
    ),
    (
        "<UNK> <UNK>: Okay. And then, <UNK>, can you talk about China? You said it grew 40%.",
        [],
    ),
    (
        "<UNK> <UNK> - Analyst: So revenue grew 12%, and margins expanded, so "
        "congratulations on that.",
        [],
    ),
    (
        "We are raising our fiscal 2018 revenue guidance to a range of $5.1 billion "
        "to $5.2 billion.",
        ["guidance raised"],
    ),
    (
        "We are lowering our revenue outlook for the year to $3.2 billion.",
        ["guidance cut"],
    ),
    (
        "We now expect full-year revenue of $4 billion, up from our prior guidance "
        "of $3.9 billion.",
        ["guidance raised"],
    ),
    (
        "Given the uncertainty, we are suspending our full-year guidance.",
        ["guidance withdrawn"],
    ),
    (
        "We raised our full year guidance last quarter.",
        ["guidance raised"],
    ),
    (
        "Our guidance assumes revenue growth of 5%.",
        [],
    ),
    (
        "We expect revenue to be at the high end of our guidance range.",
        [],
    ),
    (
        "We are narrowing our guidance range.",
        [],
    ),
    (
        "We're increasing the midpoint of our revenue guidance by $50 million.",
        ["guidance raised"],
    ),
    (
        "We continue to expect revenue growth of 8% to 10% for the year.",
        [],
    ),
    (
        "Our outlook for the full year remains unchanged.",
        ["guidance reiterated"],
    ),
    (
        "We are holding our full-year guidance despite the currency headwinds.",
        ["guidance reiterated"],
    ),
    (
        "We are taking down our full-year revenue guidance.",
        ["guidance cut"],
    ),
    (
        "We are bringing down our outlook.",
        ["guidance cut"],
    ),
    (
        "Sales for the segment were up 4%.",
        [],
    ),
    (
        "The segment's revenue grew 4%.",
        [],
    ),
    (
        "Its revenue grew 4%.",
        [],
    ),
    (
        "That business grew 10% this quarter.",
        [],
    ),
    (  # an item left out leaves a measure of the company's, as the calls' readers count it
        "Excluding China, revenue grew 6%.",
        ["growth 6 : company"],
    ),
    (  # revenue outside a place is a part, as a region is (the forty-fifth round)
        "Revenue outside of China grew 6%.",
        ["growth 6 : outside of China"],
    ),
    (
        "Outside China, revenue grew 6%.",
        [],
    ),
    (
        "Revenue grew 6%, excluding China.",
        ["growth 6 : company"],
    ),
    (
        "Our North American business was up 8%, and Europe was down 2%.",
        ["growth 8 : North American business", "growth -2 : Europe"],
    ),
    (  # parts named together share the one figure, as each would alone ("Hardware grew 10%")
        "Both hardware and software grew 10%.",
        ["growth 10 : hardware", "growth 10 : software"],
    ),
    (
        "Hardware and software each grew 10%.",
        ["growth 10 : Hardware", "growth 10 : software"],
    ),
    (
        "Revenue growth in the quarter was 9%.",
        ["growth 9 : company"],
    ),
    (
        "The 9% revenue growth was driven by strong demand in cloud.",
        ["growth 9 : company"],
    ),
    (
        "We delivered 9% revenue growth and 12% EPS growth.",
        ["growth 9 : company"],
    ),
    (
        "Revenue rose 4% and EPS rose 9%.",
        ["growth 4 : company"],
    ),
    (
        "EPS rose 9% on revenue growth of 4%.",
        ["growth 4 : company"],
    ),
    (
        "Storage revenue was $300 million, flat year over year, and networking revenue was up 8%.",
        ["growth 8 : networking"],
    ),
    (
        "And as we had expected coming into the quarter, sales grew by 3% from prior year.",
        ["growth 3 yoy : company"],
    ),
    (
        "Putting this all together, our annual recurring revenue, or ARR, is now over $13 "
        "billion, which is up 8% this quarter.",
        ["growth 8 : ARR"],
    ),
    (
        "Our Q1 results included revenue of $1.8 billion, up 7%, including $48 million from "
        "acquisitions.",
        ["growth 7 : company"],
    ),
    (
        "Slightly lower revenue was driven by lower shipments, partially offset by an "
        "improvement in aftermarket revenue, up 7%.",
        ["growth 7 : aftermarket"],
    ),
    (
        "We continue to build on a higher base of recurring revenue, which grew 7% year-over-year.",
        ["growth 7 yoy : recurring"],
    ),
    (
        "We expect cloud revenue, which will grow 20%, to be strong.",
        ["growth 20 : cloud"],
    ),
]

_COMPARED = {"": "=", "about": "~", "approximately": "~", "roughly": "~", "nearly": "~"}
_COMPARED |= {"over": ">", "more than": ">", "almost": "~", "around": "~", "north of": ">"}
_COMPARED |= {"some": "~", "in excess of": ">", "upwards of": ">", "above": ">"}
_BASES = {"sequential": "sequential", "year over year": "yoy", OVER_TWO_YEARS: "2y", "": ""}
_DROP = frozenset(["revenue", "revenues", "sales", "the", "our", "its", "total", "net", "of"])


def _words(subject: str) -> frozenset[str]:
    found = re.findall(r"[\w&/+-]+", subject.casefold())
    return frozenset(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in found) - _DROP


def _is(read: Stated, expected: str) -> bool:
    """Whether `read` is what `expected` says ("growth 4.1 sequential : company")."""
    said, _, subject = expected.partition(" : ")
    kind, *rest = said.split()
    if read.kind != kind:
        return False
    if kind == "guidance":
        return read.direction == rest[0]
    value, *marks = rest
    compared = next((m for m in marks if m in "~><"), "=")
    basis = next((m for m in marks if m in ("sequential", "yoy", "2y")), "")
    if read.value is None or abs(read.value * 100 - float(value)) > 1e-6:
        return False
    if _COMPARED.get(read.comparison, "?") != compared or _BASES[read.basis] != basis:
        return False
    if subject == "company" or read.subject == COMPANY:
        return subject == "company" and read.subject == COMPANY
    mine, theirs = _words(read.subject), _words(subject)
    return bool(mine) and (mine <= theirs or theirs <= mine)


def _check(text: str, expected: list[str], day: dt.date | None = None) -> None:
    alternatives = [float(v) for e in expected if e.startswith("alt ") for v in e.split()[1:]]
    wanted = [e for e in expected if not e.startswith("alt ")]
    unmatched = list(wanted)
    for read in read_words(text, day=day):
        hit = next((e for e in unmatched if _is(read, e)), None)
        if hit is not None:
            unmatched.remove(hit)
            continue
        alternative = read.value is not None and any(
            abs(read.value * 100 - a) < 1e-6 for a in alternatives
        )
        assert alternative, f"read what the text does not state: {read}"
    assert not unmatched, f"not read: {unmatched}"


def _cases(table: list[tuple[str, list[str]]]) -> list[object]:
    return [pytest.param(text, expected, id=text[:60]) for text, expected in table]


def by_rule(classes: dict[str, list[tuple[str, list[str]]]]) -> list[object]:
    """Each case of each class, named by its rule."""
    return [
        pytest.param(text, expected, id=f"{rule}: {text[:50]}")
        for rule, table in classes.items()
        for text, expected in table
    ]


@pytest.mark.parametrize(("text", "expected"), _cases(LISTS))
def test_a_list_gives_each_item_its_figure(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(RESPECTIVELY))
def test_respectively_pairs_names_and_figures_in_order(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(TWO_BASES))
def test_two_bases_in_one_sentence_are_two_growths(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(PARTS))
def test_a_parts_growth_is_the_parts_not_the_companys(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(NOT_REVENUE))
def test_revenue_like_words_that_are_no_revenue_give_nothing(
    text: str, expected: list[str]
) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(SHARES))
def test_shares_stated_otherwise(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(NUMBER_WORDS))
def test_doubled_tripled_halved(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(ALTERNATIVES))
def test_a_growth_said_in_other_measures_is_the_reported_one(
    text: str, expected: list[str]
) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(GUIDANCE))
def test_guidance_in_other_words(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(ANALYSTS))
def test_an_analyst_restating_a_figure_is_not_the_company_stating_it(
    text: str, expected: list[str]
) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(TRAPS))
def test_traps_in_the_older_transcripts_give_nothing(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(STATE))
def test_each_sentence_is_read_on_its_own(text: str, expected: list[str]) -> None:
    _check(text, expected)


@pytest.mark.parametrize(("text", "expected"), _cases(MORE))
def test_more_of_the_calls_phrasing(text: str, expected: list[str]) -> None:
    _check(text, expected)
