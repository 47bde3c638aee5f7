"""The report templates as data: sections, rows, columns, header words, units and stable keys."""
