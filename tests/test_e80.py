"""Form E.80 (sajian.e80, ekspor.e80_xlsx, ekspor.xlsx_ke_pdf) against the bundled document.

Targets are checked cell by cell against T-C.27 / T-C.25 / T-C.23 as printed in the text export
(lines quoted below). The uploaded realisasi figures are SYNTHETIC test data.
"""

from __future__ import annotations

import dataclasses
import io
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

import ekspor
import metrics
from loaders import Renstra
from loaders.renstra import FOLDER_BAWAAN, renstra_dari_xlsx
from realisasi import TIPE_REALISASI, bingkai_kosong
from realisasi.gudang import Gudang
from sajian.e80 import E80, e80
from tests import renstra_sintetis

SUMBER = (FOLDER_BAWAAN / "sumber" / "renstra_wonoasih_2019_2024.txt").read_text(encoding="utf-8").splitlines()
SHA_UJI = "0" * 64


def _baris(e: E80, kode: str, indikator: str, kelurahan: str = "") -> pd.Series:
    t = e.tabel
    d = t[t["kode"].eq(kode) & t["indikator"].str.startswith(indikator) & t["kelurahan"].eq(kelurahan)]
    assert len(d) == 1, (kode, indikator, len(d))
    return d.iloc[0]


def _tercetak(*teks: str) -> None:
    """Every text is in one line of the document's text export (the anchor of the expected figures)."""
    assert any(all(t in b for t in teks) for b in SUMBER), teks


@pytest.fixture(scope="module")
def kosong(renstra: Renstra) -> E80:
    return e80(renstra, bingkai_kosong())


def test_target_program_per_tahun_sesuai_tc27(kosong: E80) -> None:
    _tercetak("7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", "100%", "4.142.579.200")  # 2021
    _tercetak("7.01.03", "85%", "1.997.779.200", "90%", "1.606.116.002", "95%", "1.732.468.436")  # 2022-2024
    b = _baris(kosong, "7.01.03", "Persentase Peningkatan Lembaga Masyarakat yang Aktif")
    assert b["tingkat"] == "program"
    assert (b["target_k_2021"], b["target_rp_2021"]) == (100, 4_142_579_200)
    assert (b["target_k_2022"], b["target_rp_2022"]) == (85, 1_997_779_200)
    assert (b["target_k_2023"], b["target_rp_2023"]) == (90, 1_606_116_002)
    assert (b["target_k_2024"], b["target_rp_2024"]) == (95, 1_732_468_436)
    assert b["target_akhir_k"] == 95
    assert b["target_akhir_rp"] == 4_142_579_200 + 1_997_779_200 + 1_606_116_002 + 1_732_468_436
    # 2020 prints this program under an old code: its cells stay empty here, never 0
    assert pd.isna(b["target_k_2020"]) and pd.isna(b["target_rp_2020"])
    assert b["unit"] == "Kec. Wonoasih"


def test_target_sub_kegiatan_kelurahan_dan_program_penunjang(kosong: E80) -> None:
    _tercetak("7.01.03.2.02.03", "(sub unit Kedung Asem)", "5 Kelompok", "122.000.000", "6 Kelompok", "98.088.000")
    b = kosong.tabel[kosong.tabel["kode"].eq("7.01.03.2.02.03") & kosong.tabel["kelurahan"].eq("Kedung Asem")]
    b = b[b["target_k_2023"].notna()].iloc[0]
    assert (b["target_k_2022"], b["target_rp_2022"]) == (5, 122_000_000)
    assert (b["target_k_2023"], b["target_rp_2023"]) == (6, 98_088_000)
    assert (b["target_k_2024"], b["target_rp_2024"]) == (7, 105_797_717)
    _tercetak("7.01.01", "Persentase Capaian Kinerja Program Minimal 80%", "100%", "9.122.221.547", "9.495.655.116")
    p = _baris(kosong, "7.01.01", "Persentase Capaian Kinerja Program Minimal 80%")
    assert (p["target_k_2022"], p["target_rp_2022"]) == (100, 9_122_221_547)
    assert (p["target_k_2023"], p["target_rp_2023"]) == (100, 9_495_655_116)
    assert (p["target_k_2024"], p["target_rp_2024"]) == (100, 9_565_206_165)


def test_tahun_berkode_lama_di_bawah_kodenya_sendiri(kosong: E80) -> None:
    b = _baris(kosong, "301000.301001.01.001", "Persentase Capaian Kinerja Program Minimal 80%")
    assert b["target_k_2020"] == pytest.approx(99.43)
    assert pd.isna(b["target_rp_2020"])  # printed ***** : blank, with the note saying so
    catatan = [kosong.catatan[int(n) - 1] for n in b["catatan"].split(", ")]
    assert any("*****" in c and "tidak terbaca" in c for c in catatan)
    assert all(pd.isna(b[f"target_k_{t}"]) for t in (2021, 2022, 2023, 2024))  # never mapped onto 7.01.01
    assert any("kode lama" in c and "2020" in c for c in kosong.catatan)


def test_baris_sasaran_dari_tc25_dan_realisasi_tc23(kosong: E80) -> None:
    _tercetak("Meningkatnya Kualitas Pelayanan Publik di Kecamatan Wonoasih", "Indeks Kepuasan Masyarakat (IKM)",
              "84,60", "85,60", "86,60", "87,60", "88,60")  # fmt: skip
    _tercetak("Indeks Kepuasan Masyarakat (IKM)", "84,60%", "94,06%")  # T-C.23: target and realisasi 2020
    t = kosong.tabel
    b = t[t["tingkat"].eq("sasaran") & t["indikator"].eq("Indeks Kepuasan Masyarakat (IKM)")].iloc[0]
    assert b["sasaran"] == "Meningkatnya Kualitas Pelayanan Publik di Kecamatan Wonoasih"
    assert [b[f"target_k_{y}"] for y in range(2020, 2025)] == pytest.approx([84.6, 85.6, 86.6, 87.6, 88.6])
    assert b["realisasi_k_2020"] == pytest.approx(94.06)
    assert b["rasio_k_2020"] == pytest.approx(metrics.capaian(84.6, 94.06))
    assert b["capaian_awal"] == pytest.approx(84.6)
    assert all(pd.isna(b[f"target_rp_{y}"]) for y in range(2020, 2025))  # T-C.25 prints no Rupiah
    assert pd.isna(b["realisasi_k_2021"]) and pd.isna(b["rasio_k_2021"])


def test_realisasi_rp_program_2020_dari_tc24(kosong: E80) -> None:
    _tercetak("Program Peningkatan Penyelenggaraan Pemerintahan dan Pelayanan Publik Kecamatan", "1.024.378.440",
              "1.007.611.040", "98,36")  # fmt: skip
    t = kosong.tabel
    b = t[t["program_kegiatan"].eq("Program Peningkatan Penyelenggaraan Pemerintahan dan Pelayanan Publik Kecamatan")]
    b = b.iloc[0]
    assert b["realisasi_rp_2020"] == 1_007_611_040
    assert pd.isna(b["target_rp_2020"]) and pd.isna(b["rasio_rp_2020"])  # T-C.27 prints its pagu *****
    catatan = [kosong.catatan[int(n) - 1] for n in b["catatan"].split(", ")]
    assert any("T-C.24" in c for c in catatan) and any("*****" in c for c in catatan)


def test_kepala_bernomor_seperti_formulir(kosong: E80) -> None:
    assert kosong.tahun == (2020, 2021, 2022, 2023, 2024)
    nomor = list(dict.fromkeys(k.nomor for k in kosong.kolom if k.nomor))
    assert nomor == [f"({i})" for i in range(1, 24)]
    target = [k for k in kosong.kolom if k.nomor == "(8)"]
    assert [k.sub for k in target] == ["K", "Rp"] and target[0].grup == "Target Renstra Tahun ke-1 (2020)"
    assert [k.kunci for k in kosong.kolom if k.nomor == "(22)"] == ["rasio_k_2024", "rasio_rp_2024"]
    assert all(k.kunci in kosong.tabel.columns for k in kosong.kolom)
    assert kosong.judul.startswith("Evaluasi terhadap Hasil Renstra Perangkat Daerah Kecamatan Wonoasih")
    assert kosong.jabatan == "Camat Wonoasih"


def test_tanpa_laporan_realisasi_kosong_bukan_nol(kosong: E80) -> None:
    kolom = [f"{a}_{s}_{t}" for a in ("realisasi", "rasio") for s in ("k", "rp") for t in range(2021, 2025)]
    assert kosong.tabel[kolom].isna().all().all()
    b = _baris(kosong, "7.01.01", "Persentase Capaian Kinerja Program Minimal 80%")
    catatan = [kosong.catatan[int(n) - 1] for n in b["catatan"].split(", ")]
    assert any(c.startswith("Realisasi kosong: belum dilaporkan") for c in catatan)


def test_setiap_sel_kosong_punya_catatan(kosong: E80) -> None:
    angka = [k.kunci for k in kosong.kolom if k.kunci.startswith(("target_", "realisasi_", "rasio_", "capaian_"))]
    t = kosong.tabel
    kosong_ada = t[angka].isna().any(axis=1)
    assert kosong_ada.any() and t.loc[kosong_ada, "catatan"].ne("").all()
    rujukan = {int(n) for c in t["catatan"] if c for n in c.split(", ")}
    assert rujukan <= set(range(1, len(kosong.catatan) + 1))
    assert not (t[angka] == 0).any().any() or (t[angka] == 0).sum().sum() == _nol_tercetak(t, angka)


def _nol_tercetak(t: pd.DataFrame, angka: list[str]) -> int:
    """Zeros in the frame are printed zeros: T-C.27 targets of 0 (e.g. "0 Unit/buah"), never a blank turned 0."""
    nol = t[angka] == 0
    assert set(nol.columns[nol.any()]) <= {c for c in angka if c.startswith("target_k_") or c == "target_akhir_k"}
    return int(nol.sum().sum())


def test_realisasi_tersimpan_rasio_sama_dengan_metrics(renstra: Renstra, gudang_sendiri: str) -> None:
    R = renstra.rencana
    program = R[(R["tahun"] == 2022) & (R["kode"] == "7.01.01")].iloc[0]
    rendah = R[(R["tahun"] == 2023) & R["indikator"].eq("Jumlah Gangguan Keamanan yang ditindaklanjuti")].iloc[0]
    lapor = pd.DataFrame(
        [
            {"tahun": 2022, "item_id": program["item_id"], "indikator_ke": program["indikator_ke"], "kelurahan": "",
             "realisasi": 95.0, "realisasi_rp": 9_000_000_000},
            {"tahun": 2023, "item_id": rendah["item_id"], "indikator_ke": rendah["indikator_ke"], "kelurahan": "",
             "realisasi": 20.0, "realisasi_rp": 300_000_000},
        ]
    ).astype(TIPE_REALISASI)  # fmt: skip
    g = Gudang(gudang_sendiri, renstra_id=str(renstra.manifest["renstra"]["id"]))
    g.simpan(lapor[lapor["tahun"] == 2022], "uji", "admin", "uji.xlsx", SHA_UJI, 2022)
    g.simpan(lapor[lapor["tahun"] == 2023], "uji", "admin", "uji.xlsx", SHA_UJI, 2023)
    e = e80(renstra, g.keadaan())

    b = _baris(e, "7.01.01", "Persentase Capaian Kinerja Program Minimal 80%")
    assert (b["realisasi_k_2022"], b["realisasi_rp_2022"]) == (95, 9_000_000_000)
    assert b["rasio_k_2022"] == pytest.approx(metrics.capaian(100, 95)) == pytest.approx(95.0)
    assert b["rasio_rp_2022"] == pytest.approx(metrics.serapan(9_122_221_547, 9_000_000_000))
    assert pd.isna(b["realisasi_k_2023"]) and pd.isna(b["rasio_k_2023"])  # not reported: blank

    k = _baris(e, "7.01.05.2.01.02", "Jumlah Gangguan Keamanan yang ditindaklanjuti")
    assert k["target_k_2023"] == 22 and k["realisasi_k_2023"] == 20
    # lower is better (manifest polarity): (2 - 20/22) x 100, not 20/22 x 100
    assert k["rasio_k_2023"] == pytest.approx(metrics.capaian(22, 20, lower_is_better=True))
    assert k["rasio_k_2023"] == pytest.approx(109.0909, abs=1e-3)
    assert k["rasio_rp_2023"] == pytest.approx(metrics.serapan(k["target_rp_2023"], 300_000_000))


def test_tampilan_lurah_hanya_baris_kelurahannya(renstra: Renstra) -> None:
    e = e80(renstra, bingkai_kosong(), kelurahan="Pakistaji")
    t = e.tabel
    kel = set(t["kelurahan"]) - {""}
    assert kel == {"Pakistaji"}
    angka = [k.kunci for k in e.kolom if k.kunci.startswith(("target_", "realisasi_", "rasio_", "capaian_"))]
    berangka = t[t[angka].notna().any(axis=1)]
    assert len(berangka) >= 6 and set(berangka["kelurahan"]) == {"Pakistaji"}
    assert not t["program_kegiatan"].str.contains("Kedung Asem|Sumber Taman|Wonoasih\\)", case=False).any()
    assert e.judul.endswith("Kelurahan Pakistaji")


def test_saring_program_dan_tahun(renstra: Renstra) -> None:
    e = e80(renstra, bingkai_kosong(), tahun=(2022, 2023), program_id="7.01.05")
    assert e.tahun == (2022, 2023)
    assert set(e.tabel.loc[e.tabel["tingkat"].ne("sasaran"), "kunci_program"]) == {"7.01.05"}
    assert [k.nomor for k in e.kolom if k.kunci.startswith("target_k_")] == ["(10)", "(11)"]
    assert "target_k_2024" not in e.tabel.columns
    b = _baris(e, "7.01.05", "Persentase penurunan Gangguan Keamanan")
    assert b["target_akhir_k"] == 25  # the periode's last year, whatever years are shown


def test_renstra_sintetis_membawa_tahun_dan_namanya() -> None:
    r = renstra_dari_xlsx(renstra_sintetis.buat(), "sintetis.xlsx")
    e = e80(r, bingkai_kosong())
    assert e.tahun == tuple(renstra_sintetis.TAHUN)
    assert "Sidomakmur" in e.judul and e.jabatan == "Camat Sidomakmur"
    assert any(k.grup == "Target Renstra Tahun ke-1 (2025)" for k in e.kolom)
    teks = " ".join([e.judul, *e.catatan, *e.tabel.apply(lambda s: s.map(str)).to_numpy().ravel().tolist()])
    assert "Wonoasih" not in teks and "2024" not in " ".join(k.grup for k in e.kolom)
    assert e.tabel["target_rp_2025"].notna().any()


# --- .xlsx and PDF ----------------------------------------------------------------------------


def test_xlsx_halaman_kepala_format_dan_tanda_tangan(kosong: E80) -> None:
    data = ekspor.e80_xlsx(kosong, "Probolinggo", date(2026, 12, 1), "Nama Uji", "19700101 199001 1 001")
    ws = load_workbook(io.BytesIO(data)).active
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows.replace("$", "") == "4:6"
    assert ws.freeze_panes == "E7"
    assert ws["A4"].value == "No" and ws["A6"].value == "(1)"
    assert "A4:A5" in {str(m) for m in ws.merged_cells.ranges}
    kolom = [k.kunci for k in kosong.kolom]
    rp, rasio = kolom.index("target_rp_2022") + 1, kolom.index("rasio_k_2022") + 1
    baris = next(i for i in range(7, ws.max_row) if ws.cell(i, rp).value == 9_122_221_547)
    assert ws.cell(baris, rp).number_format == ekspor.FORMAT_RUPIAH
    assert ws.cell(baris, rasio).number_format == ekspor.FORMAT_PERSEN and ws.cell(baris, rasio).value is None
    semua = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert not any(c.data_type == "f" for c in semua)
    teks = [str(c.value) for c in semua]
    assert "Probolinggo, 1 Desember 2026" in teks and "Camat Wonoasih" in teks
    assert "Nama Uji" in teks and "NIP. 19700101 199001 1 001" in teks
    assert any(t.startswith("1. ") for t in teks)  # the notes


def test_xlsx_teks_mirip_rumus_tetap_teks(kosong: E80) -> None:
    t = kosong.tabel.copy()
    t.loc[0, "sasaran"] = '=HYPERLINK("http://contoh")'
    ws = load_workbook(io.BytesIO(ekspor.e80_xlsx(dataclasses.replace(kosong, tabel=t), "X", date(2026, 1, 2)))).active
    sel = ws.cell(7, 2)
    assert sel.value == '=HYPERLINK("http://contoh")' and sel.data_type == "s" and sel.quotePrefix


def _program(nama: str) -> str:
    """The program's path, or skip (locally) / fail (CI=true) when Debian's package is missing."""
    jalur = shutil.which(nama) or (f"/usr/bin/{nama}" if os.path.exists(f"/usr/bin/{nama}") else None)
    if jalur:
        return jalur
    pesan = f"{nama} tidak ada (apt-get install -y --no-install-recommends libreoffice-calc poppler-utils)"
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(pesan, pytrace=False)
    pytest.skip(pesan)


def test_pdf_kepala_di_setiap_halaman(renstra: Renstra, tmp_path: Path) -> None:
    _program("soffice")
    pdftotext = _program("pdftotext")
    e = e80(renstra, bingkai_kosong(), tahun=(2022, 2022))
    pdf = tmp_path / "e80.pdf"
    pdf.write_bytes(ekspor.xlsx_ke_pdf(ekspor.e80_xlsx(e, "Probolinggo", date(2026, 12, 1))))
    halaman = []
    for i in range(1, 50):
        hasil = subprocess.run([pdftotext, "-f", str(i), "-l", str(i), "-layout", str(pdf), "-"],
                               capture_output=True, text=True, check=False)  # fmt: skip
        if hasil.returncode != 0 or not hasil.stdout.strip():
            break
        halaman.append(hasil.stdout)
    assert len(halaman) >= 2
    for h in halaman:
        assert "Unit Penanggung" in h and "(1)" in h and "(23)" in h and "Target Renstra Tahun ke-3" in h
    semua = "\n".join(halaman)
    assert "Rp 9.122.221.547" in semua  # Indonesian separators in the PDF
    assert "Camat Wonoasih" in semua and "1 Desember 2026" in semua


def test_pdf_gagal_berpesan_indonesia_tanpa_jalur(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ekspor, "_soffice", lambda: None)
    with pytest.raises(ekspor.EksporGagal, match="LibreOffice") as galat:
        ekspor.xlsx_ke_pdf(b"bukan xlsx")
    assert "/" not in str(galat.value)
    monkeypatch.undo()
    _program("soffice")
    with pytest.raises(ekspor.EksporGagal) as galat:
        ekspor.xlsx_ke_pdf(b"bukan xlsx")
    assert "PDF tidak dapat dibuat" in str(galat.value) and "/tmp" not in str(galat.value)
