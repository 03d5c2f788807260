from django.urls import path

from policybuilder.documents import views

app_name = "documents"

urlpatterns = [
    path("policy/<str:token>/", views.result, name="result"),
    path("policy/<str:token>/policy.<str:fmt>", views.download, name="download"),
    path("policy/<str:token>/regenerate", views.regenerate, name="regenerate"),
]
