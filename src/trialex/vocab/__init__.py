"""Vocabularies (data files) and the scripts that regenerate them from maintained sources."""
