"""The data model: plain data, no I/O, no rules, no printing."""

from .amounts import Amount, Unit, convert, parse_decimal
from .disclosure import Disclosure, Kind, Printed, Scope, Unreadable
from .narrative import Claim, Direction, Narrative, Section
from .performance import Comparator, Indicator, ListedProject, PerformanceTable
from .projects import Project
from .source import Source
from .tables import COLUMN_LABELS, FINAL_TABLE_TITLES, STANDARD_TABLES, TABLE_TITLES, Column, Row, Side, Table, standard_table_title

__all__ = [
    "Amount", "Unit", "convert", "parse_decimal",
    "Disclosure", "Kind", "Printed", "Scope", "Unreadable",
    "Claim", "Direction", "Narrative", "Section",
    "Comparator", "Indicator", "ListedProject", "PerformanceTable",
    "Project", "Source",
    "COLUMN_LABELS", "FINAL_TABLE_TITLES", "STANDARD_TABLES", "TABLE_TITLES", "Column", "Row", "Side", "Table",
    "standard_table_title",
]
