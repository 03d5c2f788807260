from django.urls import path

from policybuilder.questionnaire import views
from policybuilder.questionnaire.wizard import PolicyWizard

app_name = "questionnaire"

wizard = PolicyWizard.as_view(url_name="questionnaire:step")

urlpatterns = [
    path("", views.landing, name="landing"),
    path("start/", views.start, name="start"),
    path("privacy/", views.privacy, name="privacy"),
    path("questions/", wizard, name="questions"),
    path("questions/<str:step>/", wizard, name="step"),
    path("services/<slug:kind>/names/", views.service_names, name="service-names"),
    path("resume/<token:token>/", views.resume, name="resume"),
    path("policy/<token:token>/change/", views.change, name="change"),
    path("policy/<token:token>/delete/", views.delete_policy, name="delete-policy"),
    path("resume/<token:token>/delete/", views.delete_draft, name="delete-draft"),
]
