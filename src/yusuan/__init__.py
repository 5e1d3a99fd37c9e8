"""yusuan: read, check, write and keep Chinese department budget and final-accounts disclosures."""

__version__ = "0.1.0"
