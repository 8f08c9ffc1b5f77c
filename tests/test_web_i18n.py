"""The Spanish catalogue is complete: every message the pages can show (extracted from the templates and
web/*.py by Babel, as scripts/catalog.py does) has a translation, with the same placeholders."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


def test_every_message_has_a_spanish_translation() -> None:
    from babel.messages.pofile import read_po
    from catalog import CATALOGUE, template

    with open(CATALOGUE, "rb") as file:
        catalogue = read_po(file)
    missing, placeholders = [], []
    for message in template():
        if not message.id:
            continue
        found = catalogue.get(message.id)
        if found is None or not found.string:
            missing.append(message.id)
        elif sorted(re.findall(r"%\(\w+\)s", message.id)) != sorted(re.findall(r"%\(\w+\)s", str(found.string))):
            placeholders.append(message.id)
    assert missing == [], "run python scripts/catalog.py and translate these"
    assert placeholders == []


def test_the_check_can_fail(tmp_path: Path) -> None:
    from babel.messages.catalog import Catalog
    from catalog import template

    assert any(message.id == "My pay on a date" for message in template())
    assert Catalog().get("My pay on a date") is None
