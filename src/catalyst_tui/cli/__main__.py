"""`python -m catalyst_tui.cli`: the same as the `catalyst` script."""

import sys

from . import main

sys.exit(main())
