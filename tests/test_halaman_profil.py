"""Profil kecamatan page in-process (AppTest): staff and asset figures from Tabel 2.2.1-2.2.3, presentation mode."""

from __future__ import annotations

from typing import Any

from tests import appkit

HALAMAN = "halaman/profil.py"
# one tab per staff criterion of Tabel 2.2.1 (jenis kelamin is the cards), then units and assets
BAGIAN = [
    "Pendidikan Terakhir", "Pangkat/Golongan", "Jabatan", "Status Kepegawaian", "Diklat Penjenjangan", "Unit kerja",
    "Sarana dan prasarana",
]  # fmt: skip


def _stack(fig: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Trace name -> {category: value} of a horizontal stacked bar chart."""
    return {t["name"]: dict(zip(t["y"], t["x"], strict=True)) for t in fig["data"] if t.get("type") == "bar"}


def test_jumlah_pegawai_dan_selisih_teks() -> None:
    at = appkit.buka(HALAMAN)
    assert [h.value for h in at.header] == ["Profil kecamatan"]
    metrik = {m.label: m.value for m in at.metric}
    assert metrik == {"Jumlah pegawai": "104", "Laki-laki": "57", "Perempuan": "47"}  # Tabel 2.2.1 rows 1-2
    peringatan = " ".join(w.value for w in at.warning)
    # the prose says 102 (2.1) and 106 (2.2.1); the tables say 104, which the page uses
    assert "102 orang" in peringatan and "106 orang" in peringatan and "104 orang" in peringatan
    # beside the cards (the first chart stays on the first screen); the quotes one click away
    kutipan = [b for b in at.get("popover") if b.proto.popover.label == "Kutipan teks dokumen"]
    assert "seratus enam" in kutipan[0].markdown[0].value and "halaman Kualitas data" in kutipan[0].markdown[0].value
    assert [t.label for t in at.tabs] == BAGIAN
    assert appkit.id_grafik(at) == ["pegawai-pendidikan-terakhir"]  # the first tab alone
    grafik = []
    for b in BAGIAN:
        appkit.buka_bagian(at, b)
        assert {m.label for m in at.metric} == {"Jumlah pegawai", "Laki-laki", "Perempuan"}  # above every tab
        grafik += appkit.id_grafik(at)
    assert len(grafik) == len(set(grafik)) == 9


def test_komposisi_menurut_kriteria() -> None:
    at = appkit.buka(HALAMAN)
    subjudul = [s.value for s in at.subheader]
    assert "Pegawai menurut pendidikan terakhir" in subjudul
    assert "Jenis Kelamin" not in [t.label for t in at.tabs]  # shown as the cards instead
    # Tabel 2.2.1 rows 7-8: S1 19 laki-laki, 24 perempuan
    pendidikan = _stack(appkit.gambar_berjudul(at, "pegawai-pendidikan-terakhir"))
    assert pendidikan["Laki-laki"]["S1"] == 19 and pendidikan["Perempuan"]["S1"] == 24
    # Tabel 2.2.1 rows 46-47 and 55-56: Eselon IV-b 12/14, Staf 14/22
    at = appkit.buka(HALAMAN, bagian="jabatan")
    assert [s.value for s in at.subheader][-1] == "Pegawai menurut jabatan"
    jabatan = _stack(appkit.gambar_berjudul(at, "pegawai-jabatan"))
    assert jabatan["Laki-laki"]["Eselon IV-b"] == 12 and jabatan["Perempuan"]["Eselon IV-b"] == 14
    assert jabatan["Perempuan"]["Staf"] == 22
    assert jabatan["Laki-laki"]["Eselon II-a"] == 0  # printed 0, kept
    assert any("total tercetak 73" in c.value for c in at.caption)  # Pangkat/Golongan and Jabatan
    at = appkit.buka(HALAMAN, bagian="pangkat-golongan")
    assert any("total tercetak 73" in c.value for c in at.caption)


def test_pegawai_per_unit() -> None:
    at = appkit.buka(HALAMAN, bagian="unit-kerja")
    unit = _stack(appkit.gambar_berjudul(at, "pegawai-unit"))
    # Tabel 2.2.2 row 1: Kecamatan Wonoasih 20 laki-laki, 18 perempuan
    assert unit["Laki-laki"]["Kecamatan Wonoasih"] == 20 and unit["Perempuan"]["Kecamatan Wonoasih"] == 18
    assert sum(unit["Laki-laki"].values()) == 57 and sum(unit["Perempuan"].values()) == 47


def test_sarpras_kondisi() -> None:
    at = appkit.buka(HALAMAN, bagian="sarana-dan-prasarana")
    fig = appkit.gambar_berjudul(at, "sarpras-tidak-baik")
    kondisi = _stack(fig)
    assert list(kondisi) == ["Baik", "Kurang baik", "Rusak", "Rusak berat"]
    # Tabel 2.2.3: Meja Kerja 40 buah, "7 buah kurang baik, 1 buah rusak berat"
    meja = {k: v["Meja Kerja (buah)"] for k, v in kondisi.items()}
    assert meja == {"Baik": 32, "Kurang baik": 7, "Rusak": 0, "Rusak berat": 1}
    assert len(kondisi["Baik"]) == 10
    warna = [t["marker"]["color"] for t in fig["data"]]
    assert warna[0] == "#009E73" and warna[-1] == "#D55E00"  # calm -> alarming
    prasarana = _stack(appkit.gambar_berjudul(at, "sarpras-prasarana"))
    assert prasarana["Baik"]["Kamar Mandi (lokal)"] == 5
    assert sum(prasarana["Rusak berat"].values()) == 0


def test_presentasi_satu_grafik_per_layar() -> None:
    at = appkit.buka(HALAMAN, mode="presentasi")
    assert [s.value for s in at.subheader] == ["Jumlah pegawai"]  # the cards, no chart
    assert len(at.get("plotly_chart")) == 0
    at = appkit.buka(HALAMAN, mode="presentasi", slide="2")  # the link opens slide 2 directly
    assert len(at.get("plotly_chart")) == 1
    assert [s.value for s in at.subheader] == ["Pegawai menurut pendidikan terakhir"]
