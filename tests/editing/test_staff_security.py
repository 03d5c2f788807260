"""Staff sign-in (issue 10, part 1): long passwords, a lockout after repeated failures, a one-time code
from an authenticator app for every admin login, and a short staff session."""

import pytest
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from policybuilder.editing.staff import totp_enrol
from tests.editing.conftest import make_editor

pytestmark = pytest.mark.django_db
PASSWORD = "a long editor password"


def _login(client: Client, password: str, device: TOTPDevice | None = None, address: str = "203.0.113.9") -> int:
    """The admin login form: password, then the device chosen and its current code."""
    data = {"username": "ada", "password": password}
    if device is not None:
        data |= {"otp_device": device.persistent_id, "otp_token": _code(device)}
    return client.post("/admin/login/?next=/admin/", data, REMOTE_ADDR=address).status_code


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_a_staff_password_shorter_than_twelve_characters_is_refused():
    with pytest.raises(ValidationError, match="at least 12 characters"):
        validate_password("short-pass1")
    validate_password("a long staff password")


def test_the_admin_asks_for_the_code_from_the_authenticator_app():
    device = totp_enrol(make_editor("ada"))
    client = Client()
    assert _login(client, PASSWORD) == 200  # the form again: the code is missing
    assert client.get("/admin/").status_code == 302
    assert _login(client, PASSWORD, device) == 302
    assert client.get("/admin/").status_code == 200


def test_repeated_failures_lock_the_sign_in_and_say_so():
    device = totp_enrol(make_editor("ada"))
    client = Client()
    for _ in range(5):
        _login(client, "not the password")
    data = {"username": "ada", "password": PASSWORD, "otp_device": device.persistent_id, "otp_token": _code(device)}
    response = client.post("/admin/login/", data, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.text
    # Another address can still sign in: one attacker cannot lock an editor out everywhere.
    device.refresh_from_db()
    assert _login(Client(), PASSWORD, device, address="198.51.100.4") == 302


def test_a_staff_session_ends_after_the_staff_session_length(settings):
    settings.STAFF_SESSION_MINUTES = 30
    device = totp_enrol(make_editor("ada"))
    client = Client()
    assert _login(client, PASSWORD, device) == 302
    assert client.session.get_expiry_age() == 30 * 60


def test_enroltotp_gives_a_staff_user_a_working_authenticator_link(capsys):
    user = make_editor("ada")
    call_command("enroltotp", "ada")
    printed = capsys.readouterr().out
    assert "otpauth://totp/" in printed and "issuer=policybuilder" in printed
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1


def test_enroltotp_refuses_someone_who_is_not_staff():
    User.objects.create_user("visitor", password=PASSWORD)
    with pytest.raises(Exception, match="not staff"):
        call_command("enroltotp", "visitor")
