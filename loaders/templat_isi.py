"""What the Renstra template says to its reader (``PETUNJUK``) and the checks of its content
that list every problem at once (:func:`periksa_rencana`), before the loaders assemble it.

The loaders stop at the first bad cell of a table; an officer importing a workbook wants all
of them. So the checks an import most often meets are run here over the raw tables: numbers
that are not numbers (pagu as text), codes that are not Permendagri 90 codes or break the
program > kegiatan > sub kegiatan nesting, an item without its parent, a kelurahan the
Kelurahan sheet does not list, the same code twice in one table.
"""

from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter

from loaders.angka import AngkaError, baca_angka
from loaders.errors import Masalah
from loaders.frame import baris_seksi
from loaders.kode import KodeError, normalisasi_kode
from loaders.mentah import TabelMentah
from loaders.wilayah import KelurahanTakDikenal, Wilayah

PETUNJUK: tuple[str, ...] = (
    "Templat Renstra: petunjuk pengisian",
    "Buku kerja ini memuat satu Rencana Strategis (Renstra) perangkat daerah dalam formulir Permendagri 86/2017. "
    "Isi di Excel, simpan sebagai .xlsx, lalu unggah di halaman Kelola Renstra (khusus admin). Seluruh berkas "
    "diperiksa dulu; setiap masalah disebut dengan lembar, baris dan kolomnya, dan tidak ada yang disimpan "
    "sebelum semuanya benar.",
    "Lembar Identitas (wajib): judul dokumen, perangkat daerah, kecamatan, pemerintah daerah dan periode. "
    "Periode adalah lima tahun rencana: 2025-2029, atau 2019-2024 bila 2019 tahun dasarnya.",
    "Lembar Kelurahan (wajib): satu kelurahan per baris. Kolom 'Ejaan lain' memuat ejaan yang tercetak di "
    "dokumen (mis. 'Sukamulya' untuk 'Suka Mulya'), dipisah titik koma. Nama kelurahan di tabel (mis. "
    "'(sub unit Suka Mulya)' atau '... Kelurahan Suka Mulya') harus ada di lembar ini.",
    "Lembar Daftar Tabel (wajib): satu baris per lembar tabel: nama lembarnya, formulirnya (T-C.23, T-C.24, "
    "T-C.25, T-C.26, T-C.27, T-C.28, 2.2.1, 2.2.2, 2.2.3, 3.1, 3.5), label dan judulnya, dan tahun data yang "
    "dimuatnya (mis. 2025-2029). Tabel wajib: T-C.27 dan T-C.25 atau T-C.28; yang lain boleh dihapus dari daftar.",
    "Lembar tabel: jangan mengubah dua baris judul dan baris nomor kolom. Tulis angka seperti tercetak "
    "(1.500.000, 94,95, 85%, 24 Kasus). Sel yang tidak terbaca di dokumen tercetak ditulis ***** dan dicatat "
    "sebagai 'tidak terbaca', bukan 0. Kosong atau '-' berarti tidak ada angka.",
    "T-C.27: kolom Kode memakai kode Permendagri 90/2019: program (7.01.03), kegiatan (7.01.03.2.02), sub "
    "kegiatan (7.01.03.2.02.02). Kegiatan ditulis di bawah programnya dan sub kegiatan di bawah kegiatannya. "
    "Kolom Rp memuat pagu dalam Rupiah utuh. Satu kode hanya sekali per tabel untuk satu kelurahan.",
    "Rumus tidak diterima (tulis nilainya). Makro, tautan ke berkas lain, gambar dan komentar ditolak. Teks "
    "yang diawali =, +, - atau @ tetap teks.",
    "Lembar Lanjutan (boleh kosong): keterangan tambahan dalam format TOML, mis. indikator yang makin kecil "
    "makin baik ([[polaritas.indikator]]). Isian di lembar Identitas, Kelurahan dan Daftar Tabel didahulukan.",
)

TC27 = ("T-C.27", "T-C.27 (2022-2024)")
# Number columns per form, by key prefix, and how they are read (``loaders.angka``).
ANGKA: dict[str, tuple[tuple[str, str], ...]] = {
    "T-C.23": (("target_", "nilai"), ("realisasi_", "nilai"), ("rasio_", "nilai")),
    "T-C.24": (("anggaran_", "rupiah"), ("realisasi_", "rupiah"), ("rasio_", "nilai"), ("pertumbuhan_", "nilai")),
    "T-C.25": (("target_", "nilai"),),
    "T-C.28": (("target_", "nilai"), ("kondisi_", "nilai")),
    **{k: (("target_", "nilai"), ("rp_", "rupiah"), ("capaian_awal", "nilai")) for k in TC27},
}


def periksa_rencana(tabel: dict[str, TabelMentah], manifest: dict[str, Any]) -> list[Masalah]:
    """Every problem of the kinds listed above, over all tables, in sheet and row order."""
    wilayah = Wilayah.dari_manifest(manifest)
    masalah: list[Masalah] = []
    for tm in tabel.values():
        masalah += _periksa_angka(tm, ANGKA.get(tm.formulir.kode, ()))
        if tm.formulir.kode in TC27:
            masalah += _periksa_tc27(tm, wilayah)
    return masalah


def _masalah(tm: TabelMentah, pesan: str, b: int, kolom: str) -> Masalah:
    j = tm.formulir.keys.index(kolom) + 1
    return Masalah(pesan, tm.id, tm.baris_fisik.get(b, b), f"{get_column_letter(j)} '{tm.formulir.label(kolom)}'")


def _periksa_angka(tm: TabelMentah, jenis_kolom: tuple[tuple[str, str], ...]) -> list[Masalah]:
    kolom = [(k, jenis) for k in tm.formulir.keys for awalan, jenis in jenis_kolom if k.startswith(awalan)]
    hasil = []
    for b in tm.baris_data():
        for k, jenis in kolom:
            try:
                baca_angka(tm.data.at[b, k], jenis)  # type: ignore[arg-type]
            except AngkaError as e:
                hasil.append(_masalah(tm, str(e), b, k))
    return hasil


def _periksa_tc27(tm: TabelMentah, wilayah: Wilayah) -> list[Masalah]:
    """Codes, nesting, parents, kelurahan and repeated codes of one T-C.27 table."""
    hasil: list[Masalah] = []
    induk: dict[str, str | None] = {"program": None, "kegiatan": None}
    terlihat: dict[tuple[str, str], int] = {}
    for b in tm.baris_data():
        kode_teks, nama = tm.teks(b, "kode"), tm.teks(b, "program_kegiatan")
        if (baris_seksi(tm, b) and not kode_teks and not nama) or not (kode_teks or nama):
            continue
        hasil += _periksa_item(tm, b, kode_teks, nama, wilayah, induk, terlihat)
    return hasil


def _periksa_item(
    tm: TabelMentah,
    b: int,
    kode_teks: str,
    nama: str,
    wilayah: Wilayah,
    induk: dict[str, str | None],
    terlihat: dict[tuple[str, str], int],
) -> list[Masalah]:
    hasil: list[Masalah] = []
    try:
        kelurahan = wilayah.dari_nama_kegiatan(nama)
    except KelurahanTakDikenal as e:
        pesan = f"kelurahan '{e.nama[:40]}' tidak ada di lembar Kelurahan; tambahkan di sana atau sebagai ejaan lain"
        hasil.append(_masalah(tm, pesan, b, "program_kegiatan"))
        kelurahan = "?"
    if not kode_teks:
        return hasil
    try:
        kode, skema = normalisasi_kode(kode_teks)
    except KodeError as e:
        return [*hasil, _masalah(tm, str(e), b, "kode")]
    if skema != "permendagri90":
        return hasil
    tingkat = {3: "program", 5: "kegiatan", 6: "sub_kegiatan"}.get(kode.count(".") + 1, "")
    kunci = (kode, kelurahan)
    if kunci in terlihat:
        wil = f" untuk kelurahan {kelurahan}" if kelurahan and kelurahan != "?" else ""
        hasil.append(_masalah(tm, f"kode {kode}{wil} sudah ada di baris {terlihat[kunci]} tabel ini", b, "kode"))
    terlihat.setdefault(kunci, tm.baris_fisik.get(b, b))
    if tingkat == "program":
        induk.update(program=kode, kegiatan=None)
    elif tingkat == "kegiatan":
        if not induk["program"] or not kode.startswith(induk["program"] + "."):
            hasil.append(_masalah(tm, _tanpa_induk("kegiatan", kode, "program", induk["program"]), b, "kode"))
        induk["kegiatan"] = kode
    elif tingkat == "sub_kegiatan" and (not induk["kegiatan"] or not kode.startswith(induk["kegiatan"] + ".")):
        hasil.append(_masalah(tm, _tanpa_induk("sub kegiatan", kode, "kegiatan", induk["kegiatan"]), b, "kode"))
    return hasil


def _tanpa_induk(tingkat: str, kode: str, induk: str, ada: str | None) -> str:
    if not ada:
        return f"{tingkat} {kode} tidak punya {induk} di atasnya; tulis baris {induk}nya lebih dulu"
    return f"{tingkat} {kode} bukan bagian {induk} {ada} di atasnya (kode harus diawali {ada}.)"
