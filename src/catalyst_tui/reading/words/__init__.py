"""KPIs read from words by the structure of a sentence: text in, `Stated` records out.

`read_words(text)` gives every share and growth of revenue a sentence states, each with the
subject its clause names (figures.py, subjects.py), and every direction of the company's
guidance (guidance.py). Boilerplate (forward-looking statements, safe harbour, risk factors)
is never read. Two facts are gathered from the whole document first, as a reader of a call
keeps them: the names it calls customers ("Windstream was our fifth largest customer": a
figure of theirs is concentration, no line's), and the parts it speaks of with revenue
("Broadcast revenues increased ...": "broadcast was up 35%" later is that line's).

The package's own name is light: it loads the records (every command's metric catalogue names
their guidance words) and nothing else; the reader (`read_words`, reader.py), the sentences
and the vocabulary (their regular expressions: tens of milliseconds) load with the first name
of theirs asked for, here or from their modules.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from .records import COMPANY, DIRECTIONS, Stated, StatedKind

if TYPE_CHECKING:
    from ..wordlists import word_set
    from .reader import read_words
    from .sentences import sentence_spans
    from .vocabulary import boilerplate

__all__ = [
    "COMPANY",
    "DIRECTIONS",
    "Stated",
    "StatedKind",
    "boilerplate",
    "read_words",
    "sentence_spans",
    "word_set",
]

# Each name's module: the vocabulary's two, the reader, the sentences.
_LATER = dict.fromkeys(("boilerplate", "word_set"), "vocabulary")
_LATER |= {"read_words": "reader", "sentence_spans": "sentences"}


def __getattr__(name: str) -> object:
    """A name of the reader's, loaded when first asked for (PEP 562)."""
    if name in _LATER:
        return getattr(importlib.import_module(f".{_LATER[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
