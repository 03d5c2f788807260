from django.urls import path

from policybuilder.documents import views

app_name = "documents"

urlpatterns = [
    path("policy/<token:token>/", views.result, name="result"),
    path("policy/<token:token>/policy.<str:fmt>", views.download, name="download"),
    path("policy/<token:token>/copy/<str:kind>/", views.copy_source, name="copy"),
    path("policy/<token:token>/regenerate", views.regenerate, name="regenerate"),
    path("policy/<token:token>/translate", views.translate, name="translate"),
]
