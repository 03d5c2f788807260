"""Fixtures for the library tests."""

import shutil
from pathlib import Path

import pytest

from tests.base import CLAUSES
from tests.editing.conftest import editor, editor_client  # noqa: F401 (the admin tests' editors, for these too)


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A copy of clauses/ to write into."""
    return Path(shutil.copytree(CLAUSES, tmp_path / "clauses"))
