"""Staff accounts: a second factor (TOTP) for every staff login, and sessions that end sooner."""

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest
from django_otp.plugins.otp_totp.models import TOTPDevice


def staff_session_shorten(sender: Any, request: HttpRequest, user: AbstractBaseUser, **kwargs: Any) -> None:
    """On every staff login (the user_logged_in signal): the session ends after STAFF_SESSION_MINUTES,
    whatever the site's session length, since a staff session can change every shop's policy."""
    if getattr(user, "is_staff", False):
        request.session.set_expiry(settings.STAFF_SESSION_MINUTES * 60)


def totp_enrol(user: AbstractBaseUser) -> TOTPDevice:
    """A confirmed authenticator device for `user`, replacing any earlier one (`manage.py enroltotp`)."""
    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
