"""In Debian's Chromium: an editor changes a clause in the admin and sees the live preview follow."""

import pytest
from django.contrib.auth.models import Group, User
from django_otp.oath import totp
from playwright.sync_api import ConsoleMessage, Page, expect

from policybuilder.editing.staff import totp_enrol
from policybuilder.library.models import Clause
from tests.browser.conftest import look_at

pytestmark = pytest.mark.browser
PASSWORD = "a long editor password"


def sign_in(page: Page, next_url: str) -> None:
    """As an editor does: password first, then the device and the code from the authenticator app."""
    user = User.objects.create_user("ada", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    device = totp_enrol(user)
    page.goto(f"/admin/login/?next={next_url}")
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("Password").fill(PASSWORD)  # the form comes back with the user's devices to choose from
    page.get_by_label("OTP Device").select_option(device.persistent_id)
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    page.get_by_label("OTP Token").fill(f"{code:06d}")
    page.get_by_role("button", name="Log in").click()


def test_an_editor_changes_a_clause_and_sees_the_preview_change(page: Page):
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}") if _worth(message) else None)
    clause = Clause.objects.get(slug="object-to-marketing")
    sign_in(page, f"/admin/library/clause/{clause.pk}/change/")
    preview = page.locator("#clause-preview-result")
    expect(preview).to_contain_text("For Golden Gate Goods (us, us-ca), this clause is not used")

    page.get_by_label("Sample shop").select_option("eu")
    expect(preview).to_contain_text("For Waldhonig (eu), this clause is used")
    expect(preview.locator(".preview-clause")).to_contain_text("direct marketing")

    page.locator("#id_body").fill(
        "Under the GDPR, **Waldhonig** answers your requests within a month.\n\n" + clause.body
    )
    expect(preview.locator(".preview-clause strong").first).to_have_text("Waldhonig")
    expect(preview.locator(".preview-clause")).to_contain_text("answers your requests within a month")

    page.locator("#id_body").fill("{{ shop.nmae }}")
    expect(preview.locator(".preview-problems")).to_contain_text("`shop.nmae` does not exist")
    assert console == [], console  # no script errors, nothing the Content-Security-Policy had to block
    assert look_at(page, "admin-clause-preview") == []  # (axe itself trips the CSP: checked before it ran)

    page.locator("#id_body").fill("Under the GDPR, you have rights over your data.\n\n" + clause.body)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert Clause.objects.get(slug="object-to-marketing").body.startswith(
        "Under the GDPR, you have rights over your data."
    )


def _worth(message: ConsoleMessage) -> bool:
    if message.location.get("url", "").endswith("/favicon.ico"):
        return False  # the site has none yet; not this page's doing
    return message.type == "error" or "Content Security Policy" in message.text
