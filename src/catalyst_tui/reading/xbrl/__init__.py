"""XBRL instances (a 10-Q's or 10-K's XML instance, or its inline XBRL document) read into revenue
by product line, segment and geography: `records` holds what the reader gives."""
