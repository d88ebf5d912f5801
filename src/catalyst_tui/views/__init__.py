"""What the screens and reports read, composed from the store's records, read-only: watchlist
rows and totals, the ticker page, the timeline, health. What a TUI session writes is in
`session/`."""
