"""Mandate analyzer: read a resolution, extract the facts with evidence, measure it against PEMA."""

from missiongate.analyzer.analysis import Analysis, analyze_document, analyze_file, analyze_text

__all__ = ["Analysis", "analyze_document", "analyze_file", "analyze_text"]
