"""`catalyst mcp`'s room: a read-only MCP server over stdio (the official SDK, the optional extra
`catalyst[mcp]`) through which an assistant reads the thesis. It answers from the views and the
thin computations the commands already make (check, review, report, evidence, kpis, results,
changes, replay, calibration, positions), never the store's SQL: the command opens the database
read-only and hands it over; nothing here fetches or writes. Each figure is cited beside it
(citing.py), each answer paged (paging.py), each call bounded (server.py)."""
