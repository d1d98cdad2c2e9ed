"""The coordinator view: many units' bundles in one overview."""
