"""Replay: a thesis judged on each day of a span with only what was public by that day's close,
by the same evaluator as today (thesis/evaluate.py) and the same verdict rules
(thesis/verdict.py): snapshots in, days out (engine.py); what each goalpost's original rule would
have said (goalposts.py); the prices that followed (forward.py); the investor's stated confidence
scored against what happened (calibration.py). Pure: store/as_of.py makes the snapshots."""
