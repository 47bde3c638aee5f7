"""Sphinx configuration for the gxgk documentation."""

from __future__ import annotations

import sys
from pathlib import Path

import gxgk

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "gxgk"
author = "gxgk developers"
copyright = "2026, gxgk developers"
release = gxgk.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
    "gxgk_rules",
    "matplotlib.sphinxext.plot_directive",
]
plot_html_show_formats = False
plot_html_show_source_link = False
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
exclude_patterns = ["_build", "_ext"]
language = "en"

html_theme = "furo"
html_static_path = ["_static"]
html_title = f"gxgk {release}"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_preserve_defaults = True  # defaults as written (`_OFFICIAL`), not the repr of what they hold
autodoc_default_options = {"members": True, "undoc-members": False}
# No intersphinx: CI has no network to fetch inventories, so standard library
# names in signatures are left unresolved (and listed here) instead.
nitpick_ignore_regex = [
    (r"py:class", r"(decimal\.)?Decimal|(datetime\.)?date|int|str|bool|object|None|Value|Disclosure"),
    (r"py:class", r"collections\.abc\..*|typing\..*|regex\..*|attr.*|gxgk\._.*"),
    (r"py:.*", r".*\.T"),
    # Standard library names (no intersphinx).
    (r"py:mod", r"concurrent\.futures"),
    (r"py:class", r"os\.PathLike|pathlib\.Path|(gxgk\.batch\.)?(P|PL|StrPath)|Item|pd\.DataFrame"),
    (r"py:func", r"open|pandas\.read_csv|tomllib\.load"),
    # Docstrings in src/ that cannot resolve here (not editable from docs/):
    # validate_series names the private default key function ``agency``;
    (r"py:func", r"agency"),
    # SerializationError's docstring refers to its own ``errors`` attribute, not documented;
    (r"py:attr", r"errors"),
    # napoleon reads "text: text" in the Finding.rule and CellRef.label property docstrings as a type.
    (r"py:class", r"The rule id the code starts with|A compact|readable name"),
]
doctest_global_setup = "import gxgk\nfrom gxgk import *\nfrom decimal import Decimal"
