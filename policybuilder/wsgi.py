"""WSGI entry point for gunicorn (run with --preload: the warm start then happens once, before fork)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policybuilder.settings")
application = get_wsgi_application()

from policybuilder.ops.warm import warm_start  # noqa: E402  (needs the app set up above)

warm_start()
