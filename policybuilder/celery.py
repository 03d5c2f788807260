"""The Celery app: the worker that renders PDFs (`celery -A policybuilder worker`).

Settings come from Django's, under CELERY_ (settings.py); without a broker, tasks run eagerly.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policybuilder.settings")

app = Celery("policybuilder")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
