"""Kelurahan: the kelurahan side by side, and (with ?kelurahan=) one kelurahan's own profile."""

from functools import partial
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import formatting as fmt
import kosakata
import state
import ui
from grafik import gaya
from grafik import kelurahan as grafik
from grafik import peta as grafik_peta
from sajian import kelurahan as sajian
from sajian import pilihan
from sajian import profil as sajian_profil

semua_kelurahan = state.sajikan(pilihan.identitas)["kelurahan"]
tahun = int(ui.nilai_filter(ui.KUNCI_TAHUN, state.sajikan(pilihan.tahun_rencana)[-1]))
pilih = ui.nilai_filter(ui.KUNCI_KELURAHAN, ui.SEMUA)
pilih = pilih if pilih in semua_kelurahan else None
urutan = tuple(semua_kelurahan)
NAMA_PILIH = ui.literal(pilih) if pilih else ""
SEMUA_KELURAHAN = f"{sajian.bilangan(len(semua_kelurahan))} kelurahan"  # "enam kelurahan"

SUMBER_TC27 = f"{state.sajikan(sajian.sumber_tc27)}: baris yang menyebut kelurahan"
SUMBER_PEGAWAI = "Tabel 2.2.2 Jumlah pegawai per unit kerja"
TANPA_PEGAWAI = (
    ""
    if "2.2.2" in state.sajikan(sajian_profil.formulir_ada)
    else sajian_profil.pesan_tanpa_tabel(
        "2.2.2", "pegawai per unit kerja", "jumlah pegawai kantor kelurahan tidak dapat ditampilkan"
    )
)
KOLOM_PAGU = kosakata.kolom(
    "tahun", "kelurahan", "pagu", pangsa=kosakata.Kolom(f"Pangsa dari {SEMUA_KELURAHAN}", "persen")
)
KOLOM_JENIS = ("jenis", "Jenis kegiatan/sub kegiatan")
contoh = state.sajikan(sajian.contoh_jenis)

ui.judul(f"Kelurahan {NAMA_PILIH}" if pilih else "Kelurahan")
ui.pengantar(
    f"{SEMUA_KELURAHAN.capitalize()} berdampingan: peta, pagu, jenis kegiatan, target, dan pegawai"
    + (f"; Kelurahan {NAMA_PILIH} ditonjolkan." if pilih else ". Klik nama kelurahan di peta untuk profilnya."),
    cara=f"Angka pagu adalah jumlah baris T-C.27 yang menyebut kelurahan ({state.sajikan(sajian.tingkat_kelurahan)}); "
    "kegiatan tingkat kecamatan tidak dibagi ke kelurahan. "
    + (
        f"Kelurahan {NAMA_PILIH} ditonjolkan; kelurahan lain tetap tampil dengan warna pudar. "
        if pilih
        else "Pilih satu kelurahan di sidebar, atau klik namanya di peta, untuk melihat profilnya. "
    ),
)

# --- the map: the page opens on it (absent when the Renstra carries no kelurahan boundaries) ---------
batas = state.sajikan(sajian.peta)
PETA_GALAT = state.renstra().peta_galat
KUNCI_UKURAN = "ukuran"
KUNCI_PETA = "grafik-peta-kelurahan"
tersimpan = state.realisasi_tersimpan()


@st.cache_resource(show_spinner=False, max_entries=64)
def _gambar_peta(df: pd.DataFrame, _batas: Any, sidik: str, ukuran: str, jenis: str, judul: str,
                 sorot: str | None, besar: bool) -> go.Figure:  # fmt: skip
    """The map figure, built once per view (about 0,07 s to build; the chart call itself takes 5 ms).

    Shared, never changed after it is built (``st.plotly_chart`` only serialises it); ``sidik`` stands
    for the boundaries in the cache key.
    """
    fig = grafik_peta.peta(df, _batas, ukuran, jenis, judul, sorot=sorot)
    return gaya.besar(fig) if besar else fig


def _buka_profil() -> None:
    """A kelurahan clicked (or box-selected) on the map opens its profile: the page's kelurahan filter."""
    pilihan = st.session_state.get(KUNCI_PETA)
    titik = list(pilihan.selection.points) if pilihan is not None else []
    nama = next((p["customdata"][0] for p in titik if p.get("customdata")), None)
    if nama in semua_kelurahan:
        st.session_state[ui.KUNCI_KELURAHAN] = nama


def peta_kelurahan() -> None:
    """The choropleth of the chosen measure, a click opens a kelurahan; its table under it, as every chart's."""
    ukuran = ui.pilih(
        "Warna peta menurut", state.sajikan(sajian.ukuran_peta, tahun, tersimpan), KUNCI_UKURAN, jenis="tombol"
    )
    nama, jenis = sajian.UKURAN_PETA[ukuran]
    df = state.sajikan(sajian.nilai_peta, tahun, tersimpan)
    fig = _gambar_peta(df, batas, batas.sidik, ukuran, jenis, f"{nama} {tahun}", pilih, ui.presentasi())
    st.plotly_chart(
        fig, theme=None, key=KUNCI_PETA, on_select=_buka_profil, selection_mode=("points", "box", "lasso"),
        config={"displaylogo": False, "toImageButtonOptions": {"filename": "peta-kelurahan", "scale": 2}},
    )  # fmt: skip
    if not ui.presentasi():
        _tabel_peta(df)


def _tabel_peta(df: pd.DataFrame) -> None:
    """The map's table and .xlsx behind "Tabel: ..." as under every chart."""
    kolom = {c: k for c, k in KOLOM_PETA.items() if c not in ("capaian", "serapan") or df[c].notna().any()}
    ui.tabel_panel(
        ui.Panel(PANEL_PETA.judul, kolom=kolom, sumber=PANEL_PETA.sumber, kunci=PANEL_PETA.kunci), df, statis=True
    )


KOLOM_PETA = kosakata.kolom(
    "kelurahan",
    ("kode", "Kode Kemendagri"),
    ("pagu", f"Pagu {tahun} (Rp)"),
    pangsa=kosakata.Kolom(f"Pangsa dari {SEMUA_KELURAHAN}", "persen"),
    kegiatan=kosakata.Kolom("Kegiatan/sub kegiatan", "bulat"),
    **{k: kosakata.Kolom(n, j) for k, (n, j) in sajian.UKURAN_PETA.items() if k in ("capaian", "serapan")},
)
PANEL_PETA = ui.Panel(
    f"Peta kelurahan, {tahun}",
    isi=peta_kelurahan,
    keterangan="Warna: kelas nilai dari terang (kecil) ke gelap (besar), satu warna per kelas di legenda; "
    "abu-abu = tidak ada nilai. Klik nama kelurahan (atau pilih dengan kotak) untuk membuka profilnya. "
    "Pagu dan pangsa sama dengan grafik Pagu per kelurahan; capaian dan serapan muncul setelah realisasi "
    "tahun itu dilaporkan.",
    sumber=f"{SUMBER_TC27}; {ui.literal(batas.sumber or batas.berkas)}" if batas else "",
    kunci="peta-kelurahan",
)


def profil_singkat() -> None:
    """Three cards: the kelurahan's pagu and share in the chosen year, its staff, its rows in T-C.27."""
    pagu = state.sajikan(sajian.pagu_kelurahan, pilih).set_index("tahun")
    pegawai = state.sajikan(sajian.pegawai_per_kelurahan).set_index("kelurahan")
    rincian = state.sajikan(sajian.rincian_kelurahan, pilih, tahun)
    kiri, tengah, kanan = st.columns(3)
    if tahun in pagu.index:
        b = pagu.loc[tahun]
        kiri.metric(f"Pagu {tahun}", fmt.rupiah_ringkas(b["pagu"]), border=True)
        kiri.caption(f"{fmt.rupiah(b['pagu'])}; {fmt.persen(b['pangsa'])} dari jumlah {SEMUA_KELURAHAN}")
    else:
        kiri.metric(f"Pagu {tahun}", fmt.KOSONG, border=True)
        kiri.caption("Tidak ada baris T-C.27 tahun ini yang menyebut kelurahan ini.")
    if TANPA_PEGAWAI:
        tengah.metric("Pegawai kantor kelurahan", fmt.KOSONG, border=True)
        tengah.caption(TANPA_PEGAWAI)
    elif pilih in pegawai.index:
        p = pegawai.loc[pilih]
        tengah.metric("Pegawai kantor kelurahan", fmt.angka(p["jumlah"]), border=True)
        tengah.caption(f"Laki-laki {fmt.angka(p['laki_laki'])}, perempuan {fmt.angka(p['perempuan'])} (Tabel 2.2.2)")
    jumlah_item = rincian.drop_duplicates(["kode", "nama"]).shape[0] if not rincian.empty else 0
    kanan.metric(f"Kegiatan/sub kegiatan {tahun}", fmt.angka(jumlah_item), border=True)
    kanan.caption(f"{fmt.angka(len(rincian))} baris indikator di T-C.27")


panel: list[ui.Panel] = []
if batas is not None:
    panel.append(PANEL_PETA)
elif PETA_GALAT:
    panel.append(ui.Panel("Peta kelurahan", isi=lambda: st.warning(f"Peta tidak dapat digambar: {PETA_GALAT}")))
if pilih:
    panel += [
        ui.Panel(f"Sekilas Kelurahan {NAMA_PILIH}", isi=profil_singkat, kunci="sekilas"),
        ui.Panel(
            f"Pagu Kelurahan {NAMA_PILIH} per tahun",
            data=lambda: state.sajikan(sajian.pagu_kelurahan, pilih),
            grafik=partial(grafik.pagu_kelurahan, urutan=urutan),
            kolom=kosakata.kolom(
                *KOLOM_PAGU.items(),
                selisih=kosakata.Kolom("Perubahan dari tahun sebelumnya (Rp)", "rupiah"),
                persen=kosakata.Kolom("Perubahan (%)", "persen"),
            ),
            keterangan="Susunan kegiatan per kelurahan berbeda antartahun (lihat Pagu per jenis kegiatan), "
            "jadi naik-turunnya pagu sebagian mencerminkan perubahan susunan itu."
            if state.sajikan(sajian.susunan_berubah)
            else "",
            sumber=SUMBER_TC27,
            kunci="pagu-kelurahan",
            bagian="Pagu per tahun",
        ),
        ui.Panel(
            f"Kegiatan dan sub kegiatan Kelurahan {NAMA_PILIH}, {tahun}",
            data=lambda: state.sajikan(sajian.rincian_kelurahan, pilih, tahun),
            kolom=kosakata.kolom(
                "program",
                ("kegiatan", "Kegiatan"),
                "kode",
                ("nama", "Kegiatan/sub kegiatan (seperti tercetak)"),
                "indikator",
                "target",
                "satuan",
                "target_teks",
                "pagu",
                "catatan",
                "baris",
            ),
            keterangan="Satu baris per indikator, seperti di dokumen. Pagu kosong (–) bila dokumen mencetaknya "
            "sekali di baris indikator pertama; lihat kolom Catatan.",
            sumber=SUMBER_TC27,
            kosong=f"Tidak ada baris T-C.27 tahun {tahun} yang menyebut Kelurahan {NAMA_PILIH}.",
            kunci="rincian",
            bagian="Sub kegiatan",
        ),
    ]

panel += [
    ui.Panel(
        "Pagu per kelurahan per tahun",
        data=lambda: state.sajikan(sajian.pagu_per_tahun),
        grafik=partial(grafik.pagu_per_tahun, urutan=urutan, sorot=pilih),
        kolom=kosakata.kolom(*KOLOM_PAGU.items(), tak_terbaca=kosakata.Kolom("Baris pagu tak terbaca", "bulat")),
        keterangan="Satu warna per kelurahan, sama di semua grafik halaman ini. Pangsa = pagu kelurahan dibagi "
        f"jumlah pagu {SEMUA_KELURAHAN} tahun itu.",
        sumber=SUMBER_TC27,
        kunci="pagu-per-tahun",
        bagian=f"Pagu {SEMUA_KELURAHAN}",
    ),
    ui.Panel(
        f"Pagu per jenis kegiatan, {tahun}",
        data=lambda: state.sajikan(sajian.pagu_per_jenis, tahun),
        grafik=partial(grafik.pagu_per_jenis, urutan=urutan, sorot=pilih),
        # "baris" lists the printed rows of each jenis ("17, 23"), so it is text here.
        kolom=kosakata.kolom("kelurahan", KOLOM_JENIS, "kode", "pagu", ("baris", kosakata.Kolom("Baris tabel"))),
        keterangan="Jenis = nama kegiatan/sub kegiatan tanpa nama kelurahannya"
        + (f" (mis. '{ui.literal(contoh[0])}' menjadi '{ui.literal(contoh[1])}')" if contoh else "")
        + ". Angka di atas batang: jumlah semua jenis.",
        sumber=SUMBER_TC27,
        kosong=f"Tidak ada baris T-C.27 tahun {tahun} yang menyebut kelurahan.",
        kunci="pagu-per-jenis",
        bagian="Jenis sub kegiatan",
    ),
    ui.Panel(
        f"Target per kelurahan, {tahun}",
        data=lambda: state.sajikan(sajian.target_per_jenis, tahun),
        grafik=partial(grafik.target_per_jenis, urutan=urutan, sorot=pilih),
        kolom=kosakata.kolom(
            KOLOM_JENIS,
            "indikator",
            "kelurahan",
            "target",
            "satuan",
            ("target_persen", kosakata.Kolom("Persen tercetak di target", "persen")),
            "target_teks",
            "baris",
        ),
        keterangan="Satu kotak per jenis dan indikator; satuan yang berbeda tidak pernah dijumlah atau digabung "
        "dalam satu sumbu. Indikator yang dicetak sekali untuk beberapa baris kelurahan (sel gabungan) berlaku "
        "untuk semua baris itu; '(indikator tidak tercetak)' berarti tidak ada baris yang mencetaknya.",
        sumber=SUMBER_TC27,
        kosong=f"Tidak ada target tahun {tahun} untuk baris yang menyebut kelurahan.",
        kunci="target",
        bagian="Target",
    ),
    ui.Panel(
        "Pegawai per kelurahan",
        data=lambda: state.sajikan(sajian.pegawai_per_kelurahan),
        grafik=partial(grafik.pegawai_per_kelurahan, urutan=urutan, sorot=pilih),
        kolom=kosakata.kolom("kelurahan", "laki_laki", "perempuan", "jumlah", "jumlah_dokumen"),
        keterangan="Pegawai kantor kelurahan menurut Tabel 2.2.2 (tanpa kantor kecamatan; lihat halaman Profil "
        "kecamatan). Jumlah = laki-laki + perempuan; kolom 'Jumlah tercetak' adalah angka dokumen.",
        sumber=SUMBER_PEGAWAI,
        kosong=TANPA_PEGAWAI or ui.Panel.kosong,
        kunci="pegawai",
        bagian="Pegawai",
    ),
]

ui.tampilkan(panel)
