from django.apps import AppConfig


class QuestionnaireConfig(AppConfig):
    name = "policybuilder.questionnaire"
    verbose_name = "Questionnaire"
