"""An earnings press release (8-K EX-99.1) read into its results: reader.py is the door."""
