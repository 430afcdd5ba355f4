"""Asking questions: in channels, in DMs and with /ask."""
