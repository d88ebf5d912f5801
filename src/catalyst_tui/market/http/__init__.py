"""The one shared HTTP client: what a request may take (limits), how requests are spaced and
timed (pacing), the stack under it (transport, browser TLS), the capped body reader, and what
its outcomes mean (errors)."""
