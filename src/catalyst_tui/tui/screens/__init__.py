"""The screens of the TUI: watchlist, ticker, timeline, and the modal forms."""
