"""Ringkasan: the Renstra at a glance (pagu per year and per program, serapan, tujuan and sasaran)."""

import streamlit as st

import formatting as fmt
import kosakata
import state
import ui
from grafik import kinerja as grafik_kinerja
from grafik import ringkasan as grafik
from sajian import kinerja, pilihan
from sajian import realisasi as sajian_realisasi
from sajian import ringkasan as sajian

r = state.sajikan(pilihan.identitas)
semua_tahun = state.sajikan(pilihan.tahun_rencana)
tahun = int(ui.nilai_filter(ui.KUNCI_TAHUN, semua_tahun[-1]))
per_predikat = state.sajikan(kinerja.predikat_per_tahun)
serapan_tahunan = state.sajikan(sajian.serapan_per_tahun)
# Years whose realisasi the document copied from the targets, as the charts mark them.
disamakan_kinerja = kosakata.catatan_realisasi_disamakan(
    per_predikat.loc[per_predikat["realisasi_disamakan_target"].fillna(False).astype(bool), "tahun"],
    "capaian",
    "bertanda *",
)
disamakan_serapan = kosakata.catatan_realisasi_disamakan(
    serapan_tahunan.loc[serapan_tahunan["disamakan"].astype(bool), "tahun"], "serapan", "titik abu-abu"
)

ui.judul("Ringkasan")
ui.pengantar(
    f"**{r['judul']}**" + (f"  \n**Visi:** {r['visi']}" if r["visi"] else "") + "  \n"
    "Semua angka berasal dari tabel dokumen; yang tidak terbaca di dokumen ditandai, tidak ditebak. "
    + fmt.KETERANGAN_SATUAN
    + "."
)


def sekilas() -> None:
    pagu = state.sajikan(sajian.pagu_per_tahun).set_index("tahun")
    serapan = serapan_tahunan.set_index("tahun")
    terakhir = state.sajikan(sajian.tahun_realisasi_terakhir)
    kiri, tengah, kanan, predikat = st.columns(4)
    if tahun in pagu.index:
        baris = pagu.loc[tahun]
        kiri.metric(f"Pagu indikatif {tahun}", fmt.rupiah_ringkas(baris["pagu"]), border=True)
        kiri.caption(fmt.rupiah(baris["pagu"]) + (f"; {baris['catatan']}" if baris["catatan"] else ""))
    dilaporkan = state.sajikan(sajian_realisasi.serapan_terakhir, state.realisasi_tersimpan())
    if dilaporkan is not None and (terakhir is None or dilaporkan["tahun"] > terakhir):
        tengah.metric(f"Serapan anggaran {dilaporkan['tahun']}", fmt.persen(dilaporkan["serapan"]), border=True)
        tengah.caption(
            f"Realisasi {fmt.rupiah(dilaporkan['realisasi'])} dari pagu {fmt.rupiah(dilaporkan['pagu'])} "
            f"({fmt.angka(dilaporkan['baris'])} baris T-C.27 yang dilaporkan lewat Isi Realisasi)"
        )
    elif terakhir is not None and terakhir in serapan.index:
        s = serapan.loc[terakhir]
        tengah.metric(f"Serapan anggaran {terakhir}", fmt.persen(s["serapan"]), border=True)
        tengah.caption(
            f"Realisasi {fmt.rupiah(s['realisasi'])} dari anggaran {fmt.rupiah(s['anggaran'])} "
            f"({fmt.angka(s['program'])} program T-C.24 yang mencetak keduanya)"
        )
    program = state.sajikan(sajian.pagu_program_tahun, tahun)
    kanan.metric(f"Program {tahun}", fmt.angka(len(program)), border=True)
    if not program.empty:
        kanan.caption(f"Terbesar: {program['program'].iloc[0]} ({fmt.rupiah_ringkas(program['pagu'].iloc[0])})")
    hitung = per_predikat
    if not hitung.empty:
        t = int(hitung["tahun"].max())
        d = hitung[hitung["tahun"].eq(t)]
        ada = d[d["jumlah"].gt(0)]
        berpredikat = int(d.loc[d["predikat"].ne(kinerja.TANPA_PREDIKAT), "jumlah"].sum())
        predikat.metric(
            f"Indikator berpredikat {t}",
            f"{fmt.angka(berpredikat)} dari {fmt.angka(int(d['jumlah'].sum()))}",
            border=True,
        )
        predikat.caption(" · ".join(f"{b.predikat} {fmt.angka(b.jumlah)}" for b in ada.itertuples(index=False)))


JUMLAH_PROGRAM = kosakata.Kolom("Jumlah program", "bulat")

ui.tampilkan(
    [
        ui.Panel(f"Sekilas {tahun}", isi=sekilas, kunci="sekilas"),
        ui.Panel(
            "Pagu indikatif per tahun",
            data=lambda: state.sajikan(sajian.pagu_per_tahun),
            grafik=grafik.pagu_per_tahun,
            kolom=kosakata.kolom("tahun", "pagu", ("program", JUMLAH_PROGRAM), "catatan"),
            keterangan="Jumlah pagu program di T-C.27 per tahun. Batang bergaris: untuk sebagian program, "
            f"{kosakata.jumlah_rincian()} (kegiatan/sub kegiatan; lihat Kualitas data).",
            sumber="T-C.27 Rencana Program, Kegiatan, dan Pendanaan (2020, 2021, 2022-2024)",
            kunci="pagu-per-tahun",
            bagian="Pagu per tahun",
        ),
        ui.Panel(
            f"Pagu per program {tahun}",
            data=lambda: state.sajikan(sajian.pagu_program_tahun, tahun),
            grafik=grafik.pagu_program,
            kolom=kosakata.kolom(("kunci", "Kode"), "program", "pagu", "dasar"),
            keterangan="Program tahun 2020 memakai kode lama; tidak dipetakan ke kode baru.",
            sumber=f"T-C.27, tahun {tahun}",
            kunci="pagu-program",
            bagian="Pagu per program",
        ),
        ui.Panel(
            "Serapan anggaran per tahun",
            data=lambda: serapan_tahunan,
            grafik=grafik.serapan_per_tahun,
            kolom=kosakata.kolom(
                "tahun",
                "anggaran",
                ("realisasi", kosakata.REALISASI_RP),
                "serapan",
                program=JUMLAH_PROGRAM,
            ),
            keterangan="Jumlah realisasi ÷ jumlah anggaran program yang mencetak keduanya di T-C.24. "
            + disamakan_serapan,
            sumber="T-C.24 Anggaran dan Realisasi Pendanaan Pelayanan Perangkat Daerah",
            kunci="serapan",
            bagian="Serapan",
        ),
        ui.Panel(
            "Indikator kinerja per predikat",
            data=lambda: per_predikat,
            grafik=grafik_kinerja.predikat_per_tahun,
            kolom=kosakata.kolom("tahun", "predikat", ("jumlah", "Jumlah indikator"), rincian="Sebab tanpa capaian"),
            keterangan="Indikator T-C.23 per tahun yang memiliki realisasi; rinciannya di halaman Kinerja. "
            + disamakan_kinerja,
            sumber="T-C.23 Pencapaian Kinerja Pelayanan",
            kunci="predikat",
            bagian="Predikat indikator",
        ),
        ui.Panel(
            "Tujuan dan sasaran dengan target indikatornya",
            data=lambda: state.sajikan(sajian.tujuan_sasaran),
            kolom=kosakata.kolom(
                "level",
                "no",
                ("uraian", "Tujuan / sasaran"),
                "indikator",
                "satuan",
                *((str(t), kosakata.Kolom(f"Target {t}", "angka")) for t in semua_tahun),
            ),
            keterangan="Renstra setelah perubahan (T-C.25).",
            sumber="T-C.25 Tujuan dan Sasaran Jangka Menengah Pelayanan PD (setelah perubahan)",
            kunci="tujuan-sasaran",
            bagian="Tujuan dan sasaran",
        ),
        ui.Panel(
            "Tabel dokumen yang dimuat",
            data=lambda: state.sajikan(sajian.daftar_tabel),
            kolom=kosakata.kolom(
                "tabel", judul="Judul", bagian="Bagian", jumlah_baris=kosakata.Kolom("Jumlah baris", "bulat")
            ),
            kunci="tabel-dimuat",
            bagian="Tabel dokumen",
        ),
    ]
)
