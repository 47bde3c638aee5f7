"""Sphinx configuration for the gxgk documentation."""

from __future__ import annotations

import gxgk

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
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
exclude_patterns = ["_build"]
language = "en"

html_theme = "furo"
html_title = f"gxgk {release}"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "undoc-members": False}
# No intersphinx: CI has no network to fetch inventories, so standard library
# names in signatures are left unresolved (and listed here) instead.
nitpick_ignore_regex = [
    (r"py:class", r"(decimal\.)?Decimal|(datetime\.)?date|int|str|bool|object|None|Value|Disclosure"),
    (r"py:class", r"collections\.abc\..*|typing\..*|regex\..*|attr.*|gxgk\._.*"),
    (r"py:.*", r".*\.T"),
]
doctest_global_setup = "import gxgk\nfrom gxgk import *\nfrom decimal import Decimal"
