"""One view of what is wrong with a file: parser diagnostics and validation findings on one scale.

``gxgk check``, :func:`gxgk.summary` and the audit outputs list the same
problems: what the parser could not read and what does not add up, with the
cells each names.  A file that gives no report to check (not on a template,
empty, a path given as text, a PDF that cannot be read) is an error here,
whatever its diagnostic's severity in the parse.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final, NamedTuple

from ..model import Report, Severity
from .base import Finding
from .validate import validate

__all__ = ["Problem", "problems"]


class Problem(NamedTuple):
    """One thing ``check`` says about a file: a parser diagnostic or a validation finding, on one scale."""

    severity: Severity
    code: str
    message: str
    message_zh: str
    cells: tuple[tuple[int, str | None, str | None], ...] = ()  #: (section, row, column) of the cells named
    expected: object = None
    actual: object = None

    def as_dict(self, path: str) -> dict[str, Any]:
        """One JSON object: the first cell's section, row and column, and every cell in ``cells``."""
        section, row, column = self.cells[0] if self.cells else (None, None, None)
        return {"path": path, "severity": self.severity.value, "code": self.code, "message": self.message,
                "message_zh": self.message_zh, "section": section, "row": row, "column": column,
                "cells": [list(cell) for cell in self.cells], "expected": self.expected, "actual": self.actual}


def problems(report: Report, findings: Sequence[Finding] | None = None) -> list[Problem]:
    """What the parser could not read and what does not add up, in one list (parser first).

    A file that is not a report on an official template (or is empty, or a
    path given as text) is an error here, whatever its diagnostic's severity
    in the parse: there is nothing to check in it.  ``findings`` replaces
    :func:`~gxgk.validate`'s (a series' or an aggregate's findings).
    """
    found = []
    for diagnostic in report.diagnostics:
        severity = Severity.ERROR if diagnostic.code in _NOT_READ else diagnostic.severity
        cells = tuple((c.section, c.row, c.column) for c in diagnostic.cells)
        found.append(Problem(severity, diagnostic.code, diagnostic.message, diagnostic.message_zh, cells))
    found += [Problem(f.severity, f.code, f.message, f.message_zh,
                      tuple((c.section, c.row, c.column) for c in f.cells), f.expected, f.actual)
              for f in (validate(report) if findings is None else findings)]
    return found


#: Diagnostics that mean the file gave no report to check.
_NOT_READ: Final = frozenset({"P-not-a-report", "P-empty", "P-path", "P-pdf-extra", "P-pdf-unreadable", "P-pdf-ocr"})
