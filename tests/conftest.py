"""Shared test fixtures: small, built by hand, one place."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
POLNEAR = SHARED / "corpora" / "polnear"
MEANTIME = SHARED / "corpora" / "meantime"
ECBPLUS = SHARED / "corpora" / "ecbplus"
RESOURCES = Path(__file__).resolve().parent / "resources"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The full claimgraph pipeline, loaded once per test session."""
    from claimgraph.analyse import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}")
    return SEEDS


@pytest.fixture(scope="session")
def polnear_dir() -> Path:
    if not POLNEAR.is_dir():
        pytest.skip(f"PolNeAR not found at {POLNEAR}")
    return POLNEAR
