"""About the bot itself."""
