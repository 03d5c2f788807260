from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "policybuilder.library"
    verbose_name = "Clause library"

    def ready(self) -> None:
        from policybuilder.library import signals  # noqa: F401  (connects the revision bump)
