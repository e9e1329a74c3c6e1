"""factory-boy / wagtail-factories factories, one module per app."""
