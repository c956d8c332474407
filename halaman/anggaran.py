"""Anggaran: pagu per program and year, drill-down to sub kegiatan, anggaran vs realisasi, year-on-year change."""

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

tahun = int(ui.nilai_filter(ui.KUNCI_TAHUN, 2024))
program = str(ui.nilai_filter(ui.KUNCI_PROGRAM, ui.SEMUA))
label = state.sajikan(pilihan.program)
if program not in label:
    program = ui.SEMUA
nama_program = label.get(program, "")

# Notes written from the data (cached frames), so they stay true for another Renstra.
pagu = state.sajikan(sajian.pagu_program_per_tahun, ui.SEMUA)
program_lama = program != ui.SEMUA and not bool(pagu.loc[pagu["kunci"].eq(program), "kode_baru"].all())
tahun_program = sorted(int(t) for t in pagu.loc[pagu["kunci"].eq(program), "tahun"])
rincian = pagu[pagu["berdasar_rincian"]]
daftar_rincian = "; ".join(
    f"{p} ({int(t)}: {fmt.rupiah(v)})"
    for p, t, v in zip(rincian["program"], rincian["tahun"], rincian["pagu"], strict=True)
)
anggaran_program = state.sajikan(sajian.serapan_program)
tanpa_realisasi = anggaran_program[anggaran_program["realisasi"].isna()]
lebih = anggaran_program[anggaran_program["melebihi_100"].fillna(False)]
tahun_disamakan = sorted({int(t) for t in anggaran_program.loc[anggaran_program["disamakan_target"], "tahun"]})

ui.judul("Anggaran")
ui.pengantar(
    "Pagu indikatif per program dan tahun dari T-C.27 (Rencana Program, Kegiatan, dan Pendanaan), "
    "dan anggaran lawan realisasi dari T-C.24. Angka seperti tercetak di dokumen. "
    f"{kosakata.jumlah_rincian().capitalize()}, selalu ditandai "
    f"(arsir, titik kosong, tanda *, kolom *Dasar*): {daftar_rincian or 'tidak ada'}. "
    "Program 2020 memakai kode lama dan nama lain: tidak disamakan dengan program 2021-2024. "
    f"Rp … {fmt.KETERANGAN_SATUAN}." + (f"  \n**Filter program:** {nama_program}." if program != ui.SEMUA else "")
)

if program == ui.SEMUA:
    judul_tren = "Tren pagu per program 2021-2024"
    ket_tren = f"Satu garis per program berkode Permendagri 90/2019. Titik kosong: {kosakata.jumlah_rincian()}."
elif program_lama:
    judul_tren = f"Tren pagu kegiatan: {nama_program}"
    ket_tren = ""
else:
    judul_tren = f"Tren pagu kegiatan {program} 2021-2024"
    ket_tren = (
        "Garis putus-putus hitam: pagu program; garis berwarna: kegiatannya (dikenali dari kode, sama di tabel 2021 "
        f"dan 2022-2024). Titik kosong: {kosakata.jumlah_rincian()}. Kegiatan yang baru muncul 2022 "
        "tidak punya titik 2021."
    )

if program_lama and tahun not in tahun_program:
    kosong_rincian = f"{nama_program} hanya ada di tabel T-C.27 tahun {tahun_program[0]} (kode lama). Pilih tahun itu."
elif program != ui.SEMUA and tahun not in tahun_program:
    kosong_rincian = (
        f"Program {program} tidak ada di tabel T-C.27 tahun {tahun}: tabel itu memakai kode lama, dan dasbor tidak "
        "memetakan kode lama ke kode baru. Pilih tahun lain atau program berkode lama."
    )
else:
    kosong_rincian = "Tidak ada baris T-C.27 untuk pilihan ini."

ui.tampilkan(
    [
        ui.Panel(
            "Pagu per program per tahun 2020-2024",
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
            keterangan=f"Batang berarsir dan total bertanda *: {kosakata.jumlah_rincian()} (kegiatan atau sub "
            "kegiatan). Empat program 2020 "
            "berkode lama (warna sendiri, bertanda “(2020)”) bukan program yang sama dengan program 2021-2024."
            + (" Program lain dipudarkan karena filter program." if program != ui.SEMUA else ""),
            sumber="T-C.27 Rencana Program, Kegiatan, dan Pendanaan (tabel 2020, 2021, 2022-2024)",
            kunci="pagu-program-tahun",
            bagian="Pagu per program",
        ),
        ui.Panel(
            judul_tren,
            data=lambda: state.sajikan(sajian.tren_pagu, program),
            grafik=grafik.tren_pagu,
            kolom=kosakata.kolom("tahun", ("seri", "Program / kegiatan"), "pagu", "dasar"),
            keterangan=ket_tren,
            kosong=f"{nama_program} hanya ada di tabel 2020 (kode lama), jadi tidak punya tren tahunan; "
            "rinciannya ada di panel berikut (tahun 2020).",
            sumber="T-C.27 (2021, 2022-2024)",
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
            "Luas kotak = pagu tercetak. Di beberapa tempat pagu induk berbeda Rp 1-2 dari jumlah rinciannya "
            "(pembulatan di dokumen; kolom *Selisih*); pagu yang tidak terbaca diganti luas rinciannya. "
            "Baris tanpa pagu tercetak tidak tergambar (disebut di bawah peta) dan tampil “–” di tabel, bukan 0.",
            kosong=kosong_rincian,
            sumber=f"T-C.27, kolom Rp tahun {tahun}",
            kunci="rincian-pagu",
            bagian="Rincian sub kegiatan",
        ),
        ui.Panel(
            "Anggaran dan realisasi 2016-2020, dengan serapan",
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
            keterangan="Jumlah semua program T-C.24 per tahun. Serapan = realisasi ÷ anggaran program yang "
            "mencetak realisasi × 100, sehingga anggaran tanpa realisasi tercetak (abu-abu berarsir) tidak ikut. "
            + "".join(
                f"{int(b.tahun)}: realisasi {b.program} (anggaran {fmt.rupiah(b.anggaran)}) tidak tercetak"
                + (f"; dokumen hanya mencetak rasio {fmt.persen(b.rasio_dokumen)}" if pd.notna(b.rasio_dokumen) else "")
                + ". "
                for b in tanpa_realisasi.itertuples(index=False)
            )
            + kosakata.catatan_realisasi_disamakan(tahun_disamakan, "serapan", "titik kosong, bertanda *")
            + " T-C.24 memakai program lama dan tidak ikut filter program.",
            sumber="T-C.24 Anggaran dan Realisasi Pendanaan Pelayanan Kecamatan Wonoasih",
            kunci="anggaran-realisasi",
            bagian="Realisasi dan serapan",
        ),
        ui.Panel(
            "Serapan per program 2016-2020",
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
            keterangan="Satu titik per program dan tahun; garis putus-putus = 100 %. Titik di kanan garis: "
            "realisasi melebihi anggaran"
            + (
                " ("
                + "; ".join(
                    f"{b.program} {int(b.tahun)}: {fmt.rupiah(b.realisasi)} dari {fmt.rupiah(b.anggaran)}, "
                    f"{fmt.persen(b.serapan)}"
                    for b in lebih.itertuples(index=False)
                )
                + ")"
                if len(lebih)
                else ""
            )
            + ". "
            + kosakata.catatan_realisasi_disamakan(tahun_disamakan, "serapan", "titik kosong")
            + " Program tanpa realisasi tercetak tidak bertitik (lihat tabel).",
            sumber="T-C.24 Anggaran dan Realisasi Pendanaan Pelayanan Kecamatan Wonoasih",
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
            keterangan="Selisih = pagu tahun ini − pagu tahun sebelumnya; persen di atas batang. Program dibanding "
            "mulai 2022 (program 2020 berkode lama tidak disamakan dengan program 2021); total kecamatan mulai 2021. "
            f"Berarsir: salah satu tahunnya, {kosakata.jumlah_rincian()}."
            + (" Filter program 2020 tidak punya perubahan tahunan; hanya total." if program_lama else ""),
            sumber="T-C.27 (2020, 2021, 2022-2024)",
            kunci="perubahan-pagu",
            bagian="Tren dan perubahan",
        ),
    ]
)
