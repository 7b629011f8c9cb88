"""The documentation (a package only so that pytest imports docs/conftest.py by its own name)."""
