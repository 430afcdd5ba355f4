"""The Discord layer: the client, embeds, views and localisation. The engine knows nothing of it."""
