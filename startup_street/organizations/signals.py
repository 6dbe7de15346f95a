"""Signals of the organisations app, for the apps above it."""

from django.dispatch import Signal

# Organisations written in bulk (``import-organizations``), which sends no save signals;
# ``ids``: the organisations updated. Sent inside the import's transaction.
organizations_updated = Signal()
