"""The market worker: the TUI's refresh in a child process of its own, so that the TUI's event
loop only reads its progress. `process` is the child (`python -m
catalyst_tui.jobs.worker.process`) and the protocol both sides speak; `parent` is the TUI's
side (`RefreshWorker`, kept between refreshes by the scheduler)."""
