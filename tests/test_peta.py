"""The kelurahan map (issue 15): the bundled boundaries, the figure, the pages, the pack's slide, hostile files.

The bundled boundaries (renstra_data/.../peta/wonoasih.geojson, MIT, cahyadsn/wilayah_boundaries)
carry the six Kemendagri codes 35.74.02.1001-1007 (no 1004). Values are checked against
``metrics.pagu_per_kelurahan`` and, for 2023, against the document's own rows.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

import formatting as fmt
import metrics
from grafik import peta as grafik_peta
from loaders import Renstra, load_renstra
from loaders.peta import BATAS_BITA, PetaError, baca_peta
from loaders.renstra import FOLDER_BAWAAN
from musrenbang import buku, dek, isi
from realisasi import bingkai_kosong
from sajian import kelurahan as sajian_kelurahan
from tests import appkit
from tests import renstra_sintetis as rs

KODE = {
    "Wonoasih": "35.74.02.1007", "Pakistaji": "35.74.02.1002", "Jrebeng Kidul": "35.74.02.1001",
    "Kedung Asem": "35.74.02.1005", "Kedung Galeng": "35.74.02.1003", "Sumber Taman": "35.74.02.1006",
}  # fmt: skip
HALAMAN = "halaman/kelurahan.py"
GEOJSON = FOLDER_BAWAAN / "peta" / "wonoasih.geojson"


def _isian(fig: dict[str, Any]) -> list[dict[str, Any]]:
    """The filled shapes of a map figure (one per kelurahan)."""
    return [t for t in fig["data"] if t.get("fill") == "toself"]


def _nama(fig: dict[str, Any]) -> dict[str, Any]:
    (t,) = [t for t in fig["data"] if t.get("mode") == "markers+text"]
    return t


# --- the bundled boundaries ------------------------------------------------------------------------


def test_batas_bawaan_enam_kode_dan_nama_dinormalkan(renstra: Renstra) -> None:
    assert renstra.peta is not None and renstra.peta_galat == ""
    assert renstra.peta.kode == KODE  # the manifest's kelurahan order
    galeng = renstra.peta.untuk("Kedung Galeng")
    assert galeng is not None and galeng.nama == "Kedunggaleng"  # the source's spelling, matched by name
    assert all(len(b.cincin) == 1 and len(b.cincin[0]) >= 50 for b in renstra.peta.batas)
    assert "cahyadsn/wilayah_boundaries" in renstra.peta.sumber and "MIT" in renstra.peta.sumber
    lisensi = FOLDER_BAWAAN / renstra.manifest["peta"]["lisensi"]
    assert lisensi.read_text(encoding="utf-8").startswith("MIT License\n\nCopyright (c) 2024 Cahya DSN")


def test_kode_di_manifest_mendahului_nama(renstra: Renstra) -> None:
    """[peta.kode] ties a feature by its code even when the file spells the name otherwise."""
    data = json.loads(GEOJSON.read_text(encoding="utf-8"))
    data["features"][0]["properties"]["nama"] = "Jrebeng Kdl (ejaan lain)"
    with pytest.raises(PetaError, match="fitur ke-1"):
        baca_peta(json.dumps(data).encode(), "x.geojson", renstra.wilayah)
    peta = baca_peta(json.dumps(data).encode(), "x.geojson", renstra.wilayah, {"35.74.02.1001": "Jrebeng Kidul"})
    assert peta.kode["Jrebeng Kidul"] == "35.74.02.1001"


# --- the figure ----------------------------------------------------------------------------------


def test_peta_enam_kode_dan_nilai_sama_dengan_metrics(renstra: Renstra) -> None:
    d = sajian_kelurahan.nilai_peta(renstra, 2023)
    m = metrics.pagu_per_kelurahan(renstra.rencana)
    m = m[m["tahun"].eq(2023)].set_index("kelurahan")
    assert d.set_index("kelurahan")["pagu"].to_dict() == m["pagu"].to_dict()
    assert d.set_index("kelurahan")["pangsa"].to_dict() == pytest.approx(m["pangsa"].to_dict())
    assert d.set_index("kelurahan")["pagu"]["Pakistaji"] == 80_400_000 + 160_800_000 + 79_174_395  # T-C.27 2023
    assert d["kode"].tolist() == list(KODE.values())

    fig = grafik_peta.peta(d, renstra.peta, "pagu", "rupiah", "Pagu 2023", sorot="Pakistaji").to_plotly_json()
    isian = _isian(fig)
    assert [t["meta"] for t in isian] == list(KODE.values())  # the locations: the six codes
    nama = _nama(fig)
    assert [c[0] for c in nama["customdata"]] == list(KODE)
    assert [c[2] for c in nama["customdata"]] == list(KODE.values())
    assert [c[1] for c in nama["customdata"]] == [fmt.rupiah(v) for v in d["pagu"]]
    assert isian[1]["text"] == "Pakistaji: Rp 320.374.395"
    assert isian[1]["line"]["width"] == 3 and isian[0]["line"]["width"] < 3  # the chosen kelurahan outlined
    # x shrunk by cos(latitude) at about -7.8 degrees: true proportions, axes hidden
    assert fig["layout"]["xaxis"]["scaleanchor"] == "y"
    assert fig["layout"]["xaxis"]["scaleratio"] == pytest.approx(0.9907, abs=1e-3)
    assert fig["layout"]["xaxis"]["visible"] is False and fig["layout"]["yaxis"]["visible"] is False
    assert "mapbox" not in fig["layout"] and "geo" not in fig["layout"]  # no tiles, nothing fetched


def test_kelas_warna_berlabel_dan_aman_buta_warna() -> None:
    import kosakata

    indeks, warna, label = grafik_peta.kelas([10e6, 20e6, None, 20e6], "rupiah")
    assert indeks == [0, 1, None, 1]
    assert label == ["Rp 10,0 jt", "Rp 20,0 jt"]
    assert warna == [kosakata.SKALA_URUT[0], kosakata.SKALA_URUT[-1]]
    indeks, warna, label = grafik_peta.kelas([0, 10, 20, 30, 40, 50, 100], "persen")
    assert indeks == [0, 0, 1, 1, 2, 2, 4]  # classes [a, b): 20 opens the second, 100 closes the last
    assert label[0] == "0,00 % – 20,00 %" and label[-1] == "80,00 % – 100,00 %"
    assert warna == list(kosakata.SKALA_URUT)


def test_tahun_2021_satu_kelas() -> None:
    """2021: every kelurahan the same pagu (Rp 666.000.000 each): one class, one legend entry."""
    r = load_renstra()
    d = sajian_kelurahan.nilai_peta(r, 2021)
    fig = grafik_peta.peta(d, r.peta, "pagu", "rupiah", "Pagu 2021").to_plotly_json()
    assert [t["name"] for t in _isian(fig) if t["showlegend"]] == ["Rp 666,0 jt"]


def test_capaian_dan_serapan_setelah_realisasi_dilaporkan(renstra: Renstra) -> None:
    """With (SYNTHETIC, tests/test_musrenbang_isi.py) realisasi reported for 2023 the map offers capaian
    and serapan, computed by metrics for the reported rows; kelurahan without reports have none (not 0)."""
    from tests.test_musrenbang_isi import tersimpan_sintetis

    assert list(sajian_kelurahan.ukuran_peta(renstra, 2023)) == ["pagu", "pangsa", "kegiatan"]
    tersimpan = tersimpan_sintetis()
    assert list(sajian_kelurahan.ukuran_peta(renstra, 2023, tersimpan)) == [
        "pagu", "pangsa", "kegiatan", "capaian", "serapan"
    ]  # fmt: skip
    d = sajian_kelurahan.nilai_peta(renstra, 2023, tersimpan).set_index("kelurahan")
    assert d.loc["Pakistaji", "capaian"] == metrics.capaian(2, 2) == 100  # 2 of 2 Lokasi
    assert d.loc["Wonoasih", "capaian"] == metrics.capaian(5, 4) == 80  # 4 of 5 Lokasi
    assert d.loc["Pakistaji", "serapan"] == pytest.approx(80_000_000 / 80_400_000 * 100)
    assert d.loc["Wonoasih", "serapan"] == pytest.approx(150_000_000 / 188_940_000 * 100)
    assert d["capaian"].isna().sum() == d["serapan"].isna().sum() == 4


# --- the pages -----------------------------------------------------------------------------------


def test_kelurahan_dibuka_dengan_peta() -> None:
    at = appkit.buka(HALAMAN, tahun="2023")
    assert at.subheader[0].value == "Peta kelurahan, 2023"
    pertama = at.get("plotly_chart")[0]
    assert pertama.proto.id.endswith("grafik-peta-kelurahan")  # the first chart of the page is the map
    fig = appkit.gambar(at)[0]
    assert [t["meta"] for t in _isian(fig)] == list(KODE.values())
    assert _isian(fig)[1]["text"] == "Pakistaji: Rp 320.374.395"
    assert at.segmented_control(key="ukuran").options == [
        "Pagu",
        "Pangsa dari jumlah kelurahan",
        "Jumlah kegiatan/sub kegiatan",
    ]  # fmt: skip  (no capaian/serapan before realisasi are reported)
    # Another measure: the share of the six, as in the Pagu per kelurahan chart's table.
    at.segmented_control(key="ukuran").set_value("pangsa").run()
    fig = appkit.gambar(at)[0]
    p = sajian_kelurahan.pagu_per_tahun(load_renstra())
    p = p[p["tahun"].eq(2023)].set_index("kelurahan")["pangsa"]
    assert _nama(fig)["customdata"][1][1] == fmt.persen(p["Pakistaji"])
    assert at.query_params["ukuran"] == "pangsa"


def test_tabel_peta_di_bawahnya() -> None:
    at = appkit.buka(HALAMAN, tahun="2023", tabel_terbuka=True)
    (t,) = [df for df in appkit.tabel(at) if "Kode Kemendagri" in df.columns]
    assert t["Kode Kemendagri"].tolist() == list(KODE.values())
    assert t.loc[t["Kelurahan"].eq("Pakistaji"), "Pagu 2023 (Rp)"].iloc[0] == "Rp 320.374.395"
    assert any(d.label == "Unduh tabel (.xlsx)" for d in at.get("download_button"))


def test_kelurahan_terpilih_disorot_di_peta() -> None:
    """The chosen kelurahan (the filter a click on the map sets; tests/browser/test_peta.py clicks) is outlined."""
    at = appkit.buka(HALAMAN, kelurahan="Kedung Asem")
    assert [h.value for h in at.header] == ["Kelurahan Kedung Asem"]
    assert at.subheader[0].value == "Peta kelurahan, 2024"  # the map still comes first, the profile under it
    isian = _isian(appkit.gambar(at)[0])
    assert [t["line"]["width"] for t in isian] == [1.2, 1.2, 1.2, 3, 1.2, 1.2]


def test_ringkasan_peta_kecil() -> None:
    at = appkit.buka("halaman/ringkasan.py", tahun="2022", bagian="peta-kelurahan")
    fig = appkit.gambar_berjudul(at, "peta-kelurahan")
    assert fig["layout"]["height"] == grafik_peta.TINGGI_KECIL
    assert [t["meta"] for t in _isian(fig)] == list(KODE.values())
    p = sajian_kelurahan.pagu_per_tahun(load_renstra())
    pagu = p[p["tahun"].eq(2022)].set_index("kelurahan")["pagu"]
    assert [c[1] for c in _nama(fig)["customdata"]] == [fmt.rupiah(pagu[k]) for k in KODE]


def _sintetis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    berkas = tmp_path / "sidomakmur.xlsx"
    berkas.write_bytes(rs.buat())
    monkeypatch.setenv("RENSTRA_SUMBER", str(berkas))


def test_renstra_tanpa_batas_tanpa_peta_tanpa_galat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _sintetis(tmp_path, monkeypatch)
    at = appkit.buka(HALAMAN, tahun="2027")
    assert not [s.value for s in at.subheader if "Peta" in s.value]
    assert not [el for el in at.get("plotly_chart") if "peta" in (el.proto.id or "")]
    assert not at.warning and not at.error
    assert at.tabs[0].label == "Pagu enam kelurahan"  # the page opens on its first tab instead
    ringkasan = appkit.buka("halaman/ringkasan.py")
    assert "Peta kelurahan" not in [t.label for t in ringkasan.tabs]


def test_pak_renstra_tanpa_batas_tanpa_slaid_peta() -> None:
    from loaders.renstra import renstra_dari_xlsx

    r = renstra_dari_xlsx(rs.buat(), "sidomakmur.xlsx")
    assert r.peta is None
    assert "peta" not in [s.kunci for s in isi.susun(r, 2027, None, bingkai_kosong())]


# --- the pack ------------------------------------------------------------------------------------


def _slaid_peta(prs: Any) -> Any:
    (slide,) = [sl for sl in prs.slides if any(sh.name == "Peta peta" for sh in sl.shapes)]
    return slide


def test_pak_kecamatan_punya_slaid_peta_bergambar(renstra: Renstra) -> None:
    slaid = isi.susun(renstra, 2023, None, bingkai_kosong())
    assert slaid[-1].kunci == "peta"
    s = slaid[-1]
    m = metrics.pagu_per_kelurahan(renstra.rencana)
    m = m[m["tahun"].eq(2023)]
    m = m.set_index("kelurahan")["pagu"]
    assert s.data["kelurahan"].tolist() == list(KODE)
    assert s.data["pagu"].tolist() == [m[k] for k in KODE]
    assert s.data["kode"].tolist() == list(KODE.values())
    assert "cahyadsn/wilayah_boundaries" in s.sumber
    prs = Presentation(io.BytesIO(dek.dek_pptx(slaid)))
    slide = _slaid_peta(prs)
    (gambar,) = [sh for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert gambar.image.content_type == "image/png"
    assert gambar.image.size == (2400, 1350)  # 1200 x 675 drawn at twice the size
    assert len(gambar.image.blob) > 50_000  # six coloured shapes, names and a legend, not a blank picture
    assert slide.shapes.title.text_frame.text == "Peta pagu kelurahan 2023, Kecamatan Wonoasih"
    assert not [sh for sh in slide.shapes if sh.has_chart]
    wb = buku.buku_xlsx(slaid)
    import openpyxl

    ws = openpyxl.load_workbook(io.BytesIO(wb))["9. Peta kelurahan"]
    assert [ws.cell(row=r, column=3).value for r in range(5, 11)] == [m[k] for k in KODE]


def test_pak_kelurahan_menyorot_kelurahannya(renstra: Renstra) -> None:
    slaid = isi.susun(renstra, 2023, "Pakistaji", bingkai_kosong())
    s = slaid[-1]
    assert s.kunci == "peta" and s.sorot == "Pakistaji"
    assert s.data["kelurahan"].tolist() == ["Pakistaji"]  # no other kelurahan's figure in its pack
    assert s.data["pagu"].tolist() == [320_374_395]
    fig = grafik_peta.slaid(s.data, s.peta, "pagu", "rupiah", "Pagu", s.sorot).to_plotly_json()
    isian = _isian(fig)
    assert [t["name"] for t in isian] == ["kelurahan lain", "Rp 320,4 jt", *["kelurahan lain"] * 4]
    assert isian[1]["line"]["width"] == 3
    assert "Rp 320,4 jt" in _nama(fig)["text"][1]
    prs = Presentation(io.BytesIO(dek.dek_pptx([s])))
    assert [sh.shape_type for sh in _slaid_peta(prs).shapes if sh.name == "Peta peta"] == [MSO_SHAPE_TYPE.PICTURE]


def test_pak_tetap_dibuat_bila_peta_gagal(renstra: Renstra, monkeypatch: pytest.MonkeyPatch) -> None:
    def gagal(*_: object, **__: object) -> bytes:
        raise RuntimeError("chromium tidak ada")

    monkeypatch.setattr(grafik_peta, "png", gagal)
    s = isi.susun(renstra, 2023, None, bingkai_kosong())[-1]
    prs = Presentation(io.BytesIO(dek.dek_pptx([s])))
    (slide,) = prs.slides
    teks = {sh.name: sh.text_frame.text for sh in slide.shapes if sh.has_text_frame}
    assert teks["Pesan"] == dek.PETA_GAGAL
    assert teks["Sumber"] == s.sumber


# --- hostile or wrong boundary files -------------------------------------------------------------


def _fitur(nama: str = "Pakistaji", geometri: Any = None) -> dict[str, Any]:
    cincin = [[113.2, -7.8], [113.21, -7.8], [113.21, -7.81], [113.2, -7.8]]
    return {"type": "Feature", "properties": {"kode": "35.74.02.1002", "nama": nama},
            "geometry": geometri if geometri is not None else {"type": "Polygon", "coordinates": [cincin]}}  # fmt: skip


def _koleksi(*fitur: Any) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(fitur)}).encode()


BERBAHAYA = {
    "terlalu besar": (b" " * (BATAS_BITA + 1), "lebih dari 5 MB; sederhanakan poligonnya"),
    "bukan JSON": (b"{ini bukan json", "bukan GeoJSON yang sah (teks JSON UTF-8)"),
    "bukan UTF-8": (b'{"type": "\xff"}', "bukan GeoJSON yang sah (teks JSON UTF-8)"),
    "NaN": (b'{"type": NaN}', "bukan GeoJSON yang sah (teks JSON UTF-8)"),
    "bersarang dalam": (b"[" * 100_000 + b"]" * 100_000, "bukan GeoJSON yang sah (teks JSON UTF-8)"),
    "bukan FeatureCollection": (b'{"type": "Feature"}', "bukan GeoJSON FeatureCollection (type dan features)"),
    "tanpa fitur": (_koleksi(), "tidak memuat satu fitur pun"),
    "titik": (
        _koleksi(_fitur(geometri={"type": "Point", "coordinates": [113.2, -7.8]})),
        "fitur ke-1 (Pakistaji): geometri Point; hanya Polygon atau MultiPolygon",
    ),
    "koordinat teks": (
        _koleksi(_fitur(geometri={"type": "Polygon", "coordinates": [[["a", "b"]] * 4]})),
        "fitur ke-1: titik koordinat harus pasangan angka [bujur, lintang]",
    ),
    "lintang-bujur tertukar": (
        _koleksi(_fitur(geometri={"type": "Polygon", "coordinates": [[[-7.8, 113.2]] * 4]})),
        "fitur ke-1: titik di luar rentang bujur/lintang (urutan GeoJSON: bujur, lintang)",
    ),
    "kelurahan asing": (
        _koleksi(_fitur("Kelurahan Entah")),
        "fitur ke-1 ('Kelurahan Entah') bukan kelurahan Renstra ini (Wonoasih, Pakistaji, Jrebeng Kidul, "
        "Kedung Asem, Kedung Galeng, Sumber Taman)",
    ),
    "kelurahan ganda": (_koleksi(_fitur(), _fitur("PAKISTAJI")), "fitur ke-2 dan fitur lain sama-sama untuk Kelurahan Pakistaji"),
    "terlalu banyak fitur": (_koleksi(*[_fitur()] * 201), "memuat 201 fitur; paling banyak 200"),
}  # fmt: skip


@pytest.mark.parametrize("kasus", list(BERBAHAYA))
def test_berkas_peta_berbahaya_ditolak(renstra: Renstra, kasus: str) -> None:
    data, pesan = BERBAHAYA[kasus]
    with pytest.raises(PetaError) as e:
        baca_peta(data, "batas.geojson", renstra.wilayah)
    assert str(e.value) == f"berkas peta 'batas.geojson': {pesan}"
    assert "Error" not in str(e.value) and "Traceback" not in str(e.value)


def test_folder_dengan_peta_rusak_tetap_dimuat(salinan: Path) -> None:
    """A broken boundary file costs the map, not the Renstra: the page says why instead of the map."""
    (salinan / "peta" / "wonoasih.geojson").write_text("{rusak", encoding="utf-8")
    r = load_renstra(salinan)
    assert r.peta is None
    assert r.peta_galat == "berkas peta 'peta/wonoasih.geojson': bukan GeoJSON yang sah (teks JSON UTF-8)"
    assert not r.rencana.empty


def test_berkas_peta_di_luar_folder_ditolak(salinan: Path) -> None:
    manifest = salinan / "manifest.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace('"peta/wonoasih.geojson"', '"../../etc/passwd"'),
        encoding="utf-8",
    )
    r = load_renstra(salinan)
    assert r.peta is None and r.peta_galat == "berkas peta '../../etc/passwd': tidak ada di folder Renstra"


def test_folder_tanpa_peta(salinan: Path) -> None:
    manifest = salinan / "manifest.toml"
    teks = manifest.read_text(encoding="utf-8")
    awal = teks.index("[peta]")
    manifest.write_text(teks[:awal] + teks[teks.index("\n\n", awal) :], encoding="utf-8")
    shutil.rmtree(salinan / "peta")
    r = load_renstra(salinan)
    assert r.peta is None and r.peta_galat == ""
    d = sajian_kelurahan.nilai_peta(r, 2023)
    assert d["kode"].tolist() == [""] * 6 and d["pagu"].notna().all()
    assert isinstance(d, pd.DataFrame)


def test_halaman_peta_rusak_berpesan(salinan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (salinan / "peta" / "wonoasih.geojson").write_text('{"type": "FeatureCollection", "features": []}', "utf-8")
    monkeypatch.setenv("RENSTRA_SUMBER", str(salinan))
    at = appkit.buka(HALAMAN)
    assert [w.value for w in at.warning] == [
        "Peta tidak dapat digambar: berkas peta 'peta/wonoasih.geojson': tidak memuat satu fitur pun"
    ]
