"""Editors for the admin tests: staff users in the Editors group the migration creates."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY

from policybuilder.editing.staff import totp_enrol


def staff_login(client: Client, user: User) -> Client:
    """Sign a staff user in as the admin login does: password, then a code from their authenticator."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = totp_enrol(user).persistent_id
    session.save()
    return client


def make_editor(username: str) -> User:
    user = User.objects.create_user(username=username, password="a long editor password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor(db) -> User:
    return make_editor("ada")


@pytest.fixture
def editor_client(editor) -> Client:
    return staff_login(Client(), editor)
