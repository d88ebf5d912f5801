"""Market data: providers, the shared HTTP client, refresh orchestration."""
