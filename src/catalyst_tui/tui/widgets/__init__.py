"""Custom Textual widgets of the catalyst TUI; they draw data they are given and fetch nothing."""
