"""`python -m app.cli …` runs the command line (how `up` starts its children)."""

import sys

from app.cli.main import main

sys.exit(main())
