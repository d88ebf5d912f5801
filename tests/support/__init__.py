"""Test support shared by tests and bench/: the loopback market-data server."""
