"""The window's docks (find and filters, clashes, my programme, and those to come). A
panel sees the window as a :class:`ui.shell.Shell` and never imports ``ui.main_window``."""
