"""Profil kecamatan: staff composition (Tabel 2.2.1, 2.2.2) and assets with their condition (Tabel 2.2.3)."""

import re

import pandas as pd
import streamlit as st

import formatting as fmt
import kosakata
import state
import ui
from grafik import profil as grafik
from sajian import profil as sajian

SUMBER_KOMPOSISI = "Tabel 2.2.1 Komposisi pegawai Kecamatan Wonoasih"
SUMBER_UNIT = "Tabel 2.2.2 Jumlah pegawai per unit kerja"
SUMBER_SARPRAS = "Tabel 2.2.3 Sarana dan Prasarana Kantor Kecamatan Wonoasih (Data Simda BMD September 2021)"
KOLOM_JK = kosakata.kolom("laki_laki", "perempuan", "jumlah")
KOLOM_SARPRAS = kosakata.kolom(
    ("kelompok", "Kelompok"),
    ("nama", "Barang"),
    "jumlah",
    "satuan",
    baik=kosakata.Kolom("Baik", "bulat"),
    kurang_baik=kosakata.Kolom("Kurang baik", "bulat"),
    rusak=kosakata.Kolom("Rusak", "bulat"),
    rusak_berat=kosakata.Kolom("Rusak berat", "bulat"),
    keterangan="Keterangan tercetak",
)
KETERANGAN_KONDISI = (
    "Dokumen mencetak jumlah barang dan keterangan (mis. '7 buah kurang baik, 1 buah rusak berat'); "
    "jumlah 'baik' = jumlah barang dikurangi yang disebut di keterangan. Setiap batang dalam satuan "
    "barangnya sendiri (buah, unit, set, lokal), jadi panjang batang antarbarang tidak setara."
)

ui.judul("Profil kecamatan")
ui.pengantar(
    "Sumber daya Kecamatan Wonoasih menurut bab 2 dokumen: komposisi pegawai (Tabel 2.2.1), pegawai per unit "
    "kerja (Tabel 2.2.2), serta sarana dan prasarana kantor beserta kondisinya (Tabel 2.2.3)."
)


def jumlah_pegawai() -> None:
    """Cards with the tables' staff count, and the prose's different counts beside it."""
    ringkas = state.sajikan(sajian.ringkasan_pegawai).iloc[0]
    kiri, tengah, kanan = st.columns(3)
    kiri.metric("Jumlah pegawai", fmt.angka(ringkas["jumlah"]), border=True)
    kiri.caption(
        f"Tabel 2.2.1 (menurut jenis kelamin); total tercetak {fmt.angka(ringkas['total_dokumen'])}, "
        f"Tabel 2.2.2 mencetak {fmt.angka(ringkas['jumlah_unit'])}"
    )
    tengah.metric("Laki-laki", fmt.angka(ringkas["laki_laki"]), border=True)
    kanan.metric("Perempuan", fmt.angka(ringkas["perempuan"]), border=True)
    klaim = state.sajikan(sajian.klaim_pegawai)
    beda = klaim[klaim["selisih"].fillna(0) != 0]
    if not beda.empty:
        daftar = "; ".join(
            f"{fmt.angka(k['nilai'])} orang di bagian {k['bagian']} (“{k['teks']}”)" for _, k in beda.iterrows()
        )
        tabel = (
            f"Tabel 2.2.1 dan 2.2.2 sama-sama mencatat {fmt.angka(ringkas['jumlah'])} orang"
            if ringkas["jumlah"] == ringkas["jumlah_unit"]
            else f"Tabel 2.2.1 mencatat {fmt.angka(ringkas['jumlah'])} orang "
            f"(Tabel 2.2.2: {fmt.angka(ringkas['jumlah_unit'])})"
        )
        st.warning(
            f"Teks dokumen menyebut jumlah pegawai yang lain: {daftar}. {tabel}; dasbor memakai angka tabel. "
            "Temuan ini juga ada di halaman Kualitas data.",
            icon=":material/warning:",
        )


def _panel_kriteria(nama: str) -> ui.Panel:
    """One criterion of Tabel 2.2.1 (pendidikan, pangkat/golongan, ...) as bars split by jenis kelamin."""
    t = total.loc[nama] if nama in total.index else None
    keterangan = (
        f"Jumlah menurut kriteria ini: {fmt.angka(t['jumlah'])} orang (total tercetak {fmt.angka(t['total_dokumen'])})."
        if t is not None
        else ""
    )
    if t is not None and pd.notna(t["jumlah"]) and pd.notna(semua) and t["jumlah"] != semua:
        keterangan += f" Kriteria ini tidak mencakup seluruh {fmt.angka(semua)} pegawai."
    return ui.Panel(
        f"Pegawai menurut {nama.lower()}",
        data=lambda: state.sajikan(sajian.pegawai_menurut, nama),
        grafik=grafik.pegawai_jenis_kelamin,
        kolom=kosakata.kolom(("kategori", nama), *KOLOM_JK.items()),
        keterangan=keterangan,
        sumber=SUMBER_KOMPOSISI,
        kunci="pegawai-" + re.sub(r"[^a-z0-9]+", "-", nama.lower().split("(")[0]).strip("-"),
        bagian=nama.split("(")[0].strip(),
    )


total = state.sajikan(sajian.total_kriteria).set_index("kriteria")
semua = state.sajikan(sajian.ringkasan_pegawai)["jumlah"].iloc[0]
kriteria = [k for k in state.sajikan(sajian.kriteria) if k != sajian.KRITERIA_JENIS_KELAMIN]
kelompok = state.sajikan(sajian.kelompok_sarpras)

SARPRAS = "Sarana dan prasarana"
panel = [
    ui.Panel("Jumlah pegawai", isi=jumlah_pegawai, kunci="jumlah-pegawai"),
    *[_panel_kriteria(k) for k in kriteria],
    ui.Panel(
        "Pegawai per unit kerja",
        data=lambda: state.sajikan(sajian.pegawai_per_unit),
        grafik=grafik.pegawai_per_unit,
        kolom=kosakata.kolom(("unit_kerja", "Unit kerja"), *KOLOM_JK.items(), "jumlah_dokumen"),
        keterangan="Kantor kecamatan dan enam kantor kelurahan. Jumlah = laki-laki + perempuan; "
        "'Jumlah tercetak' adalah angka dokumen di baris yang sama.",
        sumber=SUMBER_UNIT,
        kunci="pegawai-unit",
        bagian="Unit kerja",
    ),
    ui.Panel(
        "Barang yang tidak seluruhnya baik",
        data=lambda: state.sajikan(sajian.sarpras, "", True),
        grafik=grafik.sarpras_kondisi,
        kolom=KOLOM_SARPRAS,
        keterangan=KETERANGAN_KONDISI,
        sumber=SUMBER_SARPRAS,
        kosong="Semua sarana dan prasarana tercatat dalam kondisi baik.",
        kunci="sarpras-tidak-baik",
        bagian=SARPRAS,
    ),
    *[
        ui.Panel(
            f"Kondisi {k.lower()}",
            data=lambda k=k: state.sajikan(sajian.sarpras, k),
            grafik=grafik.sarpras_kondisi,
            kolom=KOLOM_SARPRAS,
            keterangan=KETERANGAN_KONDISI,
            sumber=SUMBER_SARPRAS,
            kunci=f"sarpras-{k.lower()}",
            bagian=SARPRAS,
        )
        for k in kelompok
    ],
]

ui.tampilkan(panel)
