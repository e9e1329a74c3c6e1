from django.urls import path

from programme.iati import views

urlpatterns = [path("activities.xml", views.activities, name="iati_activities")]
