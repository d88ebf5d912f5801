"""The words the reader of words knows: what a figure counts (revenue-like measures and the
others), the words that name a part of a business, periods, bases, hedges and boilerplate.
Facts of English financial speech, none of one company."""

from __future__ import annotations

import re

from ..leads import led
from ..wordlists import any_word, one_of, word_set

#: Characters: a longer "sentence" is a table or a list run together, and is not read. Every
#: rule reads one sentence at a time, so none reads more than this at once.
LONGEST = 1500
#: Characters before a word that the words it belongs with are looked for in (a subject
#: phrase, the measure a growth is of): a phrase is never this long.
REACH = 300
# Revenue-like measures: a share or growth of one of these is a share or growth of revenue.
#: The auxiliaries a verb's subject stands before: "revenue, all in, was up".
AUXILIARY = one_of("was were is are has have had")
REVENUE_WORDS = frozenset(
    {"revenue", "revenues", "sales", "turnover", "arr", "top-line", "topline", "nsr"}
)
# Measures that are not revenue: a figure about one of these is no KPI of revenue.
OTHER_MEASURES = word_set(
    """margin margins profit profits income earnings eps ebitda ebit expense expenses cost costs op
    opex capex capital expenditure expenditures tax taxes rate rates customer customers client
    clients units shipments volume volumes employee employees staff headcount attrition order
    move-ins move-outs reservations proceeds procurement circulation rebates incentives assets
    return billing output delinquency delinquencies incidence orders bookings booking backlog
    pipeline rpo crpo billings tcv acv cash flow dividend dividends inventory inventories
    receivables payables debt leverage users user subscribers members accounts sites deals deal
    lanes stores locations reviewers responses shares stake interest ownership production
    penetration retention renewal churn conversion accretion cagr content roles hires hiring spend
    spending investment investments price prices pricing asp asv backlog contribution contributions
    loss losses gains impressions views clicks traffic impact impacts headwind headwinds tailwind
    tailwinds obligations obligation visits people memberships households forecast outlook guidance
    sg&a g&a r&d sga saar demand deps subscriptions patients procedures survival exchange currency
    currencies oibda ebita ffo affo noi aur aurs aav absorption consumption traffic gmv tpv aum
    comps closures openings size restaurants outlets franchises branches doors estimate estimates
    transactions gdv oci advertising principal keys rooms nights enrollment enrollments attendance
    admissions visitors mg&a charge charges amortization depreciation inflation deflation
    depletions adv issuance issuances compensation wages salaries bonus bonuses number arpu arpa
    arpc arppu adds values revpar revpars adr loan loans oi roic roi roe roa roce ebt gdp a&p gtm
    ticket tickets inflows outflows flows deposits contracts tons ounces savings closings permits
    count forex fx pre-provision preprovision ppnr average pos activations rents starts jobs
    carloads pulls consumers membership cogs cutout tonnage gallons barrels pounds liters litres
    tonnes kilograms lot lots position leads metrics inductions leaders communities subdivisions
    capacity additions intensity realization realizations claims proposals allowances placements
    installed budget budgets tags deliveries pieces payable prescriptions transaction employment
    dso dsos dpo dio ecpm ecpms cpm cpms cpc relationships
    coverage mix usage job admits occupancy installations installs passenger passengers origination
    apcd apcds asm asms rpm rpms rpd departures arrivals labor labour payroll
    originations students miles loads attendees guests trips spread spreads reliability efficiency
    niw nap ape pvr arc rpu population activity awards rxs trx nrx scripts fad bottom aua trasm
    rasm prasm casm viewership redemptions case cases click credentials tokens wfe submissions
    reserves tours lapse lapses persistency written
    diems gms nav navs balances outstandings frequency gpv gbv gtv mau maus dau daus mpu rotce
    rote roatce score scores nps shipment payers payer hours pppt ptpp cet1 aov aovs dcf owners
    grants vaccinations"""
)
# Revenue-like words not the period's revenue: a balance ("deferred revenue"), a ratio ("revenue
# per user"), another's sales ("sell-through", "POS"), what is not yet ("revenue backlog").
NOT_REVENUE = led(
    r"\b(?:deferred|unearned|unbilled|accrued)\s+(?:[\w-]+\s+){0,2}?(?:revenues?|sales)\b|"
    r"\b(?:revenues?|sales)\s+(?:[a-z]+ed\s+)?per\b|"
    # a price of a unit: "Cents per RTM was up 1%"
    r"\b(?:cents|dollars?|yields?|prices?|rates?|fees?)\s+per\b|"
    # (a unit of words between: "content per wholesale powerboat unit")
    r"\bper\s+(?:[\w-]+\s+){0,2}?(?:user|customer|unit|employee|subscriber|account|head|share|day|hour|well|ton|"
    r"barrel|room|seat|mile|passenger|trip|rig|store|square\s+f(?:oo|ee)t)\b|"
    # a bank's profit before its provisions: "pre-tax pre-provision net revenue"
    r"\bpre[- ]provision(?:\s+(?:net\s+)?(?:revenues?|income|earnings|profit))?\b|"
    r"\bsell[- ]?(?:through|in|out)\b|\bin-market\b|"
    # what end buyers bought from others: "Point-of-sale continue to accelerate, up 40% in
    # China", "retail takeaway on these brands", "On a consumption basis, our brand grew 8%",
    # "tenant sales increased 4.7%"
    r"\bpoint[- ]of[- ]sale\b(?!\s+(?:terminals?|systems?|solutions?|devices?|software|hardware|"
    r"business|products?))|\b(?:retail|consumer|consumption)\s+takeaway\b|"
    r"\bconsumption(?=\s+basis\b|$)|"
    # sales a panel measured at retail: "For Nielsen-measured dollars, we saw 13% growth"
    r"\b[a-z]+-measured\s+(?:dollars|sales|channels?|retail)\b|"
    r"\btenants?['’]?\s+sales\b|\bnet\s+new\s+ARR\b|"  # "net new ARR": what was added
    # a lender's or an investor's book: "the commercial portfolio grew 17.7%"
    r"\b(?:commercial|retail|consumer|credit|card|mortgage|loan|lending|investment|securities|"
    r"bond|deposit|fixed[- ]income)\s+portfolios?\b|"
    # an insurer's cash received, not premiums earned: "annuity collected premiums were up 17%"
    r"\bcollected\s+(?:[\w-]+\s+){0,4}?premiums?\b|\bpremiums?\s+collected\b|"
    r"\bPOS\s+sales\b|\badvanced?\s+(?:ticket\s+)?sales\b|"  # sold ahead: bookings
    r"\b(?:revenues?|sales)\s+(?:backlog|synerg\w*|recognition|run[- ]rate|pipeline)\b|"
    r"\bthrough\s+(?:our\s+|the\s+)?(?:distributors?|distribution|channel)|"
    # days of care or of work counted: "Patient days increased 11.9%"
    r"\b(?:patient|nicu|bed|rig|census|operating|managed[- ]care)\s+days?\b|"
    r"\b(?:comparable|same)[- ](?:stores?|propert(?:y|ies)|centers?|restaurants?|shops?|venues?|"
    r"clubs?|hotels?|facilit(?:y|ies)|units?|states?|markets?|branch(?:es)?|locations?|outlets?|"
    r"doors?|malls?|communit(?:y|ies)|portfolios?)\b|\blike[- ]for[- ]like\b|\bcomp(?:s|ing)?\b|"
    r"\bcomparable\s+(?:[\w-]+\s+){0,3}?(?:sales|revenues?)\b|"
    # a utility's energy delivered, counted in kilowatt-hours or therms: "Weather normalized
    # electric sales were up about 2%", "Gas sales rose by 1%"
    r"\bweather[- ](?:normali[sz]ed|adjusted)\b|"
    r"\b(?:electric(?:ity)?|(?<!oil\sand\s)(?<!oil\s&\s)(?:natural\s+)?gas)\s+sales\b|"
    # a market's count of homes sold: "existing home sales were up over 22%"
    r"\b(?:existing|new)[- ]home\s+sales\b|"
    # an expense named with sales: "sales and marketing", "selling, general and administrative"
    r"\bsales\s+(?:and|&)\s+marketing\b(?!\s+(?:[\w-]+\s+){0,2}?revenues?\b)|\bselling\b(?!\s+(?:days?|weeks?|seasons?|periods?)\b)|"
    # the cost of what was sold: "cost of sales was $154 million, or 75% of mining revenues"
    # (and of the revenue of a kind: "Cost of franchise and service revenue were $7.2 million");
    # a sentence framed by another measure: "From a segment earnings perspective, …"
    r"\bcosts?\s+of\s+(?:[\w-]+\s+(?:(?:and|&)\s+)?){0,3}?(?:sales|revenues?|sold)\b|"
    r"\b(?:earnings|profit(?:ability)?|margins?|ebitda|income)\s+(?:perspective|standpoint)\b|"
    r"\b(?:total\s+|serviceable\s+)?addressable\s+markets?\b|\btam\b|"
    # what is signed, not yet revenue: contract value (TCV, ACV, "CV"), new business
    r"\bcontract\s+values?\b|\bannualized\s+(?:contract\s+)?values?\b|"
    r"\bnew\s+business\b(?!\s+(?:segments?|units?|lines?|divisions?))|\bnew\s+sales\b|"
    # a unit's average ("average weekly sales", "average unit volumes", "AUV"), and the sales of
    # a system of franchised units ("system sales", "systemwide sales"): no one's revenue
    r"\baverage\s+(?:(?:weekly|daily|unit|restaurant|store|check)\s+)?(?:sales|volumes?)\b|"
    r"\bauvs?\b|\bsystem(?:[- ]?wide)?\s+sales\b|"
    # a count of units sold ("retail unit sales", "season pass unit growth"): no revenue; a
    # business unit's sales are its own
    r"(?<!business\s)\bunits?\s+(?:sales|growth|volumes?)\b|"
    # an energy sold counted in its unit: "Natural gas therm sales decreased 9%", "electric
    # kilowatt hour sales": volumes
    r"\b(?:therms?|dekatherms?|(?:kilo|mega|giga)watt[- ]hours?|[kmg]wh|bcf|mcf)\s+sales\b|"
    # sales written are orders taken, revenue only when delivered
    r"\bwritten\s+(?:sales|orders|business)\b|"
    # a timeshare's contracts signed, a retailer's average unit retail: no revenue of the period
    r"\bcontract\s+sales\b|\baverage\s+unit\s+retail\b|"
    # a figure per unit of something: "On a per square foot basis, our revenues were up 7%"
    r"\bper[- ](?:square[- ](?:foot|feet|meter|metre)|[\w-]+[- ]basis)\b|\bper\s+[\w-]+\s+basis\b|"
    # a government's revenue, a whole market's figure: "state and local tax revenue",
    # "marketwide GGR", "industry-wide sales"
    r"\btax\s+revenues?\b|\b(?:market|industry)[- ]?wide\b|"
    # what an effect did to revenue: "The impact on revenue from net acquisitions"
    r"\b(?:impacts?|effects?)\s+on\s+(?:our\s+|the\s+)?(?:revenues?|sales)\b",
    re.I,
)
#: A speaker's talk to come, no forecast: "Martin will also go through the financial details".
TALK_TO_COME = (
    r"will\s+(?:also\s+)?(?:go\s+through|discuss|cover|walk\s+you\s+through|talk\s+about)\b"
)
# Words of places: a region or a country is a part of revenue cut another way than a segment
# or a product line ("In EMEA, consumer sales declined 11%" is neither EMEA's nor consumer's).
PLACES = word_set(
    """americas america american emea apac apj asia asian europe european africa african latam
    latin pacific mideast middle east north south western eastern northern southern nordic
    nordics benelux china
    chinese japan japanese india germany german uk u.k u.s us usa canada canadian mexico brazil
    france italy spain korea taiwan australia anz russia international domestic region regions
    regional geography geographies geographic country countries world emerging greater pac
    vietnam indonesia thailand malaysia philippines singapore hong kong netherlands belgium
    switzerland austria sweden norway denmark finland poland israel saudi arabia uae egypt
    nigeria argentina chile colombia peru zealand ireland portugal greece hungary romania
    ukraine pakistan asean caribbean scandinavia oceania iberia mena britain bolivia guatemala
    ecuador venezuela uruguay paraguay panama honduras salvador nicaragua dominican rica qatar
    kuwait bahrain oman morocco algeria tunisia kenya ghana ethiopia tanzania bangladesh sri
    lanka myanmar cambodia kazakhstan czech slovakia slovenia croatia serbia bulgaria lithuania
    latvia estonia luxembourg iceland scotland england wales cyprus belarus"""
)
# Currencies a figure is said in: "up 12% in USD" names no part.
CURRENCIES = word_set(
    """usd eur gbp jpy cny rmb chf cad aud dkk sek nok inr brl dollars dollar euros euro yen pounds
    sterling renminbi yuan kroner krone kronor francs franc rupees rupee reais real pesos peso
    currency currencies"""
)
# Words that name a part of a business: a phrase ending in one of them is a line of revenue.
PART_WORDS = word_set(
    """business businesses segment segments group groups market markets portfolio division
    divisions line lines category categories vertical verticals region regions channel channels
    applications application products product solutions services platform franchise unit
    offering offerings family brand brands geography geographies layer layers"""
)
# Kinds of revenue a single word names ("products and services", "hardware revenue"): parts of
# the business, where a lone "segment" or "market" names none.
REVENUE_TYPES = word_set(
    """products product services service solutions software hardware subscription
    licenses license licensing maintenance support applications wholesale"""
)
# Words that qualify a measure without naming a part of the business.
GENERIC_WORDS = word_set(
    """the our its their a an total overall consolidated net organic core reported gaap non-gaap
    adjusted company company's companys whole combined basis comparable comp same-store preliminary
    like-for-like underlying operational operationally globally worldwide acquisitions
    acquisition divestitures divestiture commodities commodity fx global countries companywide
    company-wide enterprisewide enterprise-wide aggregate normalized constant dollar dollars
    gross"""
)
PRONOUNS = frozenset({"we", "i", "us", "our"})
# The company speaking of itself: "we've returned to growth with sales up 22%" is its own.
SPEAKER = frozenset({"we", "i", "we've", "we're", "we'd", "we'll", "i've", "i'm", "i'd", "i'll"})
ANAPHORS = frozenset({"it", "they", "them", "this", "that", "these", "those", "which", "both"})

#: A period said after "in", "for" or "during" ("in the 2025 second quarter", "for the year",
#: "in Q4"): a pattern's piece, for patterns that ignore case.
SAID_PERIOD = (
    r"(?:in|for|during)\s++(?:the\s++)?(?:(?:19|20)\d\d\s++)?"
    r"(?:(?:first|second|third|fourth|fiscal)\s++)?(?:quarter|q[1-4]|year|half|period)\b"
)
#: A month's name (capitalised: a pattern that ignores case meets any; one that keeps it, as
#: components.py's, meets a name and not the verb "may").
MONTH = one_of(
    "January February March April May June July August September October November December"
)
PERIOD = led(
    r"\b(?:q[1-4]|h[12]|fy\s?'?\d{2,4}|(?:fiscal\s+)?(?:year\s+)?'?\d{2}\b|(?:19|20)\d\d|"
    r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last|prior|current|next|same)[- ]"
    r"(?:quarter|half|nine months|six months)|quarter|quarters|quarterly|year|years|annual|"
    r"full[- ]year|fiscal|calendar|month|months|half|nine|period|ytd|year[- ]to[- ]date|today|"
    r"this|that|" + MONTH + r")\b",
    re.I,
)
PERIOD_WORD = word_set(
    """q1 q2 q3 q4 h1 h2 quarter quarters quarterly year years annual full-year full fiscal
    calendar month months half nine six period first second third fourth final last prior
    current next same past this ytd year-to-date fy week weeks day days january february march
    april june july august september october november december yesterday today 1st 2nd 3rd 4th"""
)
# Years back, no quarter's: "compared to Q1 two years ago" is no sequential base.
_YEARS_BACK = r"(?:two|three|four|2|3|4)\s+years\b"
SEQUENTIAL = led(
    r"\bsequential(?:ly)?\b|quarter(?:-\s?|\s)(?:over|on|to)(?:-\s?|\s)quarter|\bq/q\b|\bqoq\b|"
    r"\bq-o-q\b|"
    r"\blinked[- ]quarters?\b|"  # a bank's word: "up 5.3% on a linked quarter basis"
    # a quarter earlier in the call's own year: "over the second quarter of this year"
    r"(?:than|from|versus|vs\.?|over|compared\s+(?:to|with)|relative\s+to)\s+(?:the\s+)?"
    r"(?:first|second|third)\s+quarter\s+of\s+(?:this|the\s+current)\s+year\b|"
    r"(?:than|from|versus|vs\.?|over|above|below|compared\s+(?:to|with))\s+"
    r"(?:[$€£][\d.,]+\s*(?:million|billion)?\s+(?:in|for)\s+)?(?:the\s+|our\s+)?"
    r"(?:(?:last|prior|previous|preceding)\s+quarter|"
    r"quarter\s+(?:prior|before)\b(?!\s+(?:to|last|the|a|that)\b)|"
    r"(?:first|second|third|fourth)\s+quarter(?!,?\s+(?:of|last|a\s+year|in\s+(?:19|20)\d\d|"
    r"(?:fiscal\s+)?['’]?\d{2,4}\b|" + _YEARS_BACK + r"))|"
    r"q[1-4](?![\s',]*(?:of\s+|in\s+|fy|'|’)?\s*(?:fiscal\s+)?'?\d{2})"
    r"(?!\s+(?:of\s+)?(?:last|the\s+prior|the\s+previous|a)[\s-]+year|\s+" + _YEARS_BACK + r"))"
    # "from our Q1 revenue growth of 11%" names Q1's figure, no base of a comparison
    r"(?!\s+(?:[\w-]+\s+){0,4}?(?:revenues?|sales|growth|results|performance)\b)",
    re.I,
)
# A word SEQUENTIAL or YEARLY needs where no digit stands, and a word of comparison one needs
# before a year or a quarter it names: words with neither say no basis (bases._basis).
BASIS_KEYS: tuple[str, ...] = ("year", "yoy", "y/y", "y-o-y", "same", "comparable", "sequential")
BASIS_KEYS += ("quarter", "q/", "qoq", "q-o-q")
COMPARED_KEYS = (
    *("than", "from", "vs", "versus", "over", "above", "below", "compar", "against", "ahead"),
    *("behind", "relative", "to 19", "to 20"),
)
#: A word of comparison before a base it names: "versus 2019", "compared to fiscal 2019" (the
#: bases a year named is read as, bases.py and two_bases.py).
COMPARED_TO = r"(?:than|from|versus|vs\.?|over|compared\s+(?:to|with)|against|relative\s+to)"
#: A year written out as four digits: "2019".
YEAR_SAID = led(r"\b(?:19|20)\d\d\b")
YEARLY = led(
    r"year(?:-\s?|\s)(?:over|on|to)(?:-\s?|\s)year|\byoy\b|\by/y\b|\by-o-y\b|"
    # an amount a year before: "up from $52.28 billion a year earlier"
    r"\b(?:from|than|versus|over)\s+[$€£][\d.,]+\s*(?:million|billion)?\s+a\s+year\s+"
    r"(?:earlier|ago|before)\b|"
    # "rose 17% on a one-year basis", "17% on a one-year and 7% on a two-year basis": the year
    # before (not "on a one-year contract")
    r"\bon\s+a\s+one[- ]year(?:\s+basis\b|(?=\s+and\b|\s*,))|"
    # the comparable period is the year before's: "9% organic to the comparable period", "up 60%
    # against the COVID impacted comparable quarter", "between comparable annual quarters"
    r"\b(?:to|against|between|versus|over|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?comparable\s+"
    r"(?:annual\s+)?(?:quarters?|periods?)\b(?!\s+(?:in|of)\s+(?:fiscal\s+)?(?:19|20)\d\d)|"
    # a year before is a base after a word of comparison; "grew 70% last year", "a 22% increase
    # in the year-ago quarter" say when, not against what
    r"(?:than(?:\s+in)?|from|versus|vs\.?|over|on(?!\s+top\s+of\b)|to|compared\s+(?:to|with)|against|"
    r"relative\s+to|above|below|ahead\s+of|behind|in\s+comparison\s+(?:to|with))\s+"
    # a month of the year before is when something was, no base: "from August of last year"
    r"(?!(?-i:" + MONTH + r")\b)"
    # "compared to reorder sales of $44.9 million for the same quarter the prior year"
    r"(?:(?:(?:[\w-]+\s+){0,2}(?:revenues?|sales)\s+of\s+)?(?:the\s+)?[$€£][\d.,]+\s*"
    r"(?:million|billion)?\s+"
    # "up from $6.1 billion on 20,248 homes closed in the prior year": an amount on a count
    r"(?:on\s+[\d,.]+\s+(?:[\w-]+\s+){1,2})?"
    # "compared to the $49 million of revenue generated in last year's fourth quarter"
    r"(?:(?:of|in)\s+(?:revenues?|sales)\s+)?"
    # "compared to $226 million delivered in the same quarter last year"
    r"(?:(?:delivered|reported|recorded|generated|posted|achieved)\s+)?(?:in|for|during)\s+)?"
    # "over the second quarter of the prior year": a quarter of the year before
    r"(?:the\s+|our\s+|a\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+the\s+)?"
    r"(?:(?:last|prior|previous)\s+(?:fiscal\s+)?year(?!\s*[- ]to[- ]date)|prior[- ]year|"
    r"year[- ]ago)|"
    r"(?:than|from|versus|vs\.?|over|compared\s+(?:to|with)|against|ahead\s+of|behind|"
    r"relative\s+to|in\s+comparison\s+(?:to|with)|above|below|"  # and "15% to 2020":
    r"(?:(?<=%\s)|(?<=^\s))to(?=\s+(?:(?:19|20)\d\d\s*+(?:[.,;]|$)|the\s+same\s+period\s+in\s))|"
    # "as we compare the results of the fourth quarter of fiscal 2020"
    r"as\s+we\s+compare\s+(?:the\s+results\s+of|against|to|with))\s+"
    # "down 5% from pro forma Q3 2019": the year's quarter as if combined; "over reported second
    # quarter 2020 revenue"
    r"(?:the\s+|our\s+)?(?:(?:pro[- ]forma|reported)\s+)?"
    r"(?:(?:full[- ](?:fiscal\s+)?year\s+)?(?:fiscal\s+)?(?:19|20)\d\d|"
    r"quarter\s+[1-4],?\s+(?:19|20)\d\d|"
    r"q[1-4],?\s+(?:(?:of|in)\s+)?(?:fiscal\s+|fy\s?)?['’]?\d{2,4}|"
    r"fy\s?['’]?\d{2}(?:\d\d)?\b|[1-4]q\s?['’]?\d{2}(?:\d\d)?\b|"
    r"(?:(?:first|second|third|fourth)(?:\s+|-)quarter|q[1-4]),?\s+(?:(?:of|in)\s+)?(?:fiscal\s+)?"
    r"(?:year\s+)?['’]?\d{2,4}|(?:19|20)\d\d\s+\w+\s+quarter|"
    # "the first nine months of 2020", "the first half of fiscal 2019"
    r"(?:(?:first|last)\s+(?:three|six|nine|twelve|\d{1,2})\s+months|(?:first|second)\s+half)"
    r"\s+of\s+(?:fiscal\s+)?(?:19|20)\d\d|"
    # "the same quarter in fiscal 2019": the year is the base's
    r"(?:same|comparable)\s+(?:quarter|period)"
    r"(?:\s+(?:in|of)\s+(?:fiscal\s+)?(?:year\s+)?(?:19|20)\d\d)?)|"
    # "from $216.1 million in the third quarter of fiscal '19": the base is a year's
    r"(?:(?:from|versus|compared\s+(?:to|with))\s+(?:(?:[\w-]+\s+){0,2}?(?:revenues?|sales)\s+of\s+)?|"
    # "17.6% higher than net sales of $1.81 billion in the 2024 fourth quarter" (not "more than
    # $5 billion in 2024": an amount reached)
    r"than\s+(?:[\w-]+\s+){0,2}?(?:revenues?|sales)\s+of\s+)(?:the\s+)?"
    # "compared to just over $1 billion during the same period in 2020"
    r"(?:(?:just\s+)?(?:over|under|about|approximately|nearly|almost|roughly)\s+)?"
    # (in a currency named by its code: "from HKD 3.4 billion in the third quarter of 2024")
    r"(?:(?:hkd|rmb|cny|usd|eur|gbp|cad|aud|jpy|inr|chf|sek|krw|twd|brl|mxn|sgd)\s?)?"
    r"\$?[\d.,]+\s*(?:million|billion)?\s+"
    # "from the $435.5 million we reported in the first quarter of 2017", "from $552.7 million
    # reported in the fourth quarter of 2015"
    r"(?:(?:(?:we|it|they)\s+)?(?:reported|delivered|recorded|generated|posted|achieved)\s+)?"
    r"(?:in|for|during)\s+"
    r"(?:the\s+)?(?:[\w\s-]{0,25}?\s+)?(?:of\s+)?(?:fiscal\s+)?(?:year\s+)?['’]?\d{2,4}\b",
    re.I,
)
# Words that make a clause say what is not, or not yet, so: a figure there is no outcome.
HEDGES = led(
    r"\b(?:would|could|might|may|should|unless|aims?|aiming|strive|strives|aspire|aspires|"
    # what one is able to achieve is not achieved: "confident in our ability to deliver greater
    # than 20% growth"
    r"ability\s+to\s+(?:continue\s+to\s+)?(?:deliver|grow|achieve|generate|reach|drive|increase|"
    r"expand|sustain)|"
    # "if we exclude X" sets X aside, no condition: "if we exclude the Printing Papers business,
    # third quarter revenue grew by 14%"
    r"if(?!\s+(?:we|you)\s+(?:exclude|excluded|adjust|strip|take\s+out|set\s+aside)\b)|"
    r"goals?|targets?|targeted|targeting|hope|hopes|wish|assum(?:e|es|ing|ption)|scenario|"
    r"excluding\s+the\s+early|maybe|perhaps|probably|something\s+like|"
    r"give\s+or\s+take|ballpark|historically|typically|traditionally)\b",
    re.I,
)
# Growth rates of several years added up ("On a two-year stack basis, sales grew 17%"): none.
STACKED = led(
    r"\b(?:(?:two|three|2|3)[- ]year\s+(?:stack(?:ed)?|stacked\s+basis|compounded|compound|cagr)|"
    r"stacked\s+(?:basis|growth|comparison)|on\s+a\s+stacked\b)",
    re.I,
)
# Two years said right where it is matched, its spaces first: a growth against the same period
# two years before ("17% on a one-year and 7% on a two-year basis": records.OVER_TWO_YEARS), or
# a stack (`stack`: "29% on a two-year stack basis", two years' rates added up, no growth).
TWO_YEARS = led(
    r"\s*(?:on\s+an?\s+)?(?:two|2)[- ]years?\s+"
    r"(?:(?P<stack>stack(?:ed)?)\b(?:\s+basis\b)?|basis\b)",
    re.I,
)
# Someone else's figure: "according to the Census Bureau", "Gartner estimates that", a source's
# finding ("SpendingPulse shows that retail sales were up 3%").
ATTRIBUTED = any_word(
    "according_to estimates?_that forecasts?_that projects?_that predicts?_that shows?_that "
    "as_per showed_that indicates?_that indicated_that suggests?_that suggested_that"
)
FORWARD = led(
    r"\b(?:expects?|expecting|anticipates?|anticipating|will|plans?\s+to|planning\s+to|"
    r"intends?|projects?|projecting|projections?|projected|forecasts?|forecasting|outlook|"
    r"estimating|(?:we|i)\s+(?:now\s+)?estimate\s+(?:[\w'-]+\s+){0,3}?(?:revenues?|sales)\b|"
    r"guiding\s+(?:for|to)|planning\s+for|"
    r"guidance\s+(?:of|for|to|is|calls)|"
    r"guide|going\s+to|on\s+track\s+to|set\s+to|expectations?\s+(?:for|that|is|are)|"
    r"(?:is|are)\s+(?:(?:now|still|also)\s+)?(?:expected|anticipated|forecasted)\s+to|"
    r"impl(?:y|ies|ying)|we(?:['’]ve|\s+have)\s+incorporated|modell?ing\s+(?:standpoint|purposes)|"
    r"midpoint|"
    # a figure expected, not had: "with an expected 6% organic growth for our Tower segment"
    r"(?:an|the|our)\s+expected(?=\s+(?:[\w-]+\s+)?\d))\b",
    re.I,
)
NEGATION = any_word("not never no neither nor none without too_early failed_to", also=r"n[’']t\b")
# Boilerplate: the legal paragraphs of a release or call, never a passage nor a figure.
BOILERPLATE = led(
    r"forward[- ]looking\s+statements?|safe\s+harbou?r|private\s+securities\s+litigation|"
    r"risk\s+factors|including,?\s+but\s+not\s+limited\s+to|undue\s+reliance|"
    r"actual\s+results\s+(?:may|could|might)\s+differ|no\s+obligation\s+to\s+update|"
    r"undertakes?\s+no\s+(?:duty|obligation)|within\s+the\s+meaning\s+of\s+section",
    re.I,
)


def boilerplate(sentence: str, lowered: str | None = None) -> bool:
    """Whether a sentence is of a document's legal boilerplate (forward-looking statements,
    safe harbour, risk factors, "including, but not limited to"); `lowered`: the sentence
    lowered, where the caller has it."""
    lowered = sentence.lower() if lowered is None else lowered
    if not any(map(lowered.__contains__, _BOILERPLATE_WORDS)):
        return False
    return BOILERPLATE.search(sentence) is not None


_BOILERPLATE_WORDS = (
    "forward",
    "harbo",
    "litigation",
    "risk factors",
    "not limited",
    "undue",
    "differ",
    "obligation",
    "meaning of section",
)
