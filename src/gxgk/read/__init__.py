"""Text to a typed report: normalize, find sections and cells, read the tables and the metadata."""
