"""Writing user files: a read-only file is never replaced, a replaced file keeps its mode, and a folder
is never written through a symbolic link. (Tests run as root here, for whom every file is writable:
the mode bits, not ``os.access``, decide.)"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paycalc.contract.errors import InputError
from paycalc.output.files import check_output, write_atomically, write_folder


@pytest.mark.parametrize("mode", [0o444, 0o555, 0o400])
def test_a_read_only_file_is_never_replaced(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "out.csv"
    target.write_text("kept\n")
    target.chmod(mode)
    with pytest.raises(InputError, match="it is read-only"):
        check_output(str(target))
    assert target.read_text() == "kept\n"


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o664])
def test_a_replaced_file_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n")
    target.chmod(mode)
    write_atomically(str(target), lambda out: out.write("new\n"))
    assert (target.read_text(), target.stat().st_mode & 0o7777) == ("new\n", mode)


def test_a_folder_is_never_written_through_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    os.symlink(real, link)
    with pytest.raises(InputError, match="it is a symbolic link"):
        write_folder(str(link), {"contract.yaml": "x\n"}, force=True)
    assert list(real.iterdir()) == []


@settings(max_examples=80, deadline=None)
@given(
    st.lists(st.text(alphabet="ab,\r", max_size=12), max_size=30),
    st.integers(1, 40),
    st.booleans(),
)
def test_byte_ranges_give_each_line_once_in_order(lines: list[str], block: int, ended: bool) -> None:
    """``lines_from`` over consecutive ranges (as the pricing processes read a roster): every line after
    the header exactly once, in order, however the ranges cut the lines."""
    import tempfile

    from paycalc.reading.files import lines_from

    text = "\n".join(["id,x", *lines]) + ("\n" if ended else "")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.csv"
        path.write_bytes(text.encode())
        header = len(b"id,x\n") if lines or ended else len(text.encode())
        size = len(text.encode())
        got = b"".join(
            lines_from(str(path), start, min(start + block, size), header) for start in range(header, size, block)
        )
    assert got == text.encode()[header:]


SCHEDULES = {"contract.yaml": "name: new\n", "2020-07-01.yaml": "effective: 2020-07-01\n"}


def _old_folder(tmp_path: Path) -> Path:
    old = tmp_path / "schedules"
    old.mkdir()
    (old / "contract.yaml").write_text("name: old\n")
    (old / "2018-06-16.yaml").write_text("effective: 2018-06-16\n")
    return old


def test_a_new_folder_gets_the_mode_the_umask_leaves(tmp_path: Path) -> None:
    before = os.umask(0o027)
    try:
        write_folder(str(tmp_path / "new"), SCHEDULES)
    finally:
        os.umask(before)
    assert (tmp_path / "new").stat().st_mode & 0o7777 == 0o750  # 0o777 less the umask
    assert (tmp_path / "new" / "contract.yaml").stat().st_mode & 0o7777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new"]


def test_a_folder_holding_a_link_named_yaml_is_not_a_schedules_folder(tmp_path: Path) -> None:
    old = _old_folder(tmp_path)
    (tmp_path / "mine.txt").write_text("a user's file\n")
    (old / "notes.yaml").symlink_to(tmp_path / "mine.txt")
    with pytest.raises(InputError, match=r"it holds 'notes\.yaml', so it is not a paycalc schedules folder"):
        write_folder(str(old), SCHEDULES, force=True)
    assert (old / "contract.yaml").read_text() == "name: old\n" and (tmp_path / "mine.txt").exists()


def _renames_failing(monkeypatch: pytest.MonkeyPatch, failing: set[int]) -> None:
    """os.rename as the folder swap sees it, failing on the calls numbered in ``failing`` (1 = the first)."""
    real, calls = os.rename, [0]

    def rename(source: object, target: object) -> None:
        calls[0] += 1
        if calls[0] in failing:
            raise OSError(28, "No space left on device")
        real(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "rename", rename)


def test_a_swap_that_fails_puts_the_old_folder_back_whole_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = _old_folder(tmp_path)
    _renames_failing(monkeypatch, {2})  # the old folder moved aside; the new one not moved into place
    with pytest.raises(OSError, match="No space left"):
        write_folder(str(old), SCHEDULES, force=True)
    assert sorted(p.name for p in old.iterdir()) == ["2018-06-16.yaml", "contract.yaml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["schedules"]  # no staging or aside folder left


def test_when_the_old_folder_cannot_be_put_back_it_is_kept_aside_not_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = _old_folder(tmp_path)
    _renames_failing(monkeypatch, {2, 3})  # moved aside; neither the new folder nor the old one moved back
    with pytest.raises(OSError, match="No space left"):
        write_folder(str(old), SCHEDULES, force=True)
    kept = [p for p in tmp_path.iterdir() if p.name.endswith(".old")]
    assert len(kept) == 1 and (kept[0] / "folder" / "contract.yaml").read_text() == "name: old\n"


def test_a_signal_as_a_temporary_file_is_made_cannot_leave_it_behind(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """SIGTERM arriving the moment the file exists (raised inside mkstemp here) waits until the block has
    begun: it unwinds there, and the file is removed."""
    import signal
    import tempfile

    from paycalc.output.files import Interrupted, signals_unwind, temporary

    real = tempfile.mkstemp

    def made_then_signalled(**kwargs):  # type: ignore[no-untyped-def]
        found = real(**kwargs)
        signal.raise_signal(signal.SIGTERM)  # held: without the hold, it would unwind before the block
        return found

    monkeypatch.setattr(tempfile, "mkstemp", made_then_signalled)
    entered = []
    with pytest.raises(Interrupted), signals_unwind(), temporary("t-", ".csv", str(tmp_path)) as (fd, _):
        entered.append(fd)
    assert entered == [] and list(tmp_path.iterdir()) == []  # unwound as the block began, the file removed


def test_a_temporary_file_is_removed_after_however_the_block_ends(tmp_path: Path) -> None:
    import os

    from paycalc.output.files import temporary

    with temporary("t-", ".csv", str(tmp_path)) as (fd, path):
        os.close(fd)
        assert os.path.exists(path)
    with pytest.raises(ValueError), temporary("t-", ".csv", str(tmp_path)) as (fd, path):
        os.close(fd)
        raise ValueError
    with temporary("t-", ".csv", str(tmp_path)) as (fd, path):  # moved into place: nothing to remove
        os.close(fd)
        os.replace(path, tmp_path / "kept.csv")
    assert [p.name for p in tmp_path.iterdir()] == ["kept.csv"]
