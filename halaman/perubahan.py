"""Perubahan Renstra: what the revision changed in T-C.25 and T-C.28, sebelum beside sesudah.

A Renstra printed in one version only (never revised) has nothing to compare: the page says so.
"""

import streamlit as st

import kosakata
import state
import ui
from grafik import perubahan as grafik_perubahan
from sajian import perubahan as sajian_perubahan

KUNCI_INDIKATOR = "indikator"
BAGIAN = ["Ringkasan perubahan", "Daftar perubahan", "Sebelum vs sesudah"]
SEBELUM_SESUDAH = BAGIAN[2]


def _pilih_indikator(opsi: dict[str, str]) -> str | None:
    """The indicator of the sebelum vs sesudah chart; in presentation mode the picker folds away (as on Kinerja)."""
    if not opsi:
        return None
    wadah = st.expander("Pilih indikator", expanded=False) if ui.presentasi() else st.container()
    return ui.pilih(
        "Indikator untuk grafik sebelum vs sesudah",
        opsi,
        KUNCI_INDIKATOR,
        wadah=wadah,
        tampil=ui.presentasi() or ui.bagian_terbuka(BAGIAN) == SEBELUM_SESUDAH,
    )


def _panel(formulir: list[str], sumber: str) -> list[ui.Panel]:
    opsi = state.sajikan(sajian_perubahan.indikator_berubah)
    indikator = _pilih_indikator(opsi)
    judul_indikator = ui.literal(opsi.get(indikator, "")) if indikator else ""
    return [
        ui.Panel(
            "Jumlah perubahan menurut jenis",
            data=lambda: state.sajikan(sajian_perubahan.ringkasan_perubahan),
            grafik=grafik_perubahan.ringkasan,
            kolom=kosakata.kolom("jenis_perubahan", "formulir", "jumlah"),
            keterangan="Setiap jenis perubahan ditampilkan, juga yang jumlahnya 0."
            + (
                f" Indikator yang sama tercetak di {' dan '.join(formulir)}, jadi satu perubahan dapat terhitung di "
                "kedua formulir."
                if len(formulir) > 1
                else ""
            ),
            sumber=sumber,
            kunci="jumlah-perubahan",
            bagian=BAGIAN[0],
        ),
        ui.Panel(
            "Sebelum | sesudah: setiap perubahan",
            data=lambda: state.sajikan(sajian_perubahan.daftar_perubahan),
            kolom=kosakata.kolom(
                "formulir",
                "jenis_perubahan",
                "tahun",
                "sebelum",
                "sesudah",
                "level",
                "no",
                "indikator",
                nilai_tercetak="Nilai indikator yang ditambah/dihapus (tercetak)",
            ),
            keterangan="Teks dan angka seperti tercetak. Untuk indikator yang dihapus atau ditambah, kolom terakhir "
            "memuat nilai-nilainya di versi yang memuatnya.",
            sumber=sumber,
            kosong="Tidak ada perubahan antara versi sebelum dan sesudah.",
            kunci="daftar-perubahan",
            bagian=BAGIAN[1],
        ),
        ui.Panel(
            f"Nilai sebelum vs sesudah: {judul_indikator}" if judul_indikator else "Nilai sebelum vs sesudah",
            data=(lambda: state.sajikan(sajian_perubahan.nilai_sebelum_sesudah, indikator)) if indikator else None,
            grafik=grafik_perubahan.sebelum_sesudah,
            kolom=kosakata.kolom(
                ("titik", "Kolom"),
                ("versi", "Versi"),
                ("nilai", kosakata.Kolom("Nilai", "angka")),
                ("teks", "Tercetak"),
                "satuan",
            ),
            keterangan="Garis putus-putus: sebelum perubahan; garis utuh: sesudah. Titik yang berubah diberi label "
            '"lama → baru". Hanya indikator yang ada di kedua versi dan angkanya berubah.'
            if indikator
            else "Tidak ada indikator yang ada di kedua versi dengan angka yang berubah: target, kondisi awal dan "
            "kondisi akhir sama sebelum dan sesudah perubahan.",
            sumber=sumber,
            kunci="nilai-sebelum-sesudah",
            bagian=SEBELUM_SESUDAH,
        ),
    ]


ui.judul("Perubahan Renstra")
tanpa_pembanding = state.sajikan(sajian_perubahan.pesan_tanpa_pembanding)
if tanpa_pembanding:
    st.info(tanpa_pembanding)
    ui.tanpa_bagian()
else:
    formulir = state.sajikan(sajian_perubahan.formulir_dibandingkan)
    ui.pengantar(
        "Apa yang diubah oleh Perubahan Renstra: indikator yang ditambah atau dihapus, nama tujuan/sasaran/"
        "indikator yang diganti, serta target dan kondisi awal/akhir yang angkanya berubah.",
        cara=state.sajikan(sajian_perubahan.cara_membaca),
    )
    ui.tampilkan(_panel(formulir, state.sajikan(sajian_perubahan.sumber)))
