"""Editors also view and change translations (not add or delete them: there is one per English text and
language, and they come from the files)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = ["view_translation", "change_translation"]


def editors_translate(apps, schema_editor):
    library = apps.get_app_config("library")
    library.models_module = True
    create_permissions(library, apps=apps, verbosity=0)
    group = apps.get_model("auth", "Group").objects.get(name="Editors")
    Permission = apps.get_model("auth", "Permission")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="library", codename__in=PERMISSIONS))


def editors_untranslate(apps, schema_editor):
    group = apps.get_model("auth", "Group").objects.filter(name="Editors").first()
    if group:
        Permission = apps.get_model("auth", "Permission")
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="library", codename__in=PERMISSIONS))


class Migration(migrations.Migration):
    dependencies = [("editing", "0001_editors_group"), ("library", "0006_translation")]

    operations = [migrations.RunPython(editors_translate, editors_untranslate)]
