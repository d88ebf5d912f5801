"""The nine recorded filings of ../shared/realdata/xbrl (read in place) and what each states of
revenue in its current period, written from the files' own facts (each number below is the fact's
text in the file: `grep '>46841000000<'`, or the inline document's displayed millions)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from tests.support.shared import REALDATA

XBRL = REALDATA / "xbrl"
M = 1_000_000


class Filing(NamedTuple):
    document: Path
    labels: Path | None


def filing(folder: str, document: str, labels: str | None) -> Filing:
    return Filing(XBRL / folder / document, XBRL / folder / labels if labels else None)


NVDA_10K = filing("NVDA_10-K_2024-01-28", "nvda-20240221_htm.xml", "nvda-20240221_lab.xml")
NVDA_10Q = filing("NVDA_10-Q_2024-10-27", "nvda-20241027.htm", None)
AAPL_10K = filing("AAPL_10-K_2023-09-30", "aapl-20230930_htm.xml", "aapl-20230930_lab.xml")
AAPL_10Q_XML = filing("AAPL_10-Q_2025-03-29", "aapl-20250329_htm.xml", "aapl-20250329_lab.xml")
AAPL_10Q_INLINE = filing("AAPL_10-Q_2025-03-29", "aapl-20250329.htm", "aapl-20250329_lab.xml")
AMZN_10K = filing("AMZN_10-K_2022-12-31", "amzn-20221231_htm.xml", "amzn-20221231_lab.xml")
NFLX_10Q = filing("NFLX_10-Q_2024-09-30", "nflx-20241018_htm.xml", "nflx-20241018_lab.xml")
TSLA_10Q = filing("TSLA_10-Q_2024-06-30", "tsla-20240630_htm.xml", "tsla-20240630_lab.xml")
MSFT_10K = filing("MSFT_10-K_2015-06-30", "msft-20150630.xml", "msft-20150731_lab.xml")
GD_10Q = filing("GD_10-Q_2024-06-30", "gd-20240630_htm.xml", "gd-20240630_lab.xml")
ALL = (
    NVDA_10K,
    NVDA_10Q,
    AAPL_10K,
    AAPL_10Q_XML,
    AAPL_10Q_INLINE,
    AMZN_10K,
    NFLX_10Q,
    TSLA_10Q,
    MSFT_10K,
    GD_10Q,
)


class Expected(NamedTuple):
    form: str
    start: str
    end: str
    total: int
    axes: dict[str, dict[str, int]]  # axis local name -> member -> revenue
    largest: tuple[str, ...]  # the members accepted as the largest product line


PRODUCT, SEGMENT, GEO = (
    "ProductOrServiceAxis",
    "StatementBusinessSegmentsAxis",
    "StatementGeographicalAxis",
)

EXPECTED: dict[Filing, Expected] = {
    NVDA_10K: Expected(
        "10-K",
        "2023-01-30",
        "2024-01-28",
        60_922 * M,
        {
            PRODUCT: {
                "nvda:DataCenterMember": 47_525 * M,
                "nvda:GamingMember": 10_447 * M,
                "nvda:ProfessionalVisualizationMember": 1_553 * M,
                "nvda:AutomotiveMember": 1_091 * M,
                "nvda:OEMAndOtherMember": 306 * M,
            },
            SEGMENT: {
                "nvda:ComputeAndNetworkingMember": 47_405 * M,
                "nvda:GraphicsMember": 13_517 * M,
            },
            GEO: {
                "country:US": 26_966 * M,
                "country:TW": 13_405 * M,
                "nvda:ChinaIncludingHongKongMember": 10_306 * M,
                "nvda:OtherCountriesMember": 10_245 * M,
            },
        },
        ("nvda:DataCenterMember",),
    ),
    NVDA_10Q: Expected(
        "10-Q",
        "2024-07-29",
        "2024-10-27",
        35_082 * M,
        {
            PRODUCT: {
                "nvda:DataCenterMember": 30_771 * M,
                "nvda:ComputeMember": 27_644 * M,
                "nvda:NetworkingMember": 3_127 * M,
                "nvda:GamingMember": 3_279 * M,
                "nvda:ProfessionalVisualizationMember": 486 * M,
                "nvda:AutomotiveMember": 449 * M,
                "nvda:OEMAndOtherMember": 97 * M,
            },
            SEGMENT: {
                "nvda:ComputeAndNetworkingMember": 31_036 * M,
                "nvda:GraphicsMember": 4_046 * M,
            },
            GEO: {
                "country:US": 14_800 * M,
                "country:SG": 7_697 * M,
                "country:TW": 5_153 * M,
                "nvda:ChinaIncludingHongKongMember": 5_416 * M,
                "nvda:AllOtherCountriesNotSeparatelyDisclosedMember": 2_016 * M,
            },
        },
        ("nvda:DataCenterMember", "nvda:ComputeMember"),
    ),
    AAPL_10K: Expected(
        "10-K",
        "2022-09-25",
        "2023-09-30",
        383_285 * M,
        {
            PRODUCT: {
                "us-gaap:ProductMember": 298_085 * M,
                "us-gaap:ServiceMember": 85_200 * M,
                "aapl:IPhoneMember": 200_583 * M,
                "aapl:MacMember": 29_357 * M,
                "aapl:IPadMember": 28_300 * M,
                "aapl:WearablesHomeandAccessoriesMember": 39_845 * M,
            },
            SEGMENT: {
                "aapl:AmericasSegmentMember": 162_560 * M,
                "aapl:EuropeSegmentMember": 94_294 * M,
                "aapl:GreaterChinaSegmentMember": 72_559 * M,
                "aapl:JapanSegmentMember": 24_257 * M,
                "aapl:RestOfAsiaPacificSegmentMember": 29_615 * M,
            },
            GEO: {
                "country:US": 138_573 * M,
                "country:CN": 72_559 * M,
                "aapl:OtherCountriesMember": 172_153 * M,
            },
        },
        ("aapl:IPhoneMember",),
    ),
    AAPL_10Q_XML: Expected(
        "10-Q",
        "2024-12-29",
        "2025-03-29",
        95_359 * M,
        {
            PRODUCT: {
                "us-gaap:ProductMember": 68_714 * M,
                "us-gaap:ServiceMember": 26_645 * M,
                "aapl:IPhoneMember": 46_841 * M,
                "aapl:MacMember": 7_949 * M,
                "aapl:IPadMember": 6_402 * M,
                "aapl:WearablesHomeandAccessoriesMember": 7_522 * M,
            },
            SEGMENT: {
                "aapl:AmericasSegmentMember": 40_315 * M,
                "aapl:EuropeSegmentMember": 24_454 * M,
                "aapl:GreaterChinaSegmentMember": 16_002 * M,
                "aapl:JapanSegmentMember": 7_298 * M,
                "aapl:RestOfAsiaPacificSegmentMember": 7_290 * M,
            },
        },
        ("aapl:IPhoneMember",),
    ),
    AMZN_10K: Expected(
        "10-K",
        "2022-01-01",
        "2022-12-31",
        513_983 * M,
        {
            PRODUCT: {
                "us-gaap:ProductMember": 242_901 * M,
                "us-gaap:ServiceMember": 271_082 * M,
                "amzn:OnlineStoresMember": 220_004 * M,
                "amzn:PhysicalStoresMember": 18_963 * M,
                "amzn:ThirdPartySellerServicesMember": 117_716 * M,
                "amzn:SubscriptionServicesMember": 35_218 * M,
                "us-gaap:AdvertisingMember": 37_739 * M,
                "amzn:AmazonWebServicesMember": 80_096 * M,
                "amzn:OtherServicesMember": 4_247 * M,
            },
            SEGMENT: {
                "amzn:NorthAmericaSegmentMember": 315_880 * M,
                "amzn:InternationalSegmentMember": 118_007 * M,
                "amzn:AmazonWebServicesSegmentMember": 80_096 * M,
            },
            GEO: {
                "country:US": 356_113 * M,
                "country:DE": 33_598 * M,
                "country:GB": 30_074 * M,
                "country:JP": 24_396 * M,
                "us-gaap:NonUsMember": 69_802 * M,
            },
        },
        ("amzn:OnlineStoresMember",),
    ),
    NFLX_10Q: Expected(
        "10-Q",
        "2024-07-01",
        "2024-09-30",
        9_824_703_000,
        {
            GEO: {
                "nflx:UnitedStatesAndCanadaMember": 4_322_476_000,
                "us-gaap:EMEAMember": 3_133_466_000,
                "srt:LatinAmericaMember": 1_240_892_000,
                "srt:AsiaPacificMember": 1_127_869_000,
                "country:US": 4_000_000_000,
            },
        },
        (),
    ),
    TSLA_10Q: Expected(
        "10-Q",
        "2024-04-01",
        "2024-06-30",
        25_500 * M,
        {
            PRODUCT: {
                "tsla:AutomotiveSalesMember": 18_530 * M,
                "tsla:AutomotiveRegulatoryCreditsMember": 890 * M,
                "tsla:AutomotiveLeasingMember": 458 * M,
                "tsla:AutomotiveRevenuesMember": 19_878 * M,
                "tsla:EnergyGenerationAndStorageSalesMember": 2_866 * M,
                "tsla:EnergyGenerationAndStorageLeasingMember": 148 * M,
                "tsla:EnergyGenerationAndStorageMember": 3_014 * M,
                "tsla:ServicesAndOtherMember": 2_608 * M,
                "tsla:SalesAndServicesMember": 24_894 * M,
            },
            SEGMENT: {
                "tsla:AutomotiveSegmentMember": 22_486 * M,
                "tsla:EnergyGenerationAndStorageSegmentMember": 3_014 * M,
            },
            GEO: {
                "country:US": 13_256 * M,
                "country:CN": 4_636 * M,
                "tsla:OtherCountriesMember": 7_608 * M,
            },
        },
        ("tsla:AutomotiveSalesMember", "tsla:AutomotiveRevenuesMember"),
    ),
    MSFT_10K: Expected(
        "10-K",
        "2014-07-01",
        "2015-06-30",
        93_580 * M,
        {
            PRODUCT: {
                "msft:MicrosoftOfficeSystemMember": 23_538 * M,
                "msft:ServerProductsAndToolsMember": 18_612 * M,
                "msft:WindowsOperatingSystemsForComputingDevicesMember": 14_826 * M,
                "msft:XboxMember": 9_121 * M,
                "msft:PhoneMember": 7_702 * M,
                "msft:SurfaceMember": 3_900 * M,
                "msft:AdvertisingMember": 4_557 * M,
                "msft:ConsultingAndProductSupportServicesMember": 5_090 * M,
                "msft:OtherProductsAndServicesMember": 6_234 * M,
            },
            GEO: {"country:US": 42_941 * M, "us-gaap:NonUsMember": 50_639 * M},
        },
        ("msft:MicrosoftOfficeSystemMember",),
    ),
    GD_10Q: Expected(
        "10-Q",
        "2024-04-01",
        "2024-06-30",
        11_976 * M,
        {
            PRODUCT: {
                "us-gaap:ProductMember": 7_160 * M,
                "us-gaap:ServiceMember": 4_816 * M,
                "gd:AircraftManufacturingMember": 2_067 * M,
                "gd:AircraftServicesMember": 873 * M,
                "gd:NuclearPoweredSubmarinesMember": 2_460 * M,
                "gd:SurfaceshipsMember": 713 * M,
                "gd:RepairandOtherServicesMember": 280 * M,
                "gd:MilitaryvehiclesMember": 1_321 * M,
                "gd:WeaponsSystemsandMunitionsMember": 725 * M,
                "gd:EngineeringandOtherServicesMember": 242 * M,
                "gd:InformationTechnologyServicesMember": 2_172 * M,
                "gd:C5ISRSolutionsMember": 1_123 * M,
            },
            SEGMENT: {
                "gd:AerospaceMember": 2_940 * M,
                "gd:MarineSystemsMember": 3_453 * M,
                "gd:CombatSystemsMember": 2_288 * M,
                "gd:TechnologiesMember": 3_295 * M,
            },
        },
        ("gd:NuclearPoweredSubmarinesMember",),
    ),
}
EXPECTED[AAPL_10Q_INLINE] = EXPECTED[AAPL_10Q_XML]
