"""The screens' messages (tui/messages.py) are plain classes: each sets its fields and runs
Message's own set-up as @dataclass's __init__ did, without the methods a dataclass generates
and compiles at import (the TUI's start-up, bench/startup.py)."""

from __future__ import annotations

import dataclasses
import inspect

from textual.case import camel_to_snake
from textual.message import Message

from catalyst_tui.tui import messages

DECLARED = [
    cls
    for name, cls in inspect.getmembers(messages, inspect.isclass)
    if issubclass(cls, Message) and cls.__module__ == messages.__name__ and name[0] != "_"
]


def _fields(cls: type) -> list[str]:
    """The fields a message declares, its own or its shape's (a base in the same module)."""
    ours = [c for c in reversed(cls.__mro__) if c.__module__ == messages.__name__]
    return [name for c in ours for name in c.__dict__.get("__annotations__", {})]


def test_every_message_is_a_plain_class_that_sets_its_fields_and_runs_messages_set_up():
    assert len(DECLARED) == 26  # the probe found the module's messages
    for cls in DECLARED:
        assert not dataclasses.is_dataclass(cls), cls.__name__
        fields = list(inspect.signature(cls).parameters)
        assert fields == _fields(cls), cls.__name__
        values = {name: object() for name in fields}
        by_name, by_place = cls(**values), cls(*values.values())
        for message in (by_name, by_place):
            assert {name: getattr(message, name) for name in fields} == values
            # Message's class set-up, each class its own: a shape's name is no handler's
            assert message.handler_name == f"on_{camel_to_snake(cls.__name__)}"
            assert message._sender is None and not message.is_forwarded  # its __init__ ran


def test_a_field_keeps_its_default():
    assert messages.AskSecContact().held == ""
    assert messages.DismissPassage(None).undo is False  # type: ignore[arg-type]
