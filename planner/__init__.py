"""The domain of Programme Planner: model, programme file, calendar formats, checks.

Plain Python: nothing in this package imports Qt.
"""

__version__ = "0.1.0"
