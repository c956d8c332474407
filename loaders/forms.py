"""The layouts of the standard Renstra forms (Permendagri 86/2017 annex) and the
staff, asset and issue tables that every perangkat daerah fills in.

A layout names each column with a stable key (the CSV header), the printed group
heading it sits under and its own printed label (the two header rows of the
.xlsx export). The layout belongs to the form, not to one Renstra: which years a
table prints columns for (2016-2020 in one document's T-C.23, 2020-2024 in its
T-C.25; 2025-2029 in the next period's) is read from the table's own header, so
any perangkat daerah's Renstra in these forms loads with the same code.

A form is a :class:`Rancangan`: fixed columns and year groups. A year group
(:class:`PerTahun`, or :class:`PasanganTahun` for T-C.27's Target/Rp pairs) takes
its years from a named year list (``kelompok``); ``Rancangan.tata_letak`` builds
the :class:`Formulir` for given years, ``dari_kunci`` reads them from a CSV header
(``target_2022``), ``dari_judul`` from a workbook's two printed header rows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from loaders.errors import RenstraError

TAHUN_MIN, TAHUN_MAKS = 1990, 2100
_TAHUN = re.compile(r"(?<!\d)(\d{4})(?!\d)")


class BentukError(ValueError):
    """A header that does not follow its form; ``kolom`` is the 0-based column it stops at."""

    def __init__(self, pesan: str, kolom: int | None = None, baris: int | None = None) -> None:
        super().__init__(pesan)
        self.pesan, self.kolom, self.baris = pesan, kolom, baris


@dataclass(frozen=True)
class Kolom:
    key: str
    label: str
    grup: str = ""


@dataclass(frozen=True)
class Formulir:
    """One table layout with its years filled in: its columns and whether a numbered column row follows."""

    kode: str
    judul: str
    kolom: tuple[Kolom, ...]
    baris_nomor: bool = True
    tahun_kelompok: tuple[tuple[str, tuple[int, ...]], ...] = ()

    @property
    def keys(self) -> list[str]:
        return [k.key for k in self.kolom]

    def label(self, key: str) -> str:
        for k in self.kolom:
            if k.key == key:
                return f"{k.grup} {k.label}".strip() if k.grup else k.label
        raise KeyError(key)

    def tahun(self, kelompok: str = "tahun") -> list[int]:
        """The years of one year list (``"tahun"``, or T-C.28's ``"awal"``/``"akhir"``), in print order."""
        return list(dict(self.tahun_kelompok).get(kelompok, ()))


# --- the pieces of a form ------------------------------------------------------------------------


@dataclass(frozen=True)
class Tetap:
    """A column printed once."""

    key: str
    label: str
    grup: str = ""


@dataclass(frozen=True)
class PerTahun:
    """One column per year of ``kelompok``: key ``{awalan}_{t}``, label the year, under ``grup``."""

    awalan: str
    grup: str
    kelompok: str = "tahun"


@dataclass(frozen=True)
class PasanganTahun:
    """T-C.27: per year a "Target" and an "Rp" column under the year; the last year of the
    period is headed "Kondisi Kinerja pada Akhir Periode Renstra (t)"."""

    kelompok: str = "tahun"

    @staticmethod
    def grup(t: int, akhir: int | None) -> str:
        return f"Kondisi Kinerja pada Akhir Periode Renstra ({t})" if t == akhir else str(t)


Bagian = Tetap | PerTahun | PasanganTahun


def _normal(teks: object) -> str:
    return re.sub(r"\s+", " ", str(teks or "")).strip().lower()


@dataclass(frozen=True)
class Rancangan:
    """A form: its fixed columns and year groups, before the years are known."""

    kode: str
    judul: str
    bagian: tuple[Bagian, ...]
    baris_nomor: bool = True

    @property
    def kelompok(self) -> list[str]:
        """The year lists this form needs, in order of first use."""
        hasil: list[str] = []
        for b in self.bagian:
            if isinstance(b, PerTahun | PasanganTahun) and b.kelompok not in hasil:
                hasil.append(b.kelompok)
        return hasil

    def tata_letak(self, tahun: Mapping[str, Sequence[int]], akhir: int | None = None) -> Formulir:
        """The layout for these years (``{"tahun": [2025, ..., 2029]}``); ``akhir``: the period's last year."""
        kolom: list[Kolom] = []
        for b in self.bagian:
            if isinstance(b, Tetap):
                kolom.append(Kolom(b.key, b.label, b.grup))
            elif isinstance(b, PerTahun):
                kolom += [Kolom(f"{b.awalan}_{t}", str(t), b.grup) for t in tahun.get(b.kelompok, ())]
            else:
                for t in tahun.get(b.kelompok, ()):
                    grup = PasanganTahun.grup(t, akhir)
                    kolom += [Kolom(f"target_{t}", "Target", grup), Kolom(f"rp_{t}", "Rp", grup)]
        urut = tuple((k, tuple(int(t) for t in tahun.get(k, ()))) for k in self.kelompok)
        return Formulir(self.kode, self.judul, tuple(kolom), self.baris_nomor, urut)

    def dari_kunci(self, kunci: Sequence[str], akhir: int | None = None) -> Formulir:
        """The layout whose keys a CSV header uses: each year group's years read from keys like ``target_2022``."""
        tahun: dict[str, set[int]] = {}
        for b in self.bagian:
            if isinstance(b, Tetap):
                continue
            awalan = b.awalan if isinstance(b, PerTahun) else "target"
            pola = re.compile(rf"^{re.escape(awalan)}_(\d{{4}})$")
            ada = {int(m.group(1)) for k in kunci if (m := pola.match(str(k).strip()))}
            tahun[b.kelompok] = tahun.get(b.kelompok, set()) | ada  # a year missing from one group is then named
        return self.tata_letak({k: sorted(v) for k, v in tahun.items()}, akhir)

    def dari_judul(self, atas: Sequence[object], bawah: Sequence[object], akhir: int | None = None) -> Formulir:
        """The layout a workbook's two printed header rows show (merged cells already spread).

        Raises :class:`BentukError` naming the column where the header leaves the form.
        """
        tahun: dict[str, list[int]] = {}
        j = 0
        for b in self.bagian:
            if isinstance(b, Tetap):
                _cek_tetap(self.kode, b, atas[j] if j < len(atas) else None, bawah[j] if j < len(bawah) else None, j)
                j += 1
                continue
            ada: list[int] = []
            while j < len(bawah):
                t = _tahun_kolom(b, atas[j], bawah[j], bawah[j + 1] if j + 1 < len(bawah) else None)
                if t is None:
                    break
                ada.append(t)
                j += 2 if isinstance(b, PasanganTahun) else 1
            if b.kelompok in tahun and tahun[b.kelompok] != ada:
                raise BentukError(
                    f"tahun kolom '{self._label_bagian(b)}' ({_daftar(ada)}) tidak sama dengan tahun kelompok "
                    f"sebelumnya ({_daftar(tahun[b.kelompok])})",
                    j,
                )
            if not ada:
                raise BentukError(f"kolom tahunan '{self._label_bagian(b)}' tidak ditemukan (judul kolom bergeser?)", j)
            tahun[b.kelompok] = ada
        return self.tata_letak(tahun, _akhir_tercetak(atas) or akhir)

    @staticmethod
    def _label_bagian(b: PerTahun | PasanganTahun) -> str:
        return b.grup if isinstance(b, PerTahun) else "Target/Rp per tahun"


def _cek_tetap(kode: str, b: Tetap, atas: object, bawah: object, j: int) -> None:
    """A fixed column's two header cells as the form prints them (ungrouped: one cell over both rows)."""
    for baris, ada, harap in ((1, atas, b.grup or b.label), (2, bawah, b.label)):
        if _normal(ada) != _normal(harap):
            raise BentukError(
                f"judul kolom '{str(ada or '')[:60]}' tidak sesuai formulir {kode}, seharusnya '{harap}' "
                "(kolom bergeser atau hilang?)",
                j,
                baris,
            )


def _akhir_tercetak(atas: Sequence[object]) -> int | None:
    """The period's last year as T-C.27 prints it ("Kondisi Kinerja pada Akhir Periode Renstra (2029)")."""
    for teks in atas:
        if _normal(teks).startswith("kondisi kinerja pada akhir periode renstra"):
            return _satu_tahun(teks)
    return None


def _daftar(tahun: Sequence[int]) -> str:
    return ", ".join(map(str, tahun)) or "tidak ada"


def _satu_tahun(teks: object) -> int | None:
    """The one year a header cell names (``2024``, ``... Renstra (2024)``), else None."""
    ada = _TAHUN.findall(str(teks or ""))
    if len(ada) != 1 or not TAHUN_MIN <= int(ada[0]) <= TAHUN_MAKS:
        return None
    return int(ada[0])


def _tahun_kolom(b: PerTahun | PasanganTahun, atas: object, bawah: object, berikut: object) -> int | None:
    """The year of the column at hand if it belongs to year group ``b``, else None."""
    if isinstance(b, PerTahun):
        if _normal(atas) != _normal(b.grup) or not re.fullmatch(r"\d{4}", str(bawah or "").strip()):
            return None
        return _satu_tahun(bawah)
    if _normal(bawah) != "target" or _normal(berikut) != "rp":
        return None
    return _satu_tahun(atas)


def akhir_periode(manifest: dict[str, Any]) -> int | None:
    """The period's last year from ``[renstra] periode = [awal, akhir]`` (None when not given)."""
    periode = manifest.get("renstra", {}).get("periode")
    try:
        return int(periode[-1]) if periode else None
    except (TypeError, ValueError, IndexError):
        raise RenstraError("manifest: [renstra] periode harus dua tahun, misalnya periode = [2025, 2029]") from None


def tahun_periode(periode: Sequence[int]) -> list[int]:
    """The plan's target years: the last five years of ``[awal, akhir]`` (2019-2024 -> 2020-2024,
    where 2019 is the base year; 2025-2029 -> 2025-2029)."""
    awal, akhir = int(periode[0]), int(periode[-1])
    return list(range(max(awal, akhir - 4), akhir + 1))


_EVALUASI = ("Target Renstra PD Tahun ke-", "Realisasi Capaian Tahun ke-", "Rasio Capaian pada Tahun ke-")
_ANGGARAN = (
    "Anggaran pada Tahun ke-",
    "Realisasi Anggaran pada Tahun ke-",
    "Rasio antara Realisasi dan Anggaran Tahun ke-",
)
_TC27_AWAL = (
    Tetap("tujuan", "Tujuan"),
    Tetap("sasaran", "Sasaran"),
    Tetap("kode", "Kode"),
    Tetap("program_kegiatan", "Program dan Kegiatan"),
    Tetap("indikator", "Indikator Kinerja Tujuan, Sasaran, Program (outcome) dan Kegiatan (output)"),
    Tetap("capaian_awal", "Data Capaian pada Tahun Awal Perencanaan"),
    PasanganTahun(),
    Tetap("unit_kerja", "Unit Kerja Perangkat Daerah Penanggung Jawab"),
    Tetap("lokasi", "Lokasi"),
)
_TUJUAN_SASARAN = "TARGET KINERJA TUJUAN/SASARAN PADA TAHUN KE-"

RANCANGAN: dict[str, Rancangan] = {
    r.kode: r
    for r in [
        Rancangan(
            "2.2.1",
            "Komposisi Pegawai",
            (
                Tetap("kriteria", "Kriteria"),
                Tetap("kategori", "Kategori"),
                Tetap("jumlah", "Jumlah (Orang)"),
                Tetap("total", "Total (Orang)"),
            ),
            baris_nomor=False,
        ),
        Rancangan(
            "2.2.2",
            "Komposisi Pegawai per Unit Kerja",
            (
                Tetap("no", "NO"),
                Tetap("unit_kerja", "UNIT KERJA"),
                Tetap("laki_laki", "LAKI-LAKI", "JENIS KELAMIN"),
                Tetap("perempuan", "PEREMPUAN", "JENIS KELAMIN"),
                Tetap("jumlah", "JUMLAH"),
            ),
            baris_nomor=False,
        ),
        Rancangan(
            "2.2.3",
            "Sarana dan Prasarana",
            (Tetap("no", "No."), Tetap("jenis", "Jenis"), Tetap("jumlah", "Jumlah"), Tetap("keterangan", "Ket.")),
            baris_nomor=False,
        ),
        Rancangan(
            "T-C.23",
            "Pencapaian Kinerja Pelayanan Perangkat Daerah",
            (
                Tetap("no", "NO"),
                Tetap("indikator", "Indikator Kinerja sesuai Tugas dan Fungsi PD"),
                Tetap("target_nspk", "Target NSPK"),
                Tetap("target_ikk", "Target IKK"),
                Tetap("target_lainnya", "Target Indikator Lainnya"),
                *(PerTahun(a, g) for a, g in zip(("target", "realisasi", "rasio"), _EVALUASI, strict=True)),
            ),
        ),
        Rancangan(
            "T-C.24",
            "Anggaran dan Realisasi Pendanaan Pelayanan Perangkat Daerah",
            (
                Tetap("uraian", "Uraian"),
                *(PerTahun(a, g) for a, g in zip(("anggaran", "realisasi", "rasio"), _ANGGARAN, strict=True)),
                Tetap("pertumbuhan_anggaran", "Anggaran", "Rata-rata Pertumbuhan"),
                Tetap("pertumbuhan_realisasi", "Realisasi", "Rata-rata Pertumbuhan"),
            ),
        ),
        Rancangan(
            "3.1",
            "Keterkaitan Visi, Misi, Tujuan dan Sasaran Pembangunan Kota",
            (
                Tetap("misi_kota", "Misi Kota"),
                Tetap("tujuan", "Tujuan Perangkat Daerah"),
                Tetap("sasaran", "Sasaran Perangkat Daerah"),
                Tetap("isu_strategis", "Isu Strategis Perangkat Daerah"),
            ),
            baris_nomor=False,
        ),
        Rancangan(
            "3.5",
            "Isu-isu Strategis",
            (
                Tetap("no", "No."),
                Tetap("urusan", "Urusan"),
                Tetap("permasalahan", "Permasalahan"),
                Tetap("isu_strategis", "Isu Strategis"),
            ),
            baris_nomor=False,
        ),
        Rancangan(
            "T-C.25",
            "Tujuan dan Sasaran Jangka Menengah Pelayanan Perangkat Daerah",
            (
                Tetap("no", "NO"),
                Tetap("tujuan", "TUJUAN"),
                Tetap("sasaran", "SASARAN"),
                Tetap("indikator", "INDIKATOR TUJUAN/SASARAN"),
                PerTahun("target", _TUJUAN_SASARAN),
            ),
        ),
        Rancangan(
            "T-C.26",
            "Tujuan, Sasaran, Strategi dan Arah Kebijakan",
            (
                Tetap("label", "Tujuan"),
                Tetap("pemisah", ":"),
                Tetap("tujuan", "Uraian Tujuan"),
                Tetap("sasaran", "Sasaran"),
                Tetap("strategi", "Strategi"),
                Tetap("arah_kebijakan", "Arah Kebijakan"),
            ),
            baris_nomor=False,
        ),
        Rancangan("T-C.27", "Rencana Program, Kegiatan, dan Pendanaan Perangkat Daerah", _TC27_AWAL),
        # The same form, printed by one document with only its last years' columns (kept as its own
        # code so that document's manifest reads unchanged).
        Rancangan("T-C.27 (2022-2024)", "Rencana Program, Kegiatan, dan Pendanaan Perangkat Daerah", _TC27_AWAL),
        Rancangan(
            "T-C.28",
            "Indikator Kinerja Perangkat Daerah yang Mengacu pada Tujuan dan Sasaran RPJMD",
            (
                Tetap("no", "NO."),
                Tetap("tujuan", "TUJUAN"),
                Tetap("sasaran", "SASARAN"),
                Tetap("indikator", "INDIKATOR TUJUAN/SASARAN"),
                PerTahun("kondisi_awal", "Kondisi Kinerja pada Awal Periode RPJMD", "awal"),
                PerTahun("target", _TUJUAN_SASARAN),
                PerTahun("kondisi_akhir", "Kondisi Kinerja pada Akhir Periode RPJMD", "akhir"),
            ),
        ),
    ]
}
