"""A report out again: records, DataFrames, dicts and JSON, text layouts, notebook views and audit pages."""
