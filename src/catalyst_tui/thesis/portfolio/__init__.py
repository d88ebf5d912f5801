"""The book: lots and sales, a position as cash flows, its returns and performance against a
benchmark, and conviction against weight."""
