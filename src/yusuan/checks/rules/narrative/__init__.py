"""Narrative rules: what the text states against what the tables print, and how it states it."""
