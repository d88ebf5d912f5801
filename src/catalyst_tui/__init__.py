"""catalyst: a terminal watchlist and investment-thesis tracker."""

__version__ = "0.1.0"
