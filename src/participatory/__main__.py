"""``python -m participatory``: the command line, as ``participatory`` runs it."""

from participatory.cli import main

# Guarded so that tools which import every module (Sphinx, package walkers) do not run it.
if __name__ == "__main__":
    raise SystemExit(main())
