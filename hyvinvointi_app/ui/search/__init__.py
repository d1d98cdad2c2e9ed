"""Search: the results as the user types (``results``) and the window that searches everything
the group wrote (``window``)."""
