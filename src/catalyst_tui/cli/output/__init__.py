"""What the CLI prints: the tables and JSON of its reports, and the exports."""
