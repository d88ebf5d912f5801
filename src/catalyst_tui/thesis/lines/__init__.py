"""A company's product lines: the split its filings state, the metrics of a line (revenue, share,
growth), and their reasons in words."""
