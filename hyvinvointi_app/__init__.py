"""Hyvinvointiryhmä: the day-care unit's communal wellbeing group, offline."""

__version__ = "0.1.0"
