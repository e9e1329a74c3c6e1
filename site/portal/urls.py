"""URLs: admin and APIs without a language prefix, the public site under /<lang>/."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api as api_v3
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal import metrics, views
from portal.api.registry import api_v2_router
from portal.sitemaps import TranslatedSitemap

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedSitemap}}, name="sitemap"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("metrics", metrics.metrics, name="metrics"),
    path("api/v3/", api_v3.urls),
    path("api/v2/", api_v2_router.urls),
    path("iati/", include("programme.iati.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("", include("programme.urls")),
    path("", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

metrics.register()

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
