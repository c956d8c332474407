"""Ringkasan: the Renstra at a glance (pagu per year and per program, serapan, tujuan and sasaran).

Every note about the document (its tables, years, code schemes) is read from the Renstra being
served; a panel on a table it does not print (T-C.23, T-C.24) says so instead of a chart.
"""

from functools import partial
from typing import Any

import streamlit as st

import formatting as fmt
import kosakata
import state
import ui
from grafik import kinerja as grafik_kinerja
from grafik import peta as grafik_peta
from grafik import ringkasan as grafik
from sajian import anggaran as sajian_anggaran
from sajian import kelurahan as sajian_kelurahan
from sajian import kinerja, pilihan
from sajian import realisasi as sajian_realisasi
from sajian import ringkasan as sajian

r = state.sajikan(pilihan.identitas)
semua_tahun = state.sajikan(pilihan.tahun_rencana)
tahun = int(ui.nilai_filter(ui.KUNCI_TAHUN, semua_tahun[-1]))
per_predikat = state.sajikan(kinerja.predikat_per_tahun)
serapan_tahunan = state.sajikan(sajian.serapan_per_tahun)
keadaan = state.sajikan(sajian_anggaran.keadaan_rencana)
sasaran = state.sajikan(sajian.keadaan_tujuan_sasaran)
ada_tabel = {kode: state.sajikan(sajian_anggaran.ada_tabel, kode) for kode in ("T-C.23", "T-C.24")}
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
    f"**{ui.literal(r['judul'])}**",
    cara=(f"**Visi:** {ui.literal(r['visi'])}\n\n" if r["visi"] else "")
    + "Semua angka berasal dari tabel dokumen; yang tidak terbaca di dokumen ditandai, tidak ditebak.",
    label="Visi dan cara membaca" if r["visi"] else "",
)


def _kartu_pagu(wadah: Any) -> None:
    pagu = state.sajikan(sajian.pagu_per_tahun).set_index("tahun")
    if tahun in pagu.index:
        baris = pagu.loc[tahun]
        wadah.metric(f"Pagu indikatif {tahun}", fmt.rupiah_ringkas(baris["pagu"]), border=True)
        wadah.caption(fmt.rupiah(baris["pagu"]) + (f"; {baris['catatan']}" if baris["catatan"] else ""))


def _kartu_serapan(wadah: Any) -> None:
    """The latest serapan: reported through Isi Realisasi when newer than T-C.24's, else T-C.24's, else why none."""
    serapan = serapan_tahunan.set_index("tahun")
    terakhir = state.sajikan(sajian.tahun_realisasi_terakhir)
    dilaporkan = state.sajikan(sajian_realisasi.serapan_terakhir, state.realisasi_tersimpan())
    if dilaporkan is not None and (terakhir is None or dilaporkan["tahun"] > terakhir):
        wadah.metric(f"Serapan anggaran {dilaporkan['tahun']}", fmt.persen(dilaporkan["serapan"]), border=True)
        wadah.caption(
            f"Realisasi {fmt.rupiah(dilaporkan['realisasi'])} dari pagu {fmt.rupiah(dilaporkan['pagu'])} "
            f"({fmt.angka(dilaporkan['baris'])} baris T-C.27 yang dilaporkan lewat Isi Realisasi)"
        )
    elif terakhir is not None and terakhir in serapan.index:
        s = serapan.loc[terakhir]
        wadah.metric(f"Serapan anggaran {terakhir}", fmt.persen(s["serapan"]), border=True)
        wadah.caption(
            f"Realisasi {fmt.rupiah(s['realisasi'])} dari anggaran {fmt.rupiah(s['anggaran'])} "
            f"({fmt.angka(s['program'])} program T-C.24 yang mencetak keduanya)"
        )
    else:
        wadah.metric("Serapan anggaran", fmt.KOSONG, border=True)
        wadah.caption(
            ("Renstra ini tidak memuat T-C.24" if not ada_tabel["T-C.24"] else "Dokumen tidak mencetak realisasi")
            + ", dan belum ada realisasi anggaran yang dilaporkan lewat Isi Realisasi."
        )


def _kartu_program(wadah: Any) -> None:
    program = state.sajikan(sajian.pagu_program_tahun, tahun)
    wadah.metric(f"Program {tahun}", fmt.angka(len(program)), border=True)
    if not program.empty:
        terbesar = ui.literal(program["program"].iloc[0])
        wadah.caption(f"Terbesar: {terbesar} ({fmt.rupiah_ringkas(program['pagu'].iloc[0])})")


def _kartu_predikat(wadah: Any) -> None:
    """Indicators with a predikat in the latest year of T-C.23, else why none."""
    if per_predikat.empty:
        wadah.metric("Indikator berpredikat", fmt.KOSONG, border=True)
        wadah.caption(
            "Renstra ini tidak memuat T-C.23 (Pencapaian Kinerja Pelayanan)"
            if not ada_tabel["T-C.23"]
            else "Belum ada indikator T-C.23 dengan realisasi."
        )
        return
    t = int(per_predikat["tahun"].max())
    d = per_predikat[per_predikat["tahun"].eq(t)]
    ada = d[d["jumlah"].gt(0)]
    berpredikat = int(d.loc[d["predikat"].ne(kinerja.TANPA_PREDIKAT), "jumlah"].sum())
    wadah.metric(
        f"Indikator berpredikat {t}", f"{fmt.angka(berpredikat)} dari {fmt.angka(int(d['jumlah'].sum()))}", border=True
    )
    wadah.caption(" · ".join(f"{b.predikat} {fmt.angka(b.jumlah)}" for b in ada.itertuples(index=False)))


def sekilas() -> None:
    for kartu, wadah in zip((_kartu_pagu, _kartu_serapan, _kartu_program, _kartu_predikat), st.columns(4), strict=True):
        kartu(wadah)
    tw = state.sajikan(sajian.triwulan_terakhir, state.triwulan_tersimpan())
    if tw:
        st.caption(
            f"Triwulan terakhir yang dilaporkan: triwulan {tw['romawi']} {tw['tahun']} ({fmt.angka(tw['baris'])} "
            "baris T-C.27, lewat Isi Realisasi); kemajuan dalam tahunnya ada di halaman Kinerja."
        )


def kosong(kode: str, apa: str) -> str:
    """A panel's message when it has no rows: the table is not in this Renstra, or nothing to show."""
    return "Tidak ada data untuk pilihan ini." if ada_tabel[kode] else sajian_anggaran.pesan_tanpa_tabel(kode, apa)


def sumber(kode: str, judul: str | None = None) -> str:
    """``T-C.24 <the document's title of it>``, the title shown literally; "" when the Renstra has no such table."""
    judul = state.sajikan(sajian_anggaran.judul_tabel, kode) if judul is None else judul
    return f"{kode} {ui.literal(judul)}" if judul else ""


JUMLAH_PROGRAM = kosakata.Kolom("Jumlah program", "bulat")


def _panel_peta() -> list[ui.Panel]:
    """A small map of the kelurahan pagu in the year (the Kelurahan page's map); none without boundaries."""
    batas = state.sajikan(sajian_kelurahan.peta)
    if batas is None:
        return []
    return [
        ui.Panel(
            f"Pagu per kelurahan {tahun}",
            data=lambda: state.sajikan(sajian_kelurahan.nilai_peta, tahun),
            grafik=partial(
                grafik_peta.peta,
                batas=batas,
                kolom="pagu",
                jenis="rupiah",
                judul=f"Pagu {tahun}",
                tinggi=grafik_peta.TINGGI_KECIL,
            ),  # fmt: skip
            kolom=kosakata.kolom("kelurahan", ("kode", "Kode Kemendagri"), "pagu"),
            keterangan="Pagu baris T-C.27 yang menyebut kelurahan, seperti di halaman Kelurahan (peta lengkapnya, "
            "dengan pangsa dan jumlah kegiatan, ada di sana). Warna: terang = kecil, gelap = besar.",
            sumber=f"T-C.27, tahun {tahun}; {ui.literal(batas.sumber or batas.berkas)}",
            kunci="peta-kelurahan",
            bagian="Peta kelurahan",
        )
    ]


ui.tampilkan(
    [
        ui.Panel(f"Sekilas {tahun}", isi=sekilas, kunci="sekilas", kartu=True),
        ui.Panel(
            "Pagu indikatif per tahun",
            data=lambda: state.sajikan(sajian.pagu_per_tahun),
            grafik=grafik.pagu_per_tahun,
            kolom=kosakata.kolom("tahun", "pagu", ("program", JUMLAH_PROGRAM), "catatan"),
            keterangan="Jumlah pagu program di T-C.27 per tahun. Batang bergaris: untuk sebagian program, "
            f"{kosakata.jumlah_rincian()} (kegiatan/sub kegiatan; lihat Kualitas data).",
            sumber=keadaan["sumber"],
            kunci="pagu-per-tahun",
            bagian="Pagu per tahun",
        ),
        ui.Panel(
            f"Pagu per program {tahun}",
            data=lambda: state.sajikan(sajian.pagu_program_tahun, tahun),
            grafik=grafik.pagu_program,
            kolom=kosakata.kolom(("kunci", "Kode"), "program", "pagu", "dasar"),
            keterangan=f"{keadaan['program_tanpa_kode']}: tidak dipetakan ke kode baru."
            if keadaan["program_tanpa_kode"]
            else "",
            sumber=f"T-C.27, tahun {tahun}",
            kunci="pagu-program",
            bagian="Pagu per program",
        ),
        *_panel_peta(),
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
            keterangan="Jumlah realisasi ÷ jumlah anggaran program yang mencetak keduanya di T-C.24."
            if ada_tabel["T-C.24"]
            else "",
            catatan=(disamakan_serapan,) if ada_tabel["T-C.24"] else (),
            kosong=kosong("T-C.24", "serapan anggaran per tahun"),
            sumber=sumber("T-C.24"),
            kunci="serapan",
            bagian="Serapan",
        ),
        ui.Panel(
            "Indikator kinerja per predikat",
            data=lambda: per_predikat,
            grafik=grafik_kinerja.predikat_per_tahun,
            kolom=kosakata.kolom("tahun", "predikat", ("jumlah", "Jumlah indikator"), rincian="Sebab tanpa capaian"),
            keterangan="Indikator T-C.23 per tahun yang memiliki realisasi; rinciannya di halaman Kinerja."
            if ada_tabel["T-C.23"]
            else "",
            catatan=(disamakan_kinerja,) if ada_tabel["T-C.23"] else (),
            kosong=kosong("T-C.23", "jumlah indikator kinerja per predikat"),
            sumber=sumber("T-C.23"),
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
                *((str(t), kosakata.Kolom(f"Target {t}", "angka")) for t in sasaran["tahun"]),
            ),
            keterangan="Renstra setelah perubahan." if sasaran["berubah"] else "",
            sumber=sumber(sasaran["formulir"], sasaran["judul"]),
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
