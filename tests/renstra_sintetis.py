"""A SYNTHETIC second Renstra, filled in the dashboard's own blank template, for tests only.

"Kecamatan Sidomakmur, Kota Contoh", periode 2025-2029, six made-up kelurahan, three programs
(the bundled document has four), every figure invented here and marked so in the title.
It proves the app serves a Renstra that is not the bundled one: other names, other years,
another number of programs, no T-C.23/T-C.24 history. Never shown by the app itself.
"""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook

from loaders.templat_renstra import LEMBAR_DAFTAR, LEMBAR_IDENTITAS, LEMBAR_KELURAHAN, templat_kosong

JUDUL = "Rencana Strategis Kecamatan Sidomakmur Tahun 2025-2029 (DATA SINTETIS UNTUK UJI)"
KECAMATAN = "Sidomakmur"
KELURAHAN = ["Mekarsari", "Sukamaju", "Tirtajaya", "Harjosari", "Margodadi", "Sidoluhur"]
TAHUN = [2025, 2026, 2027, 2028, 2029]
IDENTITAS = {
    "Judul dokumen": JUDUL,
    "Perangkat daerah": "Kecamatan Sidomakmur",
    "Kecamatan": KECAMATAN,
    "Pemerintah daerah": "Kota Contoh",
    "Periode awal": 2025,
    "Periode akhir": 2029,
    "Tanggal dokumen": "Januari 2025",
    "ID Renstra": "sidomakmur-2025-2029",
    "Sumber dokumen": "Dibuat oleh tes (tests/renstra_sintetis.py); bukan dokumen sungguhan",
}


def _pagu(dasar: int) -> list[Any]:
    """Target and pagu per year: a 5 % rise a year, whole Rupiah."""
    hasil: list[Any] = []
    for i, _ in enumerate(TAHUN):
        hasil += ["100%", f"{round(dasar * 1.05**i):,}".replace(",", ".")]
    return hasil


# (kode, nama, indikator, capaian awal, pagu 2025): programs, kegiatan, sub kegiatan (one per kelurahan).
RENCANA: list[tuple[str, str, str, str, int]] = [
    (
        "7.01.01",
        "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA",
        "Persentase capaian kinerja",
        "90%",
        150_000_000,
    ),
    (
        "7.01.01.2.01",
        "Perencanaan, Penganggaran, dan Evaluasi Kinerja",
        "Jumlah dokumen perencanaan",
        "3 Dokumen",
        150_000_000,
    ),
    ("7.01.01.2.01.01", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "Jumlah dokumen", "3 Dokumen", 150_000_000),
    (
        "7.01.02",
        "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK",
        "Indeks kepuasan masyarakat",
        "80%",
        900_000_000,
    ),
    ("7.01.02.2.01", "Pelayanan Administrasi Kecamatan", "Jumlah layanan", "1200 Layanan", 900_000_000),
    ("7.01.02.2.01.01", "Pelayanan Perizinan Non Usaha", "Jumlah izin", "600 Izin", 900_000_000),
    ("7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN", "Persentase lembaga aktif", "75%", 3_000_000_000),
    ("7.01.03.2.02", "Pembangunan Sarana dan Prasarana Kelurahan", "Jumlah lokasi", "6 Lokasi", 3_000_000_000),
] + [
    (
        "7.01.03.2.02.01",
        f"Pembangunan Sarana dan Prasarana Kelurahan (sub unit {k})",
        "Jumlah lokasi",
        "1 Lokasi",
        500_000_000,
    )
    for k in KELURAHAN
]


def buat(ubah: Any = None) -> bytes:
    """The synthetic Renstra workbook; ``ubah(wb)`` damages it further (for refusal tests)."""
    wb = load_workbook(io.BytesIO(templat_kosong((2025, 2029))))
    ws = wb[LEMBAR_IDENTITAS]
    for r in range(2, ws.max_row + 1):
        if ws.cell(row=r, column=1).value in IDENTITAS:
            ws.cell(row=r, column=2).value = IDENTITAS[ws.cell(row=r, column=1).value]
    ws = wb[LEMBAR_KELURAHAN]
    for i, k in enumerate(KELURAHAN, start=2):
        ws.cell(row=i, column=1).value = k
    ws.cell(row=3, column=2).value = "Suka Maju"  # a spelling the document might print
    _daftar_inti(wb)
    _isi_tc27(wb["T-C.27"])
    _isi_tc25(wb["T-C.25"])
    if ubah:
        ubah(wb)
    keluaran = io.BytesIO()
    wb.save(keluaran)
    return keluaran.getvalue()


def _daftar_inti(wb: Any) -> None:
    """Keep only T-C.25 and T-C.27 in the list of tables (the other sheets go too)."""
    ws = wb[LEMBAR_DAFTAR]
    simpan = []
    for r in range(2, ws.max_row + 1):
        baris = [ws.cell(row=r, column=j).value for j in range(1, 7)]
        if baris[1] in ("T-C.25", "T-C.27"):
            simpan.append(baris)
        elif baris[0]:
            del wb[baris[0]]
    ws.delete_rows(2, ws.max_row)
    for i, baris in enumerate(simpan, start=2):
        for j, v in enumerate(baris, start=1):
            ws.cell(row=i, column=j).value = v


def _isi_tc27(ws: Any) -> None:
    for i, (kode, nama, indikator, awal, pagu) in enumerate(RENCANA):
        baris = ["Meningkatnya kualitas pelayanan" if i == 0 else None, None, kode, nama, indikator, awal, *_pagu(pagu)]
        baris += [
            "Kecamatan Sidomakmur",
            f"Kel. {nama.split('sub unit ')[-1].rstrip(')')}" if "sub unit" in nama else "Kec. Sidomakmur",
        ]
        for j, v in enumerate(baris, start=1):
            ws.cell(row=4 + i, column=j).value = v


def _isi_tc25(ws: Any) -> None:
    baris = [
        [
            "1",
            "Meningkatnya kualitas pelayanan publik",
            "Meningkatnya kepuasan masyarakat",
            "Indeks Kepuasan Masyarakat",
            *["80", "81", "82", "83", "85"],
        ],
        ["2", None, "Meningkatnya kinerja perangkat daerah", "Nilai SAKIP", *["65", "67", "70", "72", "75"]],
    ]
    for i, isi in enumerate(baris):
        for j, v in enumerate(isi, start=1):
            ws.cell(row=4 + i, column=j).value = v
