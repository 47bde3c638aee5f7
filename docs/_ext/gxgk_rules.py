"""Local Sphinx extension: the rule reference, generated from the rule registry.

``rules.md`` holds the line ``<!-- gxgk-rules-table -->``; at read time it is
replaced by :func:`gxgk.rules.validate.rules_markdown` (a Markdown table with one row
per entry of :data:`gxgk.RULES`), so every rule code in the registry appears in
the documentation and the page can never fall behind the code.  The text
``{gxgk-rule-count}`` anywhere in a page becomes ``len(gxgk.RULES)``, and
``<!-- gxgk-json-schema -->`` the JSON Schema that :func:`gxgk.json_schema`
generates from the model.
"""

from __future__ import annotations

from typing import Any

PLACEHOLDER = "<!-- gxgk-rules-table -->"
SCHEMA = "<!-- gxgk-json-schema -->"
COUNT = "{gxgk-rule-count}"


def _source_read(app: Any, docname: str, source: list[str]) -> None:
    import gxgk
    from gxgk.rules.validate import rules_markdown

    text = source[0]
    if PLACEHOLDER in text:
        # Square brackets ("一[c]", "三[Y]") are formula notation, not Markdown links.
        table = rules_markdown().replace("[", "\\[").replace("]", "\\]")
        text = text.replace(PLACEHOLDER, table)
    if SCHEMA in text:
        import json

        schema = json.dumps(gxgk.json_schema(), indent=2, ensure_ascii=False)
        text = text.replace(SCHEMA, f"```json\n{schema}\n```")
    if COUNT in text:
        text = text.replace(COUNT, str(len(gxgk.RULES)))
    source[0] = text


def setup(app: Any) -> dict[str, Any]:
    app.connect("source-read", _source_read)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
