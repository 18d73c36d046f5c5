"""python main.py [FILE] — the same as the ``timeline`` command."""

from timeline.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
