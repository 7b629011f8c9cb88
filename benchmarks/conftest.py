"""Shared fixtures for the benchmark suites.

Run them with ``python benchmarks/report.py`` (a results table) or
``python -m pytest benchmarks --benchmark-enable``. ``.ci/run`` runs each benchmark once with
timing disabled, so none can rot unnoticed.
"""
