"""The "Editors" group: exactly what keeping the clause library current needs.

Editors view, change and add clauses and services (history and revert come with change), and read
sections, laws and legal items. Nothing else: not users, groups, saved policies or drafts, and no
deleting (a deleted clause would silently drop text from every policy; revert cannot bring it back).
Editors also need "staff status" to reach the admin; that is set per user.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"
PERMISSIONS = [
    "view_clause", "change_clause", "add_clause",
    "view_service", "change_service", "add_service",
    "view_section", "view_law", "view_legalitem",
]  # fmt: skip


def editors_create(apps, schema_editor):
    # Permissions are normally made after all migrations; make the library's now so they can be granted.
    library = apps.get_app_config("library")
    library.models_module = True
    create_permissions(library, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label="library", codename__in=PERMISSIONS))


def editors_delete(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("library", "0002_version"),
    ]

    operations = [migrations.RunPython(editors_create, editors_delete)]
