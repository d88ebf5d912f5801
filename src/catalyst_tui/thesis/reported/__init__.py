"""The metrics of what is reported and forecast: fundamentals from filings, earnings releases and
their results, the Street's consensus, and the forecast a target leans on."""
