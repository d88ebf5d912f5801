"""The suite's order (tests/conftest.py): under pytest-xdist a test is handed out in collection
order, so the long proofs come first (one marked slow too, first of them), then the slow tests,
then the rest, each part in the order it was collected."""

from __future__ import annotations

from dataclasses import dataclass

from tests.conftest import pytest_collection_modifyitems


@dataclass
class Item:
    name: str
    marks: tuple[str, ...] = ()

    def get_closest_marker(self, name: str) -> str | None:
        return name if name in self.marks else None


def test_long_then_slow_then_the_rest_each_in_collection_order():
    items = [
        Item("a"),
        Item("b", ("slow",)),
        Item("c", ("long",)),
        Item("d"),
        Item("e", ("slow",)),
        Item("f", ("long", "slow")),
    ]
    pytest_collection_modifyitems(items)  # type: ignore[arg-type]
    assert [i.name for i in items] == ["f", "c", "b", "e", "a", "d"]
