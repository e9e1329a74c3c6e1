"""The newsroom's content, one module per concern (the package re-exports the model classes
so ``from newsroom.models import NewsPage`` works as for any Django app):

- ``news``: the news item (``NewsPage``);
- ``sharing``: what a news item tells social networks and search engines (a mixin);
- ``querysets``: what readers may see (``published()``) and what listings prefetch;
- ``tags``: the through models tagging items with the programme's countries and themes;
- ``index``: the newsroom index with its listing and feed routes.

Modules of this package import one another directly, never through this one.
"""

# Import order is registration order (content types, Wagtail's page type list and the API
# schema's page type enums follow it): the index, then the item, as before the split.
from newsroom.models.index import NewsIndexPage
from newsroom.models.news import NewsPage
from newsroom.models.tags import NewsCountry, NewsTheme

__all__ = ["NewsCountry", "NewsIndexPage", "NewsPage", "NewsTheme"]
