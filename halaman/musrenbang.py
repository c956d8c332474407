"""Bahan Musrenbang: the pack a camat or lurah takes into the meeting (PowerPoint + Excel), and its slides on screen."""

import streamlit as st

import ekspor
import state
import ui
from grafik import musrenbang as grafik
from musrenbang import buku, dek, isi
from sajian import pilihan

KUNCI_BAHAN = "_bahan_musrenbang"  # the files built for (tahun, kelurahan, store version)

semua_tahun = state.sajikan(pilihan.tahun_rencana)
tahun = int(ui.nilai_filter(ui.KUNCI_TAHUN, semua_tahun[-1]))
kelurahan = ui.nilai_filter(ui.KUNCI_KELURAHAN, ui.SEMUA)
kelurahan = None if kelurahan == ui.SEMUA else str(kelurahan)
identitas = state.sajikan(pilihan.identitas)
wilayah = f"Kelurahan {kelurahan}" if kelurahan else str(identitas["perangkat_daerah"])

KUNCI_TINJAUAN = "tinjauan_akhir"  # the checkbox below the build button (kecamatan pack only)
tinjauan = kelurahan is None and bool(st.session_state.get(KUNCI_TINJAUAN, False))
slaid = state.sajikan(
    isi.susun_pada, isi.hari_ini(), tahun, kelurahan, state.realisasi_tersimpan(), state.riwayat_tersimpan(), tinjauan
)

ui.judul("Bahan Musrenbang")
jumlah_kelurahan = len(identitas["kelurahan"])
ui.pengantar(
    f"**Paket {ui.literal(wilayah)}, tahun {tahun}.** Bahan paparan untuk Musrenbang dari angka yang sama dengan "
    "dasbor: pagu per tahun dan per program, sub kegiatan dengan targetnya, capaian dan serapan (hanya bila "
    "realisasinya ada; tidak pernah diisi 0), dan perubahan Renstra"
    + (f", serta pangsa kelurahan di antara {jumlah_kelurahan} kelurahan" if kelurahan else "")
    + ". "
    "Pilih **tahun** dan **kelurahan** (atau seluruh kecamatan) di sidebar, lalu siapkan berkasnya: PowerPoint "
    "dengan grafik PowerPoint asli (dapat diedit) dan Excel dengan tabel yang sama, satu lembar per slaid. "
    "Setiap slaid mencantumkan sumbernya. Tab di bawah memperlihatkan slaid yang sama; mode presentasi "
    "menayangkannya berurutan."
)


def siapkan_berkas() -> None:
    """The download buttons, built only when asked (the page itself never waits on them)."""
    versi = state.gudang().versi_terakhir()
    kunci = (tahun, kelurahan, versi, isi.hari_ini(), tinjauan)
    if kelurahan is None:
        st.checkbox(
            "Sertakan tinjauan akhir periode",
            key=KUNCI_TINJAUAN,
            help="Target akhir lawan realisasi terakhir tiap indikator, predikat, dan pagu lawan realisasi per "
            "program selama periode Renstra (halaman Evaluasi Renstra).",
        )
    nama = ekspor.nama_berkas("bahan-musrenbang", str(tahun), wilayah).removesuffix(".xlsx")
    if st.button("Siapkan PowerPoint dan Excel", icon=":material/build:", type="primary", key="siapkan-bahan"):
        with st.status(f"Menyusun bahan Musrenbang {tahun}: {ui.literal(wilayah)}…", expanded=True) as status:
            st.write(f"{len(slaid)} slaid dari tabel dokumen dan realisasi tersimpan.")
            pptx = dek.dek_pptx(slaid)
            st.write(f"PowerPoint selesai ({len(pptx) // 1024} KB).")
            xlsx = buku.buku_xlsx(slaid)
            st.write(f"Excel selesai ({len(xlsx) // 1024} KB).")
            status.update(label="Bahan siap diunduh.", state="complete", expanded=False)
        st.session_state[KUNCI_BAHAN] = {"kunci": kunci, "pptx": pptx, "xlsx": xlsx}
    bahan = st.session_state.get(KUNCI_BAHAN)
    if not bahan or bahan["kunci"] != kunci:
        st.caption("Berkas disusun saat tombol ditekan (beberapa detik), untuk tahun dan wilayah yang dipilih.")
        return
    kiri, kanan = st.columns(2)
    kiri.download_button(
        "Unduh PowerPoint (.pptx)", bahan["pptx"], file_name=f"{nama}.pptx", mime=dek.MIME_PPTX,
        on_click="ignore", icon=":material/slideshow:", key="unduh-pptx", width="stretch",
    )  # fmt: skip
    kanan.download_button(
        "Unduh Excel (.xlsx)", bahan["xlsx"], file_name=f"{nama}.xlsx", mime=buku.MIME_XLSX,
        on_click="ignore", icon=":material/table_view:", key="unduh-xlsx", width="stretch",
    )  # fmt: skip


def _panel(nomor: int, s: isi.Slaid) -> ui.Panel:
    """One slide of the pack as a panel: its chart (as in the deck) or its table, with its source line.

    The slide's texts carry names from the Renstra (kelurahan, programs): shown literally.
    """
    ada_data = not s.data.empty
    return ui.Panel(
        ui.literal(s.judul),
        data=lambda: s.data,
        grafik=grafik.pembuat(s) if s.grafik is not None else None,
        kolom=s.kolom,
        keterangan=ui.literal(s.sumber + (f" {s.pesan}" if s.pesan and ada_data else "")),
        sumber=ui.literal(s.sumber.removeprefix("Sumber: ")),
        kosong=ui.literal(s.pesan or "Tidak ada data untuk slaid ini."),
        kunci=f"musrenbang-{s.kunci}",
        bagian=isi.nama_pendek(nomor, s),
    )


if not ui.presentasi():
    siapkan_berkas()
ui.tampilkan([_panel(i, s) for i, s in enumerate(slaid, start=1)])
