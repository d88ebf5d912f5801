"""The schema's steps after the first (schema.py has the first tables and the list of every
step): each script with what it adds and why, in the order they run; `early` the steps of the
first two releases (2 to 9), `later` those since."""
