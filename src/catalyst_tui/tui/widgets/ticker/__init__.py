"""The ticker screen's panes, one module each, listed in panes.py (the screen's table)."""
