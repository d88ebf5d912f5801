"""What the screens and reports read, composed from the store's records: watchlist rows and
totals, the ticker page, the timeline, health; and the workspace, the config and database one TUI
session works on."""
