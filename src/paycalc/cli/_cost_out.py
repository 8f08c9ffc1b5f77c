"""Where ``paycalc cost`` writes: the costing (table, JSON, CSV, HTML or an .xlsx workbook), the costing
member by member (``--per-member``) and the solved raise as a proposal file (``--write-proposal``).

Every file is rendered in memory first, then each is written whole (or not at all) by
:func:`paycalc.output.files.write_atomically`.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Sequence
from typing import IO, Any, NamedTuple

import typer

from paycalc.cli._common import fail, usage_error


class Outputs(NamedTuple):
    """What the user asked to be written, and from what."""

    kind: str  # table, json, csv or html
    by_title: bool
    output: str
    per_member: str | None
    write_proposal: str | None
    roster: str  # the roster's name as given, for the report
    carried: list[str]  # the roster's own columns carried through


def check_paths(outputs: Outputs, inputs: list[str]) -> None:
    """Each output replaces no input and no other output of the run (compared by identity, then by path)."""
    from paycalc.output.files import STDOUT_NAMES, check_output

    seen: dict[str, str] = {}
    for option, path in (("--output", outputs.output), ("--per-member", outputs.per_member),
                         ("--write-proposal", outputs.write_proposal)):  # fmt: skip
        if path is None or path in STDOUT_NAMES:
            continue
        real = str(check_output(path, inputs))
        if real in seen:
            usage_error(f"{option} {path} is the file {seen[real]} names too (give each output its own path)")
        seen[real] = option


def today() -> datetime.date:
    """The day the report is made: today, or the day of ``SOURCE_DATE_EPOCH`` for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date()
    return datetime.date.today()


def named_collector() -> Any:
    """What the report keeps of the members as they are costed: those who gain least and most."""
    from paycalc.output.cost_members import Extremes

    return Extremes()


def handing_over(costs: list[Any] | None, named: Any) -> Callable[[Any], None] | None:
    """The costing's ``on_member``: each member to the list of all (per-member outputs) and to the report's
    collector, where asked for; None when neither is."""
    if costs is None and named is None:
        return None

    def take(cost: Any) -> None:
        if costs is not None:
            costs.append(cost)
        if named is not None:
            named.add(cost)

    return take


def show(
    result: Any, proposals: list[Any], solved: Any, costs: Sequence[Any] | None, outputs: Outputs, named: Any = None
) -> None:
    from paycalc.output import cost_render
    from paycalc.output.render import terminal_width, to_csv, to_json

    names = cost_render.offer_labels(proposals)
    if solved is not None:  # the solved raise is named in every output: here, the offer's row
        names[0] += f" + {solved.percent}% on {solved.on}"
    writes: list[tuple[str, Callable[[IO[Any]], None], bool]] = []
    if outputs.per_member is not None:
        assert costs is not None
        writes.append((outputs.per_member, *_per_member(outputs.per_member, result, names, costs, outputs.carried)))
    if outputs.write_proposal is not None and solved is not None:
        from paycalc.output.proposal_yaml import dump

        note = [f"Written by paycalc cost: {solved.summary}".replace("\n", " ")]
        spec = solved.proposal.proposal
        written = dump(spec._replace(name=f"{spec.name} + {solved.percent}% on {solved.on}"), note)
        writes.append((outputs.write_proposal, _text_writer(written), False))
    if outputs.output.lower().endswith(".xlsx"):
        from paycalc.output.cost_workbook import heading, workbook

        assert costs is not None
        sheets = workbook(result, names, costs, outputs.carried, _assumptions(result, proposals, solved, outputs))
        title = heading(result, proposals[0].name, names)
        writes.append((outputs.output, lambda out: _sheets(out, sheets, title), True))
    else:
        if outputs.kind == "json":
            from paycalc.output.render import cents

            record = cost_render.as_record(result, outputs.by_title)
            if solved is not None:
                record["solved"] = {
                    "percent": str(solved.percent),
                    "on": solved.on.isoformat(),
                    "budget": cents(solved.budget),
                }
                record["solved_percent"] = str(solved.percent)
            text = to_json(record) + "\n"
        elif outputs.kind == "csv":
            rows = cost_render.csv_rows(result, outputs.by_title)
            columns = cost_render.csv_header(result)
            if solved is not None:
                columns = (*columns, "solved_percent")
                rows = [[*row, str(solved.percent)] for row in rows]  # a solve costs one offer: every row is its
            text = to_csv(columns, rows)
        elif outputs.kind == "html":
            from paycalc.output.report import html as html_report

            assert named is not None
            made = (outputs.roster if outputs.roster != "-" else "stdin", today())
            text = html_report(result, proposals, solved, named=named.found(), carried=outputs.carried, made=made)
        else:
            from paycalc.output.cost_table import render_table

            text = render_table(result, names, outputs.by_title, terminal_width()) + "\n"
            if solved is not None:
                text = f"{solved.summary}\n\n{text}"
        writes.append((outputs.output, _text_writer(text), False))
    _write_all(writes)


def _per_member(
    path: str, result: Any, names: list[str], costs: Sequence[Any], carried: list[str]
) -> tuple[Callable[[IO[Any]], None], bool]:
    """How to write the costing member by member: JSON for ``.json``, a workbook for ``.xlsx``, else CSV."""
    from paycalc.output import cost_members
    from paycalc.output.render import to_csv, to_json

    if path.lower().endswith(".xlsx"):
        columns = cost_members.columns(result, names, carried)
        sheets = [("Per member", columns, cost_members.rows(costs, typed=True))]
        return (lambda out: _sheets(out, sheets)), True
    if path.lower().endswith(".json"):
        text = to_json(list(cost_members.records(costs, result, carried))) + "\n"
    else:
        from paycalc.output.files import safe_cell

        columns = [safe_cell(c) for c in cost_members.columns(result, names, carried)]
        text = to_csv(columns, cost_members.rows(costs, typed=False))
    return _text_writer(text), False


def _text_writer(text: str) -> Callable[[IO[Any]], None]:
    """A writer of ``text`` (each output binds its own: a closure over a reused name would write the last)."""

    def write(out: IO[Any]) -> None:
        print(text, end="", file=out)

    return write


def _sheets(out: IO[bytes], sheets: Any, title: str = "") -> None:
    from paycalc.output.spreadsheet import write_sheets

    write_sheets(out, sheets, title)


def _assumptions(result: Any, proposals: list[Any], solved: Any, outputs: Outputs) -> list[tuple[str, str]]:
    from paycalc.output.cost_render import status_quo_words
    from paycalc.rules.proposal import describe

    pairs = [
        ("Roster", outputs.roster if outputs.roster != "-" else "stdin"),
        ("Made on", today().isoformat()),
        ("Costed", f"{result.total.start} to {result.total.end}, both days included"),
        ("Fiscal years start", result.fiscal_year_start),
        ("Pay periods", result.method),
        ("Status quo", f"{status_quo_words(result)}, longevity and steps still moving"),
        ("Increase", "payroll + lump sums - status quo; recurring = payroll - status quo; one-time = lump sums"),
        ("Rollover", f"each offer's annual payroll on {result.rollover.on} minus the status quo's"),
    ]
    for contract in proposals:
        spec = contract.proposal
        changes = "; ".join(f"{c.effective}: {describe(c)}" for c in spec.changes) or "no changes"
        lumps = "; ".join(f"{x.name} {x.amount} on {x.paid}" for x in spec.lump_sums)
        pairs.append((f"Offer {spec.file}", f"{spec.name}: {changes}" + (f"; lump sums: {lumps}" if lumps else "")))
    if solved is not None:
        pairs.append(("Solved", solved.summary.replace("\n", " ")))
        pairs.append(("solved_percent", str(solved.percent)))
    return pairs


def _write_all(writes: list[tuple[str, Callable[[IO[Any]], None], bool]]) -> None:
    from paycalc.contract.errors import PaycalcError
    from paycalc.output.files import Interrupted, write_atomically

    for path, write, binary in writes:
        try:
            write_atomically(path, write, binary=binary)
        except Interrupted as signal:
            typer.echo(f"Error: stopped by {signal} ({path} was not written)", err=True)
            raise typer.Exit(128 + signal.signum) from None
        except OSError as exc:
            fail(f"cannot write {path}: {exc.strerror}")
        except PaycalcError as exc:
            fail(str(exc))


def note(line: str) -> None:
    """A note for the person at the terminal: a line on stderr."""
    typer.echo(line, err=True)


def paid_status_quo(paid: str) -> Any:
    """--paid-contract: the contract whose scale was paid (a bundled name or a folder)."""
    from paycalc.api import paid_contract_for

    return paid_contract_for(paid)
