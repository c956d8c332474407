"""realisasi.akun and alat.akun: argon2id accounts, login throttling, write permission, the account CLI.

All accounts, passwords and records here are synthetic test data made up for these tests.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import threading
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
import sqlalchemy as sa

import realisasi.akun as ra
from alat import akun as cli
from realisasi.akun import (
    PESAN_GAGAL,
    TABEL_LOGIN_GAGAL,
    Akun,
    AkunTerkunci,
    AkunTidakSah,
    LoginError,
    Pembatas,
    baris_terlarang,
    boleh_menulis,
    buat_hash,
    muat_akun,
    periksa_sandi,
)

ROOT = Path(__file__).resolve().parents[1]
SANDI_ADMIN = "uji-admin-sandi-123"  # synthetic
SANDI_LURAH = "uji-lurah-pakistaji-9"  # synthetic


@pytest.fixture(scope="module")
def secrets() -> dict:
    """A st.secrets-like mapping with one admin and one kelurahan account (hashed once: argon2 is slow on purpose)."""
    return {
        "database": {"url": "sqlite:///tidak-dipakai.db"},
        "akun": {
            "admin": {"hash": buat_hash(SANDI_ADMIN), "peran": "admin"},
            "lurah_pakistaji": {"hash": buat_hash(SANDI_LURAH), "peran": "kelurahan", "kelurahan": "Pakistaji"},
        },
    }


class Jam:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.t = 1_800_000_000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def jam() -> Jam:
    return Jam()


@pytest.fixture
def tidur() -> list[float]:
    return []


@pytest.fixture
def engine(url: str) -> Iterator[sa.Engine]:
    """The login counters' database: SQLite and PostgreSQL (``url``, tests/conftest.py)."""
    mesin = sa.create_engine(url)
    yield mesin
    mesin.dispose()


@pytest.fixture
def pembatas(engine: sa.Engine, jam: Jam, tidur: list[float]) -> Pembatas:
    return Pembatas(engine, jam=jam, tidur=tidur.append)


class Penghitung:
    """Counts argon2 verifications while passing them to the real hasher."""

    def __init__(self, asli) -> None:
        self.asli, self.kali = asli, 0

    def verify(self, h: str, sandi: str) -> bool:
        self.kali += 1
        return self.asli.verify(h, sandi)

    def hash(self, sandi: str) -> str:
        return self.asli.hash(sandi)


@pytest.fixture
def verifikasi(monkeypatch: pytest.MonkeyPatch) -> Penghitung:
    p = Penghitung(ra._PH)
    monkeypatch.setattr(ra, "_PH", p)
    return p


# ----------------------------------------------------------------------------- hashing and login


def test_hash_argon2id_bukan_sandi_dan_login_berhasil(secrets: dict, pembatas: Pembatas) -> None:
    h = secrets["akun"]["lurah_pakistaji"]["hash"]
    assert h.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
    assert SANDI_LURAH not in h
    assert buat_hash(SANDI_LURAH) != h  # random salt: the same password never hashes the same
    akun = periksa_sandi(secrets, "Lurah_Pakistaji ", SANDI_LURAH, pembatas)
    assert akun == Akun("lurah_pakistaji", "kelurahan", "Pakistaji")
    assert SANDI_LURAH not in repr(akun) and h not in repr(akun)


def test_sandi_pendek_ditolak() -> None:
    with pytest.raises(AkunTidakSah, match="paling sedikit 10 karakter"):
        buat_hash("pendek123")


def test_muat_akun_tanpa_hash_dan_kelurahan_kanonik(secrets: dict, renstra) -> None:
    data = {"akun": {**secrets["akun"], "lurah_kg": {**secrets["akun"]["admin"], "peran": "kelurahan",
                                                      "kelurahan": "KEDUNGGALENG"}}}  # fmt: skip
    semua = muat_akun(data, renstra.wilayah)
    assert semua == {
        "admin": Akun("admin", "admin", None),
        "lurah_pakistaji": Akun("lurah_pakistaji", "kelurahan", "Pakistaji"),
        "lurah_kg": Akun("lurah_kg", "kelurahan", "Kedung Galeng"),
    }


def test_sandi_polos_di_secrets_ditolak_tanpa_menyebut_nilainya(pembatas: Pembatas) -> None:
    data = {"akun": {"ceroboh": {"sandi": "rahasia-polos-123", "peran": "admin"}}}
    with pytest.raises(AkunTidakSah) as e:
        muat_akun(data)
    assert "'sandi'" in str(e.value) and "rahasia-polos-123" not in str(e.value)
    with pytest.raises(LoginError) as e:
        periksa_sandi(data, "ceroboh", "rahasia-polos-123", pembatas)
    assert str(e.value) == PESAN_GAGAL


def test_peran_kelurahan_wajib_kelurahan() -> None:
    with pytest.raises(AkunTidakSah, match="wajib menyebut satu kelurahan"):
        muat_akun({"akun": {"x": {"hash": "$argon2id$v=19$...", "peran": "kelurahan"}}})
    with pytest.raises(AkunTidakSah, match="peran harus salah satu"):
        muat_akun({"akun": {"x": {"hash": "$argon2id$v=19$...", "peran": "camat"}}})


def test_sandi_salah_dan_nama_tak_dikenal_sama(secrets: dict, pembatas: Pembatas, verifikasi: Penghitung) -> None:
    pesan = []
    for nama, sandi in [("admin", "salah-salah-salah"), ("tidak_ada", SANDI_ADMIN), ("x" * 500, SANDI_ADMIN)]:
        sebelum = verifikasi.kali
        with pytest.raises(LoginError) as e:
            periksa_sandi(secrets, nama, sandi, pembatas)
        assert type(e.value) is LoginError
        pesan.append(str(e.value))
        assert verifikasi.kali - sebelum == 1  # an unknown name costs one verification too (dummy hash)
    assert pesan == [PESAN_GAGAL] * 3 == ["Nama pengguna atau kata sandi salah."] * 3


# ----------------------------------------------------------------------------- throttling


def test_terkunci_setelah_lima_gagal_lalu_terbuka(
    secrets: dict, pembatas: Pembatas, jam: Jam, verifikasi: Penghitung
) -> None:
    for _ in range(5):
        with pytest.raises(LoginError) as e:
            periksa_sandi(secrets, "admin", "tebakan-salah-1", pembatas)
        jam.t += 10
    assert str(e.value) == PESAN_GAGAL
    kali = verifikasi.kali
    with pytest.raises(AkunTerkunci) as e:  # even the right password is refused while locked
        periksa_sandi(secrets, "admin", SANDI_ADMIN, pembatas)
    assert str(e.value) == "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit."
    assert verifikasi.kali == kali  # no hashing for a locked name
    jam.t += 14 * 60
    with pytest.raises(AkunTerkunci) as e:
        periksa_sandi(secrets, "ADMIN", SANDI_ADMIN, pembatas)
    assert e.value.sisa_menit == 1
    jam.t += 60
    assert periksa_sandi(secrets, "admin", SANDI_ADMIN, pembatas).peran == "admin"


def test_nama_tak_dikenal_terkunci_sama(secrets: dict, pembatas: Pembatas) -> None:
    """A lock says nothing about whether the name exists: unknown names lock after the same count."""
    for _ in range(5):
        with pytest.raises(LoginError):
            periksa_sandi(secrets, "tidak_ada", "tebakan-salah-1", pembatas)
    with pytest.raises(AkunTerkunci, match="15 menit"):
        periksa_sandi(secrets, "tidak_ada", "tebakan-salah-2", pembatas)


def test_jeda_bertambah(pembatas: Pembatas, jam: Jam, tidur: list[float]) -> None:
    jeda = []
    for _ in range(5):
        jeda.append(pembatas.tunggu("admin"))
        pembatas.gagal("admin")
        jam.t += 1
    assert jeda == [0.0, 0.5, 1.0, 2.0, 4.0]
    assert tidur == [0.5, 1.0, 2.0, 4.0]  # slept exactly what was returned
    with pytest.raises(AkunTerkunci):
        pembatas.tunggu("admin")


def test_jeda_paling_lama(engine: sa.Engine, jam: Jam) -> None:
    p = Pembatas(engine, maks_gagal=50, jam=jam, tidur=lambda s: None)
    for _ in range(10):
        p.gagal("admin")
    assert p.status("admin") == (0.0, 8.0)


def test_berhasil_mengatur_ulang(secrets: dict, pembatas: Pembatas, tidur: list[float]) -> None:
    for _ in range(4):
        pembatas.gagal("admin")
    assert pembatas.status("admin") == (0.0, 4.0)
    periksa_sandi(secrets, "admin", SANDI_ADMIN, pembatas)
    assert tidur == [4.0]
    assert pembatas.status("admin") == (0.0, 0.0)


def test_gagal_di_luar_jendela_tidak_menumpuk(pembatas: Pembatas, jam: Jam) -> None:
    for _ in range(4):
        pembatas.gagal("admin")
    jam.t += 15 * 60 + 1
    assert pembatas.status("admin") == (0.0, 0.0)
    assert pembatas.gagal("admin") is False  # counts as the first failure of a new window
    assert pembatas.status("admin") == (0.0, 0.5)


def test_kunci_bertahan_setelah_mulai_ulang(tmp_path: Path, jam: Jam) -> None:
    url = f"sqlite:///{tmp_path / 'toko.db'}"
    p1 = Pembatas(sa.create_engine(url), jam=jam, tidur=lambda s: None)
    assert [p1.gagal("lurah_pakistaji") for _ in range(5)] == [False] * 4 + [True]
    # a new process: new engine, new Pembatas, same database file
    p2 = Pembatas(sa.create_engine(url), jam=jam, tidur=lambda s: None)
    jam.t += 5 * 60
    with pytest.raises(AkunTerkunci) as e:
        p2.tunggu("lurah_pakistaji")
    assert e.value.sisa_menit == 10


def test_gagal_bersamaan_semua_terhitung(engine: sa.Engine) -> None:
    """Four sessions failing at once: every failure is counted (one UPDATE each, no lost increments)."""
    p = Pembatas(engine, maks_gagal=1000, tidur=lambda s: None)

    def coba() -> None:
        for _ in range(25):
            p.gagal("admin")

    utas = [threading.Thread(target=coba) for _ in range(4)]
    for u in utas:
        u.start()
    for u in utas:
        u.join()
    with engine.connect() as conn:
        assert conn.execute(sa.select(TABEL_LOGIN_GAGAL.c.gagal)).scalar_one() == 100


def test_klien_terkunci_lintas_nama(engine: sa.Engine, jam: Jam) -> None:
    p = Pembatas(engine, maks_gagal_klien=6, jam=jam, tidur=lambda s: None)
    for i in range(6):
        p.gagal(f"nama{i}", klien="10.0.0.7")
    with pytest.raises(AkunTerkunci):
        p.tunggu("nama_baru", klien="10.0.0.7")
    assert p.tunggu("nama_baru", klien="10.0.0.8") == 0.0  # another client is not affected


def test_tabel_tanpa_sandi_maupun_nama_polos(secrets: dict, pembatas: Pembatas, engine: sa.Engine) -> None:
    ketik = "sandi-diketik-di-kolom-nama"  # the classic mistake: password typed as user name
    with pytest.raises(LoginError):
        periksa_sandi(secrets, ketik, "tebakan-salah-1", pembatas, klien="10.0.0.7")
    with engine.connect() as conn:
        baris = conn.execute(sa.select(TABEL_LOGIN_GAGAL)).all()
    assert len(baris) == 2
    isi = repr(baris)
    assert ketik not in isi and "tebakan-salah-1" not in isi and "10.0.0.7" not in isi
    assert {b.kunci.split(":")[0] for b in baris} == {"nama", "klien"}
    assert set(TABEL_LOGIN_GAGAL.c.keys()) == {"kunci", "gagal", "pertama", "terakhir", "terkunci_sampai"}


# ----------------------------------------------------------------------------- write permission


LURAH = Akun("lurah_pakistaji", "kelurahan", "Pakistaji")
ADMIN = Akun("admin", "admin")


def test_boleh_menulis(renstra) -> None:
    assert boleh_menulis(ADMIN, "Wonoasih") and boleh_menulis(ADMIN, "")
    assert (
        boleh_menulis(LURAH, "Pakistaji") and boleh_menulis(LURAH, "PAKISTAJI") and boleh_menulis(LURAH, " pakistaji")
    )
    assert not boleh_menulis(LURAH, "Wonoasih")
    assert not boleh_menulis(LURAH, "")  # kecamatan rows belong to the admin
    assert not boleh_menulis(LURAH, pd.NA)
    assert not boleh_menulis(None, "Pakistaji")
    kg = Akun("lurah_kg", "kelurahan", "Kedung Galeng")
    assert boleh_menulis(kg, "Kedunggaleng", renstra.wilayah)  # alias from the manifest
    assert not boleh_menulis(kg, "Kedung Asem", renstra.wilayah)
    assert not boleh_menulis(kg, "Kota Lain", renstra.wilayah)


def _catatan(kelurahan: list[str]) -> pd.DataFrame:
    n = len(kelurahan)
    return pd.DataFrame(
        {
            "tahun": pd.array([2022] * n, dtype="Int64"),
            "item_id": pd.array([f"uji-{i}" for i in range(n)], dtype="string"),
            "indikator_ke": pd.array([1] * n, dtype="Int64"),
            "kelurahan": pd.array(kelurahan, dtype="string"),
            "realisasi": pd.array([1.0] * n, dtype="Float64"),
            "realisasi_rp": pd.array([pd.NA] * n, dtype="Int64"),
        },
        index=[10, 11, 12, 13],
    )


def test_baris_terlarang_dari_kolom_kelurahan() -> None:
    df = _catatan(["Pakistaji", "Wonoasih", "", "pakistaji"])
    assert baris_terlarang(LURAH, df).index.tolist() == [11, 12]
    assert baris_terlarang(ADMIN, df).empty


def test_baris_terlarang_memakai_kelurahan_renstra(renstra) -> None:
    """A row relabelled 'Pakistaji' in the workbook is still Wonoasih's if the Renstra says so."""
    r = renstra.rencana
    r22 = r[r["tahun"] == 2022]
    milik = r22[r22["kelurahan"] == "Pakistaji"].iloc[0]
    lain = r22[r22["kelurahan"] == "Wonoasih"].iloc[0]
    kec = r22[r22["kelurahan"] == ""].iloc[0]
    df = _catatan(["Pakistaji"] * 4)
    df["item_id"] = pd.array([milik.item_id, lain.item_id, kec.item_id, "tidak-ada"], dtype="string")
    df["indikator_ke"] = pd.array([milik.indikator_ke, lain.indikator_ke, kec.indikator_ke, 1], dtype="Int64")
    hasil = baris_terlarang(LURAH, df, rencana=r, wilayah=renstra.wilayah)
    assert hasil.index.tolist() == [11, 12, 13]
    assert hasil["kelurahan_renstra"].tolist()[:2] == ["Wonoasih", ""]
    assert pd.isna(hasil["kelurahan_renstra"].iloc[2])
    assert baris_terlarang(ADMIN, df.iloc[:3], rencana=r).empty


# ----------------------------------------------------------------------------- CLI

ASLI = """\
# rahasia aplikasi (sintetis, untuk tes)
[database]
url = "sqlite:////srv/realisasi.db"  # di luar repositori

[akun.lama]
hash = "$argon2id$v=19$m=65536,t=3,p=4$c2ludGV0aXM$c2ludGV0aXM"
peran = "admin"

# bagian lain tetap di tempatnya
[lain]
daftar = [1, 2]
"""


def _jalankan(argv: list[str], sandi: str | None = None) -> int:
    return cli.main(argv, stdin=io.StringIO("" if sandi is None else sandi + "\n"))


def test_cli_tambah_setel_ulang_daftar_hapus(tmp_path: Path, capsys: pytest.CaptureFixture, engine) -> None:
    berkas = tmp_path / "secrets.toml"
    berkas.write_text(ASLI, encoding="utf-8")
    b = ["--berkas", str(berkas)]
    sandi1, sandi2 = "sandi-baru-lurah-1", "sandi-baru-lurah-2"

    assert _jalankan(["tambah", "lurah_pakistaji", "--peran", "kelurahan", "--kelurahan", "PAKISTAJI",
                      "--sandi-stdin", *b], sandi1) == 0  # fmt: skip
    teks = berkas.read_text(encoding="utf-8")
    data = tomllib.loads(teks)
    h1 = data["akun"]["lurah_pakistaji"]["hash"]
    assert data["akun"]["lurah_pakistaji"] == {"hash": h1, "peran": "kelurahan", "kelurahan": "Pakistaji"}
    assert h1.startswith("$argon2id$")
    # everything outside [akun.*] is kept byte for byte, comments included
    assert teks.startswith(ASLI[: ASLI.index("[akun.lama]")])
    assert teks.endswith("\n# bagian lain tetap di tempatnya\n[lain]\ndaftar = [1, 2]\n")
    assert "[akun.lama]" in teks

    assert _jalankan(["setel-ulang", "lurah_pakistaji", "--sandi-stdin", *b], sandi2) == 0
    data = tomllib.loads(berkas.read_text(encoding="utf-8"))
    h2 = data["akun"]["lurah_pakistaji"]["hash"]
    assert h2 != h1
    p = Pembatas(engine, tidur=lambda s: None)
    assert periksa_sandi(data, "lurah_pakistaji", sandi2, p) == LURAH
    with pytest.raises(LoginError):
        periksa_sandi(data, "lurah_pakistaji", sandi1, p)

    assert _jalankan(["daftar", *b]) == 0
    assert _jalankan(["hapus", "lama", *b]) == 1  # the last admin is kept unless --paksa
    assert _jalankan(["hapus", "lurah_pakistaji", *b]) == 0
    akhir = berkas.read_text(encoding="utf-8")
    assert tomllib.loads(akhir)["akun"] == tomllib.loads(ASLI)["akun"]
    assert {k: v for k, v in tomllib.loads(akhir).items() if k != "akun"} == {
        k: v for k, v in tomllib.loads(ASLI).items() if k != "akun"
    }

    keluar = capsys.readouterr()
    semua = keluar.out + keluar.err
    for rahasia in (sandi1, sandi2, h1, h2, "$argon2"):
        assert rahasia not in semua
    assert "Akun 'lurah_pakistaji' (kelurahan, Pakistaji) ditambahkan" in keluar.out
    assert "lama             admin      -\nlurah_pakistaji  kelurahan  Pakistaji\n" in keluar.out
    assert "'lama' adalah admin terakhir" in keluar.err


def test_cli_menolak_tanpa_mengubah(tmp_path: Path, capsys: pytest.CaptureFixture, monkeypatch) -> None:
    berkas = tmp_path / "secrets.toml"
    berkas.write_text(ASLI, encoding="utf-8")
    b = ["--berkas", str(berkas)]
    assert _jalankan(["tambah", "pendek", "--peran", "admin", "--sandi-stdin", *b], "pendek123") == 1
    assert _jalankan(["tambah", "lama", "--peran", "admin", "--sandi-stdin", *b], "cukup-panjang-1") == 1
    assert _jalankan(["tambah", "x", "--peran", "kelurahan", "--kelurahan", "Kota Lain", "--sandi-stdin", *b],
                     "cukup-panjang-1") == 1  # fmt: skip
    assert _jalankan(["tambah", "x", "--peran", "kelurahan", "--sandi-stdin", *b], "cukup-panjang-1") == 1
    jawaban = iter(["ketikan-pertama-1", "ketikan-kedua-22"])
    monkeypatch.setattr(cli.getpass, "getpass", lambda prompt="": next(jawaban))
    assert _jalankan(["tambah", "y", "--peran", "admin", *b]) == 1
    assert berkas.read_text(encoding="utf-8") == ASLI
    err = capsys.readouterr().err
    assert "paling sedikit 10 karakter" in err
    assert "'lama' sudah ada" in err
    assert "Kelurahan 'Kota Lain' tidak dikenal (pilihan: Wonoasih, Pakistaji" in err
    assert "wajib menyebut satu kelurahan" in err
    assert "Kedua kata sandi tidak sama" in err
    assert "pendek123" not in err and "ketikan-pertama-1" not in err and "cukup-panjang-1" not in err


def test_cli_menolak_akun_di_luar_tabel(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    berkas = tmp_path / "secrets.toml"
    teks = 'akun.lama.hash = "$argon2id$v=19$x"\nakun.lama.peran = "admin"\n'
    berkas.write_text(teks, encoding="utf-8")
    assert _jalankan(["tambah", "baru", "--peran", "admin", "--sandi-stdin", "--berkas", str(berkas)],
                     "cukup-panjang-1") == 1  # fmt: skip
    assert berkas.read_text(encoding="utf-8") == teks
    assert "tidak dapat diubah dengan aman" in capsys.readouterr().err


def test_cli_sebagai_modul_membuat_berkas_bawaan(tmp_path: Path) -> None:
    """``python -m alat.akun`` from the app folder writes .streamlit/secrets.toml (0600) and prints no secret."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    sandi = "sandi-admin-baru-1"
    jalan = subprocess.run(
        [sys.executable, "-m", "alat.akun", "tambah", "admin", "--peran", "admin", "--sandi-stdin"],
        input=sandi + "\n", capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60,
    )  # fmt: skip
    assert jalan.returncode == 0, jalan.stderr
    berkas = tmp_path / ".streamlit" / "secrets.toml"
    h = tomllib.loads(berkas.read_text(encoding="utf-8"))["akun"]["admin"]["hash"]
    assert berkas.stat().st_mode & 0o777 == 0o600
    assert sandi not in jalan.stdout + jalan.stderr and h not in jalan.stdout + jalan.stderr
    assert jalan.stdout == "Akun 'admin' (admin) ditambahkan ke .streamlit/secrets.toml.\n"


def test_secrets_diabaikan_git() -> None:
    jalan = subprocess.run(
        ["git", "check-ignore", "-q", ".streamlit/secrets.toml"], cwd=ROOT, capture_output=True, timeout=30
    )
    assert jalan.returncode == 0
