"""Shared vocabulary: column headings and kinds, the palette, and the caveats documents repeat.

The dashboard (``ui``, ``halaman``), its charts (``grafik``) and the Musrenbang pack
(``musrenbang``) all read these, so a column, a colour or a caveat reads the same on a page, in
a download, in the deck and in its workbook. Plain Python: nothing here imports Streamlit or
plotly (a test checks), so the pack takes its words from here without the dashboard.

Caveats are functions of the values they mention (years, the printed text of a cell, a count),
never of one document: the years and marks come from the Renstra being shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

import formatting as fmt

# --- columns ------------------------------------------------------------------------------------


class Kolom(NamedTuple):
    """A table column: its heading and kind (``formatting.JENIS_KOLOM``) on screen, in .xlsx and in the pack.

    A tuple, so the pack's ``heading, kind = kolom`` reads it as well as ``kolom.label``.
    """

    label: str
    jenis: str = "teks"


# Money realisasi (T-C.24, uploads), unlike the indicator realisasi (KOLOM_BAKU["realisasi"], a number).
REALISASI_RP = Kolom("Realisasi (Rp)", "rupiah")

# Columns that recur across pages and slides, with one heading and kind each, so the same column
# reads the same everywhere. ``kolom("tahun", "pagu", catatan="Keterangan")``.
KOLOM_BAKU: dict[str, Kolom] = {
    "tahun": Kolom("Tahun", "tahun"),
    "kelurahan": Kolom("Kelurahan"),
    "program": Kolom("Program"),
    "kode": Kolom("Kode"),
    "nama": Kolom("Nama"),
    "indikator": Kolom("Indikator"),
    "satuan": Kolom("Satuan"),
    "target": Kolom("Target", "angka"),
    "target_teks": Kolom("Target tercetak"),
    "realisasi": Kolom("Realisasi", "angka"),
    "realisasi_rp": REALISASI_RP,
    "capaian": Kolom("Capaian", "persen"),
    "predikat": Kolom("Predikat"),
    "pagu": Kolom("Pagu (Rp)", "rupiah"),
    "pagu_teks": Kolom("Sel tercetak"),
    "anggaran": Kolom("Anggaran (Rp)", "rupiah"),
    "serapan": Kolom("Serapan", "persen"),
    "dasar": Kolom("Dasar"),
    "catatan": Kolom("Catatan"),
    "keterangan": Kolom("Keterangan"),
    "jumlah": Kolom("Jumlah", "bulat"),
    "laki_laki": Kolom("Laki-laki", "bulat"),
    "perempuan": Kolom("Perempuan", "bulat"),
    "jumlah_dokumen": Kolom("Jumlah tercetak", "bulat"),
    "level": Kolom("Tingkat"),
    "no": Kolom("No"),
    "tujuan": Kolom("Tujuan"),
    "sasaran": Kolom("Sasaran"),
    "formulir": Kolom("Formulir"),
    "tabel": Kolom("Tabel"),
    "baris": Kolom("Baris tabel", "bulat"),
    "sumber": Kolom("Sumber"),
    "jenis_perubahan": Kolom("Jenis perubahan"),
    "sebelum": Kolom("Sebelum perubahan"),
    "sesudah": Kolom("Sesudah perubahan"),
}


def kolom(*urutan: str | tuple[str, Kolom | str], **khusus: Kolom | str) -> dict[str, Kolom]:
    """Table columns in order: a name takes its KOLOM_BAKU entry; ``(name, heading)`` or
    ``(name, Kolom)`` names a page-specific one in place; keywords are appended the same way.

    A bare heading keeps a standard column's kind (``("pagu", "Pagu 2024 (Rp)")``) and makes
    any other column text.
    """
    hasil: dict[str, Kolom] = {}
    for n, k in [*((u, None) if isinstance(u, str) else u for u in urutan), *khusus.items()]:
        if k is None:
            hasil[n] = KOLOM_BAKU[n]
        elif isinstance(k, Kolom):
            hasil[n] = k
        else:
            hasil[n] = Kolom(k, KOLOM_BAKU[n].jenis if n in KOLOM_BAKU else "teks")
    return hasil


# --- palette ------------------------------------------------------------------------------------

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
PALET: tuple[str, ...] = (
    "#0072B2",  # biru
    "#E69F00",  # jingga
    "#009E73",  # hijau kebiruan
    "#CC79A7",  # merah muda keunguan
    "#56B4E9",  # biru langit
    "#D55E00",  # merah bata
    "#F0E442",  # kuning
    "#000000",  # hitam
)
BIRU, JINGGA, HIJAU, MERAH_MUDA, BIRU_LANGIT, MERAH_BATA, KUNING, HITAM = PALET
ABU = "#9A9A9A"  # "tidak ada data": never a palette colour
ABU_MUDA = "#DDDDDD"

# Predikat colours by rank (highest first), so a region with another scale in
# settings/predikat.toml still gets an ordered, colour-blind-safe ramp.
RAMP_PREDIKAT: tuple[str, ...] = (HIJAU, BIRU_LANGIT, KUNING, JINGGA, MERAH_BATA, MERAH_MUDA, HITAM)

# Neutrals of text, lines and backgrounds (charts, deck, workbook).
PUTIH = "#FFFFFF"
TEKS = "#1A1A1A"  # body text
TEKS_LEMAH = "#555555"  # notes, source lines, reference lines
TEPI = "#333333"  # outline of a marker
GARIS_SUMBU = "#888888"
GARIS_KISI = "#E5E5E5"
LATAR_LEMAH = "#F4F4F4"  # a box with no colour of its own (treemap root, unplaced rows)
LATAR_SKALA = "#EAF4FB"  # low end of a one-hue scale (heatmap), up to BIRU_LANGIT
# Sequential one-hue scale, light (low) to dark (high), for a choropleth (the kelurahan map):
# ColorBrewer "Blues" (6 classes without the palest, which vanishes on a white page), ordered by
# lightness, so it reads the same with every common colour-vision deficiency and in greyscale.
SKALA_URUT: tuple[str, ...] = ("#C6DBEF", "#9ECAE1", "#6BAED6", "#3182BD", "#08519C")
LATAR_KEPALA = "#DDEBF7"  # table header fill in a workbook
TEKS_PESAN = "#9C5700"  # a slide's message in its workbook sheet


def warna(i: int) -> str:
    """The i-th palette colour (wraps around)."""
    return PALET[i % len(PALET)]


def warna_seri(nama: Iterable[str]) -> dict[str, str]:
    """A stable colour per series name, in first-seen order."""
    hasil: dict[str, str] = {}
    for n in nama:
        if n not in hasil:
            hasil[n] = warna(len(hasil))
    return hasil


def warna_predikat(urutan: Sequence[str], tanpa: str | None = None) -> dict[str, str]:
    """Predikat name -> colour, ``urutan`` from highest to lowest (``Skala.nama``); ``tanpa`` (the
    label of "no capaian", ``metrics.predikat.TANPA_PREDIKAT``) is grey."""
    hasil = {n: RAMP_PREDIKAT[i % len(RAMP_PREDIKAT)] for i, n in enumerate(urutan)}
    if tanpa is not None:
        hasil[tanpa] = ABU
    return hasil


# --- caveats ------------------------------------------------------------------------------------

REALISASI_DISAMAKAN = "realisasi disamakan dengan target oleh dokumen"
PAGU_TERCETAK = "pagu program tercetak"  # the basis of a program pagu read as printed (cf. jumlah_rincian)
TIDAK_DIHITUNG = "tidak dihitung (bukan 0 %)"


def judul_rupiah(apa: str = "", satuan: str = "Rp") -> str:
    """A Rupiah axis or heading with the units its ``formatting.rupiah_ringkas`` labels use:
    ``Pagu (Rp; M = miliar (10⁹), jt = juta (10⁶))``; ``miliar Rp (M = ...)`` without ``apa``."""
    return f"{apa} ({satuan}; {fmt.KETERANGAN_SATUAN})" if apa else f"{satuan} ({fmt.KETERANGAN_SATUAN})"


def catatan_realisasi_disamakan(tahun: Iterable[int], ukuran: str = "capaian", tanda: str = "") -> str:
    """Why a 100 % in ``tahun`` is not a measurement: the document set realisasi equal to target.

    ``catatan_realisasi_disamakan([2019], "serapan", "titik abu-abu")`` -> "Tahun 2019 (titik
    abu-abu): realisasi disamakan dengan target oleh dokumen, jadi serapan 100 % tahun itu bukan
    hasil pengukuran." ``tanda`` names how the chart marks those years; "" when no year.
    """
    t = sorted({int(x) for x in tahun})
    if not t:
        return ""
    daftar = ", ".join(map(str, t[:-1])) + (" dan " if len(t) > 1 else "") + str(t[-1])
    penanda = f" ({tanda})" if tanda else ""
    return f"Tahun {daftar}{penanda}: {REALISASI_DISAMAKAN}, jadi {ukuran} 100 % tahun itu bukan hasil pengukuran."


def tidak_terbaca(tercetak: str = "") -> str:
    """``***** (tidak terbaca)``: a printed cell without a readable number, as printed."""
    tercetak = str(tercetak or "").strip()
    return f"{tercetak} (tidak terbaca)" if tercetak else "tidak terbaca"


def pagu_tidak_terbaca(tercetak: str = "", apa: str = "pagu") -> str:
    """``pagu tercetak ***** (tidak terbaca)``: one row's pagu cell (``pagu tidak terbaca`` without ``tercetak``)."""
    return f"{apa} tercetak {tidak_terbaca(tercetak)}" if str(tercetak or "").strip() else f"{apa} tidak terbaca"


def catatan_tidak_terbaca(jumlah: int, tercetak: str = "") -> str:
    """``2 baris pagu tidak terbaca, tidak dijumlah``: rows left out of a sum ("" for none)."""
    return f"{int(jumlah)} baris {pagu_tidak_terbaca(tercetak)}, tidak dijumlah" if jumlah else ""


def tanpa_tabel(kode: str, isi: str, akibat: str) -> str:
    """Why a panel is empty: ``Renstra ini tidak memuat tabel T-C.23 (pencapaian kinerja pelayanan), jadi
    capaian indikatornya tidak dapat ditampilkan.`` (``isi``: what the form holds; ``akibat``: what is lost)."""
    return f"Renstra ini tidak memuat tabel {kode}{f' ({isi})' if isi else ''}, jadi {akibat}."


def jumlah_rincian(tercetak: str = "") -> str:
    """``pagu program tercetak ***** (tidak terbaca) diganti jumlah rinciannya``: a program pagu
    summed from its kegiatan / sub kegiatan (``tercetak`` "" when the printed text is not at hand)."""
    return f"{pagu_tidak_terbaca(tercetak, 'pagu program')} diganti jumlah rinciannya"


def catatan_tanpa_realisasi(
    tahun: int, ukuran: str, *, anggaran: bool = False, wilayah: str = "", unggah: str = ""
) -> str:
    """The message in place of a figure whose realisasi is not reported yet: never a 0.

    ``catatan_tanpa_realisasi(2024, "serapan", anggaran=True)`` -> "Belum ada realisasi anggaran
    2024 yang dilaporkan; serapan tidak dihitung (bukan 0 %)." ``wilayah`` narrows it ("Kelurahan
    Pakistaji"); ``unggah`` says where realisasi are uploaded ("... sampai realisasinya diunggah
    di halaman Isi Realisasi.").
    """
    apa = "realisasi anggaran" if anggaran else "realisasi"
    untuk = f" {wilayah}" if wilayah else ""
    sampai = f" sampai realisasinya diunggah di {unggah}" if unggah else ""
    return f"Belum ada {apa} {tahun}{untuk} yang dilaporkan; {ukuran} {TIDAK_DIHITUNG}{sampai}."


def catatan_realisasi_dokumen(tabel: str, rentang: str, *, anggaran: bool = False) -> str:
    """``Realisasi di dokumen (T-C.23) hanya ada untuk tahun 2016-2020.``: where realisasi do exist."""
    apa = "Realisasi anggaran" if anggaran else "Realisasi"
    return f"{apa} di dokumen ({tabel}) hanya ada untuk tahun {rentang}."
