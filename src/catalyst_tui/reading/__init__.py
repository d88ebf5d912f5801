"""Documents to records: bytes in, records out, whatever fetched them.

The release reader (release/), document text for evidence (documents.py, html_bounds.py, the PDF
child), news feeds (feeds.py), broker exports (brokers.py,
broker_formats.py and the broker_* modules) and XBRL instances
(xbrl/). No HTTP, no store, no config: an import-linter contract holds it (pyproject.toml), and
docs/architecture.md says where a new reader goes.
"""
