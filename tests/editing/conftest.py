"""Editors for the admin tests: staff users in the Editors group the migration creates."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client


def make_editor(username: str) -> User:
    user = User.objects.create_user(username=username, password="a long editor password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor(db) -> User:
    return make_editor("ada")


@pytest.fixture
def editor_client(editor) -> Client:
    client = Client()
    client.force_login(editor)
    return client
