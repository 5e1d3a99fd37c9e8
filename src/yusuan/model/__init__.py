"""The data model: plain data, no I/O, no rules, no printing."""

from .amounts import Amount, Unit, convert, parse_decimal, plain
from .disclosure import Disclosure, Kind, Printed, Scope, Unreadable
from .narrative import AmountKind, Claim, Direction, Narrative, Paragraph, Section, Sentence, StatedAmount
from .performance import Comparator, Indicator, ListedProject, PerformanceTable
from .projects import Project
from .source import Source
from .table_kinds import (
    CODED_TABLES, ECONOMIC_TABLES, FINAL_TABLE_TITLES, FUNCTIONAL_TABLES, PERFORMANCE_TABLES, PRINT_ORDER,
    ROW_SUMS, SPLIT_TABLES, STANDARD_TABLES, TABLE_KINDS, TABLE_TITLES, TWO_SIDED_TABLES, RowSum, Side, TableKind,
    standard_table_title,
)
from .tables import COLUMN_LABELS, Column, Row, Table

__all__ = [
    "Amount", "Unit", "convert", "parse_decimal", "plain",
    "Disclosure", "Kind", "Printed", "Scope", "Unreadable",
    "AmountKind", "Claim", "Direction", "Narrative", "Paragraph", "Section", "Sentence", "StatedAmount",
    "Comparator", "Indicator", "ListedProject", "PerformanceTable",
    "Project", "Source",
    "CODED_TABLES", "ECONOMIC_TABLES", "FINAL_TABLE_TITLES", "FUNCTIONAL_TABLES", "PERFORMANCE_TABLES", "PRINT_ORDER",
    "ROW_SUMS", "SPLIT_TABLES", "STANDARD_TABLES", "TABLE_KINDS", "TABLE_TITLES", "TWO_SIDED_TABLES", "RowSum", "Side", "TableKind",
    "standard_table_title",
    "COLUMN_LABELS", "Column", "Row", "Table",
]
