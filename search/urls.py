"""Mounted inside i18n_patterns: /<lang>/search/ and /<lang>/search/autocomplete/."""

from django.urls import path

from search import views

app_name = "search"
urlpatterns = [
    path("search/", views.search, name="search"),
    path("search/autocomplete/", views.autocomplete_view, name="autocomplete"),
]
