"""Kompass Desktop — the offline workbench for Kommunkompassen evaluators."""

__version__ = "0.1.0"
APP_NAME = "Kompass Desktop"
