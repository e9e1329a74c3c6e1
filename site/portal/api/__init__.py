"""The site's headless API, by role: ``registry`` puts every app's page schemas and routers on
Wagtail's API v3 (and sets up v2), ``routes`` answers what only the host site knows (routing
by path, translations, navigation, site settings), ``preview`` serves drafts to the front end,
``http`` gives API responses CORS, caching and conditional GET.

Nothing is re-exported here: import from the module that holds the thing.
"""
