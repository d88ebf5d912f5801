"""The schema's steps after the first (schema.py has the first tables and the list of every
step): each script with what it adds and why, in the order they run; `early` the steps of the
first two releases (2 to 9), `later` those since."""

from __future__ import annotations

from .early import (
    V2,
    V3,
    V4,
    V4_REASON_PARTS,
    V5,
    V5_REASON_PARTS,
    V6,
    V7,
    V8,
    V9,
    V9_REASON_PARTS,
)
from .later import SPARK_DAYS, SPARK_OF, V10, V11, V11_REASON_PARTS, V12

__all__ = [
    "V2",
    "V3",
    "V4",
    "V4_REASON_PARTS",
    "V5",
    "V5_REASON_PARTS",
    "V6",
    "V7",
    "V8",
    "V9",
    "V9_REASON_PARTS",
    "V10",
    "V11",
    "V11_REASON_PARTS",
    "V12",
    "SPARK_DAYS",
    "SPARK_OF",
]
