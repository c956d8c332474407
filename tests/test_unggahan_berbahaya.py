"""Hostile and careless uploads (issue 11): each class refused at its root, named, nothing stored.

Templates come from the bundled Renstra; every damaged file is SYNTHETIC, built by
``tests/berkas_jahat.py``. Every refusal is checked for its exact place and an Indonesian
message without Python names, reprs or paths.
"""

from __future__ import annotations

import io
import re
import tracemalloc
import zipfile
from typing import Any

import pytest
from openpyxl.comments import Comment
from openpyxl.worksheet.formula import ArrayFormula

from loaders.errors import BATAS_MASALAH
from loaders.renstra import Renstra
from realisasi.templat import BARIS_AWAL, LEMBAR_DATA, LEMBAR_MANIFEST, NOMOR_KOLOM, buat_templat
from realisasi.validasi import Masalah, UnggahanError, baca_unggahan
from tests import berkas_jahat as bj

H, RP, J = NOMOR_KOLOM["realisasi"], NOMOR_KOLOM["realisasi_rp"], NOMOR_KOLOM["kunci"]
KOL_H, KOL_I = "H 'Realisasi'", "I 'Realisasi (Rp)'"
# What a user-facing message must never contain: class names, reprs, tracebacks, paths.
PYTHON = re.compile(
    r"<[a-z_]+\.[\w.]+|object at 0x|Traceback|\b[A-Z][a-z]+(Error|Exception)\b|\((OSError|ValueError|KeyError)\)"
    r"|/tmp/|/work/|site-packages|\.py\b|'(True|False|None|nan|inf)'"
)


@pytest.fixture(scope="module")
def t2022(renstra: Renstra) -> bytes:
    return buat_templat(renstra, 2022)


@pytest.fixture(scope="module")
def t2023(renstra: Renstra) -> bytes:
    return buat_templat(renstra, 2023)


_n = bj.baris_kunci
isi = bj.isi


def tolak(data: bytes, r: Renstra, tahun: int = 2022, kelurahan: str | None = None) -> UnggahanError:
    with pytest.raises(UnggahanError) as e:
        baca_unggahan(data, r, tahun, kelurahan, nama_berkas="realisasi.xlsx")
    for m in e.value.masalah:
        assert not PYTHON.search(str(m)), str(m)
    assert not PYTHON.search(str(e.value))
    return e.value


def satu(e: UnggahanError) -> Masalah:
    assert len(e.masalah) == 1, e.masalah
    return e.masalah[0]


# --- 1. huge numbers --------------------------------------------------------------------------


@pytest.mark.parametrize("nilai", [1e28, 1e30, -1e30, 1.7976931348623157e308, 10**40])
def test_huge_realisasi_is_refused_before_it_is_formatted(renstra: Renstra, t2022: bytes, nilai: Any) -> None:
    m = satu(tolak(isi(t2022, {"tc27_2022:6#1": (nilai, None)}), renstra))
    assert (m.lembar, m.baris, m.kolom) == (LEMBAR_DATA, 9, KOL_H)
    assert m.pesan == "angka terlalu besar (lebih dari 1.000.000.000.000.000); periksa salah ketik"


def test_huge_rupiah_is_refused(renstra: Renstra, t2022: bytes) -> None:
    m = satu(tolak(isi(t2022, {"tc27_2022:6#1": (None, 1e30)}), renstra))
    assert (m.baris, m.kolom) == (9, KOL_I) and m.pesan.startswith("angka terlalu besar")


@pytest.mark.parametrize(
    ("v", "pesan"),
    [
        ("1e400", "angka terlalu besar (lebih dari 1.000.000.000.000.000); periksa salah ketik"),
        ("nan", "berisi angka yang tidak sah"),
        ("9" * 5000, "angka terlalu besar (lebih dari 1.000.000.000.000.000); periksa salah ketik"),
    ],
)
def test_numbers_no_spreadsheet_writes_are_refused(renstra: Renstra, t2022: bytes, v: str, pesan: str) -> None:
    # A raw <v> that overflows a float, spells NaN, or has 5000 digits (beyond Python's int-to-str limit).
    data = isi(t2022, {"tc27_2022:6#1": (1, None)})
    data = bj.ganti(
        data, bj.SHEET_DATA, lambda x: re.sub(rb'(<c r="H9"[^>]*><v>)1(</v>)', rb"\g<1>" + v.encode() + rb"\2", x)
    )
    m = satu(tolak(data, renstra))
    assert (m.baris, m.kolom, m.pesan) == (9, KOL_H, pesan)


# --- 2. lying archives ------------------------------------------------------------------------


def test_lying_zip_headers_are_refused_within_the_cap_plus_one_chunk(renstra: Renstra, t2022: bytes) -> None:
    # 64 MB of sheet declared as 40 KB (with a CRC matching the first 40 KB): the cap is 20 MB.
    data = bj.bom_bohong(t2022, 64 * 1024 * 1024)
    assert len(data) < 200_000
    tracemalloc.start()
    try:
        m = satu(tolak(data, renstra))
        _, puncak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert m.pesan == (
        f"berkas 'realisasi.xlsx' ditolak: bagian '{bj.SHEET_DATA}' berisi lebih atau kurang dari ukuran yang "
        "dinyatakan (bom zip?) (arsip dimanipulasi?); simpan ulang dari Excel"
    )
    assert puncak < 25 * 1024 * 1024  # never the 64 MB: what was declared (40 KB) plus one chunk, and the file


def test_lying_headers_beyond_the_total_cap(renstra: Renstra, t2022: bytes) -> None:
    # Claimed 1,5 MB from 62 KB (a ratio of 24, under the bomb check), holds 64 MB.
    data = bj.bom_bohong(t2022, 64 * 1024 * 1024, ukuran_klaim=1536 * 1024)
    m = satu(tolak(data, renstra))
    assert "berisi lebih atau kurang dari ukuran yang dinyatakan (bom zip?)" in m.pesan
    m = satu(tolak(bj.bom_bohong(t2022, 64 * 1024 * 1024, ukuran_klaim=19 * 1024 * 1024), renstra))
    assert m.pesan == (
        f"berkas 'realisasi.xlsx' ditolak: bagian '{bj.SHEET_DATA}' mengembang 299x menjadi 19 MB saat dibuka (bom zip?)"
    )


def test_one_name_twice_in_the_archive(renstra: Renstra, t2022: bytes) -> None:
    with pytest.warns(UserWarning):
        data = bj.nama_ganda(t2022)
    m = satu(tolak(data, renstra))
    assert m.pesan == (
        f"berkas 'realisasi.xlsx' ditolak: bagian '{bj.SHEET_DATA}' muncul dua kali (arsip dimanipulasi?); "
        "simpan ulang dari Excel"
    )


@pytest.mark.parametrize("nama", ["../../etc/passwd", "xl/../../x.xml", "xl\\win.xml", "xl/a\tb.xml", "xl//x.xml"])
def test_part_names_that_escape_or_hide(renstra: Renstra, t2022: bytes, nama: str) -> None:
    m = satu(tolak(bj.susun({**bj.bagian(t2022), nama: b"<a/>"}), renstra))
    assert m.pesan.startswith("berkas 'realisasi.xlsx' ditolak: nama bagian arsip tidak sah '"), m.pesan
    assert "\t" not in m.pesan


# --- 3. DTD in other encodings and other part names --------------------------------------------


@pytest.mark.parametrize(
    ("codec", "bom"),
    [("utf-16-le", True), ("utf-16-be", True), ("utf-16-le", False), ("utf-32-le", True), ("utf-8", False)],
)
def test_dtd_in_any_encoding_is_refused_and_the_sheet_named(
    renstra: Renstra, t2022: bytes, codec: str, bom: bool
) -> None:
    m = satu(tolak(bj.dtd_dalam_pengodean(t2022, codec, bom), renstra))
    assert m.lembar == LEMBAR_DATA
    assert m.pesan == (
        f"berkas 'realisasi.xlsx' ditolak: bagian '{bj.SHEET_DATA}' memuat deklarasi DOCTYPE/ENTITY XML "
        "(bom entitas XML?); Excel tidak pernah menulisnya, simpan ulang dari Excel"
    )


def test_dtd_in_the_hidden_manifest_in_utf16(renstra: Renstra, t2022: bytes) -> None:
    m = satu(tolak(bj.dtd_dalam_pengodean(t2022, "utf-16-le", True, nama=bj.SHEET_MANIFEST), renstra))
    assert m.lembar == LEMBAR_MANIFEST and "DOCTYPE/ENTITY" in m.pesan


@pytest.mark.parametrize("codec", [None, "utf-16-le"])
def test_dtd_in_a_sheet_whose_name_does_not_end_in_xml(renstra: Renstra, t2022: bytes, codec: str | None) -> None:
    ubah = (lambda x: bj.ke_pengodean(bj.sisip_dtd(x), codec)) if codec else bj.sisip_dtd
    m = satu(tolak(bj.lembar_bernama_lain(t2022, isi=ubah), renstra))
    assert m.lembar == LEMBAR_DATA
    assert "bagian 'xl/worksheets/data.bin' memuat deklarasi DOCTYPE/ENTITY XML" in m.pesan


def test_a_renamed_sheet_without_dtd_is_still_read(renstra: Renstra, t2022: bytes) -> None:
    # The part name does not matter to the reader (it follows the relationships): a clean one passes.
    data = bj.lembar_bernama_lain(isi(t2022, {"tc27_2022:6#1": (2, None)}))
    assert baca_unggahan(data, renstra, 2022)["realisasi"].tolist() == [2.0]


@pytest.mark.parametrize("codec", ["cp037", "utf-7"])
def test_xml_in_an_encoding_no_parser_should_guess_is_refused(renstra: Renstra, t2022: bytes, codec: str) -> None:
    data = bj.ganti(t2022, bj.SHEET_MANIFEST, lambda x: bj.ke_pengodean(x, codec, bom=False))
    m = satu(tolak(data, renstra))
    assert f"bagian '{bj.SHEET_MANIFEST}'" in m.pesan
    assert "pengodean" in m.pesan and m.pesan.endswith("simpan ulang dari Excel")


def test_utf16_sheet_without_dtd_is_read(renstra: Renstra, t2022: bytes) -> None:
    # UTF-16 is XML the spec allows: read, not refused, when it declares nothing.
    data = isi(t2022, {"tc27_2022:6#1": (2, None)})
    data = bj.ganti(data, bj.SHEET_DATA, lambda x: bj.ke_pengodean(x, "utf-16-le"))
    assert baca_unggahan(data, renstra, 2022)["realisasi"].tolist() == [2.0]


# --- 4. locked cells ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kolom", "nilai", "harap"),
    [
        ("target", "5 Lokasi", "'2 Lokasi'"),
        ("pagu", 900_000_000, "'100.000.000'"),
        ("indikator", "Jumlah apa saja", None),
        ("satuan", "%", "'Lokasi'"),
        ("nama", '=HYPERLINK("http://contoh.invalid")', None),
    ],
)
def test_every_prefilled_cell_is_verified(
    renstra: Renstra, t2022: bytes, kolom: str, nilai: Any, harap: str | None
) -> None:
    def ubah(wb: Any) -> None:
        ws = wb[LEMBAR_DATA]
        ws.cell(row=_n(ws, "tc27_2022:6#1"), column=NOMOR_KOLOM[kolom]).value = nilai

    m = satu(tolak(isi(t2022, {"tc27_2022:6#1": (2, None)}, ubah), renstra))
    assert (m.lembar, m.baris) == (LEMBAR_DATA, 9)
    assert m.kolom.startswith(f"{'ABCDEFGHIJ'[NOMOR_KOLOM[kolom] - 1]} '")
    assert m.pesan.startswith("isi kolom terkunci berubah: ")
    if harap:
        assert f", seharusnya {harap} untuk ID baris '2022/tc27_2022:6#1'" in m.pesan


def test_a_2023_template_relabelled_2022_is_refused(renstra: Renstra, t2023: bytes) -> None:
    # The 2022-2024 rows share item ids: the year in the title, the keys and every prefilled cell tell them apart.
    def jadi_2022(wb: Any) -> None:
        for row in wb[LEMBAR_MANIFEST].iter_rows(max_col=2):
            if row[0].value == "tahun":
                row[1].value = 2022

    m = satu(tolak(isi(t2023, {"tc27_2022:6#1": (2, None)}, jadi_2022), renstra))
    assert str(m) == (
        "Lembar 'Realisasi', baris 1, kolom A 'Kode': isi sel A1 berubah: 'Realisasi T-C.27 Tahun 2023: Kecamatan W…', "
        "seharusnya 'Realisasi T-C.27 Tahun 2022: Kecamatan W…'; baris judul templat tidak boleh diubah"
    )


def test_a_2023_template_fully_relabelled_still_fails_on_its_keys(renstra: Renstra, t2023: bytes) -> None:
    def jadi_2022(wb: Any) -> None:
        for row in wb[LEMBAR_MANIFEST].iter_rows(max_col=2):
            if row[0].value == "tahun":
                row[1].value = 2022
        wb[LEMBAR_DATA]["A1"].value = wb[LEMBAR_DATA]["A1"].value.replace("2023", "2022")

    e = tolak(isi(t2023, {"tc27_2022:6#1": (2, None)}, jadi_2022), renstra)
    assert len(e.masalah) == 60  # every row of the template
    assert str(e.masalah[5]) == (
        "Lembar 'Realisasi', baris 9, kolom J 'ID baris (jangan diubah)': ID baris '2023/tc27_2022:6#1' bukan baris "
        "T-C.27 tahun 2022 di Renstra ini; baris yang tidak ada di Renstra ditolak"
    )


def test_manifest_cells_are_verified(renstra: Renstra, t2022: bytes) -> None:
    def ubah(wb: Any) -> None:
        ws = wb[LEMBAR_MANIFEST]
        ws["B5"].value = "Renstra lain"  # renstra_judul
        ws.delete_rows(15)  # a listed row taken out of the manifest

    e = tolak(isi(t2022, {"tc27_2022:6#1": (2, None)}, ubah), renstra)
    assert [str(m) for m in e.masalah[:2]] == [
        "Lembar 'manifest', baris 5, kolom B 'nilai': isi sel B5 berubah: 'Renstra lain', "
        "seharusnya 'Perubahan Rencana Strategis (Renstra) Ke…'; lembar manifest tidak boleh diubah",
        "Lembar 'manifest', baris 15, kolom A 'kunci': isi sel A15 berubah: '7', seharusnya '6'; "
        "lembar manifest tidak boleh diubah",
    ]
    assert all(m.lembar == LEMBAR_MANIFEST for m in e.masalah)


def test_title_rows_are_verified(renstra: Renstra, t2022: bytes) -> None:
    def ubah(wb: Any) -> None:
        wb[LEMBAR_DATA]["E2"].value = "catatan saya"

    m = satu(tolak(isi(t2022, {"tc27_2022:6#1": (2, None)}, ubah), renstra))
    assert (m.baris, m.kolom) == (2, "E 'Satuan'")
    assert m.pesan == (
        "sel E2 berisi 'catatan saya', padahal templat mengosongkannya; baris judul templat tidak boleh diubah"
    )


# --- 5. content the template did not put there ------------------------------------------------


def test_macro_part_in_a_file_named_xlsx(renstra: Renstra, t2022: bytes) -> None:
    m = satu(tolak(bj.makro(isi(t2022, {"tc27_2022:6#1": (2, None)})), renstra))
    assert m.pesan == (
        "buku kerja memuat makro VBA (buku kerja bermakro) (bagian 'xl/vbaProject.bin') yang tidak boleh ada"
    )


def test_extra_sheet_with_a_dde_formula(renstra: Renstra, t2022: bytes) -> None:
    m = satu(tolak(bj.lembar_dde(isi(t2022, {"tc27_2022:6#1": (2, None)})), renstra))
    assert (m.lembar, m.pesan) == (
        "Catatan",
        "lembar tambahan 'Catatan' bukan bagian templat; hapus lembar itu (isi hanya lembar 'Realisasi')",
    )


def test_second_realisasi_column_is_refused_not_dropped(renstra: Renstra, t2022: bytes) -> None:
    data = bj.kolom_realisasi_kedua(isi(t2022, {"tc27_2022:6#1": (2, None)}), 9, 3)
    e = tolak(data, renstra)
    assert [str(m) for m in e.masalah] == [
        "Lembar 'Realisasi', baris 3, kolom K: ada kolom tambahan 'Realisasi' yang bukan bagian templat",
        "Lembar 'Realisasi', baris 9, kolom K: sel K9 di luar kolom templat berisi '3'; hapus isinya "
        "(isi hanya kolom Realisasi dan Realisasi (Rp))",
    ]


def test_a_value_far_outside_the_template(renstra: Renstra, t2022: bytes) -> None:
    def ubah(wb: Any) -> None:
        wb[LEMBAR_DATA]["XFD1048576"].value = "=1+1"

    m = satu(tolak(isi(t2022, {"tc27_2022:6#1": (2, None)}, ubah), renstra))
    assert (m.baris, m.kolom) == (1048576, "XFD")
    assert m.pesan.startswith("sel XFD1048576 di luar kolom templat berisi '=1+1' (rumus)")


def test_comment_external_link_and_defined_name(renstra: Renstra, t2022: bytes) -> None:
    def ubah(wb: Any) -> None:
        ws = wb[LEMBAR_DATA]
        ws["H9"].comment = Comment("sementara", "lurah")
        ws["H10"].hyperlink = "http://contoh.invalid/unduh"
        from openpyxl.workbook.defined_name import DefinedName

        wb.defined_names["Jahat"] = DefinedName("Jahat", attr_text="cmd|'/C calc'!A0")

    e = tolak(isi(t2022, {"tc27_2022:6#1": (2, None)}, ubah), renstra)
    teks = [str(m) for m in e.masalah]
    assert any(t.startswith("Lembar 'Realisasi': buku kerja memuat komentar atau catatan sel") for t in teks), teks
    assert (
        "Lembar 'Realisasi': buku kerja memuat tautan eksternal ke 'http://contoh.invalid/unduh' yang tidak boleh ada"
        in teks
    )


def test_defined_name_alone(renstra: Renstra, t2022: bytes) -> None:
    def ubah(wb: Any) -> None:
        from openpyxl.workbook.defined_name import DefinedName

        wb.defined_names["Jahat"] = DefinedName("Jahat", attr_text="cmd|'/C calc'!A0")

    m = satu(tolak(isi(t2022, {"tc27_2022:6#1": (2, None)}, ubah), renstra))
    assert m.pesan == "buku kerja memuat nama tetap (Defined Name) 'Jahat' yang bukan bagian templat"


# --- 6. messages without Python ------------------------------------------------------------------


def test_array_formula_message_shows_the_formula_not_a_repr(renstra: Renstra, t2022: bytes) -> None:
    def ubah(wb: Any) -> None:
        ws = wb[LEMBAR_DATA]
        ws["H9"] = ArrayFormula("H9", "=SUM(G4:G9*2)")

    m = satu(tolak(isi(t2022, {}, ubah), renstra))
    assert (m.baris, m.kolom) == (9, KOL_H)
    assert m.pesan.startswith("berisi rumus '=SUM(G4:G9*2)'; ketik angkanya, bukan rumus")


def test_unreadable_workbook_message_is_indonesian_only(renstra: Renstra, t2022: bytes) -> None:
    m = satu(tolak(bj.ganti(t2022, "xl/workbook.xml", lambda x: x[: len(x) // 2]), renstra))
    assert m.pesan == (
        "berkas 'realisasi.xlsx' ditolak: bagian 'xl/workbook.xml' bukan XML yang sah atau memakai pengodean yang "
        "tidak didukung; simpan ulang dari Excel"
    )
    m = satu(tolak(bj.ganti(t2022, bj.SHEET_DATA, lambda x: x.replace(b'r="A4"', b'r="4A"', 1)), renstra))
    assert m.pesan == "Lembar 'Realisasi': alamat sel '4A' tidak sah"
    tanpa_utama = bj.ganti(t2022, "_rels/.rels", lambda x: x.replace(b"xl/workbook.xml", b"xl/tidak-ada.xml"))
    m = satu(tolak(tanpa_utama, renstra))
    assert (
        m.pesan == "berkas 'realisasi.xlsx' ditolak: bagian buku kerja utama tidak ditemukan; simpan ulang dari Excel"
    )


# --- the rest of the refusal paths, each with its exact message ---------------------------------


def test_more_than_a_hundred_problems_are_cut_in_the_message(renstra: Renstra, t2022: bytes) -> None:
    def ubah(wb: Any) -> None:
        ws = wb[LEMBAR_DATA]
        for n in range(BARIS_AWAL, BARIS_AWAL + 60):
            ws.cell(row=n, column=H).value = "x"
            ws.cell(row=n, column=12).value = "y"

    e = tolak(isi(t2022, {}, ubah), renstra)
    assert len(e.masalah) == 60  # the cells right of the template come first; the rows are not reached
    ubah_banyak = isi(t2022, {}, lambda wb: [wb[LEMBAR_DATA].cell(row=n, column=12, value="y") for n in range(4, 130)])
    e = tolak(ubah_banyak, renstra)
    assert len(e.masalah) == 126
    assert str(e).splitlines()[-1] == "- … dan 26 masalah lain"
    assert str(e).startswith("Berkas 'realisasi.xlsx' ditolak, tidak ada yang disimpan (126 masalah):")
    assert len(str(e).splitlines()) == 1 + BATAS_MASALAH + 1


def test_too_many_filled_rows(renstra: Renstra, t2022: bytes) -> None:
    baris = "".join(f'<row r="{n}"><c r="B{n}" t="inlineStr"><is><t>x</t></is></c></row>' for n in range(70, 5080))
    data = bj.ganti(t2022, bj.SHEET_DATA, lambda x: x.replace(b"</sheetData>", baris.encode() + b"</sheetData>"))
    e = tolak(data, renstra)
    assert str(e.masalah[0]) == "Lembar 'Realisasi': lembar terlalu panjang (lebih dari 5000 baris terisi)"


def test_too_many_cells(renstra: Renstra, t2022: bytes) -> None:
    sel = "".join(f'<c r="Z{n}"/>' for n in range(70, 60_000))
    data = bj.ganti(
        t2022,
        bj.SHEET_DATA,
        lambda x: x.replace(b"</sheetData>", f'<row r="70">{sel}</row>'.encode() + b"</sheetData>"),
    )
    m = satu(tolak(data, renstra))
    assert m.pesan == "Lembar 'Realisasi': terlalu banyak sel (buku kerja ini lebih dari 60000 sel)"


def test_formula_in_the_manifest(renstra: Renstra, t2022: bytes) -> None:
    def ubah(wb: Any) -> None:
        wb[LEMBAR_MANIFEST]["B6"].value = "=2021+1"

    e = tolak(isi(t2022, {"tc27_2022:6#1": (2, None)}, ubah), renstra)
    assert [str(m) for m in e.masalah] == [
        "Lembar 'manifest', baris 6: lembar manifest berisi rumus; unduh templat baru",
        "Lembar 'manifest', kolom B 'nilai': templat ini untuk tahun ?, bukan tahun 2022 yang dipilih; "
        "unduh templat 2022",
    ]


def test_non_integer_indikator_ke_and_unknown_kelurahan_in_the_manifest(renstra: Renstra, t2022: bytes) -> None:
    def ubah(wb: Any) -> None:
        ws = wb[LEMBAR_MANIFEST]
        ws["C14"].value = "satu"
        ws["B7"].value = "Mayangan"

    e = tolak(isi(t2022, {"tc27_2022:6#1": (2, None)}, ubah), renstra)
    assert [str(m) for m in e.masalah] == [
        "Lembar 'manifest', baris 14, kolom C 'indikator_ke': indikator_ke 'satu' bukan bilangan bulat",
        "Lembar 'manifest', baris 7, kolom B 'nilai': kelurahan 'Mayangan' tidak dikenal di Renstra ini",
    ]


def test_missing_or_renamed_data_sheet(renstra: Renstra, t2022: bytes) -> None:
    def ganti_nama(wb: Any) -> None:
        wb[LEMBAR_DATA].title = "Data"

    e = tolak(isi(t2022, {"tc27_2022:6#1": (2, None)}, ganti_nama), renstra)
    assert [str(m) for m in e.masalah] == [
        "lembar 'Realisasi' tidak ada (lembar yang ada: 'Data')",
        "Lembar 'Data': lembar tambahan 'Data' bukan bagian templat; hapus lembar itu (isi hanya lembar 'Realisasi')",
    ]


@pytest.mark.parametrize(("nilai", "pesan"), [(12345, "ID baris harus teks dari templat, bukan rumus atau angka"),
                                              ("=A1", "ID baris harus teks dari templat, bukan rumus atau angka")])  # fmt: skip
def test_formula_or_number_in_the_row_id(renstra: Renstra, t2022: bytes, nilai: Any, pesan: str) -> None:
    def ubah(wb: Any) -> None:
        ws = wb[LEMBAR_DATA]
        ws.cell(row=_n(ws, "tc27_2022:6#1"), column=J).value = nilai

    m = satu(tolak(isi(t2022, {"tc27_2022:6#1": (2, None)}, ubah), renstra))
    assert (m.baris, m.pesan) == (9, pesan)


def test_excel_error_cells(renstra: Renstra, t2022: bytes) -> None:
    data = isi(t2022, {"tc27_2022:6#1": (1, None)})
    data = bj.ganti(
        data, bj.SHEET_DATA, lambda x: re.sub(rb'<c r="H9"([^>]*)><v>1</v>', rb'<c r="H9" t="e"><v>#DIV/0!</v>', x)
    )
    m = satu(tolak(data, renstra))
    assert (m.baris, m.kolom, m.pesan) == (9, KOL_H, "berisi galat Excel '#DIV/0!', bukan angka")


# --- what still passes ---------------------------------------------------------------------------


def test_a_plausible_upload_still_passes_for_admin_and_lurah(renstra: Renstra, t2022: bytes) -> None:
    data = isi(t2022, {"tc27_2022:6#1": (2, 95_000_000), "tc27_2022:31#1": (96.5, 8_700_000_000)})
    df = baca_unggahan(data, renstra, 2022)
    assert df[["item_id", "realisasi", "realisasi_rp"]].values.tolist() == [
        ["tc27_2022:6", 2.0, 95_000_000],
        ["tc27_2022:31", 96.5, 8_700_000_000],
    ]
    t = buat_templat(renstra, 2022, "Pakistaji")
    df = baca_unggahan(isi(t, {"tc27_2022:6#1": (2, 95_000_000)}), renstra, 2022, "Pakistaji")
    assert df["kelurahan"].tolist() == ["Pakistaji"]


def test_a_template_saved_again_with_shared_strings_still_passes(renstra: Renstra, t2022: bytes) -> None:
    # Excel and LibreOffice write text as shared strings and may add calcChain/printer settings parts.
    from openpyxl import Workbook  # noqa: F401  (openpyxl writes inline strings; build shared strings by hand)

    data = isi(t2022, {"tc27_2022:6#1": (2, None)})
    semua = bj.bagian(data)
    assert b"inlineStr" in semua[bj.SHEET_DATA]
    teks: list[str] = []

    def ke_bersama(m: re.Match[bytes]) -> bytes:
        teks.append(m.group(2).decode())
        return m.group(1) + b' t="s"><v>' + str(len(teks) - 1).encode() + b"</v></c>"

    semua[bj.SHEET_DATA] = re.sub(
        rb'(<c r="[A-Z]+\d+"(?: s="\d+")?) t="inlineStr"><is><t>([^<]*)</t></is></c>', ke_bersama, semua[bj.SHEET_DATA]
    )
    from xml.sax.saxutils import escape

    sst = "".join(f"<si><t>{escape(t)}</t></si>" for t in teks)
    semua["xl/sharedStrings.xml"] = (
        f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(teks)}">{sst}</sst>'
    ).encode()
    semua[bj.JENIS] = semua[bj.JENIS].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'spreadsheetml.sharedStrings+xml"/></Types>',
    )
    semua[bj.REL_WB] = semua[bj.REL_WB].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    df = baca_unggahan(bj.susun(semua), renstra, 2022)
    assert df["realisasi"].tolist() == [2.0]
    assert zipfile.is_zipfile(io.BytesIO(bj.susun(semua)))


def test_part_name_with_a_nul_byte(renstra: Renstra, t2022: bytes) -> None:
    # zipfile cuts the name at NUL ("xl/a"): a part no content type names, refused as such.
    m = satu(tolak(bj.susun({**bj.bagian(t2022), "xl/a\x00b.xml": b"<a/>"}), renstra))
    assert m.pesan == (
        "berkas 'realisasi.xlsx' ditolak: bagian 'xl/a' tidak terdaftar di [Content_Types].xml; simpan ulang dari Excel"
    )
