"""The steps that name the shop's providers: each picks services from the catalogue, grouped by
kind, and can add one the catalogue lacks (its name and privacy notice)."""

from typing import Any

from crispy_forms.layout import Layout
from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from policybuilder.questionnaire.fields import (
    StepForm,
    other_choice_clean,
    other_row,
    other_service_clean,
    other_service_fields,
    other_service_initial,
    picker,
    service_picker,
    slugs,
    yes_no,
    yes_or_no,
)
from policybuilder.questionnaire.picker import BOX, ServiceChoiceField, name_box_add

# The shop platform question's own choices, beside the catalogue's platforms.
NO_PLATFORM, OTHER = "none", "other"


class PaymentsForm(StepForm):
    title = _("Payments")
    intro = _(
        "Your shop platform and your payment providers receive your customers' details, so the policy names each one."
    )

    def layout(self) -> Layout:
        return Layout(
            picker(self, "platform"),
            other_row(
                gettext("A platform we don't list"),
                "other_platform_name",
                "other_platform_url",
                fold=gettext("Add a platform we don't list"),
            ),
            picker(self, "gateways"),
            other_row(gettext("One we don't list"), "other_name", "other_url", fold=gettext("Add one we don't list")),
            "stores_card_numbers",
        )

    def answers(self) -> dict[str, Any]:
        gateways: list[Any] = list(self.cleaned_data["gateways"])
        gateways += [self.other] if self.other else []
        payments = {"gateways": gateways, "stores_card_numbers": self.cleaned_data["stores_card_numbers"] == "yes"}
        return {"payments": payments, **self.platform_answer()}

    def platform_answer(self) -> dict[str, Any]:
        """The contract's `platform`: a slug, the added one, null for none; left out when not answered."""
        picked = self.cleaned_data["platform"]
        if not picked:
            return {}
        return {"platform": self.other_platform if picked == OTHER else None if picked == NO_PLATFORM else picked}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self.other_platform = other_choice_clean(
            self, choice="platform", name_key="other_platform_name", url_key="other_platform_url"
        )
        self.other = other_service_clean(self, "other_name", "other_url")
        said = self.has_error("other_url") or self.has_error(f"gateways{BOX}")  # an error there says it already
        if not cleaned.get("gateways") and not self.other and not said:
            self.add_error(
                "gateways", gettext("Tick at least one way your customers pay, or add yours under “One we don't list”.")
            )
        return cleaned

    @classmethod
    def initial_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any] | None:
        payments = answers.get("payments")
        if payments is None:
            return None
        platform = answers.get("platform", "")
        return {
            "platform": NO_PLATFORM if platform is None else OTHER if isinstance(platform, dict) else platform,
            **other_service_initial([platform], "other_platform_name", "other_platform_url"),
            "gateways": slugs(payments["gateways"]),
            "stores_card_numbers": yes_or_no(payments.get("stores_card_numbers", False)),
            **other_service_initial(payments["gateways"], "other_name", "other_url"),
        }

    def add_fields(self) -> None:
        extra = [
            (NO_PLATFORM, gettext("None: our shop runs on our own website")),
            (OTHER, gettext("One we don't list (add it below)")),
        ]
        self.fields["platform"] = ServiceChoiceField(
            kind=self.kind("platform"),
            extra=extra,
            label=gettext("Which platform runs your shop?"),
            required=False,
            help_text=gettext(
                "Your platform stores every order and customer record, so the policy names it. It is where "
                "you sign in to see your orders. If you run your own site (WordPress with WooCommerce, say), choose "
                "None. If unsure, ask whoever built your site, or leave it empty."
            ),
            error_messages={
                "invalid_choice": gettext(
                    "We do not know a platform called “%(value)s”: check the spelling, choose one "
                    "from the list, or choose “One we don't list (add it below)”."
                )
            },
        )
        name_box_add(self, "platform", gettext("Another platform from our list"))
        name, url = other_service_fields(gettext("Name of the platform"))
        self.fields["other_platform_name"], self.fields["other_platform_url"] = name, url
        self.fields["gateways"] = service_picker(
            gettext("Payment providers you use"),
            gettext(
                "Tick every way customers can pay: card processors, wallets like Apple Pay and pay-later services. "
                "If unsure, look at the payment settings of your shop platform."
            ),
            self.kind("payment"),
        )
        name_box_add(self, "gateways", gettext("Another payment provider from our list"))
        self.fields["other_name"], self.fields["other_url"] = other_service_fields(
            gettext("Name of the payment provider")
        )
        self.fields["stores_card_numbers"] = yes_no(
            gettext("Do card numbers reach your own server?"),
            gettext(
                "Answer No if customers type their card details on your provider's form or page (Stripe, PayPal, "
                "Shopify Payments and the like). Answer Yes only if your own system receives or keeps card numbers."
            ),
        )


class AnalyticsForm(StepForm):
    title = _("Analytics and ads")
    intro = _(
        "Tools that measure visits or show your ads learn what visitors do on your site. The policy names each one and how to refuse it."
    )

    def layout(self) -> Layout:
        return Layout(
            picker(self, "services"),
            other_row(
                gettext("An analytics tool we don't list"),
                "other_analytics_name",
                "other_analytics_url",
                fold=gettext("Add an analytics tool we don't list"),
            ),
            picker(self, "advertising"),
            other_row(
                gettext("An advertising tool we don't list"),
                "other_advertising_name",
                "other_advertising_url",
                fold=gettext("Add an advertising tool we don't list"),
            ),
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self.other_analytics = other_service_clean(self, "other_analytics_name", "other_analytics_url")
        self.other_advertising = other_service_clean(self, "other_advertising_name", "other_advertising_url")
        return cleaned

    def answers(self) -> dict[str, Any]:
        services: list[Any] = list(self.cleaned_data["services"])
        advertising: list[Any] = list(self.cleaned_data["advertising"])
        services += [self.other_analytics] if self.other_analytics else []
        advertising += [self.other_advertising] if self.other_advertising else []
        return {"analytics": {"services": services, "advertising": advertising}}

    @classmethod
    def initial_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any] | None:
        analytics = answers.get("analytics")
        if analytics is None:
            return None
        services, advertising = analytics.get("services", []), analytics.get("advertising", [])
        return {
            "services": slugs(services),
            "advertising": slugs(advertising),
            **other_service_initial(services, "other_analytics_name", "other_analytics_url"),
            **other_service_initial(advertising, "other_advertising_name", "other_advertising_url"),
        }

    def add_fields(self) -> None:
        self.fields["services"] = service_picker(
            gettext("Analytics tools"),
            gettext(
                "Tools that count visits and show how people use your site. Tick each one your site loads; "
                "if unsure, ask whoever set up your site or check your platform's apps. Tick none if you use none."
            ),
            self.kind("analytics"),
        )
        name_box_add(self, "services", gettext("Another analytics tool from our list"))
        name, url = other_service_fields(gettext("Name of the analytics tool"))
        self.fields["other_analytics_name"], self.fields["other_analytics_url"] = name, url
        self.fields["advertising"] = service_picker(
            gettext("Advertising tags and pixels"),
            gettext(
                "Code from ad networks that tracks sales from your ads, like the Meta Pixel. "
                "Tick each one installed on your site; tick none if you do not advertise online."
            ),
            self.kind("advertising"),
        )
        name_box_add(self, "advertising", gettext("Another advertising tool from our list"))
        name, url = other_service_fields(gettext("Name of the advertising tool"))
        self.fields["other_advertising_name"], self.fields["other_advertising_url"] = name, url


class NewsletterDetailsForm(StepForm):
    title = _("Newsletter details")
    intro = _("The service that sends your newsletter holds your subscribers' email addresses, so the policy names it.")

    def layout(self) -> Layout:
        return Layout(
            picker(self, "provider"),
            other_row(gettext("A newsletter service we don't list"), "other_name", "other_url"),
            "double_opt_in",
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self.other = other_choice_clean(self, choice="provider", name_key="other_name", url_key="other_url")
        return cleaned

    def answers(self) -> dict[str, Any]:
        provider = self.other if self.cleaned_data["provider"] == "other" else self.cleaned_data["provider"]
        return {"newsletter": {"provider": provider, "double_opt_in": self.cleaned_data["double_opt_in"] == "yes"}}

    @classmethod
    def initial_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any] | None:
        newsletter = answers.get("newsletter")
        if not newsletter:
            return None
        provider = newsletter["provider"]
        return {
            "provider": provider if isinstance(provider, str) else "other",
            "double_opt_in": yes_or_no(newsletter.get("double_opt_in", False)),
            **other_service_initial([provider], "other_name", "other_url"),
        }

    def add_fields(self) -> None:
        self.fields["provider"] = ServiceChoiceField(
            kind=self.kind("newsletter"),
            extra=[("other", gettext("One we don't list (add it below)"))],
            label=gettext("Newsletter service"),
            help_text=gettext(
                "The tool you write and send the newsletter with. If your shop platform sends it itself, "
                "pick “One we don't list (add it below)” and give the platform's name."
            ),
            error_messages={
                "required": gettext("Choose the service that sends your newsletter."),
                "invalid_choice": gettext(
                    "We do not know a service called “%(value)s”: check the spelling, choose one "
                    "from the list, or choose “One we don't list (add it below)”."
                ),
            },
        )
        name_box_add(self, "provider", gettext("Another newsletter service from our list"))
        self.fields["other_name"], self.fields["other_url"] = other_service_fields(
            gettext("Name of the newsletter service")
        )
        self.fields["double_opt_in"] = yes_no(
            gettext("Do new subscribers confirm by clicking a link in an email?"),
            gettext(
                "This is called double opt-in, and it proves they signed up. Most newsletter services offer it; "
                "answer No if you are not sure it is switched on."
            ),
        )


class ShippingForm(StepForm):
    title = _("Shipping")
    intro = _(
        "Carriers receive names, addresses and often phone numbers to deliver orders, so the policy names each one."
    )

    ships_from = forms.CharField(
        label=_("Where you ship from"),
        max_length=200,
        required=False,
        help_text=_("The town or region your parcels leave from, like “Leeds, England”. Optional."),
    )
    international = yes_no(
        _("Do you ship to other countries?"),
        _("Answer Yes if you send parcels abroad. Customs forms then carry the customer's details across borders."),
    )

    def layout(self) -> Layout:
        return Layout(
            picker(self, "carriers"),
            other_row(gettext("One we don't list"), "other_name", "other_url", fold=gettext("Add one we don't list")),
            "ships_from",
            "international",
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        self.other = other_service_clean(self, "other_name", "other_url")
        return cleaned

    def answers(self) -> dict[str, Any]:
        carriers: list[Any] = list(self.cleaned_data["carriers"])
        carriers += [self.other] if self.other else []
        shipping = {"carriers": carriers, "international": self.cleaned_data["international"] == "yes"}
        if self.cleaned_data["ships_from"]:
            shipping["ships_from"] = self.cleaned_data["ships_from"]
        return {"shipping": shipping}

    @classmethod
    def initial_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any] | None:
        shipping = answers.get("shipping")
        if shipping is None:
            return None
        carriers = shipping.get("carriers", [])
        return {
            "carriers": slugs(carriers),
            "ships_from": shipping.get("ships_from", ""),
            "international": yes_or_no(shipping.get("international", False)),
            **other_service_initial(carriers, "other_name", "other_url"),
        }

    def add_fields(self) -> None:
        self.fields["carriers"] = service_picker(
            gettext("Carriers you ship with"),
            gettext(
                "Tick every delivery company you hand parcels to. Tick none if you sell only downloads or services."
            ),
            self.kind("shipping"),
        )
        name_box_add(self, "carriers", gettext("Another carrier from our list"))
        self.fields["other_name"], self.fields["other_url"] = other_service_fields(gettext("Name of the carrier"))
        # Keep the page order: pickers first, then the questions declared on the class.
        for name in ("ships_from", "international"):
            self.fields[name] = self.fields.pop(name)
