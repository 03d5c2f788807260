from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path, register_converter
from django.views.generic import RedirectView

from policybuilder.ops.converters import TokenConverter
from policybuilder.ops.views import healthz

register_converter(TokenConverter, "token")

handler500 = "policybuilder.ops.views.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),  # set_language: the language switcher's form posts here
    # Browsers ask for /favicon.ico on every page, the admin's included.
    path("favicon.ico", RedirectView.as_view(url=static("favicon.svg"), permanent=True)),
    path("", include("policybuilder.documents.urls")),
    path("", include("policybuilder.publishing.urls")),
    path("", include("policybuilder.questionnaire.urls")),
]
