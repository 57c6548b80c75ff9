"""The views in the window's centre: the grids (week, venues) and the agenda. They paint and
emit intents (move this event, edit that one); they hold no domain logic."""
