"""The rules, by family: a family of several modules is a package (`completeness/`, `hygiene/`, `narrative/`,
`final_accounts/`), a family of one is a module. Importing a module registers its rules (all of them, below)."""

# Importing a rule module registers its rules. A family's rules run and are reported in the order they were
# registered, so this order is the rules' order in reports and in docs/rules.md.
from . import arithmetic, codes  # noqa: F401
from .completeness import tables as completeness_tables, narrative as completeness_narrative  # noqa: F401
from .completeness import prior_year  # noqa: F401
from . import cross_table, function_lines  # noqa: F401
from .hygiene import department, years as hygiene_years, leftovers, dates, levels, names, numbers, printed  # noqa: F401
from .hygiene import cuts, repeats, slips  # noqa: F401
from .narrative import amounts, changes  # noqa: F401
from . import performance  # noqa: F401
from .completeness import reasons  # noqa: F401
from . import rollup  # noqa: F401
from .final_accounts import tables, items, text  # noqa: F401
from .narrative import parts, review, shares, wording, years  # noqa: F401
