import secrets

from django.db import migrations, models

import policybuilder.documents.models


def families_give(apps, schema_editor):
    """Each policy saved before families existed is a family of its own: a default computed once would
    give them all the same token, and deleting one owner's policies would then delete everyone's."""
    SavedPolicy = apps.get_model("documents", "SavedPolicy")
    for saved in SavedPolicy.objects.filter(family="").only("pk"):
        SavedPolicy.objects.filter(pk=saved.pk).update(family=secrets.token_urlsafe(24))


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="savedpolicy",
            name="family",
            field=models.CharField(db_index=True, default="", editable=False, max_length=64),
        ),
        migrations.RunPython(families_give, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="savedpolicy",
            name="family",
            field=models.CharField(
                db_index=True, default=policybuilder.documents.models.token_new, editable=False, max_length=64
            ),
        ),
        migrations.AddField(
            model_name="savedpolicy",
            name="opened_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
