"""The command line: the options every command takes, the values they read, and each group of
commands with its own (thesis, the book, the data, the service)."""
