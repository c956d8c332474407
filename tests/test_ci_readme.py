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


def test_setiap_pengaturan_disebut_di_pemasangan_untuk_kota() -> None:
    """Every environment variable and secrets.toml entry the code reads is in the deployers' section."""
    import re

    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    bagian = readme.split("## Pemasangan untuk kota", 1)[1].split("\n## ", 1)[0]
    dibaca: set[str] = set()
    for berkas in REPO_ROOT.rglob("*.py"):
        if {".venv", "tests", "bench"} & set(berkas.relative_to(REPO_ROOT).parts):
            continue
        teks = berkas.read_text(encoding="utf-8")
        dibaca |= set(re.findall(r'^ENV_\w+ = "([A-Z_]+)"', teks, re.MULTILINE))
        dibaca |= set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', teks))
        dibaca |= {f"[{a}] {b}" for a, b in re.findall(r'_rahasia\("(\w+)", "(\w+)"\)', teks)}
    assert {"RENSTRA_DB_URL", "RENSTRA_AKUN_BERKAS", "RENSTRA_SUMBER", "[database] url"} <= dibaca
    assert [p for p in sorted(dibaca) if f"`{p}`" not in bagian] == []
    for lain in ("[akun.<nama>]", "RENSTRA_TEST_PG_URL", "CI=true"):  # read through st.secrets / by the tests
        assert f"`{lain}`" in bagian


def test_ci_run_menyalakan_postgresql_sebelum_tes() -> None:
    """.ci/run sources .ci/postgres.sh (which exports RENSTRA_TEST_PG_URL) before the test command."""
    ci_run = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "\n. .ci/postgres.sh\n" in ci_run
    assert ci_run.index("\n. .ci/postgres.sh\n") < ci_run.index(TEST_COMMAND)
    skrip = (REPO_ROOT / ".ci" / "postgres.sh").read_text(encoding="utf-8")
    assert 'export RENSTRA_TEST_PG_URL="postgresql+psycopg://' in skrip
