"""Profil kecamatan: staff composition (Tabel 2.2.1, 2.2.2) and assets with their condition (Tabel 2.2.3)."""

import re

import pandas as pd
import streamlit as st

import formatting as fmt
import kosakata
import state
import ui
from grafik import profil as grafik
from sajian import pilihan
from sajian import profil as sajian

ada = state.sajikan(sajian.formulir_ada)


def _sumber(formulir: str) -> str:
    """``Tabel 2.2.1`` and the title the Renstra prints for it (shown literally)."""
    return f"Tabel {formulir} {ui.literal(state.sajikan(sajian.judul_tabel, formulir))}".strip()


SUMBER_KOMPOSISI, SUMBER_UNIT, SUMBER_SARPRAS = _sumber("2.2.1"), _sumber("2.2.2"), _sumber("2.2.3")
TANPA_KOMPOSISI = sajian.pesan_tanpa_tabel(
    "2.2.1", "komposisi pegawai", "jumlah pegawai menurut jenis kelamin dan kriteria lain tidak dapat ditampilkan"
)
TANPA_UNIT = sajian.pesan_tanpa_tabel(
    "2.2.2", "pegawai per unit kerja", "pegawai per unit kerja tidak dapat ditampilkan"
)
TANPA_SARPRAS = sajian.pesan_tanpa_tabel(
    "2.2.3", "sarana dan prasarana kantor", "kondisi sarana dan prasarana tidak dapat ditampilkan"
)
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
contoh = state.sajikan(sajian.contoh_sarpras)
KETERANGAN_KONDISI = (
    "Dokumen mencetak jumlah barang dan keterangan"
    + (f" (mis. '{ui.literal(contoh['keterangan'])}')" if contoh["keterangan"] else "")
    + "; jumlah 'baik' = jumlah barang dikurangi yang disebut di keterangan. Setiap batang dalam satuan "
    "barangnya sendiri"
    + (f" ({ui.literal(', '.join(contoh['satuan']))})" if contoh["satuan"] else "")
    + ", jadi panjang batang antarbarang tidak setara."
)

ui.judul("Profil kecamatan")
ui.pengantar(
    f"Pegawai (Tabel 2.2.1, 2.2.2) serta sarana dan prasarana kantor (Tabel 2.2.3) "
    f"{ui.literal(state.sajikan(pilihan.identitas)['perangkat_daerah'])}, menurut bab 2 dokumen."
)


def jumlah_pegawai() -> None:
    """Cards with the tables' staff count, and the prose's different counts beside it."""
    if "2.2.1" not in ada:
        st.info(TANPA_KOMPOSISI)
        return
    ringkas = state.sajikan(sajian.ringkasan_pegawai).iloc[0]
    kiri, tengah, kanan, catatan = st.columns(4)
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
        # Beside the cards (not under them, so the first chart stays on the first screen); the quotes behind a click.
        tabel = (
            f"Tabel 2.2.1 dan 2.2.2 sama-sama mencatat {fmt.angka(ringkas['jumlah'])} orang"
            if ringkas["jumlah"] == ringkas["jumlah_unit"]
            else f"Tabel 2.2.1 mencatat {fmt.angka(ringkas['jumlah'])} orang "
            f"(Tabel 2.2.2: {fmt.angka(ringkas['jumlah_unit'])})"
        )
        lain = " dan ".join(f"{fmt.angka(n)} orang" for n in beda["nilai"])
        catatan.warning(f"Teks dokumen menyebut {lain}. {tabel}; dasbor memakai angka tabel.")
        with catatan.popover("Kutipan teks dokumen", width="stretch"):
            st.markdown(
                "; ".join(
                    f"{fmt.angka(k['nilai'])} orang di bagian {ui.literal(k['bagian'])} (“{ui.literal(k['teks'])}”)"
                    for _, k in beda.iterrows()
                )
                + ". Temuan ini juga ada di halaman Kualitas data."
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
        f"Pegawai menurut {ui.literal(nama.lower())}",
        data=lambda: state.sajikan(sajian.pegawai_menurut, nama),
        grafik=grafik.pegawai_jenis_kelamin,
        kolom=kosakata.kolom(("kategori", nama), *KOLOM_JK.items()),
        keterangan=keterangan,
        sumber=SUMBER_KOMPOSISI,
        kunci="pegawai-" + re.sub(r"[^a-z0-9]+", "-", nama.lower().split("(")[0]).strip("-"),
        bagian=ui.literal(nama.split("(")[0].strip()),
    )


total = state.sajikan(sajian.total_kriteria).set_index("kriteria")
semua = state.sajikan(sajian.ringkasan_pegawai)["jumlah"].iloc[0]
kriteria = [k for k in state.sajikan(sajian.kriteria) if k != sajian.KRITERIA_JENIS_KELAMIN]
kelompok = state.sajikan(sajian.kelompok_sarpras)

SARPRAS = "Sarana dan prasarana"


def _tanpa_tabel(judul: str, pesan: str, kunci: str, bagian: str) -> ui.Panel:
    """A section whose table the Renstra does not hold: its title and why it is empty."""
    return ui.Panel(judul, isi=lambda: st.info(pesan), kunci=kunci, bagian=bagian)


PANEL_UNIT = ui.Panel(
    "Pegawai per unit kerja",
    data=lambda: state.sajikan(sajian.pegawai_per_unit),
    grafik=grafik.pegawai_per_unit,
    kolom=kosakata.kolom(("unit_kerja", "Unit kerja"), *KOLOM_JK.items(), "jumlah_dokumen"),
    keterangan="Kantor kecamatan dan kantor kelurahan. Jumlah = laki-laki + perempuan; "
    "'Jumlah tercetak' adalah angka dokumen di baris yang sama.",
    sumber=SUMBER_UNIT,
    kunci="pegawai-unit",
    bagian="Unit kerja",
)
PANEL_SARPRAS = [
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
            f"Kondisi {ui.literal(k.lower())}",
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
panel = [
    ui.Panel("Jumlah pegawai", isi=jumlah_pegawai, kunci="jumlah-pegawai", kartu=True),
    *[_panel_kriteria(k) for k in kriteria],
    PANEL_UNIT if "2.2.2" in ada else _tanpa_tabel(PANEL_UNIT.judul, TANPA_UNIT, PANEL_UNIT.kunci, PANEL_UNIT.bagian),
    *(PANEL_SARPRAS if "2.2.3" in ada else [_tanpa_tabel(SARPRAS, TANPA_SARPRAS, "sarpras", SARPRAS)]),
]

ui.tampilkan(panel)
