"""The ticker screen's panes: checkpoints, chart, position and thesis (evidence: ../evidence.py)."""
