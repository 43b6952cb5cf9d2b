"""Pure functions from model objects to Markdown/HTML; every value from YAML is escaped."""
