"""The indicators app's models, kept in modules by subject and gathered here, where
Django looks for them."""

from web.indicators.capture_models import IndicatorCapture
from web.indicators.report.models import StoredReport
from web.indicators.rollup.tables import DayFigures, DayLeads, MonthFigures, MonthLeads

__all__ = [
    "DayFigures",
    "DayLeads",
    "IndicatorCapture",
    "MonthFigures",
    "MonthLeads",
    "StoredReport",
]
