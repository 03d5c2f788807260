"""The languages a policy and the questionnaire come in. English is the source: every other language
is a translation pinned to the English text it translates (library/translations.py).

Each language names its readability formula (documents/readability.py) and its hyphenation
dictionary (pyphen), and the BCP 47 tag the HTML and PDF carry in their `lang` attribute.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # the answers contract's code and the HTML lang attribute (BCP 47): "en", "pt-BR"
    name: str  # in English, for the admin and the coverage report
    native: str  # in the language itself, for the language switcher
    hyphenation: str  # pyphen's dictionary
    readability: str  # the formula made for the language (documents/readability.py)

    @property
    def django(self) -> str:
        """Django's language code: "pt-br"."""
        return self.code.lower()


SOURCE = "en"
LANGUAGES: tuple[Language, ...] = (
    Language("en", "English", "English", "en_US", "flesch_kincaid"),
    Language("es", "Spanish", "Español", "es", "fernandez_huerta"),
    Language("fr", "French", "Français", "fr", "kandel_moles"),
    Language("de", "German", "Deutsch", "de_DE", "amstad"),
    Language("pt-BR", "Brazilian Portuguese", "Português (Brasil)", "pt_BR", "flesch_br"),
    Language("it", "Italian", "Italiano", "it_IT", "flesch_vacca"),
)
CODES = tuple(language.code for language in LANGUAGES)
TRANSLATED = tuple(code for code in CODES if code != SOURCE)
# The languages the questionnaire and the review page offer: those whose every clause, section, service
# text and gettext string is translated (tests/documents/test_languages.py checks each offered one).
# The others are translated in the library as work goes on; a policy in them is refused, naming what
# is missing, until they are complete and added here.
OFFERED: tuple[str, ...] = (SOURCE,)


def language(code: str) -> Language:
    """The language of a contract code ("pt-BR") or a Django one ("pt-br")."""
    return next(lang for lang in LANGUAGES if code in (lang.code, lang.django))
