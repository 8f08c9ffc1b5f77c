"""The file formats of a schedules folder, as strict pydantic models: contract.yaml and a schedule file.

Imported only when a folder is validated (the loader caches the result).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field

from paycalc.contract.schema_types import Money, Text
from paycalc.contract.schema_types import Strict as _Strict
from paycalc.contract.terms_schema import TermsFields

# --- the file formats --------------------------------------------------------------------------


class Term(_Strict):
    start: date
    end: date


class TierSpec(_Strict):
    label: Text
    min_years: Annotated[int, Field(ge=0, le=100)]


class TitleSpec(_Strict):
    name: Text
    aliases: list[Text] = []
    notes: list[Text] = []
    hired_before: date | None = None


class ContractFile(TermsFields):
    name: Text
    parties: Annotated[list[Text], Field(min_length=1)]
    term: Term
    source: Text
    regular_hours_per_week: Money | None = None  # required for annual contracts (checked with the terms)
    longevity_tiers: Annotated[list[TierSpec], Field(min_length=1)]
    titles: Annotated[list[TitleSpec], Field(min_length=1)]
    cpi: Text | None = None  # the default price series for real raises: us, ny-metro, or a CSV path


class SourceSpec(_Strict):
    article: Text
    pages: Text | int | None = None
    heading: Text | None = None
    layout: Text | None = None
    document: Text | None = None


class ScheduleFile(_Strict):
    effective: date
    source: SourceSpec
    longevity: dict[Text, Money] = {}
    rates: Annotated[dict[Text, dict[Text, Money]], Field(min_length=1)]
    regular_hours_per_day: Money | None = None  # this schedule's regular day, over the contract's
    regular_days_per_year: Money | None = None  # this schedule's regular year, over the contract's
    printed_annual: dict[Text, dict[Text, Money]] = {}  # the annual figures printed beside the rates
