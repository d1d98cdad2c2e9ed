"""Backups in the GUI: the scheduler of automatic backups, the restore dialog and the dialog
that explains a unit file that cannot be opened."""
