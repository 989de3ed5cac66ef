"""The indicators app's models, kept in modules by subject and gathered here, where
Django looks for them."""

from web.indicators.rollup.tables import DayFigures, DayLeads, MonthFigures, MonthLeads

__all__ = ["DayFigures", "DayLeads", "MonthFigures", "MonthLeads"]
