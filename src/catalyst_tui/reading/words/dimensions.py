"""How a company's parts are cut, said by their kind: "By end market,", "Organic growth by
segment was …" (clauses.py reads a frame of it, patterns.py a growth told by it)."""

from __future__ import annotations

__all__ = ["DIMENSION"]

DIMENSION = (
    r"(?:our\s+|the\s+)?(?:(?:end|geographic(?:al)?|reportable|operating|business|product|"
    r"customer)[- ])?(?:markets?|regions?|geograph(?:y|ies)|segments?|product\s+lines?|"
    r"channels?|divisions?|technologies|lines?\s+of\s+business|categor(?:y|ies)|"
    r"modalit(?:y|ies)|brands?|franchises?|product\s+(?:families|groups?))"
)
