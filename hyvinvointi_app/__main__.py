"""``python -m hyvinvointi_app``: the same as the ``hyvinvointi`` command."""

from hyvinvointi_app.cli import main

raise SystemExit(main())
