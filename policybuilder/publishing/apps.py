from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "policybuilder.publishing"
    verbose_name = "Published policies"

    def ready(self) -> None:
        from policybuilder.publishing import signals  # noqa: F401  (connects the library-update check)
