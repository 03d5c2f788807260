"""Warm start: the work each web worker's first requests would otherwise pay, done once before fork.

gunicorn runs with --preload (Dockerfile), so wsgi.py imports the app in the master process and calls
warm_start() there; the workers forked from it share the imported code, the URL patterns, the loaded
templates and the compiled clause library, and a recycled worker starts serving at once.
"""

import logging

from django.db import DatabaseError, connections
from django.template.loader import get_template
from django.urls import get_resolver

from policybuilder.documents.engine import ClauseError, library_current
from policybuilder.questionnaire.selectors import catalogue_choices

logger = logging.getLogger("policybuilder.ops")

# The pages nearly every visit renders; the others load on their first use.
TEMPLATES = ("questionnaire/landing.html", "questionnaire/step.html", "documents/result.html")


def warm_start() -> None:
    """Import every view, load the common templates, compile the clause library and the wizard's
    service choices, then close the database connections: a connection opened before fork must never
    be shared by the workers."""
    get_resolver().url_patterns  # noqa: B018  (importing the URLconf imports every view module)
    for name in TEMPLATES:
        get_template(name)
    try:
        catalogue_choices(library=library_current())  # the library, and the wizard's choices built from it
    except (ClauseError, DatabaseError) as exc:  # not loaded yet, or no database: the first request says so
        logger.warning("warm start without the clause library: %s", exc)
    finally:
        connections.close_all()
