"""Perubahan Renstra page (AppTest): the revision's changes as the document prints them.

Document lines cited are of renstra_data/wonoasih-2019-2024/sumber/renstra_wonoasih_2019_2024.txt
(T-C.28 sebelum l. 1286-1290, sesudah l. 1299-1302; T-C.25 sebelum l. 940-944, sesudah l. 956-959).
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

import ui
from tests.appkit import buka, buka_bagian, gambar_berjudul, id_grafik
from tests.appkit import tabel as appkit_tabel

HALAMAN = "halaman/perubahan.py"
BAGIAN = ["Ringkasan perubahan", "Daftar perubahan", "Sebelum vs sesudah"]
IKM_TUJUAN = "T-C.28|tujuan|2|Indeks Kepuasan Masyarakat (IKM) pada Kecamatan Wonoasih"


@pytest.fixture(scope="module")
def at() -> AppTest:
    return buka(HALAMAN, tabel_terbuka=True)


@pytest.fixture(scope="module")
def daftar() -> AppTest:
    return buka(HALAMAN, bagian="daftar-perubahan")


@pytest.fixture(scope="module")
def sebelum_sesudah() -> AppTest:
    return buka(HALAMAN, tabel_terbuka=True, bagian="sebelum-vs-sesudah")


def test_jumlah_perubahan_per_jenis(at: AppTest) -> None:
    assert [t.label for t in at.tabs] == BAGIAN
    assert id_grafik(at) == ["jumlah-perubahan"]
    fig = gambar_berjudul(at, "jumlah-perubahan")
    per_formulir = {d["name"]: dict(zip(d["y"], d["x"], strict=True)) for d in fig["data"]}
    assert per_formulir["T-C.28"]["kondisi awal berubah"] == 2
    assert per_formulir["T-C.28"]["indikator dihapus"] == 1
    assert per_formulir["T-C.25"]["indikator dihapus"] == 1
    assert per_formulir["T-C.25"]["tujuan diganti nama"] == 2
    assert per_formulir["T-C.25"]["target berubah"] == 0  # no target changed: shown as 0, a real count


def test_tabel_sebelum_sesudah(daftar: AppTest) -> None:
    tabel = next(df for df in appkit_tabel(daftar) if "Sebelum perubahan" in df.columns)  # a static table: headings
    tabel = tabel.rename(
        columns={
            "Jenis perubahan": "jenis_perubahan",
            "Sebelum perubahan": "sebelum",
            "Sesudah perubahan": "sesudah",
            "Tahun": "tahun",
            "Indikator": "indikator",
        }
    )
    ikm = tabel[tabel["jenis_perubahan"].eq("kondisi awal berubah")]
    assert ikm["sebelum"].tolist() == ["84,50", "84,50"] and ikm["sesudah"].tolist() == ["84,60", "84,60"]
    assert ikm["tahun"].tolist() == ["2019", "2019"]
    dihapus = tabel[tabel["jenis_perubahan"].eq("indikator dihapus")]
    assert set(dihapus["indikator"]) == {
        "Nilai Rata-rata Tata Kelola Penyelenggaraan Pemerintahan Kecamatan dan Kelurahan"
    }
    tujuan = tabel[tabel["jenis_perubahan"].eq("tujuan diganti nama")]
    assert "Meningkatkanya Kualitas Penyelenggaraan Pelayanan Publik di Kecamatan Wonoasih" in set(tujuan["sebelum"])
    assert "Meningkatnya Kualitas Penyelenggaraan Pelayanan Publik di Kecamatan Wonoasih" in set(tujuan["sesudah"])


def test_grafik_sebelum_sesudah_ikm(sebelum_sesudah: AppTest) -> None:
    fig = gambar_berjudul(sebelum_sesudah, "nilai-sebelum-sesudah")
    ses, seb = fig["data"]
    assert seb["line"]["dash"] == "dash" and ses["line"]["dash"] == "solid"
    assert seb["x"][0] == "Kondisi awal 2019" and seb["y"][0] == 84.5 and ses["y"][0] == 84.6
    assert seb["y"][1:] == ses["y"][1:] == [84.6, 84.6, 85.6, 86.6, 87.6, 88.6, 88.6]
    assert seb["customdata"][0][2] == "84,50"  # hover shows the printed text
    assert [a["text"] for a in fig["layout"]["annotations"]] == ["<b>84,50 → 84,60</b>"]


def test_pilih_indikator_dan_url() -> None:
    at = buka(HALAMAN)
    assert not [s for s in at.selectbox if s.key == "indikator"]  # the picker sits above its own section only
    buka_bagian(at, "Sebelum vs sesudah")
    at.selectbox(key="indikator").select(IKM_TUJUAN).run()
    assert not at.exception
    assert at.query_params["indikator"] == IKM_TUJUAN
    assert at.query_params["bagian"] == "sebelum-vs-sesudah"
    # the indicator's name is data: shown literally (markdown-escaped) in the title
    judul = ui.literal("tujuan 2 · Indeks Kepuasan Masyarakat (IKM) pada Kecamatan Wonoasih")
    assert any(judul in s.value for s in at.subheader)
    kembali = buka(HALAMAN, **dict(at.query_params))  # the copied link
    assert kembali.selectbox(key="indikator").value == IKM_TUJUAN
    assert id_grafik(kembali) == ["nilai-sebelum-sesudah"]
    assert gambar_berjudul(kembali, "nilai-sebelum-sesudah") == gambar_berjudul(at, "nilai-sebelum-sesudah")


def test_presentasi_satu_grafik() -> None:
    at = buka(HALAMAN, mode="presentasi")
    assert len(at.get("plotly_chart")) == 1
    # the picker is there in presentation mode (folded), for the slide it drives
    at = buka(HALAMAN, mode="presentasi", slide="3", indikator=IKM_TUJUAN)
    assert at.selectbox(key="indikator").value == IKM_TUJUAN
    assert id_grafik(at) == ["nilai-sebelum-sesudah"]


def test_cara_membaca_di_samping_pengantar(at: AppTest) -> None:
    # One sentence above the tabs; how the versions are matched in the page's "Cara membaca" popover.
    assert at.main.markdown[0].value.startswith("Apa yang diubah oleh Perubahan Renstra")
    assert "dicocokkan" not in at.main.markdown[0].value
    cara = [b for b in at.get("popover") if b.proto.popover.label == ui.CARA_MEMBACA_HALAMAN]
    assert [m.value for m in cara[0].markdown] == [
        "Dibandingkan tabel T-C.25 dan T-C.28 versi *sebelum* dan *sesudah* perubahan yang keduanya dicetak di "
        "dokumen. Indikator dicocokkan menurut formulir, tingkat (tujuan/sasaran), nomor dan teksnya; teks yang "
        "hampir sama (mis. salah ketik) dianggap indikator yang sama dengan nama diganti."
    ]
    # the first chart's own note, under it
    grafik = [e for e in at.expander if e.label == ui.CARA_MEMBACA]
    assert grafik[0].caption[0].value.startswith("Setiap jenis perubahan ditampilkan, juga yang jumlahnya 0.")
