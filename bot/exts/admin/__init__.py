"""Owner-only maintenance."""
