"""Evaluasi slides of the Musrenbang pack: capaian against serapan, and the end-of-period review.

Built by ``musrenbang.isi.susun`` from ``sajian.evaluasi`` (the Evaluasi Renstra page's frames):

- ``efisiensi`` (kecamatan pack, only when realisasi of the year were reported): capaian and serapan
  per program, the quadrant in words, after the serapan slide;
- ``tinjauan``, ``tinjauan-indikator``, ``tinjauan-program`` (optional, ticked on the page): the
  end-of-period review of a periode that has ended by the pack's date; before that, one slide saying so.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

import formatting as fmt
import kosakata
from loaders import Renstra
from musrenbang import buku
from musrenbang.isi import Grafik, Slaid, _grafik_bila_muat, _Lingkup, _slaid
from sajian import evaluasi as sajian_evaluasi
from sajian import pilihan


def _ambang() -> str:
    return f"tinggi = paling sedikit {fmt.persen(sajian_evaluasi.ambang(), 0)} ({sajian_evaluasi.nama_ambang()})"


def efisiensi(k: _Lingkup) -> list[Slaid]:
    """Capaian and serapan per program in the year (kecamatan pack); no slide when nothing was reported."""
    if k.kelurahan is not None:
        return []
    d = sajian_evaluasi.efisiensi_tahun(k.r, k.tahun, k.tersimpan, "program")
    if d.empty:
        return []
    data = pd.DataFrame(
        {
            "program": (d["kode"].fillna("") + " " + d["nama"].fillna("")).str.strip(),
            "pagu": d["pagu"],
            "realisasi": d["realisasi"],
            "capaian": d["capaian"],
            "serapan": d["serapan"],
            "kuadran": d["kuadran"].fillna(""),
            "keterangan": d["catatan"].fillna(""),
        }
    ).astype({"program": "string", "kuadran": "string", "keterangan": "string"})
    kolom = kosakata.kolom(
        "program", "pagu", ("realisasi", kosakata.REALISASI_RP), "capaian", "serapan", kuadran="Kuadran",
        keterangan="Keterangan",
    )  # fmt: skip
    grafik = _grafik_bila_muat(data, Grafik("batang_horizontal", "program", ("capaian", "serapan"), "persen"))
    sumber = (
        f"Sumber: {k.unggah()}; target dan pagu: {k.dokumen}, T-C.27, tahun {k.tahun}; "
        f"rata-rata capaian dan jumlah realisasi ÷ jumlah pagu sub kegiatan yang dilaporkan; {_ambang()}"
    )
    return [_slaid("efisiensi", f"Capaian dan serapan {k.tahun} per program: {k.wilayah}", sumber, data, kolom, grafik)]


def tinjauan(k: _Lingkup) -> list[Slaid]:
    """The end-of-period review (kecamatan-wide: every T-C.23 and T-C.27 indicator and program)."""
    status = sajian_evaluasi.status_periode(k.r, k.dibuat)
    periode = f"{status['awal']}-{status['akhir']}"
    if not status["berakhir"]:
        kolom = kosakata.kolom("predikat", "jumlah")
        kosong = pd.DataFrame({c: pd.Series(dtype="string") for c in kolom})
        pesan = f"Periode {periode} belum berakhir pada {fmt.tanggal(k.dibuat)}; tinjauan akhir periode belum dapat disusun."
        return [
            _slaid("tinjauan", f"Tinjauan akhir periode {periode}", f"Sumber: {k.dokumen}", kosong, kolom, pesan=pesan)
        ]
    t = sajian_evaluasi.tinjauan_indikator(k.r, k.tersimpan)
    return [_predikat(k, t, periode), _indikator(k, t, periode), _program(k, periode)]


def _predikat(k: _Lingkup, t: pd.DataFrame, periode: str) -> Slaid:
    p = sajian_evaluasi.tinjauan_predikat(t)
    data = p.pivot(index="predikat", columns="sumber", values="jumlah").reindex(list(dict.fromkeys(p["predikat"])))
    sumber_tabel = [str(c) for c in dict.fromkeys(p["sumber"])]
    data = data[sumber_tabel].rename_axis(columns=None).reset_index().astype({"predikat": "string"})
    kolom = {"predikat": kosakata.KOLOM_BAKU["predikat"]} | {
        s: kosakata.Kolom(f"Indikator {s}", "bulat") for s in sumber_tabel
    }
    grafik = Grafik("batang_bertumpuk", "predikat", tuple(sumber_tabel), "angka")
    sumber = (
        f"Sumber: {k.dokumen}, T-C.23 dan T-C.27; {k.unggah()}; predikat dari realisasi terakhir lawan target akhir"
    )
    return _slaid("tinjauan", f"Tinjauan akhir periode {periode}: indikator per predikat", sumber, data, kolom, grafik)


def _indikator(k: _Lingkup, t: pd.DataFrame, periode: str) -> Slaid:
    d = t[t["dilaporkan"].fillna(False).astype(bool)]
    data = pd.DataFrame(
        {
            "indikator": [
                f"{a} {b}".strip() + (f" ({c})" if c else "")
                for a, b, c in zip(d["kode"], d["indikator"], d["kelurahan"], strict=True)
            ],  # fmt: skip
            "sumber": d["sumber"],
            "target": d["target_akhir"],
            "tahun_target": d["tahun_target"],
            "realisasi": d["realisasi_akhir"],
            "tahun_realisasi": d["tahun_realisasi"],
            "capaian": d["capaian"],
            "predikat": d["predikat"],
            "arah": d["arah"],
        }
    ).astype({"indikator": "string", "sumber": "string", "predikat": "string", "arah": "string"})
    kolom = kosakata.kolom(
        "indikator", "sumber", ("target", "Target akhir"), ("tahun_target", kosakata.Kolom("Tahun target", "tahun")),
        ("realisasi", "Realisasi terakhir"), ("tahun_realisasi", kosakata.Kolom("Tahun realisasi", "tahun")),
        "capaian", "predikat", arah="Arah capaian",
    )  # fmt: skip
    grafik = _grafik_bila_muat(data, Grafik("batang_horizontal", "indikator", ("capaian",), "persen"))
    belum = int((~t["dilaporkan"].fillna(False).astype(bool)).sum())
    sumber = (
        f"Sumber: {k.dokumen}, T-C.23, T-C.25/T-C.28, T-C.27; {k.unggah()}; {belum} indikator belum pernah dilaporkan"
    )
    return _slaid("tinjauan-indikator", f"Capaian akhir periode {periode} per indikator", sumber, data, kolom, grafik)


def _program(k: _Lingkup, periode: str) -> Slaid:
    p = sajian_evaluasi.tinjauan_program(k.r, k.tersimpan)
    data = p[["sumber", "program", "tahun", "pagu_dilaporkan", "realisasi", "serapan"]].astype(
        {"sumber": "string", "program": "string", "tahun": "string"}
    )
    kolom = kosakata.kolom(
        "sumber", "program", ("tahun", kosakata.Kolom("Tahun")), ("pagu_dilaporkan", kosakata.Kolom("Pagu/anggaran (Rp)", "rupiah")),
        ("realisasi", kosakata.REALISASI_RP), "serapan",
    )  # fmt: skip
    sumber = f"Sumber: {k.dokumen}, T-C.24 dan T-C.27; {k.unggah()}; tahun dan baris yang mempunyai realisasi"
    return _slaid("tinjauan-program", f"Pagu dan realisasi per program, periode {periode}", sumber, data, kolom)


def buku_tinjauan(r: Renstra, tersimpan: pd.DataFrame, riwayat: pd.DataFrame | None, dibuat: date) -> bytes:
    """The end-of-period review as a workbook (one sheet per slide, as in the pack), for the Evaluasi Renstra page."""
    tahun = pilihan.tahun_rencana(r)[-1]
    return buku.buku_xlsx(tinjauan(_Lingkup(r, tahun, None, tersimpan, riwayat, dibuat)))
