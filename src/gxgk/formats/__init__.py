"""Layouts that are not plain text (bytes, HTML, PDF, Word, pictures) turned into the text layout the readers take."""
