"""The tax withheld from a dividend written in the file (store/dividends.py): its amount in the
listing's unit (NULL: the statement does not say), or in `tax_currency` when the statement gives
it in another currency without a rate to the listing's."""

V_DIVIDEND_TAX = ";\n".join(
    [
        "ALTER TABLE dividend_entries ADD COLUMN tax REAL",
        "ALTER TABLE dividend_entries ADD COLUMN tax_currency TEXT NOT NULL DEFAULT ''",
    ]
)
