from .catalog import Catalog, Entry, catalog, fresh_catalog, level_of, normalize_name, parent_of

__all__ = ["Catalog", "Entry", "catalog", "fresh_catalog", "level_of", "normalize_name", "parent_of"]
