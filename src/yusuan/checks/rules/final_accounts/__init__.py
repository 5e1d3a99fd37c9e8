"""决算 (final accounts) rules: the identities of its tables and what its narrative states."""
