"""Assessing a whole project: every engine, one report."""
