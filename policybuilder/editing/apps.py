from django.apps import AppConfig


class EditingConfig(AppConfig):
    """Clause and service editing in the admin: validation, preview, history, conflicts, the Editors group.

    Its own app because it needs both the engine (documents) and the library, and the library
    must not know the engine.
    """

    name = "policybuilder.editing"
    verbose_name = "Clause editing"

    def ready(self) -> None:
        from django.contrib import admin
        from django.contrib.auth.signals import user_logged_in
        from django_otp.admin import OTPAdminSite

        from policybuilder.editing import checks  # noqa: F401  (registers the clause check)
        from policybuilder.editing.staff import staff_session_shorten

        # Every admin login needs a one-time code from the staff member's authenticator app.
        admin.site.__class__ = OTPAdminSite
        user_logged_in.connect(staff_session_shorten, dispatch_uid="staff_session_shorten")
