"""The value types the file formats share: amounts, non-empty text, strict models."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

MAX_AMOUNT = Decimal(10_000_000)  # no pay rate, longevity amount or lump sum comes near ten million dollars


def amount(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise ValueError(f"{value!r} is not an amount (a plain decimal number such as 31457 or 31457.50)")
    number = Decimal(value)
    if number < 0:
        raise ValueError(f"{value} is negative (an amount of 0 or more)")
    if number > MAX_AMOUNT or number.as_tuple().exponent < -4:  # type: ignore[operator]
        raise ValueError(f"{value} is out of range (an amount up to {MAX_AMOUNT}, with at most 4 decimals)")
    return number


Money = Annotated[Decimal, BeforeValidator(amount)]
Text = Annotated[str, Field(min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)
