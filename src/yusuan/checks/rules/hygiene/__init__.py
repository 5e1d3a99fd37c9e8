"""Hygiene rules: how the document is written and printed (names, years, dates, numbers, slips, repeats)."""
