"""Kelola Renstra and Antar-Renstra (AppTest): templates, an admin's import of a SYNTHETIC second
Renstra (tests/renstra_sintetis.py), the picker and ``?renstra=``, realisasi that stay with
their Renstra. The account is the suite's synthetic admin (tests/conftest.py).
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from kelola.gudang_renstra import GudangRenstra
from tests import appkit
from tests import renstra_sintetis as rs
from tests.conftest import AKUN_UJI, SANDI_UJI

HALAMAN = "halaman/kelola_renstra.py"


def _masuk(at: AppTest) -> AppTest:
    at.text_input[0].input(AKUN_UJI)
    at.text_input[1].input(SANDI_UJI)
    next(b for b in at.button if b.label == "Masuk").click().run()
    assert not at.exception
    return at


def _unggah(at: AppTest, data: bytes, nama: str = "sidomakmur.xlsx") -> AppTest:
    at.get("file_uploader")[0].set_value((nama, data, "application/octet-stream")).run()
    assert not at.exception
    return at


def _simpan(at: AppTest) -> AppTest:
    next(b for b in at.button if b.label.startswith("Simpan sebagai versi")).click().run()
    assert not at.exception
    return at


def test_templates_need_no_login() -> None:
    at = appkit.buka(HALAMAN)
    label = [b.label for b in at.get("download_button")]
    assert label == ["Templat Renstra kosong 2025-2029", "Unduh contoh terisi"]
    assert at.text_input[0].label == "Nama pengguna"  # the upload asks for a login


def test_import_preview_save_then_choose_it(gudang_sendiri: str) -> None:
    at = _masuk(appkit.buka(HALAMAN))
    _unggah(at, rs.buat())
    assert not at.error
    tabel = {str(df.columns[0]): df for df in appkit.tabel(at)}
    assert dict(tabel["Isian"][["Isian", "Nilai"]].values.tolist())["Periode"] == "2025-2029"
    assert tabel["Tahun"].iloc[0].tolist() == ["2025", "3", "3", "8", "14", "Rp 4.050.000.000"]
    assert GudangRenstra(gudang_sendiri).versi_terakhir() is None  # nothing stored before Simpan
    _simpan(at)
    assert any(r"sidomakmur\-2025\-2029 versi 1" in s.value for s in at.success)  # shown literally
    assert GudangRenstra(gudang_sendiri).daftar()["id"].tolist() == ["sidomakmur-2025-2029"]

    # Two Renstra now: the picker shows, and the URL chooses.
    ringkasan = appkit.buka(renstra="sidomakmur-2025-2029")
    assert ringkasan.title[0].value == "Dasbor Renstra Kecamatan Sidomakmur"
    pilih = next(s for s in ringkasan.sidebar.selectbox if s.label == "Renstra")
    assert pilih.value == "sidomakmur-2025-2029" and len(pilih.options) == 2
    assert appkit.buka().title[0].value == "Dasbor Renstra Kecamatan Wonoasih"  # the default stays


def test_a_corrected_reupload_is_a_new_version_with_its_diff(gudang_sendiri: str) -> None:
    at = _simpan(_unggah(_masuk(appkit.buka(HALAMAN)), rs.buat()))
    koreksi = rs.buat(lambda wb: wb["T-C.27"].cell(row=4, column=8, value="160.000.000"))
    _unggah(at, koreksi, "koreksi.xlsx")
    beda = next(df for df in appkit.tabel(at) if "Sebelum" in df.columns)
    assert beda[["Kolom", "Sebelum", "Sesudah"]].values.tolist() == [["2025 Rp", "150.000.000", "160.000.000"]]
    _simpan(at)
    riwayat = GudangRenstra(gudang_sendiri).riwayat("sidomakmur-2025-2029")
    assert riwayat["versi"].tolist() == [2, 1] and riwayat["nama_berkas"].tolist() == [
        "koreksi.xlsx",
        "sidomakmur.xlsx",
    ]


def test_a_bad_workbook_lists_every_problem_and_stores_nothing(gudang_sendiri: str) -> None:
    def rusak(wb: object) -> None:
        wb["T-C.27"]["H5"] = "lima juta"  # type: ignore[index]
        wb["T-C.27"]["D13"] = "Pembangunan (sub unit Kedungjati)"  # type: ignore[index]

    at = _unggah(_masuk(appkit.buka(HALAMAN)), rs.buat(rusak))
    assert at.error[0].value.startswith("Berkas **sidomakmur\\.xlsx** ditolak; tidak ada yang disimpan")
    masalah = at.dataframe[0].value
    assert masalah["lembar"].tolist() == ["T-C.27", "T-C.27"] and masalah["baris"].tolist() == [5, 13]
    assert GudangRenstra(gudang_sendiri).versi_terakhir() is None


def test_antar_renstra_puts_both_side_by_side(gudang_sendiri: str) -> None:
    _simpan(_unggah(_masuk(appkit.buka(HALAMAN)), rs.buat()))
    at = appkit.buka("halaman/antar_renstra.py")
    fig = appkit.gambar_berjudul(at, "antar-pagu")
    assert [t["name"] for t in fig["data"]] == ["Kecamatan Wonoasih 2019-2024", "Kecamatan Sidomakmur 2025-2029"]
    assert fig["data"][1]["x"] == ["2025", "2026", "2027", "2028", "2029"]
    assert fig["data"][1]["y"][0] == 4_050_000_000


def test_blank_template_download_has_the_chosen_period() -> None:
    at = appkit.buka(HALAMAN)
    at.number_input[0].set_value(2030).run()
    tombol = next(b for b in at.get("download_button") if "kosong" in b.label)
    assert tombol.label == "Templat Renstra kosong 2030-2034"


@pytest.mark.parametrize("renstra", ["tidak-ada", ""])
def test_an_unknown_renstra_in_the_url_falls_back_to_the_default(renstra: str) -> None:
    at = appkit.buka(renstra=renstra)
    assert at.title[0].value == "Dasbor Renstra Kecamatan Wonoasih"


def test_realisasi_belong_to_their_renstra(gudang_sendiri: str) -> None:
    from loaders.renstra import renstra_dari_xlsx
    from realisasi.gudang import Gudang
    from realisasi.templat import buat_templat
    from tests import berkas_jahat as bj

    _simpan(_unggah(_masuk(appkit.buka(HALAMAN)), rs.buat()))
    kedua = renstra_dari_xlsx(rs.buat())
    isi = bj.isi(buat_templat(kedua, 2025), {"T-C.27:1#1": (85, 140_000_000)})
    at = _masuk(appkit.buka("halaman/isi_realisasi.py", renstra="sidomakmur-2025-2029", tahun_lapor="2025"))
    at.get("file_uploader")[0].set_value(("sidomakmur-2025.xlsx", isi, "application/octet-stream")).run()
    assert not at.error, [e.value for e in at.error]
    next(b for b in at.button if b.label.startswith("Simpan")).click().run()
    assert Gudang(gudang_sendiri, renstra_id="sidomakmur-2025-2029").keadaan()["realisasi"].tolist() == [85.0]
    assert Gudang(gudang_sendiri).keadaan().empty  # the bundled Renstra's store is untouched


def test_a_lurah_account_is_checked_against_the_served_renstra(
    gudang_sendiri: str, tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pathlib import Path

    from realisasi.akun import buat_hash

    berkas = Path(str(tmp_path)) / "akun.toml"  # SYNTHETIC account
    berkas.write_text(
        f'[akun.lurah_mekarsari]\nhash = "{buat_hash(SANDI_UJI)}"\nperan = "kelurahan"\nkelurahan = "Mekarsari"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("RENSTRA_AKUN_BERKAS", str(berkas))
    sumber = Path(str(tmp_path)) / "sidomakmur.xlsx"
    sumber.write_bytes(rs.buat())

    def masuk() -> AppTest:
        at = appkit.buka("halaman/isi_realisasi.py")
        at.text_input[0].input("lurah_mekarsari")
        at.text_input[1].input(SANDI_UJI)
        next(b for b in at.button if b.label == "Masuk").click().run()
        return at

    assert masuk().error  # Wonoasih has no Mekarsari: refused
    monkeypatch.setenv("RENSTRA_SUMBER", str(sumber))
    at = masuk()
    assert not at.error and any("Kelurahan Mekarsari" in m.value for m in at.markdown)
