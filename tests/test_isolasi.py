"""The suite's isolation (tests/conftest.py): no configured store, account or secrets file, and a store per test.

A developer's machine may hold .streamlit/secrets.toml (git-ignored) with ``[database] url`` and
``[akun.*]`` entries. Here a real-looking one (SYNTHETIC: no real URL, hash or account) is written
into a temporary folder made the working directory and home, where Streamlit looks for it by
default; nothing is written into the repository. The reported figure is SYNTHETIC as well.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit import config as konfigurasi_streamlit
from streamlit.testing.v1 import AppTest

from loaders import Renstra
from realisasi import TIPE_REALISASI
from tests.conftest import AKUN_UJI, SECRETS_UJI

SECRETS_PENGEMBANG = """\
# .streamlit/secrets.toml di mesin pengembang (SINTETIS)
[database]
url = "sqlite:///{folder}/gudang-sungguhan.sqlite"

[akun.camat_wonoasih]
hash = "$argon2id$v=19$m=65536,t=3,p=4$c2ludGV0aXMtZ2FyYW0$c2ludGV0aXMtYnVrYW4taGFzaC1zdW5nZ3VoYW4"
peran = "admin"
"""

# What the app would use: the store's URL and the account names, as state gives them to the pages,
# and the sections st.secrets holds.
SKRIP = """
import streamlit as st
import state

st.text(state.url_gudang())
st.text(",".join(sorted(state.data_akun().get("akun", {}))))
st.text(",".join(sorted(st.secrets.keys())))
"""


@pytest.fixture
def secrets_pengembang(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A developer's secrets.toml in the working directory's .streamlit/ (and the home's)."""
    for folder in (tmp_path / "proyek", tmp_path / "rumah"):
        (folder / ".streamlit").mkdir(parents=True)
        (folder / ".streamlit" / "secrets.toml").write_text(SECRETS_PENGEMBANG.format(folder=tmp_path), "utf-8")
    monkeypatch.chdir(tmp_path / "proyek")
    monkeypatch.setenv("HOME", str(tmp_path / "rumah"))
    return tmp_path / "proyek" / ".streamlit" / "secrets.toml"


def _yang_dipakai(secrets: dict[str, Any] | None = None) -> tuple[str, str, str]:
    """(store URL, account names, st.secrets sections) as the app sees them.

    ``secrets``: what st.secrets serves (AppTest's own); else Streamlit reads its secrets files.
    """
    at = AppTest.from_string(SKRIP, default_timeout=30)
    if secrets:
        at.secrets.update(secrets)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at.text[0].value, at.text[1].value, at.text[2].value


def test_streamlit_tidak_membaca_secrets_pengembang(secrets_pengembang: Path, gudang_sendiri: str) -> None:
    # Streamlit's own default list of secrets files holds the developer's file (here and in ~)...
    bawaan = konfigurasi_streamlit.get_config_files("secrets.toml")
    assert str(secrets_pengembang) in bawaan
    # ...the suite replaces the list with its own file, and st.secrets holds nothing at all.
    assert konfigurasi_streamlit.get_option("secrets.files") == [str(SECRETS_UJI)]
    assert _yang_dipakai() == (gudang_sendiri, AKUN_UJI, "")


def test_lingkungan_menang_atas_secrets(
    secrets_pengembang: Path, gudang_sendiri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even secrets Streamlit does serve lose to RENSTRA_DB_URL and RENSTRA_AKUN_BERKAS."""
    rahasia = tomllib.loads(secrets_pengembang.read_text(encoding="utf-8"))
    assert _yang_dipakai(rahasia) == (gudang_sendiri, AKUN_UJI, "akun,database")

    # Without the variables the secrets count (so the check above is not empty).
    monkeypatch.delenv("RENSTRA_DB_URL")
    monkeypatch.delenv("RENSTRA_AKUN_BERKAS")
    assert _yang_dipakai(rahasia) == (rahasia["database"]["url"], "camat_wonoasih", "akun,database")
    assert not Path(rahasia["database"]["url"].removeprefix("sqlite:///")).exists()  # only named, never opened


@pytest.mark.parametrize("giliran", ["pertama", "kedua"])
def test_setiap_tes_punya_gudang_sendiri(giliran: str, gudang_sendiri: str, renstra: Renstra) -> None:
    """Both runs find the app's store empty and save into it: the second never sees the first's version."""
    import state

    assert state.url_gudang() == gudang_sendiri
    gudang = state.gudang()
    assert gudang.versi_terakhir() is None
    b = renstra.rencana[(renstra.rencana["tahun"] == 2022) & (renstra.rencana["kode"] == "7.01.01")].iloc[0]
    lapor = pd.DataFrame(
        [{"tahun": 2022, "item_id": b["item_id"], "indikator_ke": b["indikator_ke"], "kelurahan": "",
          "realisasi": 95.0, "realisasi_rp": pd.NA}]
    ).astype(TIPE_REALISASI)  # fmt: skip
    assert gudang.simpan(lapor, "admin_uji", "admin", f"{giliran}.xlsx", "0" * 64, 2022) == 1
    assert len(state.realisasi_tersimpan()) == 1
