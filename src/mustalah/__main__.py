"""``python -m mustalah``: the same as the ``mustalah`` command."""

if __name__ == "__main__":
    try:  # from the first statement on: no import stands outside the guard
        from .cli.main import entry
    except KeyboardInterrupt:  # Ctrl-C while the command's modules load
        raise SystemExit(130) from None
    entry()
