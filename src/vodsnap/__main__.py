"""``python -m vodsnap``: the same as the ``vodsnap`` command."""

import sys

from ._cli import main

sys.exit(main())
