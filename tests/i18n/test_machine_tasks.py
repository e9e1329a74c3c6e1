"""Machine translation runs as a task (portal.i18n.machine): the translation editor's button
queues a job and answers at once, the worker calls the translator (wagtail-localize's dummy:
local, no network) and saves the strings; a failing service is retried with back-off, then
the job is a visible failure; nothing reaches readers before an editor publishes."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import override_settings
from django.urls import resolve, reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.machine_translators.dummy import translate_string
from wagtail_localize.models import StringTranslation

from newsroom.models import NewsPage
from portal.i18n.machine import sweep
from portal.i18n.models import MachineTranslationJob
from portal.i18n.workflow import start_translation
from portal.webhooks.models import Webhook
from tests.factories.newsroom import NewsIndexPageFactory, NewsPageFactory
from tests.factories.pages import publish
from tests.factories.portal import build_site
from tests.i18n.translators import FlakyTranslator
from tests.processes import SharedDatabase, manage, process_env, start, stop, wait_until

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
FLAKY = {"CLASS": "tests.i18n.translators.FlakyTranslator"}
TITLE = "Семинар по профилактике в Алматы"
Status = MachineTranslationJob.Status
REPORT_QUERIES = 8  # session, user, jobs with their translations, count: not one per job


@pytest.fixture
def editor(admin_user):
    """A superuser whose admin speaks English, so the messages below are stable."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    return admin_user


def draft_translation(homes):
    """A published ru news item and its en translation as "Translate this page" leaves it:
    a draft target page holding the source's text, no string translated yet."""
    index = publish(NewsIndexPageFactory(parent=homes["ru"], title="Новости", slug="news"))
    start_translation(index, homes["en"].locale).save_target(publish=True)
    item = NewsPageFactory(
        parent=index, title=TITLE, slug="seminar", standfirst="Специалисты пяти стран."
    )
    item.save_revision().publish()
    translation = start_translation(item, homes["en"].locale)
    translation.save_target(publish=False)
    return item, translation


def run_worker() -> None:
    """django-tasks-db's worker in this process, until no task is due (retries without
    delay are due at once)."""
    call_command("db_worker", "--batch", "--no-reload", "--queue-name=*", verbosity=0)


def machine_strings(translation) -> int:
    return StringTranslation.objects.filter(
        locale=translation.target_locale,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    ).count()


def press_the_button(client, translation):
    editor_url = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    return client.post(url, {"next": editor_url}), editor_url


def assert_nothing_reaches_readers(client, item, translation):
    """The machine text is in the strings (and the editor), not on the site or in the API."""
    target = NewsPage.objects.get(translation_key=item.translation_key, locale__language_code="en")
    assert not target.live
    machine_title = translate_string(TITLE)
    for url in ("/en/news/seminar/", "/api/v3/news/?locale=en", "/api/v3/pages/?locale=en"):
        assert machine_title not in client.get(url).content.decode(), url


def test_the_editors_button_reaches_the_task_view():
    """wagtail-localize's editor posts to its own address; ours is matched there first."""
    url = reverse("wagtail_localize:machine_translate", args=[1])
    assert resolve(url).url_name == "portal_machine_translate"


@pytest.mark.django_db(transaction=True)
def test_the_button_queues_a_job_and_the_worker_saves_the_translation(
    client, editor
):
    homes = build_site()
    item, translation = draft_translation(homes)
    client.force_login(editor)
    with override_settings(TASKS=DATABASE_TASKS):
        response, editor_url = press_the_button(client, translation)
        assert response.status_code == 302 and response["Location"] == editor_url
        job = MachineTranslationJob.objects.get()
        assert (job.status, job.requested_by, machine_strings(translation)) == (
            Status.QUEUED,
            editor,
            0,
        )  # the request did not call the translator
        # Back in the translation editor: "queued" once, then "under way" until it is done.
        after_the_click = client.get(editor_url).content.decode()
        assert "queued" in after_the_click and "under way" not in after_the_click
        assert "under way" in client.get(editor_url).content.decode()
        # A second click while it waits does not queue a second job.
        press_the_button(client, translation)
        assert MachineTranslationJob.objects.count() == 1

        run_worker()

    job.refresh_from_db()
    assert (job.status, job.attempts, job.error) == (Status.DONE, 1, "")
    assert job.strings_filled == machine_strings(translation) >= 2
    title = StringTranslation.objects.get(
        locale=translation.target_locale, translation_of__data=TITLE
    )
    assert title.data == translate_string(TITLE) and title.last_translated_by == editor
    assert_nothing_reaches_readers(client, item, translation)
    report = client.get(reverse("portal_machine_translations"))
    assert report.status_code == 200 and "Done" in report.content.decode()


@pytest.mark.django_db(transaction=True)
@override_settings(
    TASKS=DATABASE_TASKS,
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR=FLAKY,
    MACHINE_TRANSLATION_RETRY_DELAYS=[0, 0, 0],
)
def test_a_failing_service_is_retried_until_it_answers(
    client, editor, monkeypatch
):
    monkeypatch.setattr(FlakyTranslator, "FAILURES", 2)
    monkeypatch.setattr(FlakyTranslator, "calls", 0)
    item, translation = draft_translation(build_site())
    client.force_login(editor)
    press_the_button(client, translation)
    run_worker()

    job = MachineTranslationJob.objects.get()
    assert (job.status, job.attempts, FlakyTranslator.calls) == (Status.DONE, 3, 3)
    assert machine_strings(translation) == job.strings_filled >= 2
    assert_nothing_reaches_readers(client, item, translation)


@pytest.mark.django_db(transaction=True)
@override_settings(
    TASKS=DATABASE_TASKS,
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR=FLAKY,
    MACHINE_TRANSLATION_RETRY_DELAYS=[0],
)
def test_a_service_that_stays_down_leaves_a_visible_failure(
    client, editor, monkeypatch
):
    monkeypatch.setattr(FlakyTranslator, "FAILURES", 99)
    monkeypatch.setattr(FlakyTranslator, "calls", 0)
    _, translation = draft_translation(build_site())
    client.force_login(editor)
    press_the_button(client, translation)
    run_worker()

    job = MachineTranslationJob.objects.get()
    assert (job.status, job.attempts) == (Status.FAILED, 2)  # the first try and one retry
    assert "translation service down" in job.error and job.finished_at is not None
    assert machine_strings(translation) == 0
    report = client.get(reverse("portal_machine_translations")).content.decode()
    assert "Failed" in report and "translation service down (call 2)" in report
    editor_url = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
    assert "translation service down (call 2)" in client.get(editor_url).content.decode()
    # A failed job is closed: the button queues a fresh one.
    monkeypatch.setattr(FlakyTranslator, "FAILURES", 0)
    press_the_button(client, translation)
    run_worker()
    assert MachineTranslationJob.objects.filter(status=Status.DONE).count() == 1


@pytest.mark.django_db
def test_a_job_whose_task_was_lost_is_enqueued_again_by_the_sweep(editor):
    """The queue refused the task (or its worker died): the worker's sweep sends it again."""
    homes = build_site()
    _, translation = draft_translation(homes)
    job = MachineTranslationJob.objects.create(translation=translation, requested_by=editor)
    MachineTranslationJob.objects.filter(pk=job.pk).update(next_attempt_at="2020-01-01T00:00Z")
    assert sweep() == 1  # the immediate backend of the tests runs it at once
    job.refresh_from_db()
    assert job.status == Status.DONE and machine_strings(translation) == job.strings_filled


@pytest.mark.django_db
def test_the_report_reads_its_jobs_in_a_fixed_number_of_queries(
    client, editor, django_assert_max_num_queries
):
    homes = build_site()
    _, translation = draft_translation(homes)
    for status in Status.values * 3:
        MachineTranslationJob.objects.create(
            translation=translation, requested_by=editor, status=status, error="quota"
        )
    client.force_login(editor)
    with django_assert_max_num_queries(REPORT_QUERIES):
        response = client.get(reverse("portal_machine_translations"))
    page = response.content.decode()
    assert response.status_code == 200
    assert [label for label in ("Queued", "Running", "Done", "Failed") if label not in page] == []
    assert translation.source.object_repr in page


@pytest.mark.django_db
def test_a_translator_outside_the_locale_cannot_queue(client, django_user_model):
    """The button's checks are wagtail-localize's (edit rights on the target) plus ours."""
    homes = build_site()
    _, translation = draft_translation(homes)
    outsider = django_user_model.objects.create_user("reader", "r@example.org", "pw-123456")
    outsider.user_permissions.add(*_admin_access())
    client.force_login(outsider)
    response, _ = press_the_button(client, translation)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert not MachineTranslationJob.objects.exists()


@pytest.mark.django_db
def test_a_translation_without_its_page_or_a_missing_one_is_not_found(client, editor):
    homes = build_site()
    item, _ = draft_translation(homes)
    never_saved = start_translation(item, Locale.objects.get(language_code="kk"))
    client.force_login(editor)
    for pk in (never_saved.pk, never_saved.pk + 1000):
        response = client.post(reverse("wagtail_localize:machine_translate", args=[pk]))
        # Django's LocaleMiddleware answers a 404 with the default language's address...
        assert response.status_code == 302 and response["Location"].startswith("/ru/admin/")
        # ... where it is the same 404.
        assert client.post(response["Location"]).status_code == 404
    assert not MachineTranslationJob.objects.exists()


def _admin_access():
    return Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_process_translates_a_queued_job(client, editor, tmp_path):
    """The database task backend end to end: the request queues, ``manage.py worker`` (its own
    process, the configured dummy translator) saves the strings; nothing is published."""
    homes = build_site()
    Webhook.objects.all().delete()
    item, translation = draft_translation(homes)
    client.force_login(editor)
    with override_settings(TASKS=DATABASE_TASKS):
        response, _ = press_the_button(client, translation)
    assert response.status_code == 302
    job = MachineTranslationJob.objects.get()
    assert job.status == Status.QUEUED and machine_strings(translation) == 0

    shared = SharedDatabase(tmp_path)
    env = process_env(shared.url, DEEPL_API_KEY="", WORKER_SWEEP_SECONDS="1")
    worker = start(manage("worker", "--interval=0.1"), env, tmp_path / "worker.log")
    try:

        def done():
            job.refresh_from_db()
            return job.status == Status.DONE

        wait_until(done, 120, "the machine translation job to be done", (worker,))
    finally:
        stop(worker)
    assert job.strings_filled == machine_strings(translation) >= 2
    assert_nothing_reaches_readers(client, item, translation)
