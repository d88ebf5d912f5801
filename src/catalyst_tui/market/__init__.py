"""Market data: the providers (market/registry.py lists them), the shared HTTP client, the
records; never the store or the config."""
