"""KPIs read from words: the statements stored from a document, the metrics that judge them
(`share`, `growth`, guidance), and their reasons in words."""
