"""The watchlist screen's parts: its header, its group tabs, its rows' cells and status line."""
