"""A written dividend's ex-date (store/dividends.py), when the statement gives it (NULL: it does
not): the shares it was paid on are those held that morning; `date` stays the day received."""

V_DIVIDEND_EX_DATE = "ALTER TABLE dividend_entries ADD COLUMN ex_date TEXT"
