"""Per-user and per-guild settings."""
