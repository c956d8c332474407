"""The upload flow of Isi Realisasi without Streamlit: check, ownership, preview, then save.

The page calls these two steps and only shows their results; the tests (and the property
test that mutates templates) run exactly the same steps against a throwaway store.

A triwulan template (the file says which quarter) goes the same way; its preview also carries
the warnings that do not refuse (a kumulatif K figure that decreased) and the annual values
entered directly for its rows (``bentrok``): saving then needs the uploader's ``pilihan``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import pandas as pd

from loaders.renstra import Renstra
from realisasi import akun as akun_mod
from realisasi import bingkai_kosong, validasi
from realisasi.gudang import PILIHAN_TAHUNAN, PILIHAN_TRIWULAN, Gudang, GudangError

PILIHAN = (PILIHAN_TRIWULAN, PILIHAN_TAHUNAN)


@dataclass(frozen=True)
class Pratinjau:
    """A checked upload: its records, what saving would change, and what identifies the file."""

    rekaman: pd.DataFrame
    perubahan: pd.DataFrame  # gudang.pratinjau: jenis baru/berubah/sama, old and new values
    tahun: int
    kelurahan: str | None  # the uploader's scope (None: admin)
    nama_berkas: str
    sha256: str
    triwulan: int | None = None  # None: the year's template
    kumulatif: bool = False
    peringatan: tuple[validasi.Masalah, ...] = ()  # shown, not refusing
    bentrok: pd.DataFrame = field(default_factory=bingkai_kosong)  # annual values entered directly for its rows
    tergantikan: int = 0  # an annual upload: rows whose stored quarters it stands over

    @property
    def jumlah(self) -> dict[str, int]:
        n = self.perubahan["jenis"].value_counts()
        return {k: int(n.get(k, 0)) for k in ("baru", "berubah", "sama")}


def periksa(data: bytes, r: Renstra, tahun: int, akun: akun_mod.Akun, gudang: Gudang, nama_berkas: str) -> Pratinjau:
    """Check a file completely and preview it; raises ``validasi.UnggahanError`` or ``GudangError``. Stores nothing.

    ``gudang`` must be the store of ``r``'s realisasi: its ``renstra_id`` is the manifest's
    [renstra] id (when the manifest names one).
    """
    renstra_id = str(r.manifest.get("renstra", {}).get("id") or "")
    if renstra_id and renstra_id != gudang.renstra_id:
        raise GudangError(
            f"Renstra '{renstra_id}' bukan Renstra penyimpanan realisasi ini ({gudang.renstra_id}); "
            "tidak ada yang disimpan."
        )
    kelurahan = None if akun.admin else akun.kelurahan
    tw = gudang.keadaan_triwulan(tahun=int(tahun))
    b = validasi.baca(data, r, tahun, kelurahan, nama_berkas, tersimpan=validasi.tersimpan_dari(tw))
    rekaman = b.rekaman
    terlarang = akun_mod.baris_terlarang(akun, rekaman, rencana=r.rencana, wilayah=r.wilayah)
    if not terlarang.empty:
        raise validasi.UnggahanError(
            [validasi.Masalah(f"{len(terlarang)} baris bukan milik akun ini (kelurahan lain atau kecamatan).")],
            nama_berkas,
        )
    sha = hashlib.sha256(data).hexdigest()
    if b.triwulan is None:
        perubahan = gudang.pratinjau(rekaman, tahun=tahun, kelurahan=kelurahan)
        kunci = ["tahun", "item_id", "indikator_ke"]
        n = len(rekaman[kunci].merge(tw[kunci].drop_duplicates(), on=kunci))
        return Pratinjau(rekaman, perubahan, int(tahun), kelurahan, nama_berkas, sha, tergantikan=n)
    perubahan = gudang.pratinjau_triwulan(rekaman, tahun=tahun, kelurahan=kelurahan)
    return Pratinjau(
        rekaman, perubahan, int(tahun), kelurahan, nama_berkas, sha,
        b.triwulan, b.kumulatif, b.peringatan, gudang.bentrok_tahunan(rekaman),
    )  # fmt: skip


def simpan(p: Pratinjau, akun: akun_mod.Akun, gudang: Gudang, pilihan: str | None = None) -> int:
    """Store a previewed upload as a new version; ``GudangBerubah`` when another save came in between.

    ``pilihan`` (a triwulan upload with ``bentrok``): ``"triwulan"`` or ``"tahunan"``, which stands.
    """
    if p.triwulan is not None:
        return gudang.simpan_triwulan(
            p.rekaman, pengguna=akun.nama, peran=akun.peran, nama_berkas=p.nama_berkas, sha256=p.sha256,
            tahun=p.tahun, kelurahan=p.kelurahan, pilihan=pilihan, versi_dasar=p.perubahan.attrs.get("versi_dasar"),
        )  # fmt: skip
    return gudang.simpan(
        p.rekaman,
        pengguna=akun.nama,
        peran=akun.peran,
        nama_berkas=p.nama_berkas,
        sha256=p.sha256,
        tahun=p.tahun,
        kelurahan=p.kelurahan,
        versi_dasar=p.perubahan.attrs.get("versi_dasar"),
    )
