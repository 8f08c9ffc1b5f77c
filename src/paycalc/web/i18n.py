"""The pages in English and Spanish: message catalogues (gettext, through Babel) and money, numbers and dates
formatted per language by Babel. The command line stays English.

The catalogue is ``locale/es/LC_MESSAGES/messages.po`` beside this file, read with Babel and compiled in memory
once per process. A page's language is ``lang=es|en`` in its address (kept in its share link), else the
browser's Accept-Language, else English.
"""

from __future__ import annotations

import datetime
import gettext
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent
LANGUAGES = {"en": "English", "es": "Español"}
LOCALES = {"en": "en_US", "es": "es_US"}  # US money and numbers in both: $29,954.00


@lru_cache(maxsize=4)
def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of ``lang`` (English: the messages as written)."""
    if lang == "en":
        return gettext.NullTranslations()
    from io import BytesIO

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    with open(HERE / "locale" / lang / "LC_MESSAGES" / "messages.po", "rb") as file:
        catalog = read_po(file, locale=LOCALES[lang])
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


def choose(asked: str | None, accept_language: str) -> str:
    """``lang`` from the address if it is one of ours, else the first of ours the browser accepts, else English."""
    if asked in LANGUAGES:
        return asked
    ranked = []
    for position, part in enumerate(accept_language.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        ranked.append((-weight, position, tag.strip().lower().split("-")[0]))
    for _, _, tag in sorted(ranked):
        if tag in LANGUAGES:
            return tag
    return "en"


def money(value: Decimal | str | None, lang: str) -> str:
    """``$29,954.00``: to the cent, the sign before the dollar sign."""
    if value is None or value == "":
        return ""
    from babel.numbers import format_currency

    return str(format_currency(Decimal(str(value)), "USD", locale=LOCALES[lang]))


def signed(value: Decimal | str, lang: str) -> str:
    amount = Decimal(str(value))
    return ("+" if amount >= 0 else "") + money(amount, lang)


def rate(value: Decimal | str, basis: str, lang: str) -> str:
    """A published rate as a member reads it: ``$22.35 an hour``, ``$29,954.00 a year``."""
    _ = translations(lang).gettext
    unit = {"hourly": _("an hour"), "daily": _("a day")}.get(basis, _("a year"))
    return f"{money(value, lang)} {unit}"


def number(value: Decimal | str, lang: str, places: int = 4) -> str:
    from babel.numbers import format_decimal

    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-places)).normalize()
    return str(format_decimal(rounded, locale=LOCALES[lang]))


def day(value: datetime.date | str, lang: str) -> str:
    """A date written out: ``June 16, 2018``, ``16 de junio de 2018``."""
    from babel.dates import format_date

    found = value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value))
    return str(format_date(found, format="long", locale=LOCALES[lang]))


def paid_basis(basis: str, lang: str) -> str:
    """What was paid, in words: ``schedule 2025-07-01``, ``flat 28665.33`` or ``contract NAME`` as retro says it."""
    _ = translations(lang).gettext
    kind, _space, rest = basis.partition(" ")
    if kind == "schedule":
        return _("the schedule of %(date)s, frozen") % {"date": day(rest, lang)}
    if kind == "flat":
        return _("a flat %(amount)s a year") % {"amount": money(rest, lang)}
    return _("the scale of %(name)s, in force each day") % {"name": rest}
