# The Sphinx configuration and its extensions are build scripts, not doctest material.
collect_ignore = ["conf.py", "_ext"]
