"""A catalogue with hundreds of services of a kind: the page lists a few, and a name box finds the rest."""

import pytest
from django.test import Client
from django.urls import reverse

from policybuilder.documents.services import policy_publish
from policybuilder.library.models import Service
from policybuilder.questionnaire.models import Draft
from policybuilder.questionnaire.picker import SHOW_ALL_UP_TO
from tests.base import make_answers
from tests.questionnaire.wizard import PIPS_POTTERY, add_services, answer, back, checked, step_url

pytestmark = pytest.mark.django_db

BUDGET = 24 * 1024  # the payments page with the 57 services we ship is about 15 KB


def _at_payments(client: Client) -> None:
    client.get(reverse("questionnaire:start"))
    for step, fields in PIPS_POTTERY[:3]:
        assert answer(client, step, **fields).status_code == 302


def _payments(client: Client, **fields) -> str:
    response = answer(client, "payments", stores_card_numbers="no", **fields)
    return response.content.decode() if response.status_code == 200 else response.url


def test_the_payments_page_stays_small_however_many_providers_we_list(client):
    add_services("payment", 300)
    add_services("platform", 300)
    first = len(Client().get(step_url("payments")).content)
    add_services("payment", 600, start=300)
    again = len(Client().get(step_url("payments")).content)
    assert first <= BUDGET and again <= BUDGET, (first, again)
    assert abs(again - first) < 50  # only the count in the name box's hint grew
    page = Client().get(step_url("payments")).content.decode()
    assert 'value="stripe"' in page and 'value="paypal"' in page  # the best known ones stay
    assert 'value="payment-0500"' not in page
    assert f"We list {Service.objects.filter(kind='payment').count():,}: above are the best known" in page
    assert 'name="payments-gateways_by_name"' in page and 'name="payments-platform_by_name"' in page
    assert "Another payment provider from our list" in page


def test_a_provider_named_in_the_box_is_ticked_and_stays_across_back_and_reload(client):
    add_services("payment", 300)
    _at_payments(client)
    assert _payments(client, gateways=["stripe"], gateways_by_name="  acme payment 0250 ") == step_url("analytics")
    draft = Draft.objects.get()
    assert draft.answers["payments"]["gateways"] == ["stripe", "payment-0250"]
    page = client.get(step_url("payments")).content.decode()
    assert checked(page, "payments-gateways", "payment-0250") and checked(page, "payments-gateways", "stripe")
    assert 'name="payments-gateways_by_name" value=' not in page  # the box is empty again
    # Back from the next page, and the owner's pick is still there.
    back(client, "analytics", to="payments")
    assert checked(client.get(step_url("payments")).content.decode(), "payments-gateways", "payment-0250")
    assert "Stripe; Acme Payment 0250" in client.get(step_url("review")).content.decode()


def test_part_of_a_name_lists_the_providers_it_matches_to_tick(client):
    add_services("payment", 300)
    _at_payments(client)
    page = _payments(client, gateways_by_name="Payment 012")
    assert "We do not know a service called “Payment 012”, but the 10 whose names contain it" in page
    for n in range(120, 130):
        assert not checked(page, "payments-gateways", f"payment-{n:04d}")  # listed, not ticked
    assert 'value="Payment 012"' in page  # the box keeps what was typed
    assert checked(page, "payments-stores_card_numbers", "no")  # and the rest of the page stays
    # Ticking one of them, with the search still in the box, is the answer.
    assert _payments(client, gateways=["payment-0123"], gateways_by_name="Payment 012") == step_url("analytics")
    assert Draft.objects.get().answers["payments"]["gateways"] == ["payment-0123"]


def test_part_of_a_name_that_matches_one_provider_says_so_in_the_singular(client):
    add_services("payment", 300)
    _at_payments(client)
    page = _payments(client, gateways_by_name="Payment 0250")
    assert "We do not know a service called “Payment 0250”, but the one whose name contains it is in the list" in page
    assert not checked(page, "payments-gateways", "payment-0250")  # listed, not ticked


def test_a_name_we_do_not_list_says_so_next_to_the_box(client):
    add_services("payment", 300)
    _at_payments(client)
    page = _payments(client, gateways=["stripe"], gateways_by_name="Bay Credit Union Pay")
    message = "We do not know a service called “Bay Credit Union Pay”: check the spelling"
    assert message in page
    box = page[page.index('id="div_id_payments-gateways_by_name"') :][:1500]
    assert message in box and 'aria-invalid="true"' in box
    assert "add yours under “One we don&#x27;t list”" in box
    assert "Tick at least one way" not in page  # one message for one mistake
    assert checked(page, "payments-gateways", "stripe")
    assert not Draft.objects.get().answers.get("payments")


def test_the_platform_can_be_named_in_its_box(client):
    add_services("platform", 300)
    _at_payments(client)
    assert _payments(
        client, gateways=["stripe"], platform="shopify", platform_by_name="Acme Platform 0007"
    ) == step_url("analytics")
    assert Draft.objects.get().answers["platform"] == "platform-0007"  # the name typed is the newer choice
    assert checked(client.get(step_url("payments")).content.decode(), "payments-platform", "platform-0007")


def test_a_platform_name_we_do_not_list_keeps_the_button_ticked(client):
    add_services("platform", 300)
    _at_payments(client)
    page = _payments(client, gateways=["stripe"], platform="shopify", platform_by_name="Nowhere Shops")
    box = page[page.index('id="div_id_payments-platform_by_name"') :][:1500]
    assert "We do not know a platform called “Nowhere Shops”: check the spelling" in box
    assert checked(page, "payments-platform", "shopify")


def test_a_newsletter_service_named_in_the_box_answers_the_question(client):
    add_services("newsletter", 300)
    client.get(reverse("questionnaire:start"))
    for step, fields in PIPS_POTTERY[:5]:
        answer(client, step, **fields)
    answer(client, "newsletter", has_newsletter="yes")
    response = answer(client, "newsletter-details", provider_by_name="acme newsletter 0042", double_opt_in="yes")
    assert response.url == step_url("shipping")
    assert Draft.objects.get().answers["newsletter"] == {"provider": "newsletter-0042", "double_opt_in": True}


def test_a_saved_policy_with_a_provider_beyond_the_first_ones_reopens_with_it_ticked(client):
    add_services("payment", 300)
    answers = make_answers("minimal")
    answers["payments"]["gateways"] = ["payment-0250"]
    saved = policy_publish(answers=answers)
    client.post(reverse("questionnaire:change", args=[saved.token]))
    assert checked(client.get(step_url("payments")).content.decode(), "payments-gateways", "payment-0250")


def test_the_name_box_suggests_names_as_the_owner_types(client):
    add_services("payment", 300)
    response = client.get(reverse("questionnaire:service-names", args=["payment"]), {"q": "payment 029"})
    assert response.json() == {"names": [f"Acme Payment {n:04d}" for n in range(290, 300)]}
    assert client.get(reverse("questionnaire:service-names", args=["payment"]), {"q": ""}).json() == {"names": []}
    assert client.get(reverse("questionnaire:service-names", args=["nothing"]), {"q": "a"}).json() == {"names": []}


def test_with_the_catalogue_we_ship_every_service_is_listed_and_no_box_is_shown(client):
    assert Service.objects.values("kind").distinct().count() == 6
    for kind in Service.Kind.values:
        assert Service.objects.filter(kind=kind).count() <= SHOW_ALL_UP_TO, kind
    page = Client().get(step_url("shipping")).content.decode()
    for service in Service.objects.filter(kind="shipping"):
        assert f'value="{service.slug}"' in page
    assert "_by_name" not in page
