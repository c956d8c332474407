"""Evaluasi Renstra: capaian against serapan (quadrant) and the end-of-period review."""

import pandas as pd
import streamlit as st

import ekspor
import formatting as fmt
import kosakata
import state
import ui
from grafik import evaluasi as grafik_evaluasi
from musrenbang import evaluasi as musrenbang_evaluasi
from musrenbang import isi as musrenbang_isi
from sajian import e80, evaluasi, pilihan

tahun = int(ui.nilai_filter(ui.KUNCI_TAHUN, state.sajikan(pilihan.tahun_rencana)[-1]))
akun = st.session_state.get(ui.KUNCI_AKUN)
kelurahan = akun.kelurahan if akun is not None and getattr(akun, "peran", "") == "kelurahan" else None
tersimpan = state.realisasi_tersimpan()
periode = state.sajikan(evaluasi.status_periode, musrenbang_isi.hari_ini())
batas, nama_batas = evaluasi.ambang(), evaluasi.nama_ambang()
tahun_lapor = state.sajikan(evaluasi.tahun_dilaporkan, tersimpan)
FORMULIR, EFISIENSI, TINJAUAN = "Formulir E.80", "Capaian dan serapan", "Tinjauan akhir periode"
BAGIAN = [FORMULIR, EFISIENSI, TINJAUAN]
terbuka = ui.bagian_terbuka(BAGIAN)
wilayah = f" Kelurahan {ui.literal(kelurahan)}" if kelurahan else ""

ui.judul("Evaluasi Renstra")
ui.pengantar(
    f"Formulir E.80{wilayah} siap cetak, capaian kinerja lawan serapan anggaran per baris T-C.27, dan tinjauan "
    f"akhir periode {periode['awal']}-{periode['akhir']}."
)
tahun_form = state.sajikan(e80.tahun_form)
buka_formulir = not ui.presentasi() and terbuka == FORMULIR
kiri, tengah, kanan = st.columns([1, 1, 2]) if buka_formulir else (None, None, None)
dari = ui.pilih("Dari tahun", tahun_form, "dari", wadah=kiri, tampil=buka_formulir)
sampai = ui.pilih("Sampai tahun", tahun_form, "sampai", bawaan=tahun_form[-1], wadah=tengah, tampil=buka_formulir)
dari, sampai = min(dari, sampai), max(dari, sampai)
label_program = state.sajikan(pilihan.program)
program = ui.pilih(
    "Program", {ui.SEMUA: "Semua program", **label_program}, ui.KUNCI_PROGRAM, wadah=kanan, tampil=buka_formulir
)
tingkat = ui.pilih(
    "Tingkat",
    evaluasi.TINGKAT,
    "tingkat",
    tampil=not ui.presentasi() and terbuka == EFISIENSI and bool(tahun_lapor),
    jenis="tombol",
)
KOLOM_EFISIENSI = kosakata.kolom(
    "tahun", ("tingkat", "Tingkat"), "kode", "nama", "kelurahan", "program", "pagu", ("realisasi", kosakata.REALISASI_RP),
    "capaian", "serapan", ("kuadran", "Kuadran"), ("jumlah", kosakata.Kolom("Jumlah indikator/rincian", "bulat")),
    "catatan",
)  # fmt: skip
belum = kosakata.catatan_tanpa_realisasi(
    tahun, "capaian dan serapan", wilayah=wilayah.strip(), unggah="halaman Isi Realisasi"
) + (f" Tahun yang sudah dilaporkan: {', '.join(map(str, tahun_lapor))}." if tahun_lapor else "")
KOLOM_TINJAUAN = kosakata.kolom(
    "sumber", "kode", "indikator", "kelurahan", "satuan", ("tahun_target", "Tahun target akhir"),
    ("target_akhir", kosakata.Kolom("Target akhir", "angka")), ("tahun_realisasi", "Tahun realisasi terakhir"),
    ("realisasi_akhir", kosakata.Kolom("Realisasi terakhir", "angka")), "capaian", "predikat",
    ("tren", "Capaian per tahun"), ("arah", "Arah"), "catatan",
)  # fmt: skip
KOLOM_PROGRAM = kosakata.kolom(
    "sumber", "program", ("tahun", "Tahun"), ("pagu", "Pagu/anggaran seluruh tahun (Rp)"),
    ("pagu_dilaporkan", kosakata.Kolom("Pagu tahun yang dilaporkan (Rp)", "rupiah")),
    ("realisasi", kosakata.REALISASI_RP), "serapan",
)  # fmt: skip
berakhir = bool(periode["berakhir"])
belum_berakhir = (
    f"Periode {periode['awal']}-{periode['akhir']} belum berakhir; tinjauan akhir periode tersedia "
    f"mulai {int(periode['akhir']) + 1}."
    if periode["akhir"]
    else "Renstra ini tidak menyebut periodenya."
)


KOSONG = pd.DataFrame()
CARA_FORMULIR = (
    "Kolom seperti formulir E.80: target K (kinerja) dan Rp (pagu) dari T-C.27 (baris sasaran: T-C.25/T-C.28), "
    "realisasi dari Isi Realisasi (atau T-C.23/T-C.24 bila dokumen mencetaknya), **rasio K** = capaian dengan arah "
    "indikatornya, **rasio Rp** = serapan (realisasi ÷ pagu × 100). Sel tanpa angka tampil `–` dan nomor catatannya "
    "ada di kolom *Catatan*, tidak pernah 0. Unduhan .xlsx siap cetak (A4 mendatar, kepala tabel berulang, blok tanda "
    "tangan); PDF dibuat dari berkas yang sama."
)
CARA_EFISIENSI = (
    "**Capaian** = realisasi ÷ target × 100 (indikator *makin rendah makin baik*: (2 − realisasi ÷ target) × 100). "
    "**Serapan** = realisasi anggaran ÷ pagu × 100. "
    f"**Tinggi** berarti paling sedikit {fmt.persen(batas, 0)}, batas bawah predikat *{nama_batas}* "
    "(`settings/predikat.toml`), pada kedua sumbu; garis putus-putus menandai batas itu. Sub kegiatan dengan "
    "beberapa indikator memakai rata-rata capaiannya. Kegiatan dan program: rata-rata capaian rinciannya, serapan = "
    "jumlah realisasi ÷ jumlah pagu rincian yang melaporkan anggaran. Baris yang hanya punya salah satu angka ada di "
    "tabel, tidak di grafik (tidak pernah digambar di 0)."
)
CARA_TINJAUAN = (
    "**Target akhir** = target tahun terakhir yang tercetak untuk indikator itu (T-C.23, atau T-C.25/T-C.28 untuk "
    "indikator bernama sama, atau T-C.27). **Realisasi terakhir** = tahun terakhir yang mempunyai realisasi. "
    "**Capaian** = realisasi terakhir lawan target akhir, dengan arah indikatornya; **predikat** menurut "
    "`settings/predikat.toml`. Target 0 tidak diberi capaian (*Tanpa capaian*)."
)


def _formulir() -> None:
    """Form E.80 for the chosen years and program (a lurah: their kelurahan's lines), with its two downloads."""
    f = state.sajikan(e80.e80, tersimpan, (dari, sampai), None if program == ui.SEMUA else program, kelurahan)
    kolom = evaluasi.kolom_e80(f.kolom)
    st.caption(ui.literal(f.judul))
    tampil = fmt.tabel(f.tabel[list(kolom)], {c: k.jenis for c, k in kolom.items()})
    st.dataframe(
        tampil,
        hide_index=True,
        height=520,
        column_config={c: st.column_config.TextColumn(k.label) for c, k in kolom.items()},
    )
    if f.catatan:
        with st.expander("Catatan formulir"):
            st.markdown("\n".join(f"{i}. {ui.literal(t)}" for i, t in enumerate(f.catatan, start=1)))
    if ui.presentasi():
        return
    kiri, tengah, kanan = st.columns(3)
    tempat = kiri.text_input("Tempat", value=state.sajikan(evaluasi.tempat_bawaan), key="e80-tempat")
    nama = tengah.text_input(f"Nama {f.jabatan}".strip(), key="e80-nama")
    nip = kanan.text_input("NIP", key="e80-nip")
    berkas = ekspor.nama_berkas("e80", f"{f.tahun[0]}-{f.tahun[-1]}", kelurahan or "kecamatan").removesuffix(".xlsx")

    def xlsx() -> bytes:
        return ekspor.e80_xlsx(f, tempat, musrenbang_isi.hari_ini(), nama, nip)

    kiri, kanan = st.columns(2)
    kiri.download_button(
        "Unduh E.80 (.xlsx)", data=xlsx, file_name=f"{berkas}.xlsx", mime=ekspor.MIME_XLSX, on_click="ignore",
        icon=":material/table_view:", key="unduh-e80-xlsx", width="stretch",
    )  # fmt: skip
    _pdf(kanan, xlsx, berkas, (dari, sampai, program, kelurahan, tempat, nama, nip, state.gudang().versi_terakhir()))


def _unduh_tinjauan() -> None:
    """The whole review in one workbook (one sheet per part, as in the Musrenbang pack), built on click."""
    hari = musrenbang_isi.hari_ini()

    def buat() -> bytes:
        return musrenbang_evaluasi.buku_tinjauan(state.renstra(), tersimpan, state.riwayat_tersimpan(), hari)

    st.download_button(
        "Unduh tinjauan akhir periode (.xlsx)", data=buat, mime=ekspor.MIME_XLSX, on_click="ignore",
        file_name=ekspor.nama_berkas("tinjauan-akhir-periode", f"{periode['awal']}-{periode['akhir']}"),
        icon=":material/download:", key="unduh-tinjauan",
    )  # fmt: skip


KUNCI_PDF = "_pdf_e80"  # the PDF built for (years, program, kelurahan, signature, store version)


def _pdf(wadah, xlsx, berkas: str, kunci: tuple) -> None:
    """The PDF (LibreOffice, a few seconds) is rendered on request, then offered for download."""
    simpanan = st.session_state.get(KUNCI_PDF)
    if simpanan is None or simpanan[0] != kunci:
        if not wadah.button(
            "Siapkan E.80 (PDF)", icon=":material/picture_as_pdf:", key="siapkan-e80-pdf", width="stretch"
        ):
            return
        try:
            with st.spinner("Menyusun PDF E.80…"):
                simpanan = (kunci, ekspor.xlsx_ke_pdf(xlsx()))
        except ekspor.EksporGagal as e:
            wadah.error(str(e))
            return
        st.session_state[KUNCI_PDF] = simpanan
    wadah.download_button(
        "Unduh E.80 (PDF)", data=simpanan[1], file_name=f"{berkas}.pdf", mime="application/pdf", on_click="ignore",
        icon=":material/picture_as_pdf:", key="unduh-e80-pdf", width="stretch",
    )  # fmt: skip


def _tinjauan(dilaporkan: bool) -> pd.DataFrame:
    """The review's indicators that were (not) reported; empty while the periode runs."""
    if not berakhir:
        return KOSONG
    d = state.sajikan(evaluasi.tinjauan_indikator, tersimpan)
    return d[d["dilaporkan"].fillna(False).astype(bool) == dilaporkan]


ui.tampilkan(
    [
        ui.Panel(
            f"Formulir E.80, {dari}-{sampai}" if dari != sampai else f"Formulir E.80, {dari}",
            isi=_formulir,
            keterangan="Evaluasi terhadap Hasil Renstra Perangkat Daerah (Permendagri 86/2017), kolom (1)-(23). "
            + CARA_FORMULIR,
            kunci="formulir-e80",
            bagian=FORMULIR,
        ),
        ui.Panel(
            f"Capaian dan serapan {tahun}{wilayah}: {evaluasi.TINGKAT[tingkat].lower()}",
            data=lambda: state.sajikan(evaluasi.efisiensi_tahun, tahun, tersimpan, tingkat, kelurahan),
            grafik=grafik_evaluasi.kuadran,
            kolom=KOLOM_EFISIENSI,
            keterangan=f"Titik = satu {evaluasi.TINGKAT[tingkat].lower()}, besarnya menurut pagu; "
            f"tinggi = paling sedikit {fmt.persen(batas, 0)}. " + CARA_EFISIENSI,
            sumber=f"Target dan pagu: T-C.27 tahun {tahun}; realisasi: unggahan Isi Realisasi",
            kosong=belum,
            kunci="efisiensi-tahun",
            bagian=EFISIENSI,
        ),
        ui.Panel(
            "Capaian dan serapan seluruh kecamatan per tahun (dokumen)",
            data=lambda: state.sajikan(evaluasi.efisiensi_dokumen),
            grafik=grafik_evaluasi.kuadran,
            kolom=KOLOM_EFISIENSI,
            keterangan="Satu titik per tahun: rata-rata capaian indikator T-C.23 lawan serapan program T-C.24 "
            "yang mencetak anggaran dan realisasi. " + CARA_EFISIENSI,
            sumber="T-C.23 Pencapaian Kinerja Pelayanan; T-C.24 Anggaran dan Realisasi Pendanaan Pelayanan",
            kosong="Renstra ini tidak memuat T-C.23 dan T-C.24 bersama; tidak ada capaian dan serapan dari dokumen.",
            kunci="efisiensi-dokumen",
            bagian=EFISIENSI,
        ),
        *(
            [
                ui.Panel(
                    f"Tinjauan akhir periode {periode['awal']}-{periode['akhir']}",
                    isi=_unduh_tinjauan,
                    kunci="tinjauan-unduh",
                    bagian=TINJAUAN,
                )
            ]
            if berakhir and not ui.presentasi()
            else []
        ),
        ui.Panel(
            f"Jumlah indikator per predikat pada akhir periode {periode['awal']}-{periode['akhir']}",
            data=lambda: (
                evaluasi.tinjauan_predikat(state.sajikan(evaluasi.tinjauan_indikator, tersimpan))
                if berakhir
                else KOSONG
            ),
            grafik=grafik_evaluasi.predikat_akhir,
            kolom=kosakata.kolom("sumber", "predikat", ("jumlah", "Jumlah indikator")),
            keterangan="Predikat dari realisasi terakhir lawan target akhir tiap indikator. " + CARA_TINJAUAN,
            sumber="T-C.23 (dokumen); T-C.27 dengan realisasi dari Isi Realisasi",
            kosong=belum_berakhir,
            kunci="tinjauan-predikat",
            bagian=TINJAUAN,
        ),
        ui.Panel(
            "Capaian akhir per indikator",
            data=lambda: _tinjauan(True),
            grafik=grafik_evaluasi.capaian_akhir,
            kolom=KOLOM_TINJAUAN,
            keterangan="Realisasi terakhir lawan target akhir; garis putus-putus = 100 %. " + CARA_TINJAUAN,
            sumber="T-C.23, T-C.25/T-C.28 (target akhir); T-C.27 dan Isi Realisasi",
            kosong=belum_berakhir,
            kunci="tinjauan-indikator",
            bagian=TINJAUAN,
        ),
        ui.Panel(
            "Pagu dan realisasi per program selama periode",
            data=lambda: state.sajikan(evaluasi.tinjauan_program, tersimpan) if berakhir else KOSONG,
            grafik=grafik_evaluasi.program_akhir,
            kolom=KOLOM_PROGRAM,
            keterangan="Hanya program yang mempunyai realisasi; tabel memuat semua program. T-C.24 dijumlah atas "
            "tahun yang mencetak anggaran dan realisasi; T-C.27 atas rincian yang melaporkan realisasi anggaran.",
            sumber="T-C.24 (anggaran dan realisasi dokumen); T-C.27 (pagu) dan Isi Realisasi (realisasi)",
            kosong=belum_berakhir,
            kunci="tinjauan-program",
            bagian=TINJAUAN,
        ),
        ui.Panel(
            "Indikator yang belum pernah dilaporkan",
            data=lambda: _tinjauan(False),
            kolom=kosakata.kolom(
                "sumber",
                "kode",
                "indikator",
                "kelurahan",
                ("tahun_target", "Tahun target akhir"),
                ("target_akhir", kosakata.Kolom("Target akhir", "angka")),
                "satuan",
            ),  # fmt: skip
            keterangan="Tanpa satu realisasi pun selama periode (dokumen maupun Isi Realisasi).",
            sumber="T-C.27; Isi Realisasi",
            kosong=belum_berakhir if not berakhir else "Setiap indikator pernah dilaporkan.",
            kunci="tinjauan-belum",
            bagian=TINJAUAN,
        ),
    ]
)
