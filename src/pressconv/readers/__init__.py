"""Readers: input text → generic document tree."""
