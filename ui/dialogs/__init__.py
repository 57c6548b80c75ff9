"""The window's dialogs: the event editor, tracks/venues/people, export, new programme."""
