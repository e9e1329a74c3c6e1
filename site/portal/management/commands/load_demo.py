"""Build the demo site: locales, home pages in the seven languages, site texts, an admin
user, and the demo content of every installed plugin. Idempotent: a second run changes
nothing. The texts are in ``portal.demo_texts``."""

from __future__ import annotations

import importlib
import os
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.management import create_permissions
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import synchronize_tree

from portal.demo_images import attach_demo_images
from portal.demo_texts import BOILERPLATES, FUNDER_STATEMENT, HOME_TEXT, SETTINGS_FIELDS
from portal.i18n.permissions import setup_translator_group
from portal.models import HomePage, SiteSettings
from programme.demo import SOURCE_LANGUAGE, ensure_translation
from programme.models import Boilerplate

DEMO_ADMIN_USERNAME = "admin"
DEMO_PLUGINS = ["programme.demo", "newsroom.demo"]


class Command(BaseCommand):
    help = "Create (or complete) the demo site and print the admin login."

    def handle(self, *args, **options) -> None:
        with transaction.atomic():
            self.ensure_locales()
            homes = self.ensure_home_pages()
            self.ensure_site_settings(homes[SOURCE_LANGUAGE])
        for module_name in DEMO_PLUGINS:
            module = importlib.import_module(module_name)
            module.load(homes, self.stdout)
        attach_demo_images(self.stdout)
        with transaction.atomic():
            self.ensure_synchronised_trees()
        password = self.ensure_admin()
        self.stdout.write(self.style.SUCCESS("Demo site ready."))
        self.stdout.write(
            f"  Site:  {settings.WAGTAILADMIN_BASE_URL}/ru/  /en/  /kk/  /ky/  /tg/  /tk/  /uz/"
        )
        self.stdout.write(f"  Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/")
        self.stdout.write(f"  Login: {DEMO_ADMIN_USERNAME} / {password}")

    def ensure_locales(self) -> None:
        for code, _name in settings.LANGUAGES:
            Locale.objects.get_or_create(language_code=code)

    def ensure_home_pages(self) -> dict[str, HomePage]:
        """The home page in the source language and its translations (``HOME_TEXT``)."""
        source = Locale.objects.get(language_code=SOURCE_LANGUAGE)
        root = Page.get_first_root_node()
        # An emptied database (a flushed test database, say) also lacks the permissions the
        # translator groups need: recreate them as migrate would.
        for app_config in apps.get_app_configs():
            create_permissions(app_config, verbosity=0)
        if root is None:  # Wagtail's migration makes the root; an emptied database lacks it
            root = Page.add_root(instance=Page(title="Root", slug="root", locale=source))
        home = HomePage.objects.filter(locale=source).first()
        if home is None:
            # Wagtail's initial "Welcome" page (a plain Page) gives way to ours.
            Site.objects.filter(is_default_site=True).delete()
            for welcome in root.get_children().filter(slug="home").exact_type(Page):
                welcome.delete()
            root.refresh_from_db()
            home = HomePage(slug="home", locale=source, **HOME_TEXT[SOURCE_LANGUAGE])
            root.add_child(instance=home)
            home.save_revision().publish()
            base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
            Site.objects.create(
                hostname=base_url.hostname or "localhost",
                port=base_url.port or (443 if base_url.scheme == "https" else 80),
                root_page=home,
                is_default_site=True,
                site_name=HOME_TEXT[SOURCE_LANGUAGE]["title"],
            )
        return {
            language: home
            if language == SOURCE_LANGUAGE
            else ensure_translation(home, language, **texts)
            for language, texts in HOME_TEXT.items()
        }

    def ensure_site_settings(self, home: HomePage) -> None:
        """The site texts (``BOILERPLATES``) in every language they have, chosen in the
        site settings unless an editor chose others."""
        site = Site.objects.get(root_page=home)
        site_settings = SiteSettings.for_site(site)
        changed = False
        for kind, texts in BOILERPLATES.items():
            source = Boilerplate.objects.filter(kind=kind, locale=home.locale).first()
            if source is None:
                title, text = texts[SOURCE_LANGUAGE]
                source = Boilerplate.objects.create(
                    kind=kind, locale=home.locale, title=title, text=text
                )
            self.ensure_boilerplate_translations(source, texts)
            field = SETTINGS_FIELDS[kind]
            if getattr(site_settings, f"{field}_id") is None:
                setattr(site_settings, field, source)
                changed = True
        if site_settings.funder_statement_id is None:
            # The short statement beside the EU emblem, in the wording of the EU's visibility
            # guidelines; the longer funder credit above stays for articles.
            texts = FUNDER_STATEMENT
            source = Boilerplate.objects.filter(
                kind=Boilerplate.Kind.FUNDER_CREDIT, locale=home.locale,
                title=texts[SOURCE_LANGUAGE][0],
            ).first() or Boilerplate.objects.create(
                kind=Boilerplate.Kind.FUNDER_CREDIT, locale=home.locale,
                title=texts[SOURCE_LANGUAGE][0], text=texts[SOURCE_LANGUAGE][1],
            )
            self.ensure_boilerplate_translations(source, texts)
            site_settings.funder_statement = source
            changed = True
        if not site_settings.facebook_url:
            site_settings.facebook_url = "https://www.facebook.com/"
            changed = True
        if changed:
            site_settings.save()

    def ensure_boilerplate_translations(
        self, source: Boilerplate, texts: dict[str, tuple[str, str]]
    ) -> None:
        for language, (title, text) in texts.items():
            if language == SOURCE_LANGUAGE:
                continue
            locale = Locale.objects.get(language_code=language)
            if source.get_translation_or_none(locale) is None:
                translation = source.copy_for_translation(locale)
                translation.title, translation.text = title, text
                translation.save()

    def ensure_synchronised_trees(self) -> None:
        """Every other language follows the source language's tree (wagtail-localize
        synchronised trees): a page not translated into it waits there as an alias. Saving a
        LocaleSynchronization creates the missing aliases at once (WAGTAILLOCALIZE_JOBS is
        immediate). Each language gets its "Translators (<code>)" group, limited to it."""
        source = Locale.objects.get(language_code=SOURCE_LANGUAGE)
        for code, _name in settings.LANGUAGES:
            if code == SOURCE_LANGUAGE:
                continue
            locale = Locale.objects.get(language_code=code)
            _sync, created = LocaleSynchronization.objects.get_or_create(
                locale=locale, defaults={"sync_from": source}
            )
            if not created:
                # Pages added by a plugin's demo since the last run get their aliases too.
                synchronize_tree(source, locale)
            setup_translator_group(locale)

    def ensure_admin(self) -> str:
        password = os.environ.get("DEMO_ADMIN_PASSWORD", "newsroom-demo")
        User = get_user_model()
        if not User.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
            User.objects.create_superuser(DEMO_ADMIN_USERNAME, "admin@example.org", password)
            return password
        return f"{password} (unless you changed it)"
