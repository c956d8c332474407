"""The Musrenbang slide sequence: one source for the deck, the workbook and the page.

Every number comes from the functions the dashboard pages show (``sajian.*`` over
``metrics.*``), so the pack and the screen never disagree. A slide that has nothing to show
carries an empty frame and a ``pesan`` saying why, never a table of zeros.

Slides, in order (``KUNCI_KECAMATAN`` / ``KUNCI_KELURAHAN``):

1. ``judul``: title and identity (kecamatan, kota, dokumen, periode, cakupan, tahun, tanggal dibuat);
2. ``pagu-tahun``: pagu per plan year (kecamatan: the one total of the Ringkasan page, with
   the rincian fallback in "Dasar"; kelurahan: its own rows, ``sajian.kelurahan.pagu_kelurahan``);
3. ``pagu-program``: pagu per program in the year;
4. ``sub-kegiatan``: the most detailed T-C.27 rows of the year with indicator, target and pagu
   (sub kegiatan; kegiatan in a year whose T-C.27 stops there);
5. ``capaian``: capaian and predikat of indicators with realisasi (document T-C.23, or uploads);
6. ``serapan``: T-C.24 for the document's years (kecamatan only), uploads otherwise;
7. ``perubahan`` + ``perubahan-daftar``: what the Perubahan Renstra changed (counts, then the list);
   a Renstra with one version of T-C.25/T-C.28 says there is nothing to compare;
8. ``pangsa-kelurahan`` (kelurahan packs only): its share of the kelurahan pagu and its rank;
9. ``peta`` (only for a Renstra carrying kelurahan boundaries, ``loaders.peta``): the kelurahan map
   coloured by pagu in the year (kecamatan), or with the kelurahan highlighted and only its own
   value (kelurahan pack); the deck holds it as a picture drawn by kaleido from ``grafik.peta``;
10. ``efisiensi`` (kecamatan pack with realisasi reported for the year, after ``serapan``) and, when
   ticked, ``tinjauan`` + ``tinjauan-indikator`` + ``tinjauan-program`` (end-of-period review):
   ``musrenbang.evaluasi``.

A kelurahan pack holds no row of another kelurahan: the others appear only as one aggregate.
A Renstra without T-C.23 or T-C.24 (optional tables) gets a message saying so on the capaian or
serapan slide; every name, year and table label comes from the Renstra itself.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone

import pandas as pd

import formatting as fmt
import kosakata
from loaders import Renstra
from loaders.peta import Peta
from sajian import anggaran, kinerja, perubahan, pilihan, ringkasan
from sajian import kelurahan as sajian_kelurahan
from sajian import realisasi as sajian_realisasi

KUNCI_KECAMATAN = (
    "judul", "pagu-tahun", "pagu-program", "sub-kegiatan", "capaian", "serapan", "perubahan", "perubahan-daftar",
    "peta",
)  # fmt: skip
KUNCI_KELURAHAN = (*KUNCI_KECAMATAN[:-1], "pangsa-kelurahan", "peta")
# Short names of the slides: the page's tabs and the workbook's sheets ("2. Pagu per tahun").
NAMA_SLAID = {
    "judul": "Judul",
    "pagu-tahun": "Pagu per tahun",
    "pagu-program": "Pagu per program",
    "sub-kegiatan": "Sub kegiatan",
    "capaian": "Capaian",
    "serapan": "Serapan",
    "perubahan": "Perubahan Renstra",
    "perubahan-daftar": "Daftar perubahan",
    "pangsa-kelurahan": "Pangsa kelurahan",
    "peta": "Peta kelurahan",
    "efisiensi": "Capaian dan serapan",
    "tinjauan": "Tinjauan akhir periode",
    "tinjauan-indikator": "Capaian akhir periode",
    "tinjauan-program": "Program akhir periode",
}


def nama_pendek(nomor: int, s: Slaid) -> str:
    """``2. Pagu per tahun``: the slide's number in the pack and its short name (its key if it has none)."""
    return f"{nomor}. {NAMA_SLAID.get(s.kunci, s.kunci)}"


JENIS_GRAFIK = ("batang", "batang_bertumpuk", "batang_horizontal", "garis", "donat", "peta")
SATUAN_GRAFIK = ("rupiah", "persen", "angka")
# A chart with more bars than this is unreadable on a projector: such a slide becomes a table.
MAKS_BARIS_GRAFIK = 15
WIB = timezone(timedelta(hours=7), "WIB")  # the store keeps UTC; dates are given in WIB (no DST)


def hari_ini(sekarang: datetime | None = None) -> date:
    """Today's date in WIB (a pack made at 01:00 WIB is dated that day, not the server's UTC day)."""
    return (sekarang or datetime.now(UTC)).astimezone(WIB).date()


DASAR_PROGRAM = "pagu program"  # metrics.pagu_program's dasar for a readable program pagu
RINCIAN = "dijumlah dari rincian"


@dataclass(frozen=True)
class Grafik:
    """How a slide's data is charted: native PowerPoint chart in the deck, plotly on the page."""

    jenis: str  # one of JENIS_GRAFIK
    kategori: str  # column of ``data`` for the categories (x axis)
    seri: tuple[str, ...]  # value columns, one series each
    satuan: str  # one of SATUAN_GRAFIK (formatting.JENIS_KOLOM kinds)

    def __post_init__(self) -> None:
        if self.jenis not in JENIS_GRAFIK:
            raise ValueError(f"jenis grafik '{self.jenis}' tidak dikenal; pilih salah satu: {', '.join(JENIS_GRAFIK)}")
        if self.satuan not in SATUAN_GRAFIK:
            raise ValueError(f"satuan grafik '{self.satuan}' tidak dikenal; pilih: {', '.join(SATUAN_GRAFIK)}")


# eq=False: a generated __eq__ would compare DataFrames (ambiguous truth value); identity is enough.
@dataclass(frozen=True, eq=False)
class Slaid:
    """One slide of the pack and one sheet of its workbook."""

    kunci: str  # stable id ("pagu-tahun"), also the sheet name base
    judul: str  # Indonesian title
    sumber: str  # "Sumber: ..." table(s) and Renstra year, or the upload date
    data: pd.DataFrame  # rows of the slide, already scoped to the kecamatan/kelurahan and year
    kolom: dict[str, kosakata.Kolom]  # column -> heading and kind (kosakata.Kolom, a (label, jenis) tuple)
    grafik: Grafik | None = None  # None: a table slide (or a message slide when data is empty)
    pesan: str = ""  # shown instead of chart/table when there is nothing to show
    peta: Peta | None = None  # a "peta" chart's kelurahan boundaries
    sorot: str | None = None  # the kelurahan a "peta" chart highlights (a kelurahan pack)


def _nilai(v: object) -> int | float | None:
    """A data value as a chart stores it: exact, NA -> None (a gap, never 0)."""
    if v is None or v is pd.NA or v is pd.NaT:
        return None
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, bool) or not isinstance(v, int | float):
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    return v


def nilai_seri(s: Slaid, seri: str) -> list[int | float | None]:
    """One series' values exactly as in ``s.data`` (None where the value is missing)."""
    return [_nilai(v) for v in s.data[seri]]


def kategori_grafik(s: Slaid) -> list[str]:
    """Category labels of ``s.grafik``: the kategori column as text; a row with no value in any
    series says why (its ``keterangan``), so an empty bar is never read as 0."""
    g = s.grafik
    if g is None:
        return []
    teks = [fmt.sel(v, s.kolom[g.kategori].jenis) for v in s.data[g.kategori]]
    teks = [f"{t} ({RINCIAN})" if d else t for t, d in zip(teks, titik_rincian(s), strict=True)]
    if "keterangan" not in s.data.columns:
        return teks
    kosong = [all(v is None for v in baris) for baris in zip(*(nilai_seri(s, c) for c in g.seri), strict=True)]
    alasan = [fmt.sel(v, "teks") for v in s.data["keterangan"]]
    return [
        f"{t} ({a})" if k and a not in ("", fmt.KOSONG) else t for t, k, a in zip(teks, kosong, alasan, strict=True)
    ]


def titik_rincian(s: Slaid) -> list[bool]:
    """Rows whose pagu is a sum of rincian (the program's own pagu printed *****): drawn hatched,
    labelled "(dijumlah dari rincian)", as every chart of the dashboard marks them."""
    if "dasar" not in s.data.columns:
        return [False] * len(s.data)
    return [fmt.sel(d, "teks") not in ("", fmt.KOSONG, DASAR_PROGRAM) for d in s.data["dasar"]]


def label_titik(s: Slaid, seri: str) -> list[str | None]:
    """Data label text of each point of one series (None: no value, no label), in Indonesian:
    ``Rp 1,8 M``, ``94,95 %``, ``12``. A doughnut slice adds its share of the whole; a capaian
    bar adds its predikat when the data has one (``94,95 % · Sangat Tinggi``)."""
    g = s.grafik
    if g is None:
        return []
    nilai = nilai_seri(s, seri)
    total = sum(v for v in nilai if v is not None)
    tulis = {"rupiah": fmt.rupiah_ringkas, "persen": fmt.persen}.get(g.satuan, fmt.angka)
    predikat = s.data["predikat"].tolist() if g.satuan == "persen" and "predikat" in s.data.columns else None
    hasil: list[str | None] = []
    for i, v in enumerate(nilai):
        if v is None:
            hasil.append(None)
            continue
        teks = tulis(v)
        if g.jenis == "donat" and total:
            teks += f" ({fmt.persen(v / total * 100)})"
        if predikat is not None and fmt.sel(predikat[i], "teks") not in ("", fmt.KOSONG):
            teks += f" · {predikat[i]}"
        hasil.append(teks)
    return hasil


def nama_wilayah(r: Renstra, kelurahan: str | None) -> str:
    """Who a pack is for: the perangkat daerah (``kelurahan=None``) or ``Kelurahan <kelurahan>``."""
    return pilihan.perangkat_daerah(r) if kelurahan is None else f"Kelurahan {kelurahan}"


@dataclass(frozen=True)
class _Lingkup:
    """What every slide builder needs: the Renstra, the year, the scope and the reported realisasi."""

    r: Renstra
    tahun: int
    kelurahan: str | None
    tersimpan: pd.DataFrame
    riwayat: pd.DataFrame | None
    dibuat: date

    @property
    def info(self) -> dict[str, object]:
        return dict(self.r.manifest.get("renstra", {}))

    @property
    def kecamatan(self) -> str:
        return pilihan.perangkat_daerah(self.r)

    @property
    def wilayah(self) -> str:
        """``Kecamatan <nama>`` or ``Kelurahan <nama>``: who the pack is for."""
        return nama_wilayah(self.r, self.kelurahan)

    @property
    def periode(self) -> str:
        p = self.info.get("periode") or []
        return "-".join(str(x) for x in p) if isinstance(p, list | tuple) else str(p)

    @property
    def dokumen(self) -> str:
        """``Perubahan Renstra <perangkat daerah> <periode>``: the document, short enough for a source line."""
        awal = "Perubahan Renstra" if self.r.judul.lower().startswith("perubahan") else "Renstra"
        return f"{awal} {self.kecamatan} {self.periode}".strip()

    def sumber(self, tabel: str, tahun: str | int, tambahan: str = "") -> str:
        """``Sumber: <dokumen>, T-C.27, tahun <tahun>``."""
        teks = f"Sumber: {self.dokumen}, {tabel}, tahun {tahun}"
        return f"{teks}; {tambahan}" if tambahan else teks

    def unggah(self) -> str:
        """``realisasi diunggah 12 November 2026 (Isi Realisasi, versi 3)``: the version the figures come from."""
        return keterangan_unggah(self.riwayat, self.tahun, self.kelurahan)


def keterangan_unggah(riwayat: pd.DataFrame | None, tahun: int, kelurahan: str | None = None) -> str:
    """When the realisasi of ``tahun`` (and ``kelurahan``) last changed, from ``Gudang.riwayat()``.

    The newest version that changed rows and covers the year (a rollback over every year has
    tahun NA) and, for a kelurahan, that kelurahan or all of them. The store keeps UTC; the date
    is given in WIB.
    """
    dasar = "realisasi diunggah lewat Isi Realisasi"
    if riwayat is None or riwayat.empty:
        return dasar
    d = riwayat
    cocok = (d["tahun"].isna() | d["tahun"].eq(tahun).fillna(False)) & d["baris_berubah"].fillna(0).gt(0)
    if kelurahan is not None:
        cocok &= d["kelurahan"].fillna("").isin(["", kelurahan])
    d = d[cocok.astype(bool)]
    if d.empty:
        return dasar
    b = d.loc[d["id"].astype("Int64").idxmax()]
    waktu = pd.Timestamp(str(b["waktu"]))
    waktu = (waktu.tz_localize("UTC") if waktu.tzinfo is None else waktu).tz_convert(WIB)
    kata = "dipulihkan" if str(b["jenis"]) == "pemulihan" else "diunggah"
    return f"realisasi {kata} {fmt.tanggal(waktu.date())} (Isi Realisasi, versi {int(b['id'])})"


def _slaid(
    kunci: str,
    judul: str,
    sumber: str,
    data: pd.DataFrame,
    kolom: dict[str, kosakata.Kolom],
    grafik: Grafik | None = None,
    pesan: str = "",
) -> Slaid:
    """A Slaid whose data holds exactly the declared columns, in their order; a chart only over rows."""
    hilang = [k for k in kolom if k not in data.columns]
    if hilang:
        raise KeyError(f"kolom {hilang} tidak ada di data slaid {kunci}")
    data = data[list(kolom)].reset_index(drop=True)
    if data.empty:
        grafik = None
    return Slaid(kunci=kunci, judul=judul, sumber=sumber, data=data, kolom=kolom, grafik=grafik, pesan=pesan)


def _grafik_bila_muat(data: pd.DataFrame, grafik: Grafik) -> Grafik | None:
    """The chart, or None (a table slide) when there are too many bars for a projector."""
    return grafik if 0 < len(data) <= MAKS_BARIS_GRAFIK else None


def susun(
    r: Renstra,
    tahun: int,
    kelurahan: str | None,
    tersimpan: pd.DataFrame,
    riwayat: pd.DataFrame | None = None,
    *,
    dibuat: date | None = None,
    tinjauan: bool = False,
) -> list[Slaid]:
    """The pack for ``tahun`` (a T-C.27 plan year) and the kecamatan (``kelurahan=None``) or one kelurahan.

    ``tersimpan`` = stored realisasi (``realisasi.KOLOM_REALISASI``), ``riwayat`` = ``Gudang.riwayat()``
    for the upload date in source lines, ``dibuat`` = the date printed on the title (today by default).
    A kecamatan pack whose year has reported realisasi gets ``efisiensi`` after ``serapan``;
    ``tinjauan=True`` appends the end-of-period review (``musrenbang.evaluasi``).
    """
    from musrenbang import evaluasi  # imports this module

    ada = pilihan.tahun_rencana(r)
    if int(tahun) not in ada:
        raise ValueError(f"Tahun {tahun} tidak ada di rencana (T-C.27); pilih salah satu: {', '.join(map(str, ada))}.")
    kelurahan = kelurahan or None
    if kelurahan is not None and kelurahan not in r.kelurahan:
        raise ValueError(
            f"Kelurahan '{kelurahan}' tidak ada di Renstra ini; pilih salah satu: {', '.join(r.kelurahan)}."
        )
    k = _Lingkup(r, int(tahun), kelurahan, tersimpan, riwayat, dibuat or date.today())
    slaid = [_judul(k), _pagu_tahun(k), _pagu_program(k), _sub_kegiatan(k), _capaian(k), _serapan(k), *_perubahan(k)]
    if kelurahan is not None:
        slaid.append(_pangsa(k))
    if r.peta is not None:
        slaid.append(_peta(k, r.peta))
    i = next(i for i, s in enumerate(slaid) if s.kunci == "serapan") + 1
    slaid[i:i] = evaluasi.efisiensi(k)
    if tinjauan:
        slaid.extend(evaluasi.tinjauan(k))
    return slaid


def susun_pada(
    r: Renstra,
    dibuat: date,
    tahun: int,
    kelurahan: str | None,
    tersimpan: pd.DataFrame,
    riwayat: pd.DataFrame | None,
    tinjauan: bool = False,
) -> list[Slaid]:
    """``susun`` with the build date as a positional argument, for ``state.sajikan``'s cache: a
    pack cached yesterday is built again today, with today's date on its title."""
    return susun(r, tahun, kelurahan, tersimpan, riwayat, dibuat=dibuat, tinjauan=tinjauan)


# --- 1. judul ---------------------------------------------------------------------------------


def _judul(k: _Lingkup) -> Slaid:
    cakupan = k.wilayah if k.kelurahan is None else f"{k.wilayah}, {k.kecamatan}"
    butir = [
        ("Perangkat daerah", k.kecamatan),
        ("Pemerintah daerah", str(k.info.get("pemerintah_daerah", "") or "")),
        ("Dokumen", k.r.judul),
        ("Periode", k.periode),
        ("Cakupan", cakupan if k.kelurahan else f"{cakupan} (seluruh kelurahan)"),
        ("Tahun", str(k.tahun)),
        ("Dibuat", fmt.tanggal(k.dibuat)),
    ]
    data = pd.DataFrame([b for b in butir if b[1]], columns=["butir", "isi"]).astype("string")
    terbit = str(k.info.get("tanggal", "") or "")
    sumber = f"Sumber: {k.dokumen}" + (f" ({terbit})" if terbit else "")
    return _slaid(
        "judul",
        f"Bahan Musrenbang {k.tahun}: {k.wilayah}",
        sumber,
        data,
        kosakata.kolom(butir="Butir", isi="Isi"),
    )


# --- 2. pagu per tahun ------------------------------------------------------------------------


def _rentang(tahun: pd.Series) -> str:
    t = sorted(int(x) for x in tahun.dropna())
    return f"{t[0]}-{t[-1]}" if t else ""


def _pagu_tahun(k: _Lingkup) -> Slaid:
    grafik = Grafik("batang", "tahun", ("pagu",), "rupiah")
    if k.kelurahan is None:
        p = ringkasan.pagu_per_tahun(k.r)
        data = pd.DataFrame(
            {
                "tahun": p["tahun"],
                "pagu": p["pagu"],
                "dasar": [c if n else DASAR_PROGRAM for c, n in zip(p["catatan"], p["program_rincian"], strict=True)],
            }
        ).astype({"dasar": "string"})
        rincian = [str(int(t)) for t, n in zip(p["tahun"], p["program_rincian"], strict=True) if n]
        tambahan = f"tahun {' dan '.join(rincian)}: {kosakata.jumlah_rincian()} (lihat Dasar)" if rincian else ""
        sumber = k.sumber("T-C.27 (pagu program)", _rentang(p["tahun"]), tambahan)
        kolom = kosakata.kolom("tahun", "pagu", "dasar")
    else:
        p = sajian_kelurahan.pagu_kelurahan(k.r, k.kelurahan)
        data = pd.DataFrame(
            {
                "tahun": p["tahun"],
                "pagu": p["pagu"],
                "persen": p["persen"],
                "catatan": [kosakata.catatan_tidak_terbaca(n) for n in p["tak_terbaca"].fillna(0)],
            }
        ).astype({"catatan": "string"})
        perubahan = kosakata.Kolom("Perubahan dari tahun sebelumnya", "persen")
        kolom = kosakata.kolom("tahun", "pagu", ("persen", perubahan), "catatan")
        sumber = k.sumber("T-C.27", _rentang(p["tahun"]), f"jumlah pagu baris paling rinci yang menyebut {k.wilayah}")
    judul = f"Pagu indikatif per tahun {_rentang(data['tahun'])}: {k.wilayah}"
    return _slaid("pagu-tahun", judul, sumber, data, kolom, grafik)


# --- 3. pagu per program ----------------------------------------------------------------------


def _baris_kelurahan(k: _Lingkup) -> pd.DataFrame:
    """The kelurahan's most detailed T-C.27 rows of the year (what ``metrics.pagu_per_kelurahan`` sums)."""
    R = k.r.rencana
    pilih = R["tahun"].eq(k.tahun) & R["kelurahan"].fillna("").eq(k.kelurahan) & ~R["punya_rincian"].astype(bool)
    d = R[pilih.fillna(False)].copy()
    d["kunci"] = pilihan.kunci_program(R)[d.index]
    return d.sort_values("baris", kind="stable")


def _tingkat_rinci(k: _Lingkup) -> tuple[str, str]:
    """("sub_kegiatan", "Sub kegiatan"), or ("kegiatan", "Kegiatan") in a year whose T-C.27 stops at kegiatan."""
    R = k.r.rencana
    if (R["tahun"].eq(k.tahun) & R["tingkat"].eq("sub_kegiatan")).fillna(False).any():
        return "sub_kegiatan", "Sub kegiatan"
    return "kegiatan", "Kegiatan"


def _pagu_program(k: _Lingkup) -> Slaid:
    grafik = Grafik("batang_horizontal", "program", ("pagu",), "rupiah")
    judul = f"Pagu per program {k.tahun}: {k.wilayah}"
    if k.kelurahan is None:
        p = ringkasan.pagu_program_tahun(k.r, k.tahun)
        data = p[["program", "pagu", "dasar"]]
        kolom = kosakata.kolom("program", "pagu", "dasar")
        tambahan = f"'jumlah rincian': {kosakata.jumlah_rincian()}" if p["dasar"].eq("jumlah rincian").any() else ""
        return _slaid("pagu-program", judul, k.sumber("T-C.27", k.tahun, tambahan), data, kolom, grafik)
    d = _baris_kelurahan(k)
    label = pilihan.program(k.r)
    data = (
        d.groupby("kunci", sort=False)
        .agg(pagu=("pagu", lambda s: s.sum(min_count=1)), rincian=("item_id", "nunique"))
        .reset_index()
    )
    data["program"] = data["kunci"].map(label).fillna(data["kunci"]).astype("string")
    data = data.astype({"pagu": "Int64", "rincian": "Int64"}).sort_values("pagu", ascending=False, kind="stable")
    _, nama_tingkat = _tingkat_rinci(k)
    kolom = kosakata.kolom("program", "pagu", rincian=kosakata.Kolom(f"Jumlah {nama_tingkat.lower()}", "bulat"))
    sumber = k.sumber("T-C.27", k.tahun, f"pagu {nama_tingkat.lower()} {k.wilayah} dijumlah per program")
    return _slaid("pagu-program", judul, sumber, data, kolom, grafik)


# --- 4. sub kegiatan dengan target ------------------------------------------------------------


def _catatan_baris(pagu: object, status: object, teks: object, indikator_ke: object, indikator_tercetak: bool) -> str:
    """Why a row's pagu or indicator cell is empty, in words (never left to look like 0); ``teks``
    is the pagu cell as printed."""
    bagian = []
    if pd.isna(pagu):
        if status == "tidak_terbaca":
            bagian.append(kosakata.pagu_tidak_terbaca("" if pd.isna(teks) else str(teks)))
        elif not pd.isna(indikator_ke) and int(indikator_ke) > 1:
            bagian.append(sajian_kelurahan.CATATAN_PAGU_SEKALI)
        else:
            bagian.append("pagu tidak tercetak")
    if not indikator_tercetak:
        bagian.append(sajian_kelurahan.CATATAN_INDIKATOR)
    return "; ".join(bagian)


def _sub_kegiatan(k: _Lingkup) -> Slaid:
    tingkat, nama_tingkat = _tingkat_rinci(k)
    judul = f"{nama_tingkat} {k.tahun}: indikator, target dan pagu ({k.wilayah})"
    tambahan = (
        "T-C.27 tahun ini tidak merinci sub kegiatan: baris paling rinci adalah kegiatan"
        if tingkat == "kegiatan"
        else ""
    )
    kolom = kosakata.kolom("kode", ("nama", nama_tingkat))
    if k.kelurahan is None:
        R = k.r.rencana
        pilih = R["tahun"].eq(k.tahun) & R["tingkat"].ne("program") & ~R["punya_rincian"].astype(bool)
        d = R[pilih.fillna(False)].sort_values("baris", kind="stable").copy()
        # A kelurahan's indicator is printed once for a run of kelurahan rows (merged cell): take it
        # from that run, as the Kelurahan page does (sajian.kelurahan.target_per_jenis).
        run = sajian_kelurahan.target_per_jenis(k.r, k.tahun).drop_duplicates("baris")
        dari_run = dict(zip(run["baris"], run["indikator"], strict=True))
        tercetak = d["indikator"].fillna("").str.strip().ne("")
        d["indikator"] = [
            i if t or b not in dari_run else dari_run[b]
            for i, t, b in zip(d["indikator"], tercetak, d["baris"], strict=True)
        ]
        d["catatan"] = [
            _catatan_baris(p, s, teks, ke, bool(t) or b not in dari_run)
            for p, s, teks, ke, t, b in zip(
                d["pagu"], d["pagu_status"], d["pagu_teks"], d["indikator_ke"], tercetak, d["baris"], strict=True
            )
        ]
        d["kelurahan"] = d["kelurahan"].fillna("")
        kolom["kelurahan"] = kosakata.KOLOM_BAKU["kelurahan"]
    else:
        d = sajian_kelurahan.rincian_kelurahan(k.r, k.kelurahan, k.tahun)
    kolom |= kosakata.kolom("indikator", "target", "satuan", "pagu", "catatan")
    d = d.astype({"indikator": "string", "catatan": "string", "kode": "string", "nama": "string"})
    pesan = "" if len(d) else f"Tidak ada {nama_tingkat.lower()} {k.wilayah} di T-C.27 tahun {k.tahun}."
    return _slaid("sub-kegiatan", judul, k.sumber("T-C.27", k.tahun, tambahan), d, kolom, pesan=pesan)


# --- 5. capaian dan predikat ------------------------------------------------------------------

_KOLOM_CAPAIAN = kosakata.kolom(
    "indikator", "sumber", "target", "realisasi", "satuan", "capaian", "predikat", "keterangan"
)


def _alasan(alasan: object) -> str:
    return "" if pd.isna(alasan) or not alasan else f"Tanpa capaian: {alasan}"


_ISI_TABEL = {"T-C.23": "capaian dari dokumen", "T-C.24": "serapan dari dokumen"}


def _realisasi_dokumen(k: _Lingkup, formulir: str, tahun: list[int], *, uang: bool = False) -> tuple[str, str]:
    """Where the document's own realisasi are, or why it has none: (a sentence for the slide's
    message, the document part of its source line)."""
    rentang = _rentang(pd.Series(tahun, dtype="Int64"))
    if not anggaran.ada_tabel(k.r, formulir):
        return anggaran.pesan_tanpa_tabel(formulir, _ISI_TABEL[formulir]), f"{k.dokumen} (tanpa tabel {formulir})"
    if not rentang:
        return f"Tabel {formulir} Renstra ini tidak memuat realisasi.", f"{k.dokumen}, {formulir} (tanpa realisasi)"
    catatan = kosakata.catatan_realisasi_dokumen(formulir, rentang, anggaran=uang)
    return catatan, f"{k.dokumen}, {formulir} (realisasi {rentang})"


def _capaian(k: _Lingkup) -> Slaid:
    tahun_dokumen = kinerja.tahun_realisasi(k.r)
    rentang = _rentang(pd.Series(tahun_dokumen, dtype="Int64"))
    bagian, sumber = [], []
    if k.kelurahan is None and k.tahun in tahun_dokumen:
        c = kinerja.capaian_tahun(k.r, k.tahun)
        c = c[c["realisasi"].notna()]
        if len(c):
            bagian.append(c.assign(sumber="dokumen (T-C.23)", keterangan=c["catatan"].fillna(""))[list(_KOLOM_CAPAIAN)])
            sumber.append(f"{k.dokumen}, T-C.23, tahun {k.tahun}")
    lapor = sajian_realisasi.capaian_dilaporkan(k.r, k.tahun, k.tersimpan)
    if k.kelurahan is not None:
        lapor = lapor[lapor["kelurahan"].eq(k.kelurahan)]
    if len(lapor):
        bagian.append(
            lapor.assign(sumber="Isi Realisasi (T-C.27)", keterangan=lapor["alasan"].map(_alasan))[list(_KOLOM_CAPAIAN)]
        )
        sumber.append(f"{k.unggah()}; target: {k.dokumen}, T-C.27, tahun {k.tahun}")
    judul = f"Capaian dan predikat indikator {k.tahun}: {k.wilayah}"
    # Only said of a kelurahan when the document does print capaian (for the kecamatan).
    tingkat_kecamatan = (
        f"capaian di dokumen (T-C.23, {rentang}) hanya tingkat kecamatan, tidak per kelurahan" if rentang else ""
    )
    if not bagian:
        kosong = pd.DataFrame({c: pd.Series(dtype="string") for c in _KOLOM_CAPAIAN})
        untuk = "" if k.kelurahan is None else f" {k.wilayah}"
        pesan = kosakata.catatan_tanpa_realisasi(k.tahun, "capaian", wilayah=untuk.strip())
        catatan, dokumen = _realisasi_dokumen(k, "T-C.23", tahun_dokumen)
        if k.kelurahan is None or not tingkat_kecamatan:
            pesan += f" {catatan}"
        else:
            pesan += f" {tingkat_kecamatan[0].upper()}{tingkat_kecamatan[1:]}."
        teks = f"Sumber: Isi Realisasi (belum ada unggahan tahun {k.tahun}{untuk}); {dokumen}"
        return _slaid("capaian", judul, teks, kosong, dict(_KOLOM_CAPAIAN), pesan=pesan)
    data = pd.concat(bagian, ignore_index=True).astype(
        {"indikator": "string", "sumber": "string", "satuan": "string", "predikat": "string", "keterangan": "string",
         "target": "Float64", "realisasi": "Float64", "capaian": "Float64"}
    )  # fmt: skip
    if k.kelurahan is not None and tingkat_kecamatan:
        sumber.append(tingkat_kecamatan)
    grafik = _grafik_bila_muat(data, Grafik("batang_horizontal", "indikator", ("capaian",), "persen"))
    return _slaid("capaian", judul, "Sumber: " + "; ".join(sumber), data, dict(_KOLOM_CAPAIAN), grafik)


# --- 6. serapan -------------------------------------------------------------------------------


def _serapan(k: _Lingkup) -> Slaid:
    s = anggaran.serapan_program(k.r)
    tahun_tc24 = sorted(int(t) for t in s.loc[s["realisasi"].notna(), "tahun"].unique())
    rentang = _rentang(pd.Series(tahun_tc24, dtype="Int64"))
    lapor = sajian_realisasi.serapan_dilaporkan(k.r, k.tahun, k.tersimpan)
    if k.kelurahan is not None:
        lapor = lapor[lapor["kelurahan"].eq(k.kelurahan)]
    if k.kelurahan is None and k.tahun in tahun_tc24:
        return _serapan_dokumen(k, s, len(lapor))
    judul = f"Serapan anggaran {k.tahun} yang dilaporkan: {k.wilayah}"
    catatan_tc24 = f"T-C.24 (anggaran dan realisasi {rentang}) hanya tingkat kecamatan, tidak dirinci per kelurahan"
    if len(lapor):
        data = lapor.rename(columns={"nama": "program"}).astype({"kode": "string", "program": "string"})
        kolom = kosakata.kolom("kode", ("program", "Program/kegiatan/sub kegiatan"))
        if k.kelurahan is None:
            data["kelurahan"] = data["kelurahan"].astype("string")
            kolom["kelurahan"] = kosakata.KOLOM_BAKU["kelurahan"]
        kolom |= kosakata.kolom("pagu", ("realisasi", kosakata.REALISASI_RP), "serapan")
        sumber = f"Sumber: {k.unggah()}; pagu: {k.dokumen}, T-C.27, tahun {k.tahun}"
        if k.kelurahan is not None and k.tahun in tahun_tc24:
            sumber += f"; {catatan_tc24}"
        grafik = _grafik_bila_muat(data, Grafik("batang_horizontal", "program", ("serapan",), "persen"))
        return _slaid("serapan", judul, sumber, data, kolom, grafik)
    untuk = "" if k.kelurahan is None else f" {k.wilayah}"
    pesan = kosakata.catatan_tanpa_realisasi(k.tahun, "serapan", anggaran=True, wilayah=untuk.strip())
    catatan, dokumen = _realisasi_dokumen(k, "T-C.24", tahun_tc24, uang=True)
    if k.kelurahan is None:
        pesan += f" {catatan}"
    elif k.tahun in tahun_tc24:
        pesan += f" {catatan_tc24}."
    kolom = kosakata.kolom("program", "pagu", ("realisasi", kosakata.REALISASI_RP), "serapan")
    kosong = pd.DataFrame({c: pd.Series(dtype="string") for c in kolom})
    sumber = f"Sumber: Isi Realisasi (belum ada unggahan anggaran tahun {k.tahun}{untuk}); {dokumen}"
    return _slaid("serapan", judul, sumber, kosong, kolom, pesan=pesan)


def _serapan_dokumen(k: _Lingkup, s: pd.DataFrame, diunggah: int) -> Slaid:
    """The kecamatan's serapan of a year the document prints (T-C.24); uploads of that year are not used."""
    d = s[s["tahun"].eq(k.tahun)]
    data = pd.DataFrame(
        {"program": d["label"], "anggaran": d["anggaran"], "realisasi": d["realisasi"], "serapan": d["serapan"],
         "keterangan": d["catatan"].fillna("")}
    ).astype({"program": "string", "keterangan": "string"})  # fmt: skip
    kolom = kosakata.kolom("program", "anggaran", ("realisasi", kosakata.REALISASI_RP), "serapan", "keterangan")
    tahunan = anggaran.anggaran_realisasi_tahunan(k.r)
    total = tahunan.loc[tahunan["tahun"].eq(k.tahun), "serapan"]
    judul = f"Serapan anggaran {k.tahun} (T-C.24): {k.wilayah}"
    if len(total) and not pd.isna(total.iloc[0]):
        judul += f", {fmt.persen(total.iloc[0])} dari program yang mencetak realisasi"
    tambahan = "serapan = realisasi ÷ anggaran × 100"
    if diunggah:
        tambahan += f"; {diunggah} baris realisasi {k.tahun} yang diunggah tidak dipakai di sini (dokumen memuat T-C.24 tahun ini)"
    grafik = _grafik_bila_muat(data, Grafik("batang_horizontal", "program", ("serapan",), "persen"))
    return _slaid("serapan", judul, k.sumber("T-C.24", k.tahun, tambahan), data, kolom, grafik)


# --- 7. perubahan Renstra ---------------------------------------------------------------------


def formulir_dibandingkan(r: Renstra) -> list[str]:
    """The forms (T-C.25, T-C.28) the Renstra prints both before and after its revision: only
    those have changes to show. [] for a Renstra that was not revised (one version of each)."""
    s = r.sasaran
    sebelum, sesudah = (set(s.loc[s["versi"].eq(v), "formulir"].dropna()) for v in ("sebelum", "sesudah"))
    return sorted(str(f) for f in sebelum & sesudah)


def _tanpa_perubahan(k: _Lingkup) -> list[Slaid]:
    """Both perubahan slides for a Renstra without a before-revision version: nothing to compare."""
    formulir = " dan ".join(sorted(str(f) for f in k.r.sasaran["formulir"].dropna().unique()))
    pesan = (
        f"Renstra ini tidak memuat versi sebelum perubahan{f' ({formulir} hanya satu versi)' if formulir else ''}, "
        "jadi tidak ada perubahan Renstra yang dapat dibandingkan."
    )
    sumber = f"Sumber: {k.dokumen}" + (f", {formulir}" if formulir else "")
    kolom = kosakata.kolom("jenis_perubahan", jumlah=kosakata.Kolom("Jumlah", "bulat"))
    kosong = pd.DataFrame({c: pd.Series(dtype="string") for c in kolom})
    judul = "Perubahan Renstra: tidak ada versi sebelum perubahan"
    return [
        _slaid("perubahan", judul, sumber, kosong, kolom, pesan=pesan),
        _slaid("perubahan-daftar", "Daftar perubahan Renstra", sumber, kosong, kolom, pesan=pesan),
    ]


def _perubahan(k: _Lingkup) -> list[Slaid]:
    formulir = formulir_dibandingkan(k.r)
    if not formulir:
        return _tanpa_perubahan(k)
    ringkas = perubahan.ringkasan_perubahan(k.r)
    ringkas = ringkas[ringkas["formulir"].isin(formulir)]
    lebar = ringkas.pivot(index="jenis_perubahan", columns="formulir", values="jumlah")
    lebar = lebar.reindex(list(dict.fromkeys(ringkas["jenis_perubahan"]))).reset_index()
    lebar.columns = [str(c) for c in lebar.columns]
    lebar = lebar.astype({"jenis_perubahan": "string", **{f: "Int64" for f in formulir}})
    kolom = kosakata.kolom("jenis_perubahan", *((f, kosakata.Kolom(f"{f} (jumlah)", "bulat")) for f in formulir))
    tabel = " dan ".join(formulir)
    sumber = f"Sumber: {k.dokumen}, {tabel}, sebelum dan sesudah perubahan (tingkat kecamatan)"
    ringkasan_slaid = _slaid(
        "perubahan",
        "Apa yang diubah Perubahan Renstra: jumlah perubahan per jenis",
        sumber,
        lebar,
        kolom,
        Grafik("batang_horizontal", "jenis_perubahan", tuple(formulir), "angka"),
    )
    daftar = perubahan.daftar_perubahan(k.r)
    daftar = daftar[daftar["formulir"].isin(formulir)]
    kolom_daftar = kosakata.kolom(
        "formulir", "jenis_perubahan", "level", "no", "indikator", "tahun", "sebelum", "sesudah",
        nilai_tercetak="Nilai tercetak (indikator ditambah/dihapus)",
    )  # fmt: skip
    daftar = daftar.astype({c: "string" for c, (_, j) in kolom_daftar.items() if j == "teks"})
    pesan = "" if len(daftar) else f"Perubahan Renstra tidak mengubah indikator, target, atau kondisi di {tabel}."
    return [
        ringkasan_slaid,
        _slaid(
            "perubahan-daftar",
            "Daftar perubahan Renstra, sebelum dan sesudah",
            sumber,
            daftar,
            kolom_daftar,
            pesan=pesan,
        ),  # fmt: skip
    ]


# --- 8. pangsa dan peringkat kelurahan --------------------------------------------------------


def _pangsa(k: _Lingkup) -> Slaid:
    p = sajian_kelurahan.pagu_per_tahun(k.r)
    p = p[p["tahun"].eq(k.tahun)]
    ini, lain = p[p["kelurahan"].eq(k.kelurahan)], p[~p["kelurahan"].eq(k.kelurahan)]
    kolom = kosakata.kolom(
        ("bagian", "Bagian"),
        "pagu",
        ("pangsa", kosakata.Kolom("Pangsa", "persen")),
        ("peringkat", "Peringkat"),
        ("jumlah", kosakata.Kolom(f"Jumlah {len(p)} kelurahan (Rp)", "rupiah")),
    )
    sumber = k.sumber(
        "T-C.27", k.tahun, "pagu baris paling rinci yang menyebut kelurahan; pangsa = pagu ÷ jumlah × 100"
    )
    if ini.empty:
        kosong = pd.DataFrame({c: pd.Series(dtype="string") for c in kolom})
        pesan = f"T-C.27 tahun {k.tahun} tidak memuat pagu {k.wilayah}; pangsa {kosakata.TIDAK_DIHITUNG}."
        return _slaid("pangsa-kelurahan", f"{k.wilayah} di antara kelurahan, {k.tahun}", sumber, kosong, kolom,
                      pesan=pesan)  # fmt: skip
    pagu = int(ini["pagu"].iloc[0])
    pangsa = ini["pangsa"].iloc[0]
    lebih_besar = int(lain["pagu"].gt(pagu).fillna(False).sum())
    sama = int(lain["pagu"].eq(pagu).fillna(False).sum())
    peringkat = f"ke-{lebih_besar + 1} dari {len(p)}" + (f" (sama besar dengan {sama} kelurahan lain)" if sama else "")
    jumlah = int(p["pagu"].sum())
    data = pd.DataFrame(
        {
            "bagian": pd.array([k.wilayah, f"{len(lain)} kelurahan lain"], dtype="string"),
            "pagu": pd.array([pagu, int(lain["pagu"].sum())], dtype="Int64"),
            "pangsa": pd.array([pangsa, lain["pangsa"].sum(min_count=1)], dtype="Float64"),
            "peringkat": pd.array([peringkat, pd.NA], dtype="string"),
            "jumlah": pd.array([jumlah, jumlah], dtype="Int64"),
        }
    )
    judul = f"{k.wilayah} di antara {len(p)} kelurahan, {k.tahun}: {fmt.persen(pangsa)} pagu, peringkat {peringkat}"
    return _slaid("pangsa-kelurahan", judul, sumber, data, kolom, Grafik("donat", "bagian", ("pagu",), "rupiah"))


# --- 9. peta kelurahan --------------------------------------------------------------------------


def _peta(k: _Lingkup, peta: Peta) -> Slaid:
    """The kelurahan map coloured by pagu in the year: every kelurahan (kecamatan pack), or the pack's
    kelurahan highlighted with only its own value (the others drawn grey, without their figures)."""
    d = sajian_kelurahan.nilai_peta(k.r, k.tahun)
    if k.kelurahan is not None:
        d = d[d["kelurahan"].eq(k.kelurahan)]
    kolom = kosakata.kolom(
        "kelurahan", ("kode", "Kode Kemendagri"), "pagu", ("pangsa", kosakata.Kolom("Pangsa", "persen"))
    )
    sumber = k.sumber(
        "T-C.27", k.tahun, f"pagu baris paling rinci yang menyebut kelurahan; {peta.sumber or peta.berkas}"
    )
    judul = f"Peta pagu kelurahan {k.tahun}" + (f": {k.wilayah}" if k.kelurahan else f", {k.kecamatan}")
    s = _slaid("peta", judul, sumber, d, kolom, Grafik("peta", "kelurahan", ("pagu",), "rupiah"))
    return dataclasses.replace(s, peta=peta, sorot=k.kelurahan)
