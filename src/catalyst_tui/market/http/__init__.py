"""The one shared HTTP client, what its outcomes mean, the capped body reader and the browser
TLS transport."""
