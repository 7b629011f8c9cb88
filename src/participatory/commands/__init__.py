"""The subcommands of the ``participatory`` command line, one module each.

Each module has ``add_parser(subparsers)``; :data:`participatory.cli.COMMANDS` lists them.
"""
