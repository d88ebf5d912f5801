"""Yahoo Finance: the v7 quote batch, the v8 chart, and the cookie and crumb they share."""
