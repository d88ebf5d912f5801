"""Brokers' exports read into trades and dividends: one module per broker, the cells, rows and text
they share, and the table of formats (formats.py `BROKERS`)."""
