"""A refresh keeps SEC's values as each filing stated them beside the derived fundamentals
(jobs/daily.py, store/as_filed.py): the loopback market's companyfacts, fetched once."""

from __future__ import annotations

from .test_refresh import market, query, refresh, workdir

__all__ = ["market", "workdir"]  # the fixtures, shared


def test_a_refresh_keeps_each_value_with_its_filing(workdir):
    result = refresh(workdir)
    assert result.returncode == 0, result.stdout + result.stderr
    (derived,) = query(
        workdir,
        "SELECT value, filed FROM fundamentals WHERE symbol = 'ALAB' AND concept = 'revenue_q'"
        " AND period_end = '2026-06-30'",
    )
    kept = query(
        workdir,
        "SELECT value, filed, form, accession FROM filed_values WHERE symbol = 'ALAB'"
        " AND period_end = '2026-06-30' AND period_start = '2026-04-01' AND concept IN"
        " ('Revenues', 'RevenueFromContractWithCustomerExcludingAssessedTax')",
    )
    # The quarter's revenue as the fundamentals have it is a value a filing stated, that day.
    assert (derived[0], derived[1]) in {(value, filed) for value, filed, _, _ in kept}
    assert all(form and accession for _, _, form, accession in kept)
    (count,) = query(workdir, "SELECT COUNT(*) FROM filed_values")[0]
    assert count > 0
