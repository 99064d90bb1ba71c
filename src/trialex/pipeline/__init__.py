"""The spaCy side of trialex: extensions, components and the assembled pipeline."""
