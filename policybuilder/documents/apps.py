from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "policybuilder.documents"
    verbose_name = "Policies"
