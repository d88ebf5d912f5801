"""The checks of catalysts.toml, each problem located and all of them collected before the
ConfigError: the file's tables (`validator`: the root, settings, tickers, their lots, sales and
dividends; `Validator`, the one every reader of the file calls), and beside it the checks of
the providers (`providers`), the checkpoints (`checkpoints`) and the channels (`channels`) it
is made of."""
