"""``python -m mustalah``: the same as the ``mustalah`` command."""

from __future__ import annotations

import sys

if __name__ == "__main__":
    try:
        from .cli.main import entry
    except KeyboardInterrupt:  # Ctrl-C while the command's modules load
        sys.exit(130)
    entry()
