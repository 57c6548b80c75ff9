"""The Qt user interface of Programme Planner. It calls planner/, never the reverse."""
