from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the schedule cache of the test run out of the user's home."""
    mp = pytest.MonkeyPatch()
    mp.setenv("PAYCALC_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    mp.delenv("PAYCALC_SCHEDULES", raising=False)
    yield
    mp.undo()
