"""The "How you handle data" step: the practices a policy may state only when the owner says so
(documents/schema_practices.py). It asks only the questions that apply to this shop
(conditions.practice_topics); every question is optional, and an unanswered one gives no key."""

from typing import Any

from crispy_forms.layout import HTML, Fieldset, Layout
from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from policybuilder.questionnaire.answer_fields import Checklist, checklist_answer, checklist_initial, choice, given
from policybuilder.questionnaire.conditions import PRACTICE_TOPICS, practice_topics
from policybuilder.questionnaire.fields import StepForm, url_field

SURVEY_SERVICE, SURVEY_OWN = "other", "own"  # the survey tool question's choices
SURVEY_NAME, SURVEY_URL = "other_survey_tool_name", "other_survey_tool_url"
CHECKLISTS = ("security", "other_recipients")
# The page's headings, each over the topics (or checklists) it groups.
GROUPS = (
    (_("Cookies and tracking"), ("consent", "gpc", "gpc_account", "optout", "dnt")),
    (_("Emails and accounts"), ("marketing", "accounts")),
    (_("Orders and surveys"), ("phone", "fraud", "surveys")),
    (_("Artificial intelligence"), ("ai",)),
    (_("Security and sharing"), CHECKLISTS),
)
# Which questions each topic brings, in page order.
TOPIC_FIELDS = {
    "consent": ("consent_banner", "consent_tool", "consent_link"),
    "gpc": ("gpc", "gpc_how"),
    "gpc_account": ("gpc_account",),
    "optout": ("optout_link",),
    "dnt": ("dnt",),
    "marketing": ("marketing_email",),
    "accounts": ("accounts_created",),
    "phone": ("phone_cards",),
    "surveys": ("surveys_anonymous", "survey_tool", SURVEY_NAME, SURVEY_URL),
    "fraud": ("fraud_checks",),
    "ai": ("ai_training",),
}


class PracticesForm(StepForm):
    title = _("How you handle data")
    intro = _(
        "The policy states only what you confirm here. Answer what you know; a question left empty is listed "
        "on your result page to answer later, and the policy says nothing about it meanwhile."
    )
    decided_by = ("business", "data", "payments", "analytics", "newsletter", "newsletter-details", "customers")

    consent_banner = choice(
        _("Does your site ask visitors to accept or refuse cookies?"),
        _(
            "A cookie banner asks before analytics and ad tools start. Many shop platforms have one built in: "
            "open your shop in a private browser window to see whether it appears."
        ),
        [
            ("tool", _("Yes: a cookie banner lets visitors accept or refuse")),
            ("none", _("No: there is no cookie banner")),
        ],
    )
    consent_tool = forms.CharField(
        label=_("Which banner or consent tool?"),
        max_length=120,
        required=False,
        help_text=_("Its name, like Cookiebot or CookieYes, or “our platform's own banner”. Optional."),
    )
    consent_link = forms.CharField(
        label=_("The words of the link that reopens cookie choices"),
        max_length=60,
        required=False,
        help_text=_(
            "If a link on your pages lets visitors change their cookie choices later, its exact words, "
            "like “Cookie settings”. Leave empty if there is no such link."
        ),
    )
    gpc = choice(
        _("Does your site honour Global Privacy Control (GPC)?"),
        _(
            "Some browsers send a GPC signal that asks sites not to sell or share the visitor's data. Some consent "
            "tools honour it for you; ask your tool's support if you are not sure."
        ),
        [("honoured", _("Yes: a GPC signal stops selling and sharing for that visitor")), ("not_honoured", _("No"))],
    )
    gpc_how = forms.CharField(
        label=_("How your site honours it"),
        max_length=300,
        required=False,
        help_text=_(
            "Only if you answered Yes. It completes the sentence “When your browser sends it, …”, "
            "like “our consent tool switches off our ad tags for your visit”."
        ),
    )
    gpc_account = choice(
        _("Does a GPC signal also opt out a signed-in customer's account?"),
        _(
            "Only if you honour GPC. Answer Yes if the opt-out is saved on the account, so that it also "
            "applies when the customer signs in on another device."
        ),
        [("yes", _("Yes")), ("no", _("No"))],
    )
    optout_link = forms.CharField(
        label=_("The words of your link to opt out of the sale or sharing of data"),
        max_length=80,
        required=False,
        help_text=_(
            "California law asks a shop that sells or shares data (ad tags count as sharing) for a link "
            "worded “Do Not Sell or Share My Personal Information” or “Your Privacy Choices”. Give the exact words "
            "of yours; leave empty if your site has none yet."
        ),
    )
    dnt = choice(
        _("What does your site do when a browser sends a Do Not Track signal?"),
        _("Do Not Track is an older browser setting. California law (CalOPPA) asks the policy to say how your "
        "site responds to it; most sites change nothing."),
        [
            ("no_change", _("Nothing changes: the site works the same")),
            ("stops_tracking", _("Our analytics and ad tools stop tracking that visitor")),
        ],
    )  # fmt: skip
    marketing_email = choice(
        _("Who gets your marketing emails?"),
        _("In the UK and the EU you may email past buyers about similar products without a sign-up only if "
        "you gave them a way to say no at checkout and in every email."),
        [
            ("consent_only", _("Only people who signed up: buying does not add anyone to the list")),
            (
                "past_buyers_opt_out",
                _("Also past buyers, about products like theirs, with an unsubscribe link in every email"),
            ),
            ("none", _("No customer gets marketing emails, only order and delivery emails")),
        ],
    )  # fmt: skip
    accounts_created = choice(
        _("How are customer accounts set up?"),
        _("Most shop platforms let customers choose their own password when they sign up or at checkout."),
        [
            ("customer_password", _("The customer chooses their own password")),
            ("shop_emails_password", _("We create the account and email a password or a link to set one")),
        ],
    )
    phone_cards = choice(
        _("When a customer orders by phone, what happens to the card details they read out?"),
        _("Say what really happens: the policy tells customers."),
        [
            (
                "entered_not_kept",
                _("We type them into our payment provider's form and never write them down or keep them"),
            ),
            ("kept", _("We write them down or keep them, for example to charge the card later")),
        ],
    )  # fmt: skip
    fraud_checks = choice(
        _("Can a fraud check turn down an order without a person looking at it?"),
        _("Many payment providers screen each payment for fraud and can decline it automatically. "
        "Look at your payment provider's fraud settings if you are not sure."),
        [
            (
                "automated_decline",
                _("Yes: a fraud check by us or our payment provider can decline an order on its own"),
            ),
            ("human_review", _("No: a person looks at every order a check flags before it is declined")),
            ("none", _("No: no fraud check declines orders")),
        ],
    )  # fmt: skip
    ai_training = choice(
        _("Do you use customers' personal data to train AI language models?"),
        _(
            "Connecticut's privacy law asks the policy to say whether you collect, use or sell personal data to "
            "train large language models (the AI behind chatbots). Using a chatbot someone else trained is not "
            "training one."
        ),
        [("no", _("No")), ("yes", _("Yes: we use it, or sell it, to train language models"))],
    )
    surveys_anonymous = choice(
        _("Are your survey answers anonymous?"),
        _("Anonymous means you cannot tell who gave an answer: no name, email or order number goes with it."),
        [("yes", _("Yes: answers are not linked to the customer")), ("no", _("No: we know who gave each answer"))],
    )
    survey_tool = choice(
        _("Who runs your surveys?"),
        _("A survey service receives the answers, so the policy names it."),
        [
            (SURVEY_SERVICE, _("A survey service (name it below)")),
            (SURVEY_OWN, _("We run them ourselves, on our site or by email")),
        ],
        not_sure=False,
    )  # fmt: skip
    other_survey_tool_name = forms.CharField(
        label=_("Name of the survey service"),
        max_length=120,
        required=False,
        help_text=_("Like Typeform or SurveyMonkey. Leave empty if you run your surveys yourself."),
    )
    other_survey_tool_url = url_field(
        _("Its privacy notice (web address)"),
        _("The page where the survey service explains what it does with personal data; the policy links to it."),
    )
    security = Checklist(
        label=_("How you protect customer data"),
        help_text=_(
            "Tick only what is true for your shop: the policy names each one. Leave every box empty "
            "to say nothing for now."
        ),
        options=[
            ("https", _("Every page of the site uses HTTPS (the padlock in the address bar)")),
            ("hashed_passwords", _("Passwords are stored only as a secure hash, never as typed")),
            ("staff_access", _("Only the staff who need customer data can see it")),
            ("two_factor", _("Staff sign in with two-step verification")),
            ("encrypted_storage", _("Customer data is encrypted where it is stored")),
        ],
        none_label=_("None of these"),
    )
    other_recipients = Checklist(
        label=_("Who else may receive customer data"),
        help_text=_(
            "Besides the providers you named and the authorities when the law requires it. Tick each one "
            "that applies; leave every box empty to say nothing for now."
        ),
        options=[
            ("fraud_prevention", _("Fraud prevention services, to check orders")),
            ("advisers", _("Professional advisers, like an accountant or a lawyer")),
            ("business_buyer", _("A buyer of the business, if we sell it")),
        ],
        none_label=_("None of these: only our providers, and the authorities when the law requires"),
    )

    def __init__(self, *args: Any, topics: tuple[str, ...] = PRACTICE_TOPICS, **kwargs: Any):
        self.topics = topics
        super().__init__(*args, **kwargs)

    def add_fields(self) -> None:
        # Every question is declared above; the page keeps those that apply to this shop.
        shown = {name for topic in self.topics for name in TOPIC_FIELDS[topic]} | set(CHECKLISTS)
        for name in [name for name in self.fields if name not in shown]:
            del self.fields[name]

    def layout(self) -> Layout:
        """The questions under a heading per group, so that a long page can be skimmed and navigated."""
        parts: list[Any] = []
        for heading, topics in GROUPS:
            names = [name for topic in topics if topic in self.topics for name in TOPIC_FIELDS[topic]]
            names += [name for name in CHECKLISTS if name in topics]
            if not names:
                continue
            parts.append(HTML(format_html('<h2 class="h5 step-group">{}</h2>', heading)))
            for name in names:
                if name == SURVEY_NAME:
                    parts.append(Fieldset(gettext("If a survey service runs them"), SURVEY_NAME, SURVEY_URL, css_class="other-service"))  # fmt: skip
                elif name != SURVEY_URL:
                    parts.append(name)
        return Layout(*parts)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (cleaned.get("consent_tool") or cleaned.get("consent_link")) and cleaned.get("consent_banner") != "tool":
            self.add_error("consent_banner", gettext("You named a cookie banner below: choose Yes, or empty its name and link words."))  # fmt: skip
        if cleaned.get("gpc_how") and cleaned.get("gpc") != "honoured":
            self.add_error("gpc", gettext("You said how your site honours GPC: choose Yes, or empty the box below."))
        self.survey_service = self._survey_service(cleaned)
        return cleaned

    def _survey_service(self, cleaned: dict[str, Any]) -> dict[str, str] | None:
        """The survey service as the contract has it; both its parts are needed, and only when chosen."""
        name, url, picked = cleaned.get(SURVEY_NAME, ""), cleaned.get(SURVEY_URL, ""), cleaned.get("survey_tool")
        if (name or url) and picked != SURVEY_SERVICE:
            self.add_error("survey_tool", gettext("You named a survey service below: choose “A survey service”, or empty its name."))  # fmt: skip
        elif picked == SURVEY_SERVICE and not name:
            self.add_error(SURVEY_NAME, gettext("Give the name of the survey service you use."))
        elif picked == SURVEY_SERVICE and not url and not self.has_error(SURVEY_URL):
            self.add_error(SURVEY_URL, gettext("Give the privacy notice address of %(name)s.") % {"name": name})
        return {"name": name, "privacy_url": url} if name and url else None

    def answers(self) -> dict[str, Any]:
        cleaned = self.cleaned_data
        names = [n for n in self.fields if n not in (*CHECKLISTS, "survey_tool", SURVEY_NAME, SURVEY_URL)]
        practices = given(cleaned, names)
        for name in (n for n in CHECKLISTS if n in self.fields):
            ticked = checklist_answer(cleaned[name])
            if ticked is not None:
                practices[name] = ticked
        if cleaned.get("survey_tool") == SURVEY_OWN:
            practices["survey_tool"] = None  # the contract's null: no service receives the answers
        elif self.survey_service:
            practices["survey_tool"] = self.survey_service
        return {"practices": practices} if practices else {}

    @classmethod
    def initial_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any] | None:
        if "business" not in answers:
            return None
        practices = dict(answers.get("practices", {}))
        initial = {k: v for k, v in practices.items() if k not in (*CHECKLISTS, "survey_tool")}
        initial |= {name: checklist_initial(practices.get(name)) for name in CHECKLISTS}
        if "survey_tool" in practices:
            tool = practices["survey_tool"]
            initial["survey_tool"] = SURVEY_SERVICE if tool else SURVEY_OWN
            initial |= {SURVEY_NAME: tool["name"], SURVEY_URL: tool["privacy_url"]} if tool else {}
        return initial

    @classmethod
    def options_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any]:
        return {"topics": practice_topics(answers=answers)}
