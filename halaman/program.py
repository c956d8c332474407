"""Program: one program, kegiatan or sub kegiatan of T-C.27 over the years (pagu, indicators, rincian).

How the document prints T-C.27 (its tables and years, code schemes, kondisi awal) is said from
its data; names from it are shown literally (``ui.literal``).
"""

import streamlit as st

import kosakata
import state
import ui
from grafik import program as grafik_program
from sajian import anggaran as sajian_anggaran
from sajian import pilihan
from sajian import program as sajian_program

KUNCI_ITEM = "item"

ui.judul("Program, kegiatan dan sub kegiatan")

label_program = state.sajikan(pilihan.program)
program = ui.nilai_filter(ui.KUNCI_PROGRAM, ui.SEMUA)
# "Semua program" has no single tree to walk: show the first program rather than an empty
# screen (a projector in a Musrenbang should never show nothing), and say so.
bawaan = program not in label_program
if bawaan:
    program = next(iter(label_program))

opsi = state.sajikan(sajian_program.pilihan_item, program)
keadaan = state.sajikan(sajian_anggaran.keadaan_rencana)
tabel, tabel_baru = keadaan["tabel"], keadaan["tabel_baru"]
kondisi_awal = state.sajikan(sajian_program.catatan_kondisi_awal)

ui.pengantar(
    ("**Filter program masih *Semua program*: yang tampil program pertama.** Pilih program di sidebar.\n\n"
     if bawaan else "")
    + "Pilih program, kegiatan atau sub kegiatan: pagu-nya per tahun, indikator dan targetnya, "
    "serta rinciannya. Sumber: tabel T-C.27 (Rencana Program, Kegiatan, dan Pendanaan), "
    + (f"dicetak dalam {len(tabel)} tabel ({', '.join(tabel)})." if len(tabel) > 1 else f"tahun {tabel[0]}."),
    cara=(f"Tabel berkode Permendagri 90/2019 ({' dan '.join(tabel_baru)}) dicocokkan menurut kode (dan kelurahan). "
          if len(tabel_baru) > 1 else "")
    + (f"{keadaan['program_tanpa_kode']}: tidak dipetakan ke kode baru." if keadaan["program_tanpa_kode"] else ""),
)  # fmt: skip

# In presentation mode the picker folds away, so the chart fills the screen (as on Kinerja).
wadah = st.expander("Pilih program / kegiatan / sub kegiatan", expanded=False) if ui.presentasi() else st.container()
kiri, kanan = wadah.columns([5, 1], vertical_alignment="bottom")
# ?item=tc27_2022:5 (the item's newest printed row); an item of another program falls back
# to the program itself.
item = ui.pilih("Program / kegiatan / sub kegiatan", opsi, KUNCI_ITEM, wadah=kiri)
rantai = state.sajikan(sajian_program.kedudukan, item)
if len(rantai) > 1:
    induk = str(rantai["kunci"].iloc[-2])
    kanan.button(
        "Ke induknya",
        icon=":material/arrow_upward:",
        on_click=lambda: st.session_state.update({KUNCI_ITEM: induk}),
        help=ui.literal(opsi.get(induk, "")),
        width="stretch",
    )

jejak = " › ".join(
    f"{sajian_program.NAMA_TINGKAT.get(t, t)} {k or '(tanpa kode)'}"
    for t, k in zip(rantai["tingkat"], rantai["kode"], strict=True)
)
nama = ui.literal(str(rantai["nama"].iloc[-1]).strip()) if len(rantai) else ""
tingkat = str(rantai["tingkat"].iloc[-1]) if len(rantai) else ""
anak = sajian_program.TINGKAT_ANAK.get(tingkat)
nama_anak = {"kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan"}.get(anak or "", "rincian")

panel = [
    ui.Panel(
        f"Pagu per tahun: {nama}",
        data=lambda: state.sajikan(sajian_program.pagu_item, item),
        grafik=grafik_program.pagu_per_tahun,
        kolom=kosakata.kolom(
            "tahun",
            ("pagu", "Pagu tercetak"),
            "pagu_teks",
            "catatan",
            jumlah_rincian=kosakata.Kolom(f"Jumlah pagu {nama_anak}", "rupiah"),
            jumlah_rincian_tak_terbaca=kosakata.Kolom(f"{nama_anak.capitalize()} tanpa pagu terbaca", "bulat"),
            pagu_induk=kosakata.Kolom("Pagu induk", "rupiah"),
            pangsa_induk=kosakata.Kolom("Bagian dari pagu induk", "persen"),
        ),
        keterangan=f"{jejak}. Batang: pagu yang tercetak untuk baris ini. Tahun tanpa batang: pagu tidak "
        "tercetak/terbaca atau baris tidak tercantum (alasannya tertulis); tidak diisi 0. "
        + (
            f"Belah ketupat: jumlah pagu {nama_anak}-nya yang terbaca (hasil penjumlahan, bukan angka "
            "tercetak untuk baris ini). "
            if anak
            else ""
        ),
        sumber=keadaan["sumber"],
        kunci="pagu-item",
        bagian="Pagu per tahun",
    ),  # fmt: skip
    ui.Panel(
        f"Indikator dan target: {nama}",
        data=lambda: state.sajikan(sajian_program.indikator_item_dilaporkan, item, state.realisasi_tersimpan()),
        kolom=kosakata.kolom(
            "tahun",
            ("indikator_ke", kosakata.Kolom("Indikator ke", "bulat")),
            "indikator",
            ("target_teks", "Target (tercetak)"),
            ("target", "Target (angka)"),
            "satuan",
            ("target_persen", kosakata.Kolom("Persentase tercetak", "persen")),
            ("capaian_awal_teks", "Kondisi awal (tercetak)"),
            ("realisasi", "Realisasi dilaporkan"),
            "capaian",
            ("realisasi_rp", "Realisasi dilaporkan (Rp)"),
            "catatan",
        ),
        keterangan=f"{jejak}. Target seperti tercetak; satu baris dapat punya beberapa indikator. "
        + (f"{kondisi_awal} " if kondisi_awal else "")
        + "Sel indikator yang kosong di dokumen dibiarkan kosong. "
        "Realisasi dilaporkan: unggahan Isi Realisasi (– = belum dilaporkan).",
        sumber="T-C.27 Rencana Program, Kegiatan, dan Pendanaan",
        kunci="indikator-item",
        bagian="Indikator dan target",
    ),
    ui.Panel(
        f"Pagu {nama_anak} per tahun",
        data=lambda: state.sajikan(sajian_program.rincian_item, item),
        grafik=grafik_program.rincian,
        kolom=kosakata.kolom(
            "kode", ("nama", nama_anak.capitalize()), "kelurahan", "tahun", ("pagu", "Pagu"), "pagu_teks"
        ),
        keterangan=f"{jejak}. Satu warna per tahun. Tanda silang abu-abu: pagu tidak tercetak atau tidak "
        "terbaca (bukan 0). Tanpa batang: tidak tercantum tahun itu.",
        sumber="T-C.27 Rencana Program, Kegiatan, dan Pendanaan",
        kosong="Sub kegiatan adalah tingkat terendah di T-C.27: tidak ada rincian di bawahnya."
        if tingkat == "sub_kegiatan"
        else "Tidak ada rincian tercetak di bawah baris ini.",
        kunci="rincian-item",
        bagian="Rincian",
    ),
]
ui.tampilkan(panel)
