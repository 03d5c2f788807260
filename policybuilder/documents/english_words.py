"""English words that no translated policy should still hold: common English words that are not words
of Spanish, French, German, Portuguese or Italian, nor parts of the names a policy quotes (a provider's
"Royal Mail", a law's English title). Checked after the shop's own free text, names, addresses and links
are taken out (tests/documents/test_languages.py; `manage.py translations --check`)."""

import re

_LIST = """
    the and your our we you they their them with which who whom whose this that these those from will would
    should could must can may might have has had been being were are is it its what when where why how
    about after before because between during through under over into onto upon than then there here also
    only just very more most some any each every other such own same both either neither not yes
    rights right ask delete copy keep kept used uses using share shared sharing sell sold selling collect
    collected collects get gets give gives given take takes order orders ordered payment payments pay paid
    delivery deliver address phone customer customers company companies law laws country countries month
    months year years day days week weeks
"""
ENGLISH_WORDS = frozenset(_LIST.split())
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_LINK = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|\(\S*\)")
# A quoted title stays as its source has it: "Do Not Sell or Share My Personal Information".
_QUOTED = re.compile(r"\"[^\"\n]*\"|“[^”\n]*”|„[^“\n]*“|«[^»\n]*»")


def _without(text: str, name: str) -> str:
    return re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", " ", text)  # whole words: "it" is not in "usare"


def english_leftovers(text: str, *, names: list[str]) -> list[str]:
    """The English words of ENGLISH_WORDS left in `text`, once every one of `names` (the shop's and the
    providers' names, the owner's free text, addresses) and every link and email address are taken out."""
    ordered = sorted({n for n in names if n.strip()}, key=len, reverse=True)
    # First the names that hold a link themselves ("[Pay](javascript:…)"), which taking links out would cut
    # up, leaving their words; then links, before the other names: a name such as "USPS" or an answer such
    # as "us" must not cut a link ("https://about.usps.com/who/") into words; then every name.
    for name in (n for n in ordered if _LINK.search(n)):
        text = _without(text, name)
    text = _LINK.sub(" ", text)
    for name in ordered:
        text = _without(text, name)
    text = _QUOTED.sub(" ", text)
    return sorted({w.lower() for w in _WORD.findall(text) if w.lower() in ENGLISH_WORDS})
