"""What every real release in ../shared states, read by hand: the yardstick of the release reader
(tests/reading/release/test_release_corpus.py holds it to it, `python tools/release_coverage.py
--stated` prints its coverage per figure).

Per file (its path under ../shared): the period end of the quarter reported; the quarter's six
figures (revenue, gross profit, operating income, net income, GAAP diluted EPS, non-GAAP diluted
EPS, as `catalyst results` gives them: money in currency units) printed in the release's tables,
None where no table prints one (a bank's gross profit, an oil major's operating income, a company
giving no non-GAAP EPS); on a Q4 release the fiscal year's; the revenue guidance (period, low,
high); and `prose`, the figures stated only in sentences ("NET INCOME, EXCLUDING A SIGNIFICANT
ITEM, OF $14.2 BILLION ($4.96 PER SHARE)"), which the reader leaves out by design: a sentence's
figure is rounded, preliminary or of a period it does not date. NONE: the document reports no
results (a deliveries update, an 8-K's cover document, a 10-K is no release but is read too).

Each figure was read from the document: the statement's row and column (the tests beside the
reader's modules cite them line by line), checked against the document's printed table. Gross
profit of a statement printing only the cost ("Cost of revenues", "Merchandise costs") is
revenue less that cost, as the reader derives it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

__all__ = ["FIGURE_NAMES", "NONE", "STATED", "Stated", "compare"]

FIGURE_NAMES = (
    "revenue",
    "gross_profit",
    "operating_income",
    "net_income",
    "eps_diluted",
    "eps_nongaap",
)


class Stated(NamedTuple):
    period_end: str | None  # None: no results in the document
    quarter: dict[str, float | None]
    year: dict[str, float | None] | None
    guidance: tuple[tuple[str, float, float], ...]
    prose: tuple[str, ...] = ()  # "year.net_income 58.5e9: headline sentence": left out


def F(*values: float | None) -> dict[str, float | None]:  # noqa: N802 - a table's row
    return dict(zip(FIGURE_NAMES, values, strict=True))


S = Stated
NONE = Stated(None, F(None, None, None, None, None, None), None, ())

STATED: dict[str, Stated] = {
    "press_releases/AAPL_0000320193-24-000005_a8-kex991q1202412302023.htm": S(
        "2023-12-30",
        F(119_575e6, 54_855e6, 40_373e6, 33_916e6, 2.18, None),
        None,
        (),
    ),
    "press_releases/AAPL_0000320193-24-000120_a8-kex991q4202409282024.htm": S(
        "2024-09-28",
        F(94_930e6, 43_879e6, 29_591e6, 14_736e6, 0.97, 1.64),
        F(391_035e6, 180_683e6, 123_216e6, 93_736e6, 6.08, 6.75),
        (),
    ),
    "press_releases/AAPL_0000320193-25-000071_a8-kex991q3202506282025.htm": S(
        "2025-06-28",
        F(94_036e6, 43_718e6, 28_202e6, 23_434e6, 1.57, None),
        None,
        (),
    ),
    # annual results in sentences only, no table: "total revenues of $509,589 in 2024", "Net loss
    # attributable to ABVC narrowed ... to $4.90 million", "loss per share ... $(0.42)"
    "press_releases/ABVC_0001213900-25-032135_ea023837201ex99-1_abvcbio.htm": NONE._replace(
        prose=("year.revenue 509_589", "year.net_income -4.90e6", "year.eps_diluted -0.42")
    ),
    "press_releases/ADBE_0000796343-23-000252_adbeex991q423.htm": S(
        "2023-12-01",
        F(5_048e6, 4_414e6, 1_743e6, 1_483e6, 3.23, 4.27),
        F(19_409e6, 17_055e6, 6_650e6, 5_428e6, 11.82, 16.07),
        (("quarter", 5_100e6, 5_150e6), ("year", 21_300e6, 21_500e6)),
    ),
    "press_releases/ADBE_0000796343-25-000064_adbeex991q225.htm": S(
        "2025-05-30",
        F(5_873e6, 5_235e6, 2_109e6, 1_691e6, 3.94, 5.06),
        None,
        (("quarter", 5_875e6, 5_925e6), ("year", 23_500e6, 23_600e6)),
    ),
    "press_releases/AMZN_0001018724-25-000002_amzn-20241231xex991.htm": S(
        "2024-12-31",
        F(187_792e6, 88_899e6, 21_203e6, 20_004e6, 1.86, None),
        F(637_959e6, 311_671e6, 68_593e6, 59_248e6, 5.53, None),
        (("quarter", 151_000e6, 155_500e6),),
    ),
    "press_releases/BKE_2024-11-22_BuckleInc.8-K.EX99.1.html": S(
        "2024-11-02",
        F(293_618e3, 140_071e3, 54_483e3, 44_172e3, 0.88, None),
        None,
        (),
    ),
    "press_releases/COST_0000909832-24-000075_costex9918-k121224.htm": S(
        "2024-11-24",
        F(62_151e6, 8_042e6, 2_196e6, 1_798e6, 4.04, None),
        None,
        (),
    ),
    "press_releases/GOOGL_0001652044-24-000014_googexhibit991q42023.htm": S(
        "2023-12-31",
        F(86_310e6, 48_735e6, 23_697e6, 20_687e6, 1.64, None),
        F(307_394e6, 174_062e6, 84_293e6, 73_795e6, 5.8, None),
        (),
    ),
    "press_releases/GOOGL_0001652044-24-000076_googexhibit991q22024.htm": S(
        "2024-06-30",
        F(84_742e6, 49_235e6, 27_425e6, 23_619e6, 1.89, None),
        None,
        (),
    ),
    "press_releases/GOOGL_0001652044-25-000087_googexhibit991q32025.htm": S(
        "2025-09-30",
        F(102_346e6, 60_977e6, 31_228e6, 34_979e6, 2.87, None),
        None,
        (),
    ),
    "press_releases/INTC_0000050863-25-000004_q424_earningsrelease.htm": S(
        "2024-12-28",
        F(14_260e6, 5_584e6, 412e6, -126e6, -0.03, 0.13),
        F(53_101e6, 17_345e6, -11_678e6, -18_756e6, -4.38, -0.13),
        (("quarter", 11_700e6, 12_700e6),),
    ),
    "press_releases/META_0001326801-24-000010_meta-12312023xexhibit991.htm": S(
        "2023-12-31",
        F(40_111e6, 32_416e6, 16_384e6, 14_017e6, 5.33, None),
        F(134_902e6, 108_943e6, 46_751e6, 39_098e6, 14.87, None),
        (("quarter", 34_500e6, 37_000e6),),
    ),
    "press_releases/META_0001326801-24-000044_meta-03312024xexhibit991.htm": S(
        "2024-03-31",
        F(36_455e6, 29_815e6, 13_818e6, 12_369e6, 4.71, None),
        None,
        (("quarter", 36_500e6, 39_000e6),),
    ),
    "press_releases/META_0001628280-25-047114_meta-09302025xexhibit991.htm": S(
        "2025-09-30",
        F(51_242e6, 42_036e6, 20_535e6, 2_709e6, 1.05, None),
        None,
        (("quarter", 56_000e6, 59_000e6),),
    ),
    "press_releases/MSFT_0000950170-24-008809_msft-ex99_1.htm": S(
        "2023-12-31",
        F(62_020e6, 42_397e6, 27_032e6, 21_870e6, 2.93, None),
        None,
        (),
    ),
    "press_releases/MSFT_0000950170-25-100226_msft-ex99_1.htm": S(
        "2025-06-30",
        F(76_441e6, 52_427e6, 34_323e6, 27_233e6, 3.65, None),
        F(281_724e6, 193_893e6, 128_528e6, 101_832e6, 13.64, None),
        (),
    ),
    "press_releases/NFLX_0001065280-25-000033_ex991_q424.htm": S(
        "2024-12-31",
        F(10_246_513e3, 4_479_149e3, 2_272_766e3, 1_868_607e3, 4.27, None),
        F(39_000_966e3, 17_962_502e3, 10_417_614e3, 8_711_631e3, 19.83, None),
        (("quarter", 10_416e6, 10_416e6), ("year", 43_500e6, 44_500e6)),
    ),
    "press_releases/NKE_0000320187-24-000069_q2fy25exhibit991er.htm": S(
        "2024-11-30",
        F(12_354e6, 5_389e6, None, 1_163e6, 0.78, None),
        None,
        (),
    ),
    "press_releases/NVDA_0001045810-23-000225_q3fy24pr.htm": S(
        "2023-10-29",
        F(18_120e6, 13_400e6, 10_417e6, 9_243e6, 3.71, 4.02),
        None,
        (("quarter", 19_600e6, 20_400e6),),
    ),
    "press_releases/NVDA_0001045810-24-000028_q4fy24pr.htm": S(
        "2024-01-28",
        F(22_103e6, 16_791e6, 13_615e6, 12_285e6, 4.93, 5.16),
        F(60_922e6, 44_301e6, 32_972e6, 29_760e6, 11.93, 12.96),
        (("quarter", 23_520e6, 24_480e6),),
    ),
    "press_releases/NVDA_0001045810-24-000113_q1fy25pr.htm": S(
        "2024-04-28",
        F(26_044e6, 20_406e6, 16_909e6, 14_881e6, 5.98, 6.12),
        None,
        (("quarter", 27_440e6, 28_560e6),),
    ),
    "press_releases/NVDA_0001045810-24-000262_q2fy25pr.htm": S(
        "2024-07-28",
        F(30_040e6, 22_574e6, 18_642e6, 16_599e6, 0.67, 0.68),
        None,
        (("quarter", 31_850e6, 33_150e6),),
    ),
    "press_releases/NVDA_0001045810-25-000021_q4fy25pr.htm": S(
        "2025-01-26",
        F(39_331e6, 28_723e6, 24_034e6, 22_091e6, 0.89, 0.89),
        F(130_497e6, 97_858e6, 81_453e6, 72_880e6, 2.94, 2.99),
        (("quarter", 42_140e6, 43_860e6),),
    ),
    "press_releases/NVDA_0001045810-25-000115_q1fy26pr.htm": S(
        "2025-04-27",
        F(44_062e6, 26_668e6, 21_638e6, 18_775e6, 0.76, 0.81),
        None,
        (("quarter", 44_100e6, 45_900e6),),
    ),
    "press_releases/NVDA_0001045810-25-000207_q2fy26pr.htm": S(
        "2025-07-27",
        F(46_743e6, 33_853e6, 28_440e6, 26_422e6, 1.08, 1.05),
        None,
        (("quarter", 52_920e6, 55_080e6),),
    ),
    "press_releases/TSLA_0001628280-25-000007_exhibit991.htm": NONE,
    "samples/sec_10q_NVDA_nvda-20250727.htm": S(
        "2025-07-27",
        F(46_743e6, 33_853e6, 28_440e6, 26_422e6, 1.08, None),
        None,
        (),
    ),
    "samples/sec_8k_ADBE_0000796343-23-000044-index.html": NONE,
    "samples/sec_8k_ADBE_0000796343-23-000044.txt": S(
        "2023-03-03",
        F(4_655e6, 4_087e6, 1_586e6, 1_247e6, 2.71, 3.8),
        None,
        (("quarter", 4_750e6, 4_780e6),),
    ),
    "samples/sec_8k_ADBE_adbe-20230315.htm": NONE,
    "samples/sec_8k_NVDA_0001045810-26-000024-index.html": NONE,
    "samples/sec_8k_NVDA_nvda-20260302.htm": NONE,
    "samples/sec_8k_ex99_1_ADBE_2023-03-15_adbeex991q123.htm": S(
        "2023-03-03",
        F(4_655e6, 4_087e6, 1_586e6, 1_247e6, 2.71, 3.8),
        None,
        (("quarter", 4_750e6, 4_780e6),),
    ),
    "samples/stooq_limit.txt": NONE,
    "samples/yahoo_getCrumb-getcrumb.txt": NONE,
    "realdata/more/releases/AAPL_0000320193-25-000077_a8-kex991q4202509272025.htm": S(
        "2025-09-27",
        F(102_466e6, 48_341e6, 32_427e6, 27_466e6, 1.85, None),
        F(416_161e6, 195_201e6, 133_050e6, 112_010e6, 7.46, None),
        (),
    ),
    "realdata/more/releases/ADBE_0000796343-24-000250_adbeex991q424.htm": S(
        "2024-11-29",
        F(5_606e6, 4_990e6, 1_957e6, 1_683e6, 3.79, 4.81),
        F(21_505e6, 19_147e6, 6_741e6, 5_560e6, 12.36, 18.42),
        (("quarter", 5_630e6, 5_680e6), ("year", 23_300e6, 23_550e6)),
    ),
    # preliminary, in sentences, the quarter's day nowhere: "The company expects to report third
    # quarter revenue of $17.8 billion, GAAP loss per share of ($9.97)"
    "realdata/more/releases/BA_0000012927-24-000067_a202410oct118kexhibit991.htm": NONE._replace(
        prose=("quarter.revenue 17.8e9", "quarter.eps_diluted -9.97")
    ),
    "realdata/more/releases/BA_0000012927-25-000010_a202412dec318kprex991.htm": S(
        "2024-12-31",
        F(15_242e6, None, -3_770e6, -3_865e6, -5.46, -5.9),
        F(66_517e6, None, -10_707e6, -11_817e6, -18.36, -20.38),
        (),
    ),
    "realdata/more/releases/COST_0000909832-25-000093_costex9918-k92525.htm": S(
        "2025-08-31",
        F(86_156e6, 11_119e6, 3_341e6, 2_610e6, 5.87, None),
        F(275_235e6, 35_349e6, 10_383e6, 8_099e6, 18.21, None),
        (),
    ),
    "realdata/more/releases/CVX_0000093410-24-000002_cvx-20240102_document.htm": NONE,
    "realdata/more/releases/CVX_0000093410-25-000004_a12312024ex9918-k.htm": S(
        "2024-12-31",
        F(52_226e6, None, None, 3_239e6, 1.84, 2.06),
        F(202_792e6, None, None, 17_661e6, 9.72, 10.05),
        (),
    ),
    "realdata/more/releases/DIS_0001744489-24-000275_fy2024_q4xprxex991.htm": S(
        "2024-09-28",
        F(22_574e6, None, None, 460e6, 0.25, 1.14),
        F(91_361e6, None, None, 4_972e6, 2.72, 4.97),
        (),
    ),
    "realdata/more/releases/DIS_0001744489-25-000066_fy2025_q1xprxex991.htm": S(
        "2024-12-28",
        F(24_690e6, None, None, 2_554e6, 1.4, 1.76),
        None,
        (),
    ),
    "realdata/more/releases/GOOGL_0001652044-25-000010_googexhibit991q42024.htm": S(
        "2024-12-31",
        F(96_469e6, 55_856e6, 30_972e6, 26_536e6, 2.15, None),
        F(350_018e6, 203_712e6, 112_390e6, 100_118e6, 8.04, None),
        (),
    ),
    "realdata/more/releases/IBM_0000051143-25-000005_ibm-20250129xex991.htm": S(
        "2024-12-31",
        F(17_553e6, 10_439e6, None, 2_915e6, 3.09, 3.92),
        F(62_753e6, 35_551e6, None, 6_023e6, 6.43, 10.33),
        (),
    ),
    "realdata/more/releases/IBM_0000051143-25-000048_ibm-20250723xex991.htm": S(
        "2025-06-30",
        F(16_977e6, 9_977e6, None, 2_194e6, 2.31, 2.8),
        None,
        (),
    ),
    "realdata/more/releases/INTC_0000050863-24-000122_q224_earningsrelease.htm": S(
        "2024-06-29",
        F(12_833e6, 4_547e6, -1_964e6, -1_610e6, -0.38, 0.02),
        None,
        (("quarter", 12_500e6, 13_500e6),),
    ),
    "realdata/more/releases/INTC_0000050863-25-000169_q325earningsrelease.htm": S(
        "2025-09-27",
        F(13_653e6, 5_218e6, 683e6, 4_063e6, 0.9, 0.23),
        None,
        (("quarter", 12_800e6, 13_800e6),),
    ),
    "realdata/more/releases/JPM_0000019617-25-000040_a4q24erfexhibit991narrative.htm": S(
        "2024-12-31",
        F(42_768e6, None, None, 14_005e6, 4.81, None),
        None,
        (),
        # the year in sentences only: "RECORD FULL-YEAR 2024 NET INCOME OF $58.5 BILLION ($19.75
        # PER SHARE) ... EXCLUDING SIGNIFICANT ITEMS OF $54.0 BILLION ($18.22 PER SHARE)", "reported
        # revenue from $177.6 billion"
        (
            "year.revenue 177.6e9",
            "year.net_income 58.5e9",
            "year.eps_diluted 19.75",
            "year.eps_nongaap 18.22",
        ),
    ),
    "realdata/more/releases/JPM_0000019617-25-000518_a2q25erfexhibit991narrative.htm": S(
        "2025-06-30",
        F(44_912e6, None, None, 14_987e6, 5.24, None),
        None,
        (),
        # the headline's "NET INCOME, EXCLUDING A SIGNIFICANT ITEM, OF $14.2 BILLION ($4.96 PER
        # SHARE)", in no table
        ("quarter.eps_nongaap 4.96",),
    ),
    "realdata/more/releases/KO_0000021344-25-000005_a2024q4earningsreleaseex-9.htm": S(
        "2024-12-31",
        F(11_544e6, 6_931e6, 2_709e6, 2_195e6, 0.51, 0.55),
        F(47_061e6, 28_737e6, 9_992e6, 10_631e6, 2.46, 2.88),
        (),
    ),
    "realdata/more/releases/KO_0001628280-25-045577_a2025q3earningsreleaseex-9.htm": S(
        "2025-09-26",
        F(12_455e6, 7_658e6, 3_982e6, 3_696e6, 0.86, 0.82),
        None,
        (),
    ),
    "realdata/more/releases/NFLX_0001065280-25-000404_ex991_q325.htm": S(
        "2025-09-30",
        F(11_510_307e3, 5_346_057e3, 3_248_247e3, 2_546_916e3, 5.87, None),
        None,
        # "Q4'25 Forecast" Revenue $ 11,960 (the summary table is in millions);
        # "for the full year 2025, we expect $45.1B in revenue (16% growth ...)"
        (("quarter", 11_960e6, 11_960e6), ("year", 45_100e6, 45_100e6)),
    ),
    "realdata/more/releases/NKE_0000320187-25-000034_q4fy25exhibit991er.htm": S(
        "2025-05-31",
        F(11_097e6, 4_469e6, None, 211e6, 0.14, None),
        F(46_309e6, 19_790e6, None, 3_219e6, 2.16, None),
        (),
    ),
    "realdata/more/releases/NVDA_0001045810-24-000315_q3fy25pr.htm": S(
        "2024-10-27",
        F(35_082e6, 26_156e6, 21_869e6, 19_309e6, 0.78, 0.81),
        None,
        (("quarter", 36_750e6, 38_250e6),),
    ),
    "realdata/more/releases/ORCL_0000950170-25-084831_orcl-ex99_1.htm": S(
        "2025-05-31",
        F(15_903e6, None, 5_109e6, 3_427e6, 1.19, 1.7),
        F(57_399e6, None, 17_678e6, 12_443e6, 4.34, 6.03),
        (),
    ),
    "realdata/more/releases/ORCL_0001193125-25-199175_orcl-ex99_1.htm": S(
        "2025-08-31",
        F(14_926e6, None, 4_277e6, 2_927e6, 1.01, 1.47),
        None,
        (),
    ),
    "realdata/more/releases/PEP_0000077476-24-000054_q320248-kxexhibit991.htm": S(
        "2024-09-07",
        F(23_319e6, 12_923e6, 3_872e6, 2_930e6, 2.13, 2.31),
        None,
        (),
    ),
    "realdata/more/releases/PEP_0000077476-25-000008_q420248-kxexhibit991.htm": S(
        "2024-12-28",
        F(27_784e6, 14_603e6, 2_250e6, 1_523e6, 1.11, 1.96),
        F(91_854e6, 50_110e6, 12_887e6, 9_578e6, 6.95, 8.16),
        (),
    ),
    "realdata/more/releases/PFE_0000078003-24-000188_pfe-9292024xex99.htm": S(
        "2024-09-29",
        F(17_702e6, 12_439e6, None, 4_465e6, 0.78, 1.06),
        None,
        (("year", 61_000e6, 64_000e6),),
    ),
    "realdata/more/releases/PFE_0000078003-25-000111_pfe-03302025xex99.htm": S(
        "2025-03-30",
        F(13_715e6, 10_870e6, None, 2_967e6, 0.52, 0.92),
        None,
        (("year", 61_000e6, 64_000e6),),
    ),
    "realdata/more/releases/PFE_0001193125-23-294930_d553734dex991.htm": NONE,
    "realdata/more/releases/TSLA_0001628280-25-043530_exhibit991111.htm": NONE,
    "realdata/more/releases/UNH_0000731766-25-000022_a2024q4exhibit991.htm": S(
        "2024-12-31",
        F(100_807e6, None, 7_773e6, 5_543e6, 5.98, 6.81),
        F(400_278e6, None, 32_287e6, 14_405e6, 15.51, 27.66),
        (("year", 450_000e6, 455_000e6),),
    ),
    "realdata/more/releases/UNH_0000731766-25-000228_a2025q2exhibit991_document.htm": S(
        "2025-06-30",
        F(111_616e6, None, 5_150e6, 3_406e6, 3.74, 4.08),
        None,
        (("year", 445_500e6, 448_000e6),),
    ),
    "realdata/more/releases/XOM_0000034088-25-000006_f8k4q24991.htm": S(
        "2024-12-31",
        F(83_426e6, None, None, 7_610e6, 1.72, 1.67),
        F(349_585e6, None, None, 33_680e6, 7.84, 7.79),
        (),
    ),
    "realdata/more/releases/XOM_0000034088-25-000022_livef8k1q25991.htm": S(
        "2025-03-31",
        F(83_130e6, None, None, 7_713e6, 1.76, 1.76),
        None,
        (),
    ),
    # "Condensed Consolidated Statement of Results of Operations" (dollars in millions): Total
    # sales and revenues 13,589 (Financial Products' revenues in it); Cost of goods sold 9,559,
    # the only cost of what was sold, not of those revenues: no gross profit stated;
    # Operating profit 1,855; "Profit" 1,537 (its footnote: attributable to common
    # shareholders); Profit per common share - diluted 2.86; Adjusted Profit Per Share 2.88
    "realdata/more/releases-missed/CAT_0000018230-22-000107_ex991toformcat1q2022earnin.htm": S(
        "2022-03-31",
        F(13_589e6, None, 1_855e6, 1_537e6, 2.86, 2.88),
        None,
        (),
    ),
    # CONSOLIDATED INCOME (millions), "For the 13 Weeks Ended July 3, 2004 and June 28, 2003" over
    # 2004 | 2003: Total revenues 8,781; Operating income 53; NET INCOME/ (LOSS) 53; Diluted
    # Earnings/ (loss) per share 0.24. "Cost of sales, buying and occupancy" is no cost of
    # revenue alone (no gross profit); no non-GAAP EPS; EPS guidance only
    "realdata/more/releases-missed/S_0000891092-04-003383_e18506ex_99.txt": S(
        "2004-07-03",
        F(8_781e6, None, 53e6, 53e6, 0.24, None),
        None,
        (),
    ),
    # "Second Quarter" over 2026 (in thousands), "the second quarter of 2026, which ended on June
    # 29, 2026": Net sales 1,004,054; Gross profit 211,858; Operating income 109,055; Net income
    # 83,047; Diluted 0.77; Non-GAAP earnings per diluted share 0.99. Outlook: "For the third
    # quarter of 2026, TTM estimates that net sales will be in the range of $1.10 billion to
    # $1.14 billion"; "For full year 2026, TTM now expects net sales of approximately $4.4 billion"
    "realdata/more/releases-missed/TTMI_0001193125-26-336163_d132953dex991.htm": S(
        "2026-06-29",
        F(1_004_054e3, 211_858e3, 109_055e3, 83_047e3, 0.77, 0.99),
        None,
        (("quarter", 1_100e6, 1_140e6), ("year", 4_400e6, 4_400e6)),
    ),
    "realdata/more/releases-semis/INTC_0000050863-24-000008_q423_earningsrelease.htm": S(
        "2023-12-30",
        F(15_406e6, 7_047e6, 2_585e6, 2_669e6, 0.63, 0.54),
        F(54_228e6, 21_711e6, 93e6, 1_689e6, 0.4, 1.05),
        (("quarter", 12_200e6, 13_200e6),),
    ),
    "realdata/more/releases-semis/INTC_0000050863-24-000074_q124_earningsrelease.htm": S(
        "2024-03-30",
        F(12_724e6, 5_217e6, -1_069e6, -381e6, -0.09, 0.18),
        None,
        (("quarter", 12_500e6, 13_500e6),),
    ),
    "realdata/more/releases-semis/INTC_0000050863-24-000147_q324_earningsrelease.htm": S(
        "2024-09-28",
        F(13_284e6, 1_997e6, -9_057e6, -16_639e6, -3.88, -0.46),
        None,
        (("quarter", 13_300e6, 14_300e6),),
    ),
    "realdata/more/releases-semis/INTC_0000050863-25-000070_q125_earningsrelease.htm": S(
        "2025-03-29",
        F(12_667e6, 4_672e6, -301e6, -821e6, -0.19, 0.13),
        None,
        (("quarter", 11_200e6, 12_400e6),),
    ),
    "realdata/more/releases-semis/INTC_0000050863-25-000107_q225_earningsrelease.htm": S(
        "2025-06-28",
        F(12_859e6, 3_542e6, -3_176e6, -2_918e6, -0.67, -0.1),
        None,
        (("quarter", 12_600e6, 13_600e6),),
    ),
    "realdata/more/releases-semis/LITE_0001628280-26-055726_lite_ex991xq4fy26_document.htm": S(
        "2026-06-27",
        F(1_006.3e6, 477.3e6, 279.3e6, -7_161.7e6, -84.65, 3.23),
        F(3_014e6, 1_255.9e6, 524.8e6, -6_935.1e6, -92.96, 8.67),
        (("quarter", 1_225e6, 1_275e6),),
    ),
    "realdata/more/sec_documents/0000019617-26-000241_jpm-20260624.htm": NONE,
    "realdata/more/sec_documents/0000072333-23-000015_jwn-20230301.htm": NONE,
    "realdata/more/sec_documents/0001193125-23-048785_d435686d8k.htm": NONE,
    "realdata/more/sec_documents/0001564590-18-004771_crr-10k_20171231.htm": S(
        "2017-12-31",
        F(None, None, None, None, None, None),
        F(188_756e3, -53_325e3, -248_383e3, -253_116e3, -9.49, None),
        (),
    ),
    "realdata/more/sec_documents/0001628280-25-058337_meta-20251219.htm": NONE,
}


def _same(read: float, stated: float) -> bool:
    """Equal to the precision printed (a float's last bits aside)."""
    return abs(read - stated) <= 1e-9 * max(1.0, abs(stated))


def compare(read: dict[str, Any], stated: Stated) -> list[tuple[str, str, object, object]]:
    """(figure, outcome, read, stated) for each figure of the release; figure "quarter.revenue",
    "year.eps_nongaap", "guidance.quarter"."""
    rows: list[tuple[str, str, object, object]] = []
    periods = (
        ("quarter", read["quarter"], stated.quarter),
        ("year", read["year"] or {}, stated.year or {}),
    )
    for period, got, want in periods:
        for name in FIGURE_NAMES:
            rows.append(_outcome(f"{period}.{name}", got.get(name), want.get(name)))
    guides = {g["period"]: (g["revenue_low"], g["revenue_high"]) for g in read["guidance"]}
    wanted = {period: (low, high) for period, low, high in stated.guidance}
    for period in ("quarter", "year"):
        got_range, want_range = guides.get(period), wanted.get(period)
        if got_range is None or want_range is None:
            rows.append(_outcome(f"guidance.{period}", got_range, want_range))
        else:
            same = all(map(_same, got_range, want_range))
            rows.append((f"guidance.{period}", "right" if same else "wrong", got_range, want_range))
    for text in stated.prose:
        rows.append((text.split()[0], "prose", None, text.split(" ", 1)[1]))
    return rows


def _outcome(figure: str, got: object, want: object) -> tuple[str, str, object, object]:
    if want is None:
        return (figure, "invented" if got is not None else "", got, want)
    if got is None:
        return (figure, "missed", got, want)
    assert isinstance(got, float) and isinstance(want, float)
    return (figure, "right" if _same(got, want) else "wrong", got, want)
