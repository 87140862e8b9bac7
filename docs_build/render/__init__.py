"""Rows, tables, charts and safe text for the generated pages."""
