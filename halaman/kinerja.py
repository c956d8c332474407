"""Kinerja: target, realisasi, capaian and predikat of the T-C.23 indicators; IKU targets (T-C.25/T-C.28)."""

import streamlit as st

import formatting as fmt
import kosakata
import metrics
import state
import ui
from grafik import kinerja as grafik_kinerja
from loaders.templat_renstra import teks_tahun as _teks_tahun
from sajian import kinerja, pilihan
from sajian import profil as sajian_profil
from sajian import realisasi as sajian_realisasi


def teks_tahun(tahun: list[int]) -> str:
    """``2016–2020`` (en dash, as this page writes spans) or ``2019, 2021``."""
    return _teks_tahun(tahun).replace("-", "–")


tahun = ui.nilai_filter(ui.KUNCI_TAHUN, state.sajikan(pilihan.tahun_rencana)[-1])
daftar = state.sajikan(kinerja.daftar_indikator)
info = state.sajikan(kinerja.konteks)
tahun_ada = info["tahun_realisasi"]
skala = metrics.skala_bawaan()
rentang_realisasi = teks_tahun(tahun_ada)
per_predikat = state.sajikan(kinerja.predikat_per_tahun)
# Years whose realisasi the document copied from the targets (from the data, for any Renstra).
tahun_disamakan = per_predikat.loc[per_predikat["realisasi_disamakan_target"].fillna(False).astype(bool), "tahun"]
catatan_disamakan = kosakata.catatan_realisasi_disamakan(tahun_disamakan, "capaian", "bertanda *")
if catatan_disamakan and info["nb_tc23"]:
    catatan_disamakan += f" ({ui.literal(info['nb_tc23'])})"
TANPA_TC23 = sajian_profil.pesan_tanpa_tabel(
    "T-C.23", "pencapaian kinerja pelayanan", "target, realisasi dan capaian indikatornya tidak dapat ditampilkan"
)
IKU = "/".join(info["formulir_iku"])  # "T-C.25/T-C.28"
SETELAH = " (setelah perubahan)" if info["direvisi"] else ""
tahun_dari_renstra = teks_tahun(info["tahun_target_renstra"])
dari_renstra = "/".join(info["formulir_target_renstra"])
pecahan = info["rasio_pecahan"]  # a ratio printed as a fraction (1,11 = 111 %), for the caption


def _tc23(*kalimat: str) -> str:
    """A caption about the T-C.23 charts: its sentences, none empty; "" when the Renstra has no T-C.23."""
    return " ".join(k for k in kalimat if k) if info["ada_tc23"] else ""


ui.judul("Kinerja")
ui.pengantar(
    (
        f"Target dan realisasi indikator kinerja pelayanan kecamatan (tabel T-C.23, {rentang_realisasi}), "
        "capaian dan predikatnya, "
        if info["ada_tc23"]
        else f"{TANPA_TC23} Halaman ini menampilkan capaian dari realisasi yang dilaporkan, "
    )
    + (f"serta target indikator tujuan dan sasaran Renstra ({IKU}, {teks_tahun(info['tahun_iku'])})" if IKU else "")
    + ".",
    cara=kinerja.cara_membaca(skala),
)

opsi = daftar["indikator"].tolist()
polaritas = dict(zip(daftar["indikator"], daftar["polaritas"], strict=True))
bawaan = opsi.index(daftar.loc[daftar["bawaan"], "indikator"].iloc[0]) if opsi else 0
PER_INDIKATOR = "Per indikator"
BAGIAN = [PER_INDIKATOR, "Capaian per tahun", "Predikat", "Target IKU"]
wadah = st.expander("Indikator", expanded=False) if ui.presentasi() and opsi else st.container()
label_indikator = {
    n: f"{n} ({grafik_kinerja.MAKIN_RENDAH})" if kinerja.lebih_rendah(polaritas.get(n)) else n for n in opsi
}
indikator = ui.pilih(
    "Indikator (T-C.23)",
    label_indikator,
    "indikator",
    bawaan=opsi[bawaan] if opsi else None,
    wadah=wadah,
    tampil=ui.presentasi() or ui.bagian_terbuka(BAGIAN) == PER_INDIKATOR,
    jenis="pil",
)

arah = f" ({grafik_kinerja.MAKIN_RENDAH})" if kinerja.lebih_rendah(polaritas.get(indikator)) else ""
kolom_capaian = kosakata.kolom(
    "indikator",
    "tahun",
    "satuan",
    "target",
    ("target_sumber", "Sumber target"),
    "realisasi",
    "capaian",
    "predikat",
    "catatan",
    capaian_dokumen=kosakata.Kolom("Rasio capaian tercetak di dokumen", "angka"),
)
tanpa_realisasi = (
    TANPA_TC23
    if not info["ada_tc23"]
    else f"Dokumen belum memuat realisasi untuk {tahun}. "
    + kosakata.catatan_realisasi_dokumen("T-C.23", ", ".join(str(t) for t in tahun_ada))
    + f" Capaian {tahun} dari dokumen {kosakata.TIDAK_DIHITUNG}; realisasi yang dilaporkan ada di panel berikut. "
    f"Target {tahun} indikator tujuan dan sasaran ada di panel *Target indikator tujuan dan sasaran*"
    + (f"; pilih tahun {tahun_ada[-1]} untuk melihat capaian." if tahun_ada else ".")
)

ui.tampilkan(
    [
        ui.Panel(
            f"Target dan realisasi: {ui.literal(indikator)}{arah}" if indikator else "Target dan realisasi indikator",
            data=lambda: state.sajikan(kinerja.riwayat_indikator, indikator, tahun),
            grafik=grafik_kinerja.riwayat,
            kolom=kolom_capaian,
            keterangan=_tc23(
                "Garis putus-putus = target; titik berwarna = realisasi menurut predikat capaiannya.",
                "Tahun tanpa realisasi: lingkaran kosong di target, bertanda *belum ada realisasi* (bukan 0).",
                f"Target {tahun_dari_renstra} diambil dari {dari_renstra} bila indikatornya bernama sama persis."
                if tahun_dari_renstra
                else "",
                f"Tahun {tahun} diarsir.",
                f"Rasio tercetak: beberapa sel dokumen mencetak pecahan ({fmt.angka(pecahan)} = "
                f"{fmt.persen(pecahan * 100, 0)})."
                if pecahan is not None
                else "",
            ),
            sumber="T-C.23 Pencapaian Kinerja Pelayanan"
            + (f"; target {tahun_dari_renstra} dari {dari_renstra}{SETELAH}" if tahun_dari_renstra else ""),
            kosong=TANPA_TC23 if not info["ada_tc23"] else ui.Panel.kosong,
            catatan=(_tc23(catatan_disamakan),),
            kunci="riwayat-indikator",
            bagian=PER_INDIKATOR,
        ),
        ui.Panel(
            f"Capaian per indikator, {tahun}",
            data=lambda: state.sajikan(kinerja.capaian_tahun, tahun),
            grafik=grafik_kinerja.capaian_tahun,
            kolom=kolom_capaian,
            keterangan=_tc23(
                "Batang diwarnai menurut predikat; garis putus-putus = 100 %.",
                "Indikator tanpa capaian tidak diberi batang; alasannya tertulis di barisnya.",
            ),
            sumber="T-C.23 Pencapaian Kinerja Pelayanan",
            kosong=tanpa_realisasi,
            kunci="capaian-tahun",
            bagian=BAGIAN[1],
        ),
        ui.Panel(
            f"Capaian indikator Renstra (T-C.27) {tahun}: realisasi yang dilaporkan",
            data=lambda: state.sajikan(sajian_realisasi.capaian_dilaporkan, tahun, state.realisasi_tersimpan()),
            grafik=grafik_kinerja.capaian_tahun,
            kolom=kosakata.kolom(
                "indikator",
                "kelurahan",
                "satuan",
                "target",
                "realisasi",
                "capaian",
                "predikat",
                alasan="Tanpa capaian karena",
            ),
            keterangan=(
                "Realisasi yang diisi petugas kecamatan dan kelurahan lewat halaman Isi Realisasi, dibandingkan "
                "dengan target T-C.27 dokumen; rumus capaian dan predikat sama dengan tahun dokumen."
            ),
            sumber=f"Target: T-C.27 tahun {tahun}; realisasi: unggahan Isi Realisasi (tersimpan berversi)",
            kosong=kosakata.catatan_tanpa_realisasi(tahun, "capaian", unggah="halaman Isi Realisasi"),
            kunci="capaian-dilaporkan",
            bagian=BAGIAN[1],
        ),
        ui.Panel(
            "Jumlah indikator per predikat per tahun",
            data=lambda: per_predikat,
            grafik=grafik_kinerja.predikat_per_tahun,
            kolom=kosakata.kolom("tahun", "predikat", ("jumlah", "Jumlah indikator"), rincian="Sebab tanpa capaian"),
            keterangan=_tc23(f"Indikator T-C.23, tahun yang memiliki realisasi ({rentang_realisasi})."),
            catatan=(_tc23(catatan_disamakan),),
            sumber="T-C.23 Pencapaian Kinerja Pelayanan",
            kosong=TANPA_TC23 if not info["ada_tc23"] else ui.Panel.kosong,
            kunci="predikat-per-tahun",
            bagian=BAGIAN[2],
        ),
        ui.Panel(
            f"Target indikator tujuan dan sasaran{' (Renstra setelah perubahan)' if SETELAH else ''}",
            data=lambda: state.sajikan(kinerja.target_iku),
            grafik=grafik_kinerja.target_iku,
            kolom=kosakata.kolom("level", "tujuan", "sasaran", "indikator", "tahun", "target", "satuan", "sumber"),
            keterangan=(
                "Indikator kinerja utama tujuan dan sasaran, target per tahun. Realisasinya belum dimuat "
                "dokumen, jadi capaiannya belum dapat dihitung."
            ),
            sumber=f"{' dan '.join(info['formulir_iku'])}{SETELAH}",
            kunci="target-iku",
            bagian=BAGIAN[3],
        ),
        ui.Panel(  # last: a slide of its own after the others (their numbers unchanged)
            f"Kemajuan dalam tahun {tahun}: realisasi per triwulan",
            data=lambda: state.sajikan(kinerja.kemajuan_triwulan, tahun, state.triwulan_tersimpan()),
            kolom=kinerja.KOLOM_KEMAJUAN,
            keterangan=kinerja.KETERANGAN_KEMAJUAN,
            sumber=f"Target dan pagu: T-C.27 tahun {tahun}; realisasi: unggahan triwulan Isi Realisasi",
            kosong=f"Belum ada realisasi triwulan {tahun} yang dilaporkan lewat halaman Isi Realisasi.",
            kunci="kemajuan-triwulan",
            bagian=BAGIAN[1],
        ),
    ]
)
