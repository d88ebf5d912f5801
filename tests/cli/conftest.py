"""Each test of tests/cli leaves the process's log handlers and levels and its signal handlers
as it found them: a test that calls `cli.main` itself leaves no log file handler of its own
behind to take the records of the tests after it (tests/support/cli_inline.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support import cli_inline


@pytest.fixture(autouse=True)
def process_state_kept() -> Iterator[None]:
    with cli_inline.process_state_kept():
        yield
