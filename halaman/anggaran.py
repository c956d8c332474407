"""Anggaran: pagu per program and year, drill-down to sub kegiatan, anggaran vs realisasi, year-on-year change.

Every note about the document (its years, its T-C.27 tables and code schemes, whether it prints
T-C.24) is written from the Renstra being served (``sajian.anggaran.keadaan_rencana``), and every
name from it is shown literally (``ui.literal``).
"""

import pandas as pd

import formatting as fmt
import kosakata
import state
import ui
from grafik import anggaran as grafik
from grafik import realisasi as grafik_realisasi
from sajian import anggaran as sajian
from sajian import pilihan
from sajian import realisasi as sajian_realisasi

rentang = sajian.rentang_tahun
keadaan = state.sajikan(sajian.keadaan_rencana)
tahun = int(ui.nilai_filter(ui.KUNCI_TAHUN, keadaan["tahun"][-1]))
program = str(ui.nilai_filter(ui.KUNCI_PROGRAM, ui.SEMUA))
label = state.sajikan(pilihan.program)
if program not in label:
    program = ui.SEMUA
nama_program = ui.literal(label.get(program, ""))

# Notes written from the data (cached frames), so they stay true for another Renstra.
pagu = state.sajikan(sajian.pagu_program_per_tahun, ui.SEMUA)
program_lama = program != ui.SEMUA and not bool(pagu.loc[pagu["kunci"].eq(program), "kode_baru"].all())
tahun_program = sorted(int(t) for t in pagu.loc[pagu["kunci"].eq(program), "tahun"])
kode_program = keadaan["kode_tahun"].get(tahun_program[0], "berkode lama") if program_lama else ""
rincian = pagu[pagu["berdasar_rincian"]]
daftar_rincian = "; ".join(
    f"{ui.literal(p)} ({int(t)}: {fmt.rupiah(v)})"
    for p, t, v in zip(rincian["program"], rincian["tahun"], rincian["pagu"], strict=True)
)
anggaran_program = state.sajikan(sajian.serapan_program)
tanpa_realisasi = anggaran_program[anggaran_program["realisasi"].isna()]
lebih = anggaran_program[anggaran_program["melebihi_100"].fillna(False)]
tahun_disamakan = sorted({int(t) for t in anggaran_program.loc[anggaran_program["disamakan_target"], "tahun"]})
ada_tc24 = state.sajikan(sajian.ada_tabel, "T-C.24")
rentang_tc24 = rentang(anggaran_program["tahun"])
judul_tc24 = state.sajikan(sajian.judul_tabel, "T-C.24")
sumber_tc24 = f"T-C.24 {ui.literal(judul_tc24)}" if judul_tc24 else ""
kosong_tc24 = (
    "Tidak ada data untuk pilihan ini."
    if ada_tc24
    else sajian.pesan_tanpa_tabel("T-C.24", "anggaran, realisasi dan serapannya")
)

program_tanpa_kode = keadaan["program_tanpa_kode"]  # "4 program 2020 berkode lama"; "" when all have a code
program_berkode = f"program {rentang(keadaan['baru'])} (kode Permendagri 90/2019)"

# Shown once per page (ui.Panel.catatan): the marks of a program pagu summed from its rincian.
catatan_rincian = f"Arsir, titik kosong dan tanda *: {kosakata.jumlah_rincian()} (kegiatan atau sub kegiatan)."
catatan_disamakan = kosakata.catatan_realisasi_disamakan(tahun_disamakan, "serapan", "titik kosong, bertanda *")

ui.judul("Anggaran")
ui.pengantar(
    "Pagu indikatif per program dan tahun (T-C.27)"
    + (", dan anggaran lawan realisasi (T-C.24)" if ada_tc24 else "")
    + ", seperti tercetak di dokumen."
    + (f"  \n**Filter program:** {nama_program}." if program != ui.SEMUA else ""),
    cara="Pagu dari T-C.27 (Rencana Program, Kegiatan, dan Pendanaan)"
    + (", anggaran dan realisasi dari T-C.24" if ada_tc24 else "")
    + f". Pagu program yang dijumlah dari rinciannya (kolom *Dasar* di tabel): {daftar_rincian or 'tidak ada'}."
    + (f" {program_tanpa_kode}: tidak disamakan dengan {program_berkode}." if program_tanpa_kode else ""),
)

if program == ui.SEMUA:
    judul_tren = f"Tren pagu per program {rentang(keadaan['baru'])}".strip()
    ket_tren = "Satu garis per program berkode Permendagri 90/2019."
    kosong_tren = "Tidak ada program berkode Permendagri 90/2019, jadi tidak ada tren per program."
elif program_lama:
    judul_tren = f"Tren pagu kegiatan: {nama_program}"
    ket_tren = ""
    kosong_tren = (
        f"{nama_program} hanya ada di tabel T-C.27 tahun {rentang(tahun_program)} ({kode_program}), "
        "jadi tidak punya tren tahunan; rinciannya ada di tab Rincian sub kegiatan "
        f"(tahun {rentang(tahun_program)})."
    )
else:
    judul_tren = f"Tren pagu kegiatan {program} {rentang(tahun_program)}"
    lintas = " dan ".join(keadaan["tabel_baru"])
    ket_tren = (
        "Garis putus-putus hitam: pagu program; garis berwarna: kegiatannya (dikenali dari kode"
        + (f", sama di tabel {lintas}" if len(keadaan["tabel_baru"]) > 1 else "")
        + "). Kegiatan yang tidak tercetak pada suatu tahun tidak punya titik tahun itu."
    )
    kosong_tren = "Tidak ada baris T-C.27 untuk pilihan ini."

if program_lama and tahun not in tahun_program:
    kosong_rincian = (
        f"{nama_program} hanya ada di tabel T-C.27 tahun {rentang(tahun_program)} ({kode_program}). Pilih tahun itu."
    )
elif program != ui.SEMUA and tahun not in tahun_program:
    kosong_rincian = f"Program {program} tidak tercetak di tabel T-C.27 tahun {tahun}" + (
        f": program tahun itu {keadaan['kode_tahun'][tahun]}, dan tidak dipetakan ke kode baru. Pilih tahun lain "
        f"atau program tahun {tahun}."
        if tahun in keadaan["tanpa_kode"]
        else f". Program ini tercetak tahun {rentang(tahun_program)}."
    )
else:
    kosong_rincian = "Tidak ada baris T-C.27 untuk pilihan ini."

baru = keadaan["baru"]
ket_perubahan = (
    "Selisih = pagu tahun ini − pagu tahun sebelumnya; persen di atas batang. "
    + (f"Program dibanding mulai {baru[1]}" if len(baru) > 1 else "Tidak ada program berkode yang tercetak dua tahun")
    + (f" ({program_tanpa_kode} tidak disamakan dengan program berkode)" if program_tanpa_kode else "")
    + (f"; total kecamatan mulai {keadaan['tahun'][1]}" if len(keadaan["tahun"]) > 1 else "")
    + ". Berarsir: salah satu tahunnya dari jumlah rincian."
    + (
        f" Program pilihan hanya tercetak tahun {rentang(tahun_program)}: tidak punya perubahan tahunan; hanya total."
        if program_lama
        else ""
    )
)

# Notes on T-C.24 (none when the Renstra does not print it: its panels say so instead).
ket_tahunan = ket_per_program = ""
if ada_tc24:
    ket_tahunan = (
        "Jumlah semua program T-C.24 per tahun. Serapan = realisasi ÷ anggaran program yang "
        "mencetak realisasi × 100, sehingga anggaran tanpa realisasi tercetak (abu-abu berarsir) tidak ikut. "
        + "".join(
            f"{int(b.tahun)}: realisasi {ui.literal(b.program)} (anggaran {fmt.rupiah(b.anggaran)}) "
            "tidak tercetak"
            + (f"; dokumen hanya mencetak rasio {fmt.persen(b.rasio_dokumen)}" if pd.notna(b.rasio_dokumen) else "")
            + ". "
            for b in tanpa_realisasi.itertuples(index=False)
        )
        + "T-C.24 mencetak nama program tanpa kode, jadi tidak ikut filter program."
    )
    ket_per_program = (
        "Satu titik per program dan tahun; garis putus-putus = 100 %. Titik di kanan garis: "
        "realisasi melebihi anggaran"
        + (
            " ("
            + "; ".join(
                f"{ui.literal(b.program)} {int(b.tahun)}: {fmt.rupiah(b.realisasi)} dari "
                f"{fmt.rupiah(b.anggaran)}, {fmt.persen(b.serapan)}"
                for b in lebih.itertuples(index=False)
            )
            + ")"
            if len(lebih)
            else ""
        )
        + ". Program tanpa realisasi tercetak tidak bertitik (lihat tabel)."
    )

ui.tampilkan(
    [
        ui.Panel(
            f"Pagu per program per tahun {rentang(keadaan['tahun'])}".strip(),
            data=lambda: state.sajikan(sajian.pagu_program_per_tahun, program),
            grafik=grafik.pagu_program_bertumpuk,
            kolom=kosakata.kolom(
                "tahun",
                "program",
                "pagu",
                "dasar",
                pagu_teks="Pagu program tercetak",
                total_tahun=kosakata.Kolom("Total kecamatan (Rp)", "rupiah"),
            ),
            keterangan=(
                f"{program_tanpa_kode} (warna sendiri, bertanda tahunnya) bukan program yang sama dengan "
                f"{program_berkode}. "
                if program_tanpa_kode
                else ""
            )
            + ("Program lain dipudarkan karena filter program." if program != ui.SEMUA else ""),
            catatan=(catatan_rincian,),
            sumber=keadaan["sumber"],
            kunci="pagu-program-tahun",
            bagian="Pagu per program",
        ),
        ui.Panel(
            judul_tren,
            data=lambda: state.sajikan(sajian.tren_pagu, program),
            grafik=grafik.tren_pagu,
            kolom=kosakata.kolom("tahun", ("seri", "Program / kegiatan"), "pagu", "dasar"),
            keterangan=ket_tren,
            catatan=(catatan_rincian,),
            kosong=kosong_tren,
            sumber=f"T-C.27 ({', '.join(keadaan['tabel_baru'])})",
            kunci="tren-pagu",
            bagian="Tren dan perubahan",
        ),
        ui.Panel(
            f"Rincian pagu {tahun}: program → kegiatan → sub kegiatan"
            + (f" ({program})" if program != ui.SEMUA and not program_lama else ""),
            data=lambda: state.sajikan(sajian.rincian_pagu, tahun, program),
            grafik=grafik.rincian_treemap,
            kolom=kosakata.kolom(
                ("tingkat", "Tingkat"),
                "kode",
                "nama",
                "kelurahan",
                ("pagu", "Pagu tercetak (Rp)"),
                ("pagu_teks", "Tercetak"),
                jumlah_rincian=kosakata.Kolom("Jumlah rincian (Rp)", "rupiah"),
                selisih_rincian=kosakata.Kolom("Selisih tercetak − rincian (Rp)", "rupiah"),
            ),
            keterangan="Klik kotak untuk masuk ke kegiatan dan sub kegiatannya; jalur di atas peta untuk kembali. "
            "Luas kotak = pagu tercetak. Bila pagu induk tercetak berbeda dari jumlah rinciannya (mis. pembulatan "
            "di dokumen), kolom *Selisih* menyebut bedanya; pagu yang tidak terbaca diganti luas rinciannya. "
            "Baris tanpa pagu tercetak tidak tergambar (disebut di bawah peta) dan tampil “–” di tabel, bukan 0.",
            kosong=kosong_rincian,
            sumber=f"T-C.27, kolom Rp tahun {tahun}",
            kunci="rincian-pagu",
            bagian="Rincian sub kegiatan",
        ),
        ui.Panel(
            f"Anggaran dan realisasi{' ' + rentang_tc24 if rentang_tc24 else ''}, dengan serapan",
            data=lambda: state.sajikan(sajian.anggaran_realisasi_tahunan),
            grafik=grafik.anggaran_realisasi,
            kolom=kosakata.kolom(
                "tahun",
                "anggaran",
                ("realisasi", kosakata.REALISASI_RP),
                ("anggaran_berealisasi", kosakata.Kolom("Anggaran program yang mencetak realisasi (Rp)", "rupiah")),
                "serapan",
                program_anggaran=kosakata.Kolom("Program beranggaran", "bulat"),
                program_tanpa_realisasi=kosakata.Kolom("Program tanpa realisasi tercetak", "bulat"),
            ),
            keterangan=ket_tahunan,
            catatan=(catatan_disamakan,) if ada_tc24 else (),
            kosong=kosong_tc24,
            sumber=sumber_tc24,
            kunci="anggaran-realisasi",
            bagian="Realisasi dan serapan",
        ),
        ui.Panel(
            f"Serapan per program {rentang_tc24}".strip(),
            data=lambda: state.sajikan(sajian.serapan_program),
            grafik=grafik.serapan_per_program,
            kolom=kosakata.kolom(
                "program",
                ("baris", "Baris T-C.24"),
                "tahun",
                "anggaran",
                ("realisasi", kosakata.REALISASI_RP),
                ("serapan", "Serapan (dihitung)"),
                ("rasio_dokumen", kosakata.Kolom("Rasio tercetak", "persen")),
                "catatan",
            ),
            keterangan=ket_per_program,
            catatan=(catatan_disamakan,) if ada_tc24 else (),
            kosong=kosong_tc24,
            sumber=sumber_tc24,
            kunci="serapan-program",
            bagian="Realisasi dan serapan",
        ),
        ui.Panel(
            f"Serapan {tahun} yang dilaporkan",
            data=lambda: state.sajikan(sajian_realisasi.serapan_dilaporkan, tahun, state.realisasi_tersimpan()),
            grafik=grafik_realisasi.serapan_dilaporkan,
            kolom=kosakata.kolom(
                "kode",
                "nama",
                "kelurahan",
                "pagu",
                ("realisasi", kosakata.REALISASI_RP),
                "serapan",
            ),
            keterangan="Realisasi (Rp) yang dilaporkan lewat Isi Realisasi dibanding pagu T-C.27 baris yang sama. "
            "Oranye: melebihi pagu.",
            sumber=f"Pagu: T-C.27 tahun {tahun}; realisasi: unggahan Isi Realisasi (tersimpan berversi)",
            kosong=kosakata.catatan_tanpa_realisasi(tahun, "serapan", anggaran=True, unggah="halaman Isi Realisasi"),
            kunci="serapan-dilaporkan",
            bagian="Realisasi dan serapan",
        ),
        ui.Panel(
            "Perubahan pagu dari tahun sebelumnya",
            data=lambda: state.sajikan(sajian.perubahan_pagu, program),
            grafik=grafik.perubahan_pagu,
            kolom=kosakata.kolom(
                ("seri", "Total / program"),
                "tahun",
                ("pagu_sebelumnya", kosakata.Kolom("Pagu tahun sebelumnya (Rp)", "rupiah")),
                "pagu",
                selisih=kosakata.Kolom("Selisih (Rp)", "rupiah"),
                persen=kosakata.Kolom("Perubahan", "persen"),
            ),
            keterangan=ket_perubahan,
            catatan=(catatan_rincian,),
            sumber=keadaan["sumber"],
            kunci="perubahan-pagu",
            bagian="Tren dan perubahan",
        ),
    ]
)
