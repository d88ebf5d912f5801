"""The CLI end to end: in the test's own process (tests/support/cli_inline.py) for what a
command prints, exits with and stores; as a process of its own where the process is what is
tested (a signal, a terminal, the start-up, another process, the environment it inherits)."""
