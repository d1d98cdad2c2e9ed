"""Everything language-dependent that is not Qt: gettext translators, Babel formatting, sorting.

Nothing is imported here, so that ``import hyvinvointi_app.i18n.collation`` stays as cheap as
the module itself. The modules:

- ``translator``: the UI translator (``_``, switchable at run time) and per-report translators;
- ``catalogs``: reads the ``.po`` catalogs under ``i18n/`` and compiles them in memory;
- ``formatting``: dates, times and numbers with explicit Finnish/Swedish patterns;
- ``collation``: Finnish/Swedish alphabetical order without Qt or ICU;
- ``labels``: the display label of every domain enum value;
- ``errors``: what an error a user can meet means and what to do next.

The catalogs are kept in step with the code by ``i18n/update_catalogs.py`` in the checkout.
"""
