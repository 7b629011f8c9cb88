import os

from hypothesis import HealthCheck, settings

# CI explores the same 150 examples per property on every run, so a green build is
# reproducible and a red one is a real regression; local runs ("dev") draw fresh examples
# every time, which is how new bugs are found.
settings.register_profile(
    "ci",
    max_examples=150,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=60, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
