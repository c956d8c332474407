"""Kualitas data: the document's own inconsistencies found by the audit."""

import streamlit as st

import formatting as fmt
import kosakata
import state
import ui
from sajian import ringkasan

KEPARAHAN = ("galat", "peringatan", "info")

temuan = state.temuan()

st.header("Kualitas data")
st.markdown(
    "Temuan ini dihitung ulang dari angka dokumen sendiri (jumlah, rasio, kecocokan antartabel); "
    "tidak ada yang diisi atau diubah. **Galat**: angka tercetak bertentangan dengan hitungan ulang. "
    "**Peringatan**: angka perlu diperiksa (tidak terbaca, tidak cocok antartabel, di luar kewajaran). "
    "**Info**: catatan kecil."
)

jumlah = ringkasan.hitung_keparahan(temuan, KEPARAHAN)
for kolom, k in zip(st.columns(len(KEPARAHAN)), KEPARAHAN, strict=True):
    kolom.metric(k.capitalize(), fmt.angka(jumlah[k]))

pilih = st.multiselect(
    "Keparahan",
    KEPARAHAN,
    default=["galat", "peringatan"],
    format_func=str.capitalize,
    key="keparahan",
    bind="query-params",
)
tampil = temuan[temuan["keparahan"].isin(pilih)]
ui.tampilkan(
    [
        ui.Panel(
            "Temuan",
            data=lambda: tampil,
            kolom=kosakata.kolom(
                ("keparahan", "Keparahan"),
                "tabel",
                ("baris", kosakata.Kolom("Baris", "bulat")),
                "tahun",
                ("uraian", "Uraian"),
                ("jenis", "Jenis"),
                ("diharapkan", "Diharapkan"),
                ("ditemukan", "Ditemukan"),
                ("keterangan", "Keterangan"),
            ),
            sumber="audit_renstra() atas tabel-tabel Renstra",
            kosong="Tidak ada temuan dengan keparahan yang dipilih.",
            kunci="temuan",
        )
    ]
)
st.caption(
    "Kolom *baris* menghitung baris data tabel itu mulai dari 1 (setelah baris judul kolom dan baris nomor "
    "kolom), sama seperti di halaman Tabel dokumen; bukan nomor halaman PDF. *Teks dokumen* berarti angka "
    "di uraian, bukan di tabel."
)
