"""The layouts of the standard Renstra forms (Permendagri 86/2017 annex) and the
staff, asset and issue tables that every perangkat daerah fills in.

A layout names each column with a stable key (the CSV header), the printed group
heading it sits under and its own printed label (the two header rows of the
.xlsx export). The layout belongs to the form, not to Wonoasih: any kecamatan's
Renstra in these layouts loads with the same code.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kolom:
    key: str
    label: str
    grup: str = ""


@dataclass(frozen=True)
class Formulir:
    """One table layout: its columns and whether a numbered column row follows the header."""

    kode: str
    judul: str
    kolom: tuple[Kolom, ...]
    baris_nomor: bool = True

    @property
    def keys(self) -> list[str]:
        return [k.key for k in self.kolom]

    def label(self, key: str) -> str:
        for k in self.kolom:
            if k.key == key:
                return f"{k.grup} {k.label}".strip() if k.grup else k.label
        raise KeyError(key)


def _tahunan(prefix: str, grup: str, tahun: range, label: str = "") -> tuple[Kolom, ...]:
    return tuple(Kolom(f"{prefix}_{t}", f"{label}{t}", grup) for t in tahun)


def _tc27(tahun: range) -> tuple[Kolom, ...]:
    kolom: list[Kolom] = [
        Kolom("tujuan", "Tujuan"),
        Kolom("sasaran", "Sasaran"),
        Kolom("kode", "Kode"),
        Kolom("program_kegiatan", "Program dan Kegiatan"),
        Kolom("indikator", "Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output)"),
        Kolom("capaian_awal", "Data Capaian pada Tahun Awal Perencanaan"),
    ]
    for t in tahun:
        grup = f"Kondisi Kinerja pada Akhir Periode Renstra ({t})" if t == 2024 else str(t)
        kolom += [Kolom(f"target_{t}", "Target", grup), Kolom(f"rp_{t}", "Rp", grup)]
    kolom += [
        Kolom("unit_kerja", "Unit Kerja Perangkat Daerah Penanggung Jawab"),
        Kolom("lokasi", "Lokasi"),
    ]
    return tuple(kolom)


TAHUN_EVALUASI = range(2016, 2021)

FORMULIR: dict[str, Formulir] = {
    f.kode: f
    for f in [
        Formulir(
            "2.2.1",
            "Komposisi Pegawai",
            (
                Kolom("kriteria", "Kriteria"),
                Kolom("kategori", "Kategori"),
                Kolom("jumlah", "Jumlah (Orang)"),
                Kolom("total", "Total (Orang)"),
            ),
            baris_nomor=False,
        ),
        Formulir(
            "2.2.2",
            "Komposisi Pegawai per Unit Kerja",
            (
                Kolom("no", "NO"),
                Kolom("unit_kerja", "UNIT KERJA"),
                Kolom("laki_laki", "LAKI-LAKI", "JENIS KELAMIN"),
                Kolom("perempuan", "PEREMPUAN", "JENIS KELAMIN"),
                Kolom("jumlah", "JUMLAH"),
            ),
            baris_nomor=False,
        ),
        Formulir(
            "2.2.3",
            "Sarana dan Prasarana",
            (
                Kolom("no", "No."),
                Kolom("jenis", "Jenis"),
                Kolom("jumlah", "Jumlah"),
                Kolom("keterangan", "Ket."),
            ),
            baris_nomor=False,
        ),
        Formulir(
            "T-C.23",
            "Pencapaian Kinerja Pelayanan Perangkat Daerah",
            (
                Kolom("no", "NO"),
                Kolom("indikator", "Indikator Kinerja sesuai Tugas dan Fungsi PD"),
                Kolom("target_nspk", "Target NSPK"),
                Kolom("target_ikk", "Target IKK"),
                Kolom("target_lainnya", "Target Indikator Lainnya"),
                *_tahunan("target", "Target Renstra PD Tahun ke-", TAHUN_EVALUASI),
                *_tahunan("realisasi", "Realisasi Capaian Tahun ke-", TAHUN_EVALUASI),
                *_tahunan("rasio", "Rasio Capaian pada Tahun ke-", TAHUN_EVALUASI),
            ),
        ),
        Formulir(
            "T-C.24",
            "Anggaran dan Realisasi Pendanaan Pelayanan Perangkat Daerah",
            (
                Kolom("uraian", "Uraian"),
                *_tahunan("anggaran", "Anggaran pada Tahun ke-", TAHUN_EVALUASI),
                *_tahunan("realisasi", "Realisasi Anggaran pada Tahun ke-", TAHUN_EVALUASI),
                *_tahunan("rasio", "Rasio antara Realisasi dan Anggaran Tahun ke-", TAHUN_EVALUASI),
                Kolom("pertumbuhan_anggaran", "Anggaran", "Rata-rata Pertumbuhan"),
                Kolom("pertumbuhan_realisasi", "Realisasi", "Rata-rata Pertumbuhan"),
            ),
        ),
        Formulir(
            "3.1",
            "Keterkaitan Visi, Misi, Tujuan dan Sasaran Pembangunan Kota",
            (
                Kolom("misi_kota", "Misi Kota"),
                Kolom("tujuan", "Tujuan Perangkat Daerah"),
                Kolom("sasaran", "Sasaran Perangkat Daerah"),
                Kolom("isu_strategis", "Isu Strategis Perangkat Daerah"),
            ),
            baris_nomor=False,
        ),
        Formulir(
            "3.5",
            "Isu-isu Strategis",
            (
                Kolom("no", "No."),
                Kolom("urusan", "Urusan"),
                Kolom("permasalahan", "Permasalahan"),
                Kolom("isu_strategis", "Isu Strategis"),
            ),
            baris_nomor=False,
        ),
        Formulir(
            "T-C.25",
            "Tujuan dan Sasaran Jangka Menengah Pelayanan Perangkat Daerah",
            (
                Kolom("no", "NO"),
                Kolom("tujuan", "TUJUAN"),
                Kolom("sasaran", "SASARAN"),
                Kolom("indikator", "INDIKATOR TUJUAN/SASARAN"),
                *_tahunan("target", "TARGET KINERJA TUJUAN/SASARAN PADA TAHUN KE-", range(2020, 2025)),
            ),
        ),
        Formulir(
            "T-C.26",
            "Tujuan, Sasaran, Strategi dan Arah Kebijakan",
            (
                Kolom("label", "Tujuan"),
                Kolom("pemisah", ":"),
                Kolom("tujuan", "Uraian Tujuan"),
                Kolom("sasaran", "Sasaran"),
                Kolom("strategi", "Strategi"),
                Kolom("arah_kebijakan", "Arah Kebijakan"),
            ),
            baris_nomor=False,
        ),
        Formulir(
            "T-C.27",
            "Rencana Program, Kegiatan, dan Pendanaan Perangkat Daerah",
            _tc27(range(2019, 2025)),
        ),
        Formulir(
            "T-C.27 (2022-2024)",
            "Rencana Program, Kegiatan, dan Pendanaan Perangkat Daerah 2022-2024",
            _tc27(range(2022, 2025)),
        ),
        Formulir(
            "T-C.28",
            "Indikator Kinerja Perangkat Daerah yang Mengacu pada Tujuan dan Sasaran RPJMD",
            (
                Kolom("no", "NO."),
                Kolom("tujuan", "TUJUAN"),
                Kolom("sasaran", "SASARAN"),
                Kolom("indikator", "INDIKATOR TUJUAN/SASARAN"),
                Kolom("kondisi_awal_2019", "2019", "Kondisi Kinerja pada Awal Periode RPJMD"),
                Kolom("kondisi_awal_2020", "2020", "Kondisi Kinerja pada Awal Periode RPJMD"),
                *_tahunan("target", "TARGET KINERJA TUJUAN/SASARAN PADA TAHUN KE-", range(2020, 2025)),
                Kolom("kondisi_akhir_2024", "2024", "Kondisi Kinerja pada Akhir Periode RPJMD"),
            ),
        ),
    ]
}
