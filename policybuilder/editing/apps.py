from django.apps import AppConfig


class EditingConfig(AppConfig):
    """Clause and service editing in the admin: validation, preview, history, conflicts, the Editors group.

    Its own app because it needs both the engine (documents) and the library, and the library
    must not know the engine.
    """

    name = "policybuilder.editing"
    verbose_name = "Clause editing"

    def ready(self) -> None:
        from policybuilder.editing import checks  # noqa: F401  (registers the clause check)
