"""The ticker page names the forecast a pending target leans on, in its checkpoint's detail:
the demo's FY27 revenue target against the Street's consensus for that year, as the store
keeps it (the sentence worked here from the stored consensus and the target's threshold)."""

from __future__ import annotations

from ...support.pilot import make_app, move_to, open_alab, text_of


async def test_a_target_on_its_course_names_the_streets_forecast_on_the_ticker_page(demo):
    config, store = demo
    stored = store.estimates.of("ALAB")
    assert stored is not None
    [year] = [p for p in stored.periods if p.end is not None and p.end.isoformat() == "2027-12-31"]
    assert year.revenue.average is not None and year.revenue.average > 2.18e9  # on course
    said = (
        f"the Street expects ${year.revenue.average / 1e9:.2f}B for the year to 2027-12-31, "
        "above your $2.18B"
    )
    app = make_app(config, store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_alab(pilot, app)
        await move_to(pilot, app, "#checkpoint-table", "fy27-revenue-estimate")
        assert said in " ".join(text_of(app, "#checkpoint-detail").split())
