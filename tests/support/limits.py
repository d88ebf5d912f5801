"""What a test's own MarketClient is given of the providers' specs (market/registry.py), typed so
that `MarketClient(**LIMITS, ...)` is checked argument by argument."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypedDict

from catalyst_tui.market.http.limits import RequestBounds


class ClientLimits(TypedDict):
    rate_limits: Mapping[str, float | None]
    bounds: Mapping[str, RequestBounds]
