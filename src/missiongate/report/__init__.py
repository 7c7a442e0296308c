"""Decision reports: the assessment explained, as data (JSON), Markdown and terminal output."""

from missiongate.report.explain import SCHEMA, VERDICT_TEXT, assess, report_data

__all__ = ["SCHEMA", "VERDICT_TEXT", "assess", "report_data"]
