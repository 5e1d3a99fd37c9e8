"""The report of a check: its plain form (`form.py`), as text, JSON and HTML, and the rules' list for docs/rules.md."""
