"""atheris target: the tmx reader on arbitrary bytes (see harness.py for the contract)."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from harness import main

if __name__ == "__main__":
    main("tmx")
