"""The "Size of your business" step: the figures that decide whether a size-tested law reaches the
shop, asked only for the laws its customers bring (conditions.size_topics), and what the policy does
when a law does not apply. The thresholds themselves are data (clauses/laws.yaml): the form only
collects the figures, so no threshold is written here."""

from typing import Any

from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from policybuilder.documents.schema_practices import size_schema
from policybuilder.documents.us_states import State, band_words, consumer_bands, state_name, states_to_count
from policybuilder.questionnaire.answer_fields import (
    AmountField,
    Checklist,
    checklist_answer,
    checklist_initial,
    choice,
    given,
)
from policybuilder.questionnaire.conditions import size_topics
from policybuilder.questionnaire.fields import StepForm
from policybuilder.questionnaire.i18n import Text

# A band's words in the page's language, when the page is shown (the class's choices are built at import).
_band_label = lazy(lambda band: capfirst(band_words(band)), str)

TOPICS = ("us-ca", "us-states", "au", "gdpr", "br", "jp", "cn")
LEGENDS = {
    "us-ca": _("California: the California Consumer Privacy Act (CCPA)"),
    "us-states": _("Other US states: their consumer privacy laws"),
    "au": _("Australia: the Privacy Act 1988"),
    "gdpr": _("Europe: a representative for the EU or the UK"),
    "br": _("Brazil: the LGPD"),
    "jp": _("Japan: the Act on the Protection of Personal Information (APPI)"),
    "cn": _("Mainland China: the Personal Information Protection Law (PIPL)"),
}
# The "if the law does not apply to us" question of each law, by its code in `not_applicable`.
NOT_APPLICABLE = {"us-ca": "not_applicable_us_ca", "au": "not_applicable_au", "us-states": "not_applicable_us_states"}
STATE_FIELD = "consumers_{}"  # one band per state law, for the states the US-wide band cannot rule out
CHECKLISTS = ("au_exceptions",)
# Which questions each law brings, in page order.
TOPIC_FIELDS = {
    "us-ca": ("annual_revenue_usd", "california_consumers", "revenue_share_from_data_pct", "not_applicable_us_ca"),
    # The revenue and share figures serve both; a page with the California questions asks them there.
    "us-states": (
        "us_consumers",
        "sba_small_business",
        "annual_revenue_usd",
        "revenue_share_from_data_pct",
        "not_applicable_us_states",
    ),  # fmt: skip
    "au": ("au_turnover_aud", "au_exceptions", "not_applicable_au"),
    "gdpr": ("gdpr_occasional",),
    "br": ("lgpd_small_agent",),
    "jp": ("jp_representative", "jp_transfers"),
    "cn": ("cn_consent",),
}


def _high(key: str) -> int:
    """The answers schema's highest value for a figure, so that the form takes what the contract takes."""
    return int(size_schema()["properties"][key]["maximum"])


def _if_not_applicable(label: Text) -> forms.ChoiceField:
    """The question of what the policy does when a law does not apply, labelled `label`
    ("If the California law does not apply to a business your size")."""
    return forms.ChoiceField(
        label=label,
        choices=[
            ("leave_out", _("Leave its section out of the policy")),
            ("give_anyway", _("Give customers its rights anyway, and say that we do so by choice")),
            ("", _("Not sure yet")),
        ],
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "We work out from your answers whether the law applies. If you are not sure, the policy gives "
            "the rights anyway, saying that the law does not require it, and your result page reminds you to choose."
        ),
        error_messages={"invalid_choice": _("“%(value)s” is not one of the answers listed. Choose one from the list.")},
    )


class SizeForm(StepForm):
    title = _("Size of your business")
    intro = _(
        "Some privacy laws reach only businesses above a certain size, or that do certain things. Your answers "
        "decide which of them apply to your shop. Every question is optional: your result page lists what is left."
    )
    decided_by = ("business", "customers")
    ANCHORS = {code: name for code, name in NOT_APPLICABLE.items()}  # "To confirm" names the law's code

    annual_revenue_usd = AmountField(
        label=_("Your gross revenue last calendar year, in US dollars"),
        help_text=_(
            "All your sales, in every country, before costs, like 250000. We compare it with the "
            "California law's revenue test."
        ),
        mistake=_("Give a whole number of US dollars, like 250000, or leave it empty."),
        high=_high("annual_revenue_usd"),
    )
    california_consumers = AmountField(
        label=_("California residents or households whose data you buy, sell or share in a year"),
        help_text=_(
            "A rough number is fine. Ad tags count as sharing, so count the California visitors "
            "your ad tags see in a year. Give 0 if you buy, sell and share none."
        ),
        mistake=_("Give a whole number, like 5000, or leave it empty."),
        high=_high("california_consumers"),
    )
    revenue_share_from_data_pct = AmountField(
        label=_("Share of your revenue that comes from selling or sharing personal data, in percent"),
        help_text=_("A whole percent, like 5. Most shops earn nothing this way and give 0."),
        mistake=_("Give a whole percent from 0 to 100, like 5, or leave it empty."),
        high=_high("revenue_share_from_data_pct"),
    )
    not_applicable_us_ca = _if_not_applicable(_("If the California law does not apply to a business your size"))
    us_consumers = forms.ChoiceField(
        label=_("People in the US whose data you handle in a year"),
        help_text=_(
            "Count buyers and also site visitors whose cookies or IP addresses your site or its tags "
            "process: the yearly number of US visitors in your analytics is a fair guess. "
            "State privacy laws start at 10,000 to 175,000 residents of the state."
        ),
        choices=[(band.key, _band_label(band)) for band in consumer_bands()] + [("", _("Not sure"))],
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("“%(value)s” is not one of the answers listed. Choose one from the list.")},
    )
    sba_small_business = choice(
        _("Is your business a small business by the US Small Business Administration's standard?"),
        _(
            "The SBA sets a limit of yearly revenue or staff for each industry; most online shops with revenue under "
            "a few tens of millions of dollars are small. Texas, Nebraska and Minnesota exempt small businesses "
            "from their privacy laws (the SBA's size standards table shows the limit for your industry)."
        ),
        [("yes", _("Yes: small by the SBA's standard")), ("no", _("No"))],
    )
    not_applicable_us_states = _if_not_applicable(_("If a state's privacy law does not apply to a business your size"))
    au_turnover_aud = AmountField(
        label=_("Your annual turnover last financial year, in Australian dollars"),
        help_text=_(
            "All the money your business took in, before costs, like 250000. We compare it with the "
            "Privacy Act's small business test."
        ),
        mistake=_("Give a whole number of Australian dollars, like 250000, or leave it empty."),
        high=_high("au_turnover_aud"),
    )
    au_exceptions = Checklist(
        label=_("Does any of these apply to your business?"),
        help_text=_(
            "A small business is covered by the Privacy Act anyway when one of these is true "
            "(sections 6D and 6EA of the Act). Leave every box empty if you are not sure."
        ),
        options=[
            ("trades_in_personal_information", _("We buy, sell or pass on personal information for a benefit")),
            ("health_service", _("We provide a health service and hold health information")),
            ("related_body", _("We are related to a company that the Act covers")),
            ("government_contractor", _("We provide services under a contract with the Australian Government")),
            ("opted_in", _("We chose to be covered by the Act (we opted in)")),
        ],
        none_label=_("None of these"),
    )
    not_applicable_au = _if_not_applicable(_("If the Australian Privacy Act does not apply to a business your size"))
    gdpr_occasional = choice(
        _("Do you handle the data of customers in the EU or the UK only now and then?"),
        _(
            "The GDPR (article 27(2)) asks for no representative when you handle their data only occasionally, "
            "hold no sensitive data about them on a large scale, and the risk to them is low. A shop that sells "
            "there regularly answers No."
        ),
        [("yes", _("Yes: only now and then, and low-risk")), ("no", _("No: we sell there regularly"))],
    )
    lgpd_small_agent = choice(
        _("Is your business a small processing agent under Brazil's LGPD?"),
        _(
            "Brazil's data authority eases the rules for micro and small businesses and startups whose "
            "processing is not high-risk, like large-scale or sensitive data (Resolution CD/ANPD 2/2022). "
            "Such a business may give customers a contact channel instead of naming a data protection officer."
        ),
        [("yes", _("Yes")), ("no", _("No"))],
    )

    jp_representative = forms.CharField(
        label=_("Name of your business's representative"),
        max_length=200,
        required=False,
        help_text=_(
            "Japan's APPI asks a company to make known the name of its representative, such as its "
            "representative director (代表取締役). A sole trader gives their own name."
        ),
    )
    jp_transfers = choice(
        _("How may companies outside Japan get the data of your customers in Japan?"),
        _(
            "Japan's APPI (article 28) lets data go to a company outside Japan, the EU and the UK only with the "
            "customer's consent, or to a company bound, usually by contract, to protect it to the APPI's standard. "
            "Your providers' data processing terms often say which."
        ),
        [
            ("contract", _("Our contracts bind each of them to protect it as the APPI requires")),
            (
                "consent",
                _("We ask customers in Japan to agree first, after telling them about each country and company"),
            ),
        ],
    )
    cn_consent = choice(
        _("Do you ask customers in China for a separate consent before passing their data on?"),
        _(
            "China's PIPL (articles 23 and 39) asks for a consent given on its own, not by agreeing to your policy, "
            "before you pass data to a company that uses it for its own purposes (a payment or ad company, say), and "
            "before it leaves mainland China."
        ),
        [("yes", _("Yes: a separate consent, asked for on its own")), ("no", _("No"))],
    )

    def __init__(self, *args: Any, topics: tuple[str, ...] = TOPICS, **kwargs: Any):
        self.topics = topics
        self.states: tuple[State, ...] = ()  # the states whose residents to count (add_fields)
        super().__init__(*args, **kwargs)

    def add_fields(self) -> None:
        # Every question is declared above; the page keeps those of the laws that reach this shop.
        shown = {name for topic in self.topics for name in TOPIC_FIELDS[topic]}
        for name in [name for name in self.fields if name not in shown]:
            del self.fields[name]
        if "us-states" in self.topics:
            # From the US-wide band this page last saved (or was given): the states it cannot rule out.
            band = self.data.get(self.add_prefix("us_consumers")) if self.is_bound else self.initial.get("us_consumers")
            self.states = states_to_count({"us_consumers": band})
        for st in self.states:
            self.fields[STATE_FIELD.format(st.code)] = forms.ChoiceField(
                label=gettext("Of those, residents of %(state)s") % {"state": state_name(st)},
                choices=[(band.key, _band_label(band)) for band in consumer_bands()] + [("", gettext("Not sure"))],
                required=False,
                error_messages={
                    "invalid_choice": gettext("“%(value)s” is not one of the answers listed. Choose one from the list.")
                },  # fmt: skip
            )

    def _topic_fields(self, topic: str, done: set[str]) -> list[str]:
        names = [name for name in TOPIC_FIELDS[topic] if name not in done]
        if topic == "us-states" and self.states:
            names[1:1] = [STATE_FIELD.format(st.code) for st in self.states]
        done.update(names)
        return names

    def layout(self) -> Layout:
        done: set[str] = set()
        return Layout(*(Fieldset(LEGENDS[topic], *self._topic_fields(topic, done)) for topic in self.topics))

    def answers(self) -> dict[str, Any]:
        cleaned = self.cleaned_data
        state_fields = {STATE_FIELD.format(st.code): st.code for st in self.states}
        figures = [name for name in self.fields if name not in (*CHECKLISTS, *NOT_APPLICABLE.values(), *state_fields)]
        size = given(cleaned, figures)
        counted = {code: cleaned[name] for name, code in state_fields.items() if cleaned.get(name)}
        if counted:
            size["us_state_consumers"] = counted
        for name in (n for n in CHECKLISTS if n in self.fields):
            ticked = checklist_answer(cleaned[name])
            if ticked is not None:
                size[name] = ticked
        choices = {code: cleaned.get(name) for code, name in NOT_APPLICABLE.items()}
        not_applicable = {code: value for code, value in choices.items() if value}
        return ({"size": size} if size else {}) | ({"not_applicable": not_applicable} if not_applicable else {})

    @classmethod
    def initial_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any] | None:
        if "business" not in answers:
            return None
        size = dict(answers.get("size", {}))
        initial = {key: value for key, value in size.items() if key not in (*CHECKLISTS, "us_state_consumers")}
        initial |= {STATE_FIELD.format(code): band for code, band in (size.get("us_state_consumers") or {}).items()}
        initial |= {name: checklist_initial(size.get(name)) for name in CHECKLISTS}
        chosen = answers.get("not_applicable", {})
        return initial | {name: chosen[code] for code, name in NOT_APPLICABLE.items() if code in chosen}

    @classmethod
    def options_from_answers(cls, answers: dict[str, Any]) -> dict[str, Any]:
        country = answers.get("business", {}).get("country", "")
        return {"topics": size_topics(country=country, jurisdictions=answers.get("jurisdictions", []))}
