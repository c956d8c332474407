"""The README's test command and .ci/run must stay in sync, character for character."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
TEST_COMMAND = "python3 -m venv .venv && .venv/bin/pip install -q -r requirements-dev.txt && .venv/bin/python -m pytest"


def test_ci_run_uses_readme_test_command() -> None:
    ci_run = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert TEST_COMMAND in ci_run


def test_readme_documents_test_command() -> None:
    readme = REPO_ROOT / "README.md"
    assert readme.is_file(), "README.md is missing; it must document the test command"
    assert TEST_COMMAND in readme.read_text(encoding="utf-8")


def test_readme_gambar_ada_dan_setiap_halaman_disebut() -> None:
    import re

    from navigasi import HALAMAN

    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    gambar = re.findall(r"\]\((docs/gambar/[^)]+\.png)\)", readme)
    assert gambar, "README shows no screenshot"
    for g in gambar:
        assert (REPO_ROOT / g).is_file(), f"{g} is referenced by the README but missing"
    for h in HALAMAN:
        assert f"| {h.judul} |" in readme, f"page {h.judul} missing from the README's page table"
    assert "BENCH_HASIL" not in readme  # the benchmark figures were filled in


def test_ci_run_lints_with_ruff() -> None:
    ci_run = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/ruff check ." in ci_run and ".venv/bin/ruff format --check ." in ci_run
