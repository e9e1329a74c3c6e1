"""The admin menu item and URL of "Import a press release"."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from importers import views


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("import/press-release/", views.import_press_release, name="import_press_release"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return views._can_add_news(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import press release"),
        reverse("import_press_release"),
        icon_name="upload",
        order=250,
    )
