"""`catalyst demo`: a live thesis offline, on a replay market the project generates.

prices.py (a deterministic market: daily closes, sessions, intraday paths), company.py (who the
companies are, their quarters and when they report), funds.py (the benchmarks, their dividends),
yahoo.py, street.py, sec.py, documents.py and feeds.py (the providers' answers in their real
shapes), server.py (the loopback HTTP server answering them), session.py (the market and a
temporary copy of the bundled thesis pointed at it) and street_kept.py (the Street the demo's
database starts with: the consensus frozen before each company's last reports).
No textual here: the command (cli/demo.py) opens the TUI on what the session prepared.
"""

from .server import ReplayMarket
from .session import DemoSession, demo_config_text, private_dirs

__all__ = ["DemoSession", "ReplayMarket", "demo_config_text", "private_dirs"]
