"""SEC's name of each company of its ticker map (company_tickers.json's "title": "Astera Labs,
Inc."), beside its CIK: what a company's own feed must name for its results item to count as
that company's (jobs/results.py). A map stored before it has no names: its fetch time is
forgotten, so the next refresh fetches it again (jobs/daily.py)."""

V_SEC_NAMES = """
ALTER TABLE sec_cik ADD COLUMN name TEXT NOT NULL DEFAULT '';
DELETE FROM fetch_state WHERE kind = 'cik_map'
"""
