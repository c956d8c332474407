"""Kelurahan page in-process (AppTest): document figures on the charts, filters, URL, presentation mode."""

from __future__ import annotations

from typing import Any

from streamlit.testing.v1 import AppTest

from tests import appkit

HALAMAN = "halaman/kelurahan.py"
BAGIAN_KECAMATAN = ["Pagu enam kelurahan", "Jenis sub kegiatan", "Target", "Pegawai"]
BAGIAN_KELURAHAN = ["Pagu per tahun", "Sub kegiatan", *BAGIAN_KECAMATAN]
ENAM = ["Wonoasih", "Pakistaji", "Jrebeng Kidul", "Kedung Asem", "Kedung Galeng", "Sumber Taman"]


def _per_seri(fig: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Trace name -> {x: y} of a bar chart."""
    return {t["name"]: dict(zip(t["x"], t["y"], strict=True)) for t in fig["data"] if t.get("type") == "bar"}


def _header(at: AppTest) -> list[str]:
    return [h.value for h in at.header]


def test_seluruh_kecamatan() -> None:
    at = appkit.buka(HALAMAN)
    assert _header(at) == ["Kelurahan"]
    assert [t.label for t in at.tabs] == BAGIAN_KECAMATAN  # no kelurahan chosen: no profile sections
    judul = {b: [s.value for s in appkit.buka_bagian(appkit.buka(HALAMAN), b).subheader] for b in BAGIAN_KECAMATAN}
    assert judul == {  # the page opens on the map (tests/test_peta.py), above the tabs
        "Pagu enam kelurahan": ["Peta kelurahan, 2024", "Pagu per kelurahan per tahun"],
        "Jenis sub kegiatan": ["Peta kelurahan, 2024", "Pagu per jenis kegiatan, 2024"],
        "Target": ["Peta kelurahan, 2024", "Target per kelurahan, 2024"],
        "Pegawai": ["Peta kelurahan, 2024", "Pegawai per kelurahan"],
    }
    pagu = _per_seri(appkit.gambar_berjudul(at, "pagu-per-tahun"))
    assert list(pagu) == ENAM  # one trace (and colour) per kelurahan, manifest order
    assert pagu["Pakistaji"]["2020"] == 2_044_617_000  # T-C.27 2020, rows 17, 23, 32, 41, 53
    assert {k: v["2021"] for k, v in pagu.items()} == dict.fromkeys(ENAM, 666_000_000)
    fig = appkit.gambar_berjudul(at, "pagu-per-tahun")
    assert all(t["marker"]["opacity"] == 1 for t in fig["data"])  # nothing faded without a selection
    assert "M = miliar" in fig["layout"]["yaxis"]["title"]["text"]


def test_warna_kelurahan_sama_di_semua_grafik() -> None:
    at = appkit.buka(HALAMAN, kelurahan="Kedung Asem", bagian="pagu-enam-kelurahan")
    pagu = appkit.gambar_berjudul(at, "grafik-pagu-per-tahun")
    warna = {t["name"]: t["marker"]["color"] for t in pagu["data"]}
    pegawai = appkit.gambar_berjudul(appkit.buka_bagian(at, "Pegawai"), "grafik-pegawai")["data"][0]
    assert dict(zip(pegawai["x"], pegawai["marker"]["color"], strict=True)) == warna
    sendiri = appkit.gambar_berjudul(appkit.buka_bagian(at, "Pagu per tahun"), "grafik-pagu-kelurahan")["data"][0]
    assert sendiri["marker"]["color"] == warna["Kedung Asem"]


def test_profil_pakistaji_2020_dari_url() -> None:
    at = appkit.buka(HALAMAN, kelurahan="Pakistaji", tahun="2020")
    assert _header(at) == ["Kelurahan Pakistaji"]
    assert [t.label for t in at.tabs] == BAGIAN_KELURAHAN
    metrik = {m.label: m.value for m in at.metric}
    assert metrik["Pagu 2020"] == "Rp 2,0 M"
    assert metrik["Pegawai kantor kelurahan"] == "10"  # Tabel 2.2.2 row 3: 6 + 4
    assert metrik["Kegiatan/sub kegiatan 2020"] == "5"
    assert any("Rp 2.044.617.000" in c.value for c in at.caption)
    sendiri = appkit.gambar_berjudul(at, "pagu-kelurahan")["data"][0]
    assert sendiri["y"] == [2_044_617_000, 666_000_000, 380_055_000, 320_374_395, 342_935_150]
    sub_kegiatan = appkit.buka(HALAMAN, kelurahan="Pakistaji", tahun="2020", bagian="sub-kegiatan")
    rincian = "\n".join(df.to_string() for df in appkit.tabel(sub_kegiatan))
    assert "Pembangunan Sarana dan Prasarana Kelurahan Pakistaji" in rincian
    assert "Rp 1.301.200.000" in rincian
    # the others are faded, not hidden
    pagu = appkit.gambar_berjudul(appkit.buka_bagian(at, "Pagu enam kelurahan"), "grafik-pagu-per-tahun")
    opasitas = {t["name"]: t["marker"]["opacity"] for t in pagu["data"]}
    assert opasitas["Pakistaji"] == 1 and opasitas["Wonoasih"] < 1
    assert len(opasitas) == 6
    jenis = appkit.gambar_berjudul(appkit.buka_bagian(at, "Jenis sub kegiatan"), "pagu-per-jenis")
    assert "<b>Pakistaji</b>" in jenis["layout"]["xaxis"]["ticktext"]


def test_filter_mengubah_tampilan() -> None:
    at = appkit.buka(HALAMAN, tahun="2020", bagian="jenis-sub-kegiatan")
    jenis_2020 = [t["name"] for t in appkit.gambar_berjudul(at, "pagu-per-jenis")["data"] if t.get("type") == "bar"]
    assert len(jenis_2020) == 5
    at.segmented_control(key="tahun").set_value(2021).run()
    assert not at.exception
    assert at.query_params["tahun"] == "2021"
    fig = appkit.gambar_berjudul(at, "pagu-per-jenis")
    bar = {t["name"]: dict(zip(t["x"], t["y"], strict=True)) for t in fig["data"] if t.get("type") == "bar"}
    assert len(bar) == 3
    # T-C.27 2021 row 8: Pembangunan Sarana dan Prasarana Kelurahan (WONOASIH) Rp 280.000.000
    assert bar["Pembangunan Sarana dan Prasarana Kelurahan"]["Wonoasih"] == 280_000_000
    at.radio(key="kelurahan").set_value("Kedung Galeng").run()
    assert not at.exception
    assert at.query_params["kelurahan"] == "Kedung Galeng"
    assert _header(at) == ["Kelurahan Kedung Galeng"]
    assert "Sekilas Kelurahan Kedung Galeng" in [s.value for s in at.subheader]
    # the open section survives the new set of tabs (the profile's two come first)
    assert [t.label for t in at.tabs] == BAGIAN_KELURAHAN
    assert at.query_params["bagian"] == "jenis-sub-kegiatan"
    assert appkit.id_grafik(at) == ["peta-kelurahan", "pagu-per-jenis"]


def test_target_berdampingan_2024() -> None:
    at = appkit.buka(HALAMAN, tahun="2024", kelurahan="Wonoasih", bagian="target")
    fig = appkit.gambar_berjudul(at, "grafik-target")
    peta = fig["data"][0]
    baris = {str(label).split(":")[0].replace("<br>", " "): teks for label, teks in
             zip(fig["layout"]["yaxis"]["ticktext"], peta["text"], strict=True)}  # fmt: skip
    # T-C.27 2022-2024 rows 5-10, target 2024
    lokasi = baris["Pembangunan Sarana dan Prasarana Kelurahan"]
    assert dict(zip(peta["x"], lokasi, strict=True)) == {
        "Wonoasih": "6 Lokasi", "Pakistaji": "2 Lokasi", "Jrebeng Kidul": "5 Lokasi", "Kedung Asem": "6 Lokasi",
        "Kedung Galeng": "4 Lokasi", "Sumber Taman": "3 Lokasi",
    }  # fmt: skip
    assert len(fig["layout"]["shapes"]) == 1  # the selected kelurahan's column is outlined


def test_presentasi_satu_grafik() -> None:
    at = appkit.buka(HALAMAN, mode="presentasi")
    assert len(at.get("plotly_chart")) == 1
    assert [s.value for s in at.subheader] == ["Peta kelurahan, 2024"]  # the map first, then the tabs' panels
    at = appkit.buka(HALAMAN, mode="presentasi", slide="4", tahun="2020")  # the link opens slide 4 directly
    assert len(at.get("plotly_chart")) == 1
    assert [s.value for s in at.subheader] == ["Target per kelurahan, 2020"]
