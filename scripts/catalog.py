"""Keep the web pages' Spanish catalogue in step with the templates and web/*.py: extract every message
with Babel's extractors (Jinja2's for the templates, Python's for ``_``, ``N_`` and ``gettext``), merge the new
ones into ``src/paycalc/web/locale/es/LC_MESSAGES/messages.po`` (untranslated, for a translator to fill in),
drop the ones no longer used, and list what is untranslated. ``tests/test_web_i18n.py`` fails while any is.

    python scripts/catalog.py            # update the catalogue, list what needs a translation
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
WEB = ROOT / "src" / "paycalc" / "web"
CATALOGUE = WEB / "locale" / "es" / "LC_MESSAGES" / "messages.po"
METHODS = [("templates/**.j2", "jinja2"), ("*.py", "python")]
OPTIONS = {"templates/**.j2": {"extensions": "jinja2.ext.i18n"}}
KEYWORDS = {"_": None, "N_": None, "gettext": None}


def template() -> Catalog:
    """Every message the pages can show, with where it is."""
    found = Catalog()
    for name, line, message, _, _ in extract_from_dir(WEB, METHODS, OPTIONS, keywords=KEYWORDS, comment_tags=()):
        found.add(message, None, [(name, line)])
    return found


def main() -> None:
    with open(CATALOGUE, "rb") as file:
        catalogue = read_po(file, locale="es_US")
    catalogue.update(template(), no_fuzzy_matching=True)
    catalogue.obsolete.clear()
    catalogue.fuzzy = False
    with open(CATALOGUE, "wb") as file:
        write_po(file, catalogue, width=120, include_lineno=False, omit_header=False)
    missing = [m.id for m in catalogue if m.id and not m.string]
    print(f"{CATALOGUE.relative_to(ROOT)}: {len(catalogue)} messages, {len(missing)} untranslated")
    for message in missing:
        print(f"  {message!r}")


if __name__ == "__main__":
    main()
