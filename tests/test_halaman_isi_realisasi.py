"""Isi Realisasi page (AppTest): login, refusal of a bad file, preview, save, rollback.

The account, its password and every reported figure here are SYNTHETIC test data.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from loaders import Renstra
from realisasi import templat
from realisasi.akun import buat_hash
from realisasi.gudang import Gudang
from tests.appkit import buka, gambar_berjudul

HALAMAN = "halaman/isi_realisasi.py"
SANDI_UJI = "sandi-uji-panjang-1"  # synthetic


@pytest.fixture
def lingkungan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Gudang:
    """A throwaway store and account file (an admin and the Pakistaji lurah)."""
    url = f"sqlite:///{tmp_path / 'realisasi.sqlite'}"
    monkeypatch.setenv("RENSTRA_DB_URL", url)
    h = buat_hash(SANDI_UJI)
    (tmp_path / "akun.toml").write_text(
        f'[akun.admin_uji]\nhash = "{h}"\nperan = "admin"\n\n'
        f'[akun.lurah_pakistaji]\nhash = "{h}"\nperan = "kelurahan"\nkelurahan = "Pakistaji"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("RENSTRA_AKUN_BERKAS", str(tmp_path / "akun.toml"))
    return Gudang(url)


def _masuk(nama: str, **query: str) -> AppTest:
    at = buka(HALAMAN, **query)
    at.text_input[0].input(nama)
    at.text_input[1].input(SANDI_UJI)
    at.button[0].click().run()
    assert not at.exception
    return at


def _isi_templat(renstra: Renstra, tahun: int, kode: str, realisasi: float, kelurahan: str | None = None) -> bytes:
    """The real template, with one Realisasi cell filled in (as a user would in Excel)."""
    wb = load_workbook(io.BytesIO(templat.buat_templat(renstra, tahun, kelurahan)))
    ws = wb[templat.LEMBAR_DATA]
    for baris in range(templat.BARIS_AWAL, ws.max_row + 1):
        if ws.cell(baris, templat.NOMOR_KOLOM["kode"]).value == kode:
            ws.cell(baris, templat.NOMOR_KOLOM["realisasi"]).value = realisasi
            break
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def test_tanpa_login_hanya_formulir(lingkungan: Gudang) -> None:
    at = buka(HALAMAN)
    assert [t.label for t in at.text_input] == ["Nama pengguna", "Kata sandi"]
    assert not at.get("file_uploader")


def test_sandi_salah_pesan_umum(lingkungan: Gudang) -> None:
    at = buka(HALAMAN)
    at.text_input[0].input("admin_uji")
    at.text_input[1].input("salah-sekali-12345")
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["Nama pengguna atau kata sandi salah."]
    assert not at.get("file_uploader")


def test_unggah_pratinjau_simpan_lalu_kinerja(lingkungan: Gudang, renstra: Renstra) -> None:
    at = _masuk("admin_uji", tahun_lapor="2022")
    assert any(r"Masuk sebagai **admin\_uji**" in m.value for m in at.markdown)  # the name shown literally
    berkas = _isi_templat(renstra, 2022, "7.01.01", 95)
    at.get("file_uploader")[0].set_value(("realisasi-2022.xlsx", berkas, "application/octet-stream")).run()
    assert not at.exception
    assert any("**1** baris baru" in m.value for m in at.markdown)
    assert lingkungan.versi_terakhir() is None  # nothing stored before "Simpan"

    next(b for b in at.button if b.label.startswith("Simpan")).click().run()
    assert not at.exception
    assert lingkungan.versi_terakhir() == 1
    riwayat = lingkungan.riwayat()
    assert riwayat.iloc[0]["pengguna"] == "admin_uji" and riwayat.iloc[0]["nama_berkas"] == "realisasi-2022.xlsx"

    kinerja = buka("halaman/kinerja.py", tahun="2022", bagian="capaian-per-tahun")
    batang = next(t for t in gambar_berjudul(kinerja, "capaian-dilaporkan")["data"] if t["name"] == "Sangat Tinggi")
    assert batang["text"] == ["95,00 %"]  # realisasi 95 against the document's target 100 %


def test_berkas_rusak_ditolak_tanpa_menyimpan(lingkungan: Gudang) -> None:
    at = _masuk("admin_uji", tahun_lapor="2022")
    at.get("file_uploader")[0].set_value(("bukan.xlsx", b"ini bukan buku kerja", "application/octet-stream")).run()
    assert any("ditolak; tidak ada yang disimpan" in e.value for e in at.error)
    assert lingkungan.versi_terakhir() is None


def test_lurah_tidak_dapat_mengunggah_kelurahan_lain(lingkungan: Gudang, renstra: Renstra) -> None:
    R = renstra.rencana
    kode_wonoasih = R[(R["tahun"] == 2022) & (R["kelurahan"] == "Wonoasih")]["kode"].iloc[0]
    at = _masuk("lurah_pakistaji", tahun_lapor="2022")
    assert not at.get("selectbox") or all(s.key != "cakupan" for s in at.selectbox)  # lurah: no scope choice
    berkas = _isi_templat(renstra, 2022, kode_wonoasih, 3, kelurahan="Wonoasih")
    at.get("file_uploader")[0].set_value(("wonoasih.xlsx", berkas, "application/octet-stream")).run()
    assert any("ditolak" in e.value for e in at.error)
    assert lingkungan.versi_terakhir() is None


def test_admin_memulihkan_versi_sebelumnya(lingkungan: Gudang, renstra: Renstra) -> None:
    at = _masuk("admin_uji", tahun_lapor="2022")
    for nilai in (80, 95):  # two uploads: version 1 then version 2
        berkas = _isi_templat(renstra, 2022, "7.01.01", nilai)
        at.get("file_uploader")[0].set_value((f"r{nilai}.xlsx", berkas, "application/octet-stream")).run()
        next(b for b in at.button if b.label.startswith("Simpan")).click().run()
        assert not at.exception
    assert lingkungan.versi_terakhir() == 2
    assert lingkungan.keadaan()["realisasi"].tolist() == [95.0]

    at.selectbox(key="v_pulih").select(1)
    at.checkbox[0].check()
    next(b for b in at.button if b.label == "Pulihkan").click().run()
    assert not at.exception
    assert any("Dipulihkan ke keadaan versi 1 sebagai versi 3" in s.value for s in at.success)
    assert lingkungan.keadaan()["realisasi"].tolist() == [80.0]  # exactly the earlier value
    assert len(lingkungan.riwayat()) == 3  # history kept, rollback is a new version


def test_nama_berkas_jahat_tampil_harfiah(lingkungan: Gudang) -> None:
    # SYNTHETIC: a file name that would render an image, bold text and a colour directive as markdown.
    at = _masuk("admin_uji", tahun_lapor="2022")
    nama = "![x](http://contoh.invalid/a.png) **tebal** :red[merah].xlsx"
    at.get("file_uploader")[0].set_value((nama, b"bukan buku kerja", "application/octet-stream")).run()
    pesan = next(e.value for e in at.error if "ditolak" in e.value)
    assert pesan.startswith(
        r"Berkas **\!\[x\]\(http\://contoh\.invalid/a\.png\) \*\*tebal\*\* \:red\[merah\]\.xlsx** ditolak"
    )
    assert lingkungan.versi_terakhir() is None


def test_angka_raksasa_ditolak_dengan_pesan_indonesia(lingkungan: Gudang, renstra: Renstra) -> None:
    # Issue 11, defect 1: 1e30 once crashed the page inside the bound message.
    at = _masuk("admin_uji", tahun_lapor="2022")
    berkas = _isi_templat(renstra, 2022, "7.01.01", 1e30)
    at.get("file_uploader")[0].set_value(("raksasa.xlsx", berkas, "application/octet-stream")).run()
    assert not at.exception
    tabel = at.dataframe[0].value
    assert tabel[["lembar", "kolom", "pesan"]].values.tolist() == [
        ["Realisasi", "H 'Realisasi'", "angka terlalu besar (lebih dari 1.000.000.000.000.000); periksa salah ketik"]
    ]
    assert lingkungan.versi_terakhir() is None


def test_lurah_menyimpan_templat_kelurahannya(lingkungan: Gudang, renstra: Renstra) -> None:
    at = _masuk("lurah_pakistaji", tahun_lapor="2022")
    berkas = _isi_templat(renstra, 2022, "7.01.03.2.02.02", 2, kelurahan="Pakistaji")
    at.get("file_uploader")[0].set_value(("pakistaji.xlsx", berkas, "application/octet-stream")).run()
    assert not at.exception and not at.error
    next(b for b in at.button if b.label.startswith("Simpan")).click().run()
    assert not at.exception
    assert lingkungan.keadaan()[["item_id", "kelurahan", "realisasi"]].values.tolist() == [
        ["tc27_2022:6", "Pakistaji", 2.0]
    ]
    assert lingkungan.riwayat().iloc[0][["pengguna", "peran"]].tolist() == ["lurah_pakistaji", "kelurahan"]
