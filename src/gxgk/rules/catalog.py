"""The registry in order: every rule module imported, then :data:`RULES` frozen from what they registered."""

from __future__ import annotations

from typing import Final

from . import across, narrative, table  # noqa: F401  (importing a rule module registers its rules)
from .base import _REGISTRY, Rule

__all__ = ["RULES"]

RULES: Final[tuple[Rule, ...]] = tuple(_REGISTRY)
"""Every validation rule, in the order findings are reported."""
