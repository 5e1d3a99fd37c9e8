from .catalog import (
    WEAK_CONFIDENCE,
    Alias,
    Catalog,
    Entry,
    catalog,
    fresh_catalog,
    level_of,
    normalize_name,
    parent_of,
    same_name,
)

__all__ = ["WEAK_CONFIDENCE", "Alias", "same_name", "Catalog", "Entry", "catalog", "fresh_catalog", "level_of", "normalize_name", "parent_of"]
