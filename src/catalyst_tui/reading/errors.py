"""The error a reader raises for a body that is not the shape its format documents."""

from __future__ import annotations

__all__ = ["FormatError"]


class FormatError(ValueError):
    """A body that is not the shape its source documents (a filing index without its table, a
    feed that is no feed): each reader raises its own, a job catches this one."""
