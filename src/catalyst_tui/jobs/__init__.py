"""The work catalyst does on its own: the market refresh (in this process or a child process),
the evaluation cycle, and the scheduler that runs them for the TUI and the daemon."""
