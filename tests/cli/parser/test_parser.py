"""The command line's choices are read from their one home, never copied: `--broker` from the
brokers' registry."""

from __future__ import annotations

import subprocess
import sys

import pytest

from catalyst_tui.cli.parser.build import build_parser
from catalyst_tui.cli.parser.values import BrokerNames
from catalyst_tui.reading.brokers.export import Options
from catalyst_tui.reading.brokers.formats import BROKERS, generic


def test_the_broker_choices_are_the_registrys_and_generic():
    assert list(BrokerNames()) == [*BROKERS, generic(Options()).name]
    args = build_parser().parse_args(["import", "x.csv", "--broker", "degiro"])
    assert args.broker == "degiro"


def test_a_broker_added_to_the_registry_is_a_choice(monkeypatch):
    monkeypatch.setitem(BROKERS, "newbroker", BROKERS["degiro"])
    args = build_parser().parse_args(["import", "x.csv", "--broker", "newbroker"])
    assert args.broker == "newbroker"


def test_an_unknown_broker_is_refused_with_the_choices(capsys):
    with pytest.raises(SystemExit) as exit_:
        build_parser().parse_args(["import", "x.csv", "--broker", "nobody"])
    assert exit_.value.code == 2
    said = capsys.readouterr().err
    assert "invalid choice: 'nobody'" in said and "'trading212'" in said and "'generic'" in said


def test_building_the_parser_loads_no_broker_reader():
    code = (
        "import sys\nfrom catalyst_tui.cli.parser.build import build_parser\nbuild_parser()\n"
        "print(sorted(m for m in sys.modules if m.startswith('catalyst_tui.reading.broker')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_parser_built_once_keeps_nothing_of_a_reading_for_the_next():
    """`build_parser` is built once a process (the tests run `cli.main` many times in one): one
    command's options leave no value behind for the next."""
    assert build_parser() is build_parser()
    first = build_parser().parse_args(["export", "prices", "--format", "json"])
    assert first.format == "json"
    again = build_parser().parse_args(["export", "prices"])
    assert again.format == "csv" and again is not first
