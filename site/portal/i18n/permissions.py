"""Per-locale editing rights: a translator for ``kk`` edits ``kk`` content and nothing else.

Two layers. (1) ``setup_translator_group`` gives a group Wagtail's ordinary page permissions on
one locale's home page only (each locale is its own tree, so this already keeps most doors
shut). (2) ``TranslatorLocaleScope`` is enforced by the admin hooks in ``portal.i18n.hooks`` on
every page and snippet action, and by ``portal.i18n.middleware.TranslatorScopeMiddleware`` in
wagtail-localize's own views, so a scoped group stays in its locales even when someone grants it
permissions higher up the tree (e.g. on the root).
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import GroupPagePermission, Locale, Page

from portal.i18n.models import TranslatorLocaleScope
from programme.models import Boilerplate

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def allowed_locale_ids(user) -> set[int] | None:
    """The locales ``user`` may edit; ``None`` means not limited."""
    if not user.is_authenticated or user.is_superuser:
        return None
    cache_name = "_portal_allowed_locale_ids"
    if not hasattr(user, cache_name):
        scopes = TranslatorLocaleScope.objects.filter(group__user=user).prefetch_related("locales")
        allowed: set[int] | None = None
        for scope in scopes:
            allowed = (allowed or set()) | {locale.pk for locale in scope.locales.all()}
        setattr(user, cache_name, allowed)
    return getattr(user, cache_name)


def user_can_edit_locale(user, locale_id: int | None) -> bool:
    allowed = allowed_locale_ids(user)
    return allowed is None or locale_id in allowed


def migration_permission(app_label: str, model: str, codename: str, name: str) -> Permission:
    """A permission that Wagtail or wagtail-localize create in a data migration, on a content
    type of no real model. Got or created the way those migrations do, because a flushed
    database (``manage.py flush``, a transactional test) loses them while post_migrate only
    brings back the permissions of real models."""
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def setup_translator_group(locale: Locale, home: Page | None = None) -> Group:
    """The group "Translators (<code>)": admin access, wagtail-localize's "submit translation",
    page permissions on that locale's home page, snippet permissions on boilerplates, and a
    scope limiting it to the locale. Idempotent."""
    group, _ = Group.objects.get_or_create(name=f"Translators ({locale.language_code})")
    group.permissions.add(
        migration_permission("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
        # "Translate this page" on an alias; TranslatorScopeMiddleware keeps it to the scope.
        migration_permission(
            "wagtail_localize", "translation", "submit_translation", "Can submit translations"
        ),
    )
    boilerplate_type = ContentType.objects.get_for_model(Boilerplate)
    group.permissions.add(
        *Permission.objects.filter(
            content_type=boilerplate_type,
            codename__in=["add_boilerplate", "change_boilerplate"],
        )
    )
    if home is None:
        home = Page.objects.filter(locale=locale, depth=2).first()
    if home is not None:
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=home,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    scope, _ = TranslatorLocaleScope.objects.get_or_create(group=group)
    scope.locales.add(locale)
    return group
