"""The languages a policy and the questionnaire come in. English is the source: every other language
is a translation pinned to the English text it translates (library/translations.py).

Each language names its readability formula (documents/readability.py) and its hyphenation
dictionary (pyphen), and the BCP 47 tag the HTML and PDF carry in their `lang` attribute.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import translation
from django.utils.formats import date_format, get_format
from django.utils.translation import pgettext_lazy


@dataclass(frozen=True)
class Language:
    code: str  # the answers contract's code and the HTML lang attribute (BCP 47): "en", "pt-BR"
    name: str  # in English, for the admin and the coverage report
    native: str  # in the language itself, for the language switcher
    hyphenation: str  # pyphen's dictionary
    readability: str  # the formula made for the language (documents/readability.py)
    # A regional variant's language ("fr" for "fr-CA"): the variant has its own text only where its wording
    # differs, and uses the base language's everywhere else (clauses, catalogue texts, gettext strings).
    base: str = ""

    @property
    def django(self) -> str:
        """Django's language code: "pt-br"."""
        return self.code.lower()


SOURCE = "en"
LANGUAGES: tuple[Language, ...] = (
    Language("en", "English", "English", "en_US", "flesch_kincaid"),
    Language("es", "Spanish", "Español", "es", "fernandez_huerta"),
    Language("fr", "French", "Français", "fr", "kandel_moles"),
    Language("fr-CA", "Canadian French", "Français (Canada)", "fr", "kandel_moles", base="fr"),
    Language("de", "German", "Deutsch", "de_DE", "amstad"),
    Language("pt-BR", "Brazilian Portuguese", "Português (Brasil)", "pt_BR", "flesch_br"),
    Language("it", "Italian", "Italiano", "it_IT", "flesch_vacca"),
)
CODES = tuple(language.code for language in LANGUAGES)
TRANSLATED = tuple(code for code in CODES if code != SOURCE)
# The languages the questionnaire and the review page offer: those whose every clause, section, service
# text and gettext string is translated (tests/documents/test_languages.py checks each offered one).
# A new language is translated in the library first; a policy in it is refused, naming what is missing,
# until it is complete and added here.
OFFERED: tuple[str, ...] = CODES


def language(code: str) -> Language:
    """The language of a contract code ("pt-BR") or a Django one ("pt-br")."""
    return next(lang for lang in LANGUAGES if code in (lang.code, lang.django))


def text_languages(code: str) -> tuple[str, ...]:
    """Where a text in `code` is looked for, in order: the language itself, then its base for a variant."""
    base = language(code).base
    return (code, base) if base else (code,)


# The languages that write month names in lower case in running text ("3 de dezembro de 2026").
LOWERCASE_MONTHS = frozenset({"es", "fr", "it", "pt"})


def long_date(day: date, code: str) -> str:
    """`day` as a page or policy in language `code` (a contract or Django code) writes it in running text:
    "3 December 2026", "3. Dezember 2026", "1er décembre 2026". Called by the public pages' date filter
    (publishing/templatetags/public_dates.py) and for the policy's effective date (documents/shop.py)."""
    base = code.split("-")[0].lower()
    # English is spelt out here rather than taken from Django's "N j, Y": the pages and the policy have
    # always said "3 December 2026" (a US shop's policy has its own style, in documents/shop.py).
    pattern = "j F Y" if base == SOURCE else None
    with translation.override(code.lower()):
        # Django's Italian format pads the day ("03"): running text writes "3 dicembre 2026".
        pattern = pattern or ("j F Y" if base == "it" else get_format("DATE_FORMAT"))
        if base in ("fr", "it", "pt") and day.day == 1:
            # French, Italian and Brazilian Portuguese write the first of the month as an ordinal ("1er mai",
            # "1º maggio", "1º de maio"), every other day as a number.
            pattern = pattern.replace("j", r"j\e\r" if base == "fr" else r"j\º", 1)
        written = date_format(day, pattern)
        if base in LOWERCASE_MONTHS:
            # Django capitalises some months ("Dicembre", "Dezembro") as a calendar heading would.
            written = written.replace(date_format(day, "F"), date_format(day, "F").lower())
        return written


# A language's name as a policy writes it after "the version in" ("die Fassung auf Englisch", "la version en
# anglais"): Django's own names are capitalised for menus, and some are not in that form.
VERSION_IN = {
    "en": pgettext_lazy("the version in …", "English"),
    "es": pgettext_lazy("the version in …", "Spanish"),
    "fr": pgettext_lazy("the version in …", "French"),
    "fr-CA": pgettext_lazy("the version in …", "Canadian French"),
    "de": pgettext_lazy("the version in …", "German"),
    "pt-BR": pgettext_lazy("the version in …", "Brazilian Portuguese"),
    "it": pgettext_lazy("the version in …", "Italian"),
}


def language_active() -> str:
    """The contract code ("pt-BR") of the language Django is writing in; English when it is none of ours."""
    active = (translation.get_language() or SOURCE).lower()
    return next((lang.code for lang in LANGUAGES if lang.django == active), SOURCE)
