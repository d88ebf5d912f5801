"""The CLI end to end, as subprocesses."""
