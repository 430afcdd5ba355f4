"""Looking things up: the timeline, people and the source articles."""
