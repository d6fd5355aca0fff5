"""Lint pipeline."""
