"""From model to page: the Jinja environment and filters, and the values templates need (map geometry, matrix cells, groupings)."""
