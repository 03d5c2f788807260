"""policybuilder: a privacy policy generator for small online shops."""

# Loaded with Django, so that tasks are sent with this app's settings (the worker loads it too).
from policybuilder.celery import app as celery_app

__all__ = ["celery_app"]
