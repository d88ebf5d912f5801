"""SEC EDGAR: the client, facts derived from companyfacts, splits, filings and filing indexes."""
