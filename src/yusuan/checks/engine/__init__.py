"""The machinery every rule uses and that runs them: the registry and the runner (`registry.py`), the document
as a rule sees it (`Doc`, `context.py`), figures, findings, tolerance, the shared shapes and wording of rules,
and what follows a run (dedup, mutation test, rules across documents)."""
