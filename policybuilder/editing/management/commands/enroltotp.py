"""manage.py enroltotp USERNAME: give a staff user the authenticator app that the admin login asks for."""

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from policybuilder.editing.staff import totp_enrol


class Command(BaseCommand):
    help = (
        "Create (or replace) a staff user's TOTP device and print the otpauth:// link and key to add "
        "to an authenticator app. The admin login then asks for its 6-digit code."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="The staff user who signs in to the admin.")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"There is no user called {options['username']!r}: create it first (createsuperuser).")
        if not user.is_staff:
            raise CommandError(f"{user} is not staff: only staff sign in to the admin.")
        device = totp_enrol(user)
        self.stdout.write(f"Add this to the authenticator app of {user} (scan it as a QR code, or type the key):")
        self.stdout.write(f"  link: {device.config_url}")
        self.stdout.write(f"  key:  {device.key}  (hex; most apps take the base32 form inside the link)")
        self.stdout.write("An earlier device of this user, if any, no longer works.")
