"""Hypothesis profiles: fast locally, thorough in CI (``CI`` set, or ``HYPOTHESIS_PROFILE=ci``).

``HYPOTHESIS_PROFILE=long`` runs 2000 examples per property (the oracle's long run, issue 14).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("dev", max_examples=40, deadline=None)
# CI is derandomized: the examples it runs are the ones a developer runs with CI=1, so a red run
# reproduces; the long run (and dev) explore new examples.
settings.register_profile("ci", max_examples=120, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))
