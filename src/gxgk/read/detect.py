"""Which template a text is on: its marker words, else the year and what its tables and title say."""

from __future__ import annotations

import re

from ..model import (
    Diagnostic,
    Severity,
)
from ..template.spec import APPEAL_TABLE_WORDS, PRE_2019_MARKERS, REQUEST_TABLE_WORDS, TEMPLATE_MARKERS, Template

# Literal alternations: the `re` engine skips to their first characters in C.
_REQUEST_WORDS = re.compile("|".join(REQUEST_TABLE_WORDS))
# Section 四's header: a fragment holding only that table is still a report.
_APPEAL_WORDS = re.compile("|".join(APPEAL_TABLE_WORDS))


# A title that names an annual disclosure report.
_ANNUAL_REPORT = re.compile(r"(?:政府信息公开|政务公开|信息公开).{0,12}?(?:年度报告|工作报告|年报)")


def _detect_template(text: str, year: int | None, title: str | None = None) -> tuple[Template, list[Diagnostic]]:
    """The template whose marker words the text uses most; else the year decides.

    Reports on years before 2019 had no national format, whatever words they
    use.  Without marker words, a text that has the request table's or the
    appeal table's labels, or whose title names an annual disclosure report
    (a page whose tables were images, a fragment holding only section 四),
    takes the template in force for its year, with a warning.
    """
    if year is not None and year < 2019:
        return Template.NONE, []
    counts = {template: sum(marker in text for marker in markers) for template, markers in TEMPLATE_MARKERS.items()}
    ranked = sorted(counts, key=lambda t: -counts[t])  # stable: registration order among equals
    best = ranked[0]
    if counts[best] == 0:
        return _template_by_year(text, year, title)
    other = ranked[1] if len(ranked) > 1 else best
    notes: list[Diagnostic] = []
    if counts[best] == counts[other]:
        tied = [template for template in ranked if counts[template] == counts[best]]
        best = _by_year(year) if {Template.V2019, Template.V2021} <= set(tied) else tied[0]
        names = " and ".join(template.value for template in tied)
        notes.append(Diagnostic("P-template", f"the text has as many {names} template words ({counts[best]}); "
                                f"read as {best.value}", Severity.WARNING))
    elif counts[other]:
        notes.append(Diagnostic("P-template", f"template {best.value} chosen ({counts[best]} marker words against "
                                f"{counts[other]})", Severity.INFO))
    return best, notes


def _by_year(year: int | None) -> Template:
    """The official template in force for ``year`` (2021 when the year is not known)."""
    return Template.V2021 if year is None or year >= 2021 else Template.V2019


def _template_by_year(text: str, year: int | None, title: str | None = None) -> tuple[Template, list[Diagnostic]]:
    annual = title is not None and _ANNUAL_REPORT.search(title) is not None
    if year is None and _APPEAL_WORDS.search(text) and not _REQUEST_WORDS.search(text):
        # section 四 alone: the same table in both templates, so it is read; which template is a guess
        return Template.V2021, [Diagnostic("P-template", "only section 四's table, the same in both templates, and "
                                           "no year: read as the 2021 format, a guess for the other tables",
                                           Severity.WARNING)]
    if year is None or not (_REQUEST_WORDS.search(text) or _APPEAL_WORDS.search(text) or annual):
        return Template.NONE, []
    template = Template.V2021 if year >= 2021 else Template.V2019
    return template, [Diagnostic("P-template", f"no table word tells the template apart; read as the {template.value} "
                                 f"format, in force for {year}", Severity.WARNING)]


def _not_on_template(text: str, year: int | None) -> Diagnostic:
    if any(marker in text for marker in PRE_2019_MARKERS) or (year is not None and year < 2019):
        why = "it looks like a report in the format used before 2019"
    else:
        why = "none of the official templates' table words appear in it"
    return Diagnostic("P-not-a-report", f"not on an official template: {why}; no tables were read", Severity.WARNING)
