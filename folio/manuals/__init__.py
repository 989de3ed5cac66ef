"""Manuals: model, importers (text, DOCX, PDF → one row stream → one parser), lint."""
