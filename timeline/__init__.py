"""Timeline: an offline desktop timeline for dated evidence, teaching and notes."""

__version__ = "0.2.0.dev0"
"""The one place the version is written; the package metadata reads it from here."""
