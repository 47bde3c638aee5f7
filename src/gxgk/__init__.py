"""gxgk: typed, validated data from China's government information disclosure annual reports.

>>> import gxgk
>>> report = gxgk.parse(text)            # doctest: +SKIP
>>> gxgk.to_records(report)              # doctest: +SKIP
"""

import importlib
from typing import TYPE_CHECKING, Final

from .model import (
    AppealBlock,
    Appeals,
    Cell,
    CellName,
    DecisionRow2021,
    Diagnostic,
    Disclosure,
    Disclosure2019,
    Disclosure2021,
    DocumentRow2019,
    DocumentRow2021,
    FeeRow2019,
    FeeRow2021,
    Meta,
    Narrative,
    ProcurementRow2019,
    ProjectRow2019,
    Provenance,
    Report,
    RequestRow,
    Requests,
    Severity,
    Value,
)
from .pipeline import parse
from .template.spec import Template
from .write.records import Record, SourcedRecord, to_records, to_records_many

if TYPE_CHECKING:
    from .batch import ParseFailure, parse_many
    from .rules.base import CellRef, Context, Finding, Findings, Rule
    from .rules.catalog import RULES
    from .rules.validate import FindingRecord, findings_records, validate, validate_aggregate, validate_series
    from .write.convert import SCHEMA_VERSION, SerializationError, from_dict, from_json, json_schema, to_dict, to_json
    from .write.frames import summary, to_dataframe
    from .write.render import LAYOUTS, render

#: Names loaded on first use.  Validation, serialisation, rendering and batch
#: parsing compile rules, build a cattrs converter and import pickle (~45 ms
#: together); a caller who only parses should not pay for them at ``import gxgk``
#: (issue 7).
_LAZY: Final = {
    **dict.fromkeys(("ParseFailure", "parse_many"), ".batch"),
    **dict.fromkeys(("SCHEMA_VERSION", "SerializationError", "from_dict", "from_json", "json_schema", "to_dict",
                     "to_json"), ".write.convert"),
    **dict.fromkeys(("LAYOUTS", "render"), ".write.render"),
    **dict.fromkeys(("CellRef", "Context", "Finding", "Findings", "Rule"), ".rules.base"),
    "RULES": ".rules.catalog",
    **dict.fromkeys(("summary", "to_dataframe"), ".write.frames"),
    **dict.fromkeys(("FindingRecord", "findings_records", "validate", "validate_aggregate", "validate_series"),
                    ".rules.validate"),
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names (``__all__`` and ``__version__``), not the modules and helpers behind them."""
    return sorted({*__all__, "__version__"})

__version__ = "0.1.0"

__all__ = [
    "LAYOUTS",
    "RULES",
    "SCHEMA_VERSION",
    "AppealBlock",
    "Appeals",
    "Cell",
    "CellName",
    "CellRef",
    "Context",
    "DecisionRow2021",
    "Diagnostic",
    "Disclosure",
    "Disclosure2019",
    "Disclosure2021",
    "DocumentRow2019",
    "DocumentRow2021",
    "FeeRow2019",
    "FeeRow2021",
    "Finding",
    "FindingRecord",
    "Findings",
    "Meta",
    "Narrative",
    "ParseFailure",
    "ProcurementRow2019",
    "ProjectRow2019",
    "Provenance",
    "Record",
    "Report",
    "RequestRow",
    "Requests",
    "Rule",
    "SerializationError",
    "Severity",
    "SourcedRecord",
    "Template",
    "Value",
    "findings_records",
    "from_dict",
    "from_json",
    "json_schema",
    "parse",
    "parse_many",
    "render",
    "summary",
    "to_dataframe",
    "to_dict",
    "to_json",
    "to_records",
    "to_records_many",
    "validate",
    "validate_aggregate",
    "validate_series",
]
