"""Reading a filled realisasi template: the good upload, and every bad one refused with its place named.

Templates come from the bundled Renstra (real item ids, targets, pagu). The filled values
(98,5 %, Rp 8.900.000.000, ...) and every damaged file (zip bombs, an XML entity bomb,
truncated archives, edited manifests) are synthetic, built here by the tests.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from datetime import datetime
from typing import Any

import pandas as pd
import pytest

from loaders.errors import RenstraError
from loaders.renstra import Renstra
from realisasi import KOLOM_REALISASI, TIPE_REALISASI
from realisasi.templat import BARIS_AWAL, LEMBAR_DATA, LEMBAR_MANIFEST, NOMOR_KOLOM, buat_templat
from realisasi.validasi import BATAS_BERKAS, Masalah, UnggahanError, baca_unggahan
from tests import berkas_jahat as bj

H, RP, J = NOMOR_KOLOM["realisasi"], NOMOR_KOLOM["realisasi_rp"], NOMOR_KOLOM["kunci"]
KOL_H, KOL_I, KOL_J = "H 'Realisasi'", "I 'Realisasi (Rp)'", "J 'ID baris (jangan diubah)'"
SHEET_XML = "xl/worksheets/sheet1.xml"


@pytest.fixture(scope="module")
def t2022(renstra: Renstra) -> bytes:
    return buat_templat(renstra, 2022)


@pytest.fixture(scope="module")
def t_pakistaji(renstra: Renstra) -> bytes:
    return buat_templat(renstra, 2022, "Pakistaji")


_baris = bj.baris_kunci
isi = bj.isi


def ganti_bagian(data: bytes, nama: str, isi_baru: bytes) -> bytes:
    """The same archive with one part's content replaced."""
    keluaran = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as baru:
        for info in z.infolist():
            baru.writestr(info.filename, isi_baru if info.filename == nama else z.read(info))
    return keluaran.getvalue()


def tolak(data: bytes, r: Renstra, tahun: int = 2022, kelurahan: str | None = None) -> UnggahanError:
    with pytest.raises(UnggahanError) as e:
        baca_unggahan(data, r, tahun, kelurahan, nama_berkas="realisasi.xlsx")
    return e.value


def satu(e: UnggahanError) -> Masalah:
    assert len(e.masalah) == 1, e.masalah
    return e.masalah[0]


# --- the good upload ----------------------------------------------------------------------


def test_round_trip_returns_exactly_the_filled_values(renstra: Renstra, t2022: bytes) -> None:
    data = isi(
        t2022,
        {
            "tc27_2022:31#1": (98.5, 8_900_000_000),  # 7.01.01, target 100 %, pagu Rp 9.122.221.547
            "tc27_2022:6#1": (2, 99_500_000),  # Pakistaji, target 2 Lokasi, pagu Rp 100.000.000
            "tc27_2022:30#1": (21, None),  # 24 Kasus targeted; Rupiah not reported
            "tc27_2022:50#1": (0, None),  # a real 0, not "not reported"
        },
    )
    df = baca_unggahan(data, renstra, 2022, nama_berkas="isi.xlsx")
    assert list(df.columns) == list(KOLOM_REALISASI)
    assert df.dtypes.astype(str).to_dict() == TIPE_REALISASI
    harap = pd.DataFrame(
        {
            "tahun": [2022, 2022, 2022, 2022],
            "item_id": ["tc27_2022:6", "tc27_2022:30", "tc27_2022:31", "tc27_2022:50"],
            "indikator_ke": [1, 1, 1, 1],
            "kelurahan": ["Pakistaji", "", "", ""],
            "realisasi": [2.0, 21.0, 98.5, 0.0],
            "realisasi_rp": [99_500_000, pd.NA, 8_900_000_000, pd.NA],
        }
    ).astype(TIPE_REALISASI)
    pd.testing.assert_frame_equal(df, harap)


def test_kelurahan_round_trip(renstra: Renstra, t_pakistaji: bytes) -> None:
    data = isi(t_pakistaji, {"tc27_2022:12#1": (7, 200_000_000), "tc27_2022:23#1": (None, 80_000_000)})
    df = baca_unggahan(data, renstra, 2022, "Pakistaji")
    assert df[["item_id", "kelurahan"]].values.tolist() == [
        ["tc27_2022:12", "Pakistaji"],
        ["tc27_2022:23", "Pakistaji"],
    ]
    assert df["realisasi"].tolist() == [7.0, pd.NA]
    assert df["realisasi_rp"].tolist() == [200_000_000, 80_000_000]


def test_a_cell_excel_formatted_as_percent_counts_in_percent_points(renstra: Renstra, t2022: bytes) -> None:
    # Typing "95,5%" in Excel stores 0.955 with format 0.0%: the record keeps 95.5.
    def persen(wb: Any) -> None:
        ws = wb[LEMBAR_DATA]
        sel = ws.cell(row=_baris(ws, "tc27_2022:31#1"), column=H)
        sel.value, sel.number_format = 0.955, "0.0%"

    df = baca_unggahan(isi(t2022, {}, persen), renstra, 2022)
    assert df["realisasi"].tolist() == [95.5]


def test_an_admin_may_upload_a_kelurahan_template(renstra: Renstra, t_pakistaji: bytes) -> None:
    df = baca_unggahan(isi(t_pakistaji, {"tc27_2022:6#1": (1, None)}), renstra, 2022, None)
    assert df["item_id"].tolist() == ["tc27_2022:6"]


def test_error_is_a_renstra_error_listing_every_problem(renstra: Renstra, t2022: bytes) -> None:
    data = isi(t2022, {"tc27_2022:1#1": (-5, None), "tc27_2022:2#1": ("banyak", None), "tc27_2022:3#1": (1, 1.5)})
    e = tolak(data, renstra)
    assert isinstance(e, RenstraError)
    assert [(m.lembar, m.baris, m.kolom) for m in e.masalah] == [
        (LEMBAR_DATA, BARIS_AWAL, KOL_H),
        (LEMBAR_DATA, BARIS_AWAL + 1, KOL_H),
        (LEMBAR_DATA, BARIS_AWAL + 2, KOL_I),
    ]
    teks = str(e)
    assert teks.startswith("Berkas 'realisasi.xlsx' ditolak, tidak ada yang disimpan (3 masalah):")
    assert f"Lembar 'Realisasi', baris {BARIS_AWAL}, kolom H 'Realisasi': realisasi negatif (-5)" in teks
    assert (e.tabel, e.baris, e.kolom) == (LEMBAR_DATA, BARIS_AWAL, KOL_H)


# --- the file itself ----------------------------------------------------------------------


def test_empty_file(renstra: Renstra) -> None:
    m = satu(tolak(b"", renstra))
    assert m.pesan.startswith("berkas 'realisasi.xlsx' kosong (0 byte)")


def test_file_over_the_size_limit(renstra: Renstra) -> None:
    m = satu(tolak(b"PK\x03\x04" + b"\0" * BATAS_BERKAS, renstra))
    assert "terlalu besar (5,0 MB; batas 5 MB)" in m.pesan


def test_not_a_workbook(renstra: Renstra) -> None:
    m = satu(tolak(b"kode;realisasi\n7.01.01;98,5\n", renstra))
    assert m.pesan.startswith("berkas 'realisasi.xlsx' bukan buku kerja Excel .xlsx")
    m = satu(tolak(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, renstra))
    assert "Excel lama (.xls) atau dilindungi kata sandi" in m.pesan
    zip_lain = io.BytesIO()
    with zipfile.ZipFile(zip_lain, "w") as z:
        z.writestr("catatan.txt", "bukan excel")
    m = satu(tolak(zip_lain.getvalue(), renstra))
    assert m.pesan == "berkas 'realisasi.xlsx' adalah arsip zip, tetapi bukan buku kerja Excel .xlsx"


def test_truncated_workbook(renstra: Renstra, t2022: bytes) -> None:
    m = satu(tolak(t2022[: len(t2022) // 2], renstra))
    assert m.pesan.startswith("berkas 'realisasi.xlsx' rusak atau terpotong")


def test_corrupt_part_inside_an_intact_archive(renstra: Renstra, t2022: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(t2022)) as z:
        info = z.getinfo(SHEET_XML)
    awal = info.header_offset + 30 + len(info.filename) + len(info.extra)
    rusak = bytearray(t2022)
    for i in range(awal + 20, awal + 120):
        rusak[i] ^= 0x5A
    m = satu(tolak(bytes(rusak), renstra))
    assert m.pesan == "berkas 'realisasi.xlsx' rusak atau terpotong (arsip .xlsx tidak utuh); unduh/simpan ulang"


def _zip_nol(ukuran: int) -> bytes:
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr(SHEET_XML, b"\0" * ukuran)
    return keluaran.getvalue()


def test_zip_bomb_one_part_expanding_far_beyond_its_size(renstra: Renstra) -> None:
    data = _zip_nol(4 * 1024 * 1024)  # 4 MB of zeros in a few KB
    assert len(data) < 20_000
    m = satu(tolak(data, renstra))
    assert f"bagian '{SHEET_XML}' mengembang" in m.pesan and "(bom zip?)" in m.pesan


def test_zip_bomb_total_size_declared_huge_is_refused_before_decompressing(renstra: Renstra) -> None:
    data = bytearray(_zip_nol(1000))
    # Claim 4 GB for the sheet in the central directory, as a bomb built by hand would.
    pusat = data.index(b"PK\x01\x02")
    while data[pusat + 46 : pusat + 46 + struct.unpack_from("<H", data, pusat + 28)[0]] != SHEET_XML.encode():
        pusat = data.index(b"PK\x01\x02", pusat + 4)
    struct.pack_into("<I", data, pusat + 24, 0xFFFFFFF0)
    m = satu(tolak(bytes(data), renstra))
    assert f"bagian '{SHEET_XML}' mengembang" in m.pesan and "menjadi 4095 MB saat dibuka (bom zip?)" in m.pesan


def test_zip_bomb_many_parts_adding_up(renstra: Renstra) -> None:
    keluaran = io.BytesIO()
    with zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        for i in range(25):
            z.writestr(f"xl/media/gambar{i}.bin", bytes(range(256)) * 4000)  # 1 MB each, ratio < 100
    m = satu(tolak(keluaran.getvalue(), renstra))
    assert m.pesan.startswith("berkas 'realisasi.xlsx' ditolak: isinya 24 MB setelah dibuka (batas 20 MB")


BOM_ENTITAS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE worksheet [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="4"><c r="H4" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"""


def test_xml_entity_bomb_names_the_sheet(renstra: Renstra, t2022: bytes) -> None:
    data = ganti_bagian(t2022, SHEET_XML, BOM_ENTITAS)
    m = satu(tolak(data, renstra))
    assert m.lembar == LEMBAR_DATA
    assert str(m).startswith(
        f"Lembar 'Realisasi': berkas 'realisasi.xlsx' ditolak: bagian '{SHEET_XML}' memuat deklarasi DOCTYPE/ENTITY XML"
    )
    assert "bom entitas XML" in m.pesan


def test_xml_entity_bomb_is_also_refused_by_the_cell_reader_itself(t2022: bytes) -> None:
    # The second guard alone (the archive's scan bypassed by building the Arsip by hand): the cell
    # reader parses with defusedxml, DTDs forbidden, so the declarations never reach a parser that loads them.
    from loaders import arsip, buku_kerja

    with zipfile.ZipFile(io.BytesIO(t2022)) as z:
        bagian = {n: z.read(n) for n in z.namelist()}
    bagian[SHEET_XML] = BOM_ENTITAS
    a = arsip.Arsip("bom.xlsx", bagian, {}, [])
    a.jenis = arsip._jenis_bagian("bom.xlsx", bagian)
    a.relasi = arsip._relasi("bom.xlsx", bagian, a.jenis)
    with pytest.raises(RenstraError) as e:
        buku_kerja.baca(a)
    assert str(e.value) == "Lembar 'Realisasi': memuat deklarasi DOCTYPE/ENTITY XML (bom entitas XML?)"


# --- manifest: which Renstra, year, kelurahan -----------------------------------------------


def _manifest(kunci: str, nilai: Any) -> Any:
    def ubah(wb: Any) -> None:
        ws = wb[LEMBAR_MANIFEST]
        for row in ws.iter_rows(max_col=2):
            if row[0].value == kunci:
                row[1].value = nilai

    return ubah


def test_workbook_without_manifest(renstra: Renstra, t2022: bytes) -> None:
    def hapus(wb: Any) -> None:
        del wb[LEMBAR_MANIFEST]

    m = satu(tolak(isi(t2022, {"tc27_2022:1#1": (80, None)}, hapus), renstra))
    assert "tidak punya lembar tersembunyi 'manifest'" in m.pesan


def test_template_of_another_renstra(renstra: Renstra, t2022: bytes) -> None:
    m = satu(tolak(isi(t2022, {"tc27_2022:1#1": (80, None)}, _manifest("renstra_id", "mayangan-2019-2024")), renstra))
    assert (m.lembar, m.baris, m.kolom) == (LEMBAR_MANIFEST, 4, "B 'nilai'")
    assert "untuk Renstra 'mayangan-2019-2024', bukan 'wonoasih-2019-2024'" in m.pesan


def test_template_of_another_year(renstra: Renstra) -> None:
    data = isi(buat_templat(renstra, 2023), {"tc27_2022:1#1": (80, None)})
    m = satu(tolak(data, renstra, 2022))
    assert str(m) == (
        "Lembar 'manifest', baris 6, kolom B 'nilai': templat ini untuk tahun 2023, bukan tahun 2022 "
        "yang dipilih; unduh templat 2022"
    )


def test_template_of_another_kelurahan_or_of_the_whole_kecamatan(
    renstra: Renstra, t2022: bytes, t_pakistaji: bytes
) -> None:
    m = satu(tolak(isi(t_pakistaji, {"tc27_2022:6#1": (1, None)}), renstra, kelurahan="Wonoasih"))
    assert (m.lembar, m.baris, m.kolom) == (LEMBAR_MANIFEST, 7, "B 'nilai'")
    assert m.pesan.startswith("templat ini untuk kelurahan Pakistaji, bukan kelurahan Wonoasih")
    m = satu(tolak(isi(t2022, {"tc27_2022:6#1": (1, None)}), renstra, kelurahan="Pakistaji"))
    assert m.pesan.startswith("templat ini untuk seluruh kecamatan, bukan kelurahan Pakistaji")


def test_older_template_version(renstra: Renstra, t2022: bytes) -> None:
    m = satu(tolak(isi(t2022, {"tc27_2022:1#1": (80, None)}, _manifest("versi_templat", 0)), renstra))
    assert (m.lembar, m.baris) == (LEMBAR_MANIFEST, 3)
    assert "templat versi '0', dasbor memakai versi 2" in m.pesan


# --- header row ---------------------------------------------------------------------------


def test_missing_column_is_named(renstra: Renstra, t2022: bytes) -> None:
    def hapus_h(wb: Any) -> None:
        wb[LEMBAR_DATA].delete_cols(H)

    e = tolak(isi(t2022, {"tc27_2022:1#1": (80, None)}, hapus_h), renstra)
    assert [(m.baris, m.kolom) for m in e.masalah] == [(3, KOL_H), (3, KOL_I), (3, KOL_J)]
    assert e.masalah[0].pesan.startswith("kolom 'Realisasi' hilang (di kolom H ada 'Realisasi (Rp)')")
    assert e.masalah[1].pesan.startswith("kolom 'Realisasi (Rp)' berpindah ke kolom H; seharusnya di kolom I")


def test_moved_columns_are_named(renstra: Renstra, t2022: bytes) -> None:
    def tukar(wb: Any) -> None:
        ws = wb[LEMBAR_DATA]
        for n in range(3, ws.max_row + 1):
            a, b = ws.cell(row=n, column=H), ws.cell(row=n, column=RP)
            a.value, b.value = b.value, a.value

    e = tolak(isi(t2022, {"tc27_2022:1#1": (80, None)}, tukar), renstra)
    assert [str(m) for m in e.masalah] == [
        "Lembar 'Realisasi', baris 3, kolom H 'Realisasi': kolom 'Realisasi' berpindah ke kolom I; "
        "seharusnya di kolom H. Unduh templat baru",
        "Lembar 'Realisasi', baris 3, kolom I 'Realisasi (Rp)': kolom 'Realisasi (Rp)' berpindah ke kolom H; "
        "seharusnya di kolom I. Unduh templat baru",
    ]


def test_added_column_is_named(renstra: Renstra, t2022: bytes) -> None:
    def tambah(wb: Any) -> None:
        wb[LEMBAR_DATA].cell(row=3, column=11).value = "Keterangan"

    m = satu(tolak(isi(t2022, {"tc27_2022:1#1": (80, None)}, tambah), renstra))
    assert (m.baris, m.kolom) == (3, "K") and "kolom tambahan 'Keterangan'" in m.pesan


# --- rows ---------------------------------------------------------------------------------


def _tulis(kunci: str, kolom: int, nilai: Any, format_angka: str | None = None) -> Any:
    def ubah(wb: Any) -> None:
        ws = wb[LEMBAR_DATA]
        sel = ws.cell(row=_baris(ws, kunci), column=kolom)
        sel.value = nilai
        if format_angka:
            sel.number_format = format_angka

    return ubah


def test_row_not_in_the_renstra(renstra: Renstra, t2022: bytes) -> None:
    data = isi(t2022, {"tc27_2022:31#1": (90, None)}, _tulis("tc27_2022:31#1", J, "tc27_2022:999#1"))
    m = satu(tolak(data, renstra))
    assert (m.lembar, m.baris, m.kolom) == (LEMBAR_DATA, 34, KOL_J)
    assert m.pesan.startswith("ID baris 'tc27_2022:999#1' bukan baris T-C.27 tahun 2022 di Renstra ini")


def test_row_added_without_a_key(renstra: Renstra, t2022: bytes) -> None:
    def tambah(wb: Any) -> None:
        ws = wb[LEMBAR_DATA]
        ws.cell(row=ws.max_row + 1, column=1).value = "7.01.09"
        ws.cell(row=ws.max_row, column=H).value = 50

    m = satu(tolak(isi(t2022, {}, tambah), renstra))
    assert (m.baris, m.kolom) == (BARIS_AWAL + 60, KOL_J)
    assert m.pesan.startswith("baris tanpa ID baris")


def test_duplicate_row(renstra: Renstra, t2022: bytes) -> None:
    def salin(wb: Any) -> None:
        ws = wb[LEMBAR_DATA]
        asal, tujuan = _baris(ws, "tc27_2022:6#1"), ws.max_row + 1
        for j in range(1, J + 1):
            ws.cell(row=tujuan, column=j).value = ws.cell(row=asal, column=j).value
        ws.cell(row=tujuan, column=H).value = 3

    m = satu(tolak(isi(t2022, {"tc27_2022:6#1": (2, None)}, salin), renstra))
    assert str(m) == (
        f"Lembar 'Realisasi', baris {BARIS_AWAL + 60}, kolom {KOL_J}: baris ganda: ID baris '2022/tc27_2022:6#1' "
        "sudah ada di baris 9"
    )


def test_another_kelurahans_row_refuses_the_whole_upload(renstra: Renstra, t_pakistaji: bytes) -> None:
    # A Pakistaji template with a Wonoasih row pasted under it: nothing is returned, even the good row.
    def tempel(wb: Any) -> None:
        ws = wb[LEMBAR_DATA]
        n = ws.max_row + 1
        for j, v in enumerate(["7.01.03.2.02.02", "Pembangunan (WONOASIH)", "Wonoasih"], start=1):
            ws.cell(row=n, column=j).value = v
        ws.cell(row=n, column=H).value = 4
        ws.cell(row=n, column=J).value = "2022/tc27_2022:5#1"

    data = isi(t_pakistaji, {"tc27_2022:6#1": (2, 100_000_000)}, tempel)
    m = satu(tolak(data, renstra, kelurahan="Pakistaji"))
    assert str(m).startswith(
        "Lembar 'Realisasi', baris 7, kolom C 'Kelurahan': baris milik kelurahan Wonoasih, bukan kelurahan Pakistaji"
    )
    m = satu(tolak(data, renstra, kelurahan=None))  # an admin: the manifest still says Pakistaji
    assert "baris milik kelurahan Wonoasih, bukan kelurahan Pakistaji" in m.pesan


def test_kecamatan_row_in_a_kelurahan_upload(renstra: Renstra, t_pakistaji: bytes) -> None:
    data = isi(t_pakistaji, {"tc27_2022:6#1": (2, None)}, _tulis("tc27_2022:6#1", J, "2022/tc27_2022:31#1"))
    m = satu(tolak(data, renstra, kelurahan="Pakistaji"))
    assert m.baris == BARIS_AWAL and m.pesan.startswith("baris milik tingkat kecamatan, bukan kelurahan Pakistaji")


def test_locked_identity_cells_changed(renstra: Renstra, t2022: bytes) -> None:
    data = isi(t2022, {"tc27_2022:6#1": (2, None)}, _tulis("tc27_2022:6#1", NOMOR_KOLOM["kelurahan"], "Wonoasih"))
    m = satu(tolak(data, renstra))
    assert (m.baris, m.kolom) == (9, "C 'Kelurahan'")
    assert m.pesan == (
        "isi kolom terkunci berubah: 'Wonoasih', seharusnya 'Pakistaji' untuk ID baris '2022/tc27_2022:6#1'; "
        "kolom ini tidak boleh diubah"
    )


# --- values -------------------------------------------------------------------------------


def test_indonesian_number_text_is_refused_not_guessed(renstra: Renstra, t2022: bytes) -> None:
    data = isi(t2022, {"tc27_2022:31#1": ("95,5", "1.500.000")})
    e = tolak(data, renstra)
    assert [(m.baris, m.kolom) for m in e.masalah] == [(34, KOL_H), (34, KOL_I)]
    assert e.masalah[1].pesan == (
        "berisi teks '1.500.000', bukan angka. Ketik angkanya di sel angka tanpa titik ribuan, "
        "tanpa 'Rp' atau '%' (mis. 1500000 atau 95,5)"
    )
    m = satu(tolak(isi(t2022, {"tc27_2022:31#1": ("sembilan puluh", None)}), renstra))
    assert m.pesan == "berisi teks 'sembilan puluh', bukan angka"


def test_formula_is_refused_even_with_a_cached_value(renstra: Renstra, t2022: bytes) -> None:
    data = isi(t2022, {"tc27_2022:31#1": ("=90+5", None)})
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read(SHEET_XML)
    # openpyxl writes the empty cached value as <v /> or <v></v> depending on its XML writer.
    xml, n = re.subn(rb"<f>90\+5</f><v\s*/>|<f>90\+5</f><v></v>", b"<f>90+5</f><v>95</v>", xml)
    assert n == 1
    data = ganti_bagian(data, SHEET_XML, xml)
    m = satu(tolak(data, renstra))
    assert (m.lembar, m.baris, m.kolom) == (LEMBAR_DATA, 34, KOL_H)
    assert m.pesan.startswith("berisi rumus '=90+5'; ketik angkanya, bukan rumus")


def test_negative_amounts(renstra: Renstra, t2022: bytes) -> None:
    e = tolak(isi(t2022, {"tc27_2022:31#1": (-1, -5_000_000)}), renstra)
    assert [str(m) for m in e.masalah] == [
        "Lembar 'Realisasi', baris 34, kolom H 'Realisasi': realisasi negatif (-1); tidak boleh di bawah 0",
        "Lembar 'Realisasi', baris 34, kolom I 'Realisasi (Rp)': Realisasi (Rp) negatif (-Rp 5.000.000); "
        "tidak boleh di bawah 0",
    ]


def test_percentage_above_the_sane_bound(renstra: Renstra, t2022: bytes) -> None:
    m = satu(tolak(isi(t2022, {"tc27_2022:31#1": (955, None)}), renstra))
    assert (m.baris, m.kolom) == (34, KOL_H)
    assert m.pesan.startswith("realisasi 955 % melebihi batas wajar 200 %")


def test_count_and_rupiah_above_their_bounds(renstra: Renstra, t2022: bytes) -> None:
    e = tolak(isi(t2022, {"tc27_2022:6#1": (2_000_000, 1_000_000_001)}), renstra)
    assert [m.pesan for m in e.masalah] == [
        "realisasi 2.000.000 Lokasi melebihi batas wajar 1.000.000",
        "Realisasi (Rp) Rp 1.000.000.001 melebihi batas wajar Rp 1.000.000.000 (10 × pagu Rp 100.000.000)",
    ]


def test_rupiah_with_decimals(renstra: Renstra, t2022: bytes) -> None:
    m = satu(tolak(isi(t2022, {"tc27_2022:31#1": (None, 1_500_000.5)}), renstra))
    assert (m.baris, m.kolom) == (34, KOL_I)
    assert m.pesan == "Rupiah harus bilangan bulat tanpa sen (1.500.000,5); bulatkan ke Rupiah utuh"


def test_rupiah_on_a_row_without_pagu(renstra: Renstra, t2022: bytes) -> None:
    m = satu(tolak(isi(t2022, {"tc27_2022:50#1": (0, 1_000_000)}), renstra))
    assert (m.baris, m.kolom) == (53, KOL_I)
    assert m.pesan.startswith("baris ini tidak memuat pagu")


def test_percent_format_on_a_count_and_dates_and_booleans(renstra: Renstra, t2022: bytes) -> None:
    data = isi(
        t2022,
        {"tc27_2022:3#1": (None, True)},
        _tulis("tc27_2022:6#1", H, 0.5, "0%"),
    )
    data = isi(data, {}, _tulis("tc27_2022:31#1", H, datetime(2022, 12, 31)))
    e = tolak(data, renstra)
    assert [(m.baris, m.kolom, m.pesan[:30]) for m in e.masalah] == [
        (6, KOL_I, "berisi nilai TRUE, bukan angka"),
        (9, KOL_H, "sel berformat persen, padahal "),
        (34, KOL_H, "berisi tanggal/waktu, bukan an"),
    ]


def test_an_unfilled_template_is_refused(renstra: Renstra, t2022: bytes) -> None:
    m = satu(tolak(t2022, renstra))
    assert m.pesan.startswith("tidak ada satu pun Realisasi atau Realisasi (Rp) yang diisi di lembar 'Realisasi'")
