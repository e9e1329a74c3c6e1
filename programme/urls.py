"""Tag listing pages; the host site includes these inside its i18n_patterns (/<lang>/...)."""

from django.urls import path

from programme import views

app_name = "programme"

urlpatterns = [
    path("countries/", views.country_index, name="country_index"),
    path("countries/<str:slug>/", views.country, name="country"),
    path("themes/", views.theme_index, name="theme_index"),
    path("themes/<str:slug>/", views.theme, name="theme"),
]
