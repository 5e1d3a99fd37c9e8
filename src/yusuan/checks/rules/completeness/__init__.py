"""Completeness rules: every table and part a disclosure must publish, at the depth required, with the
reasons of its changes."""
