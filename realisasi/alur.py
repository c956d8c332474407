"""The upload flow of Isi Realisasi without Streamlit: check, ownership, preview, then save.

The page calls these two steps and only shows their results; the tests (and the property
test that mutates templates) run exactly the same steps against a throwaway store.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pandas as pd

from loaders.renstra import Renstra
from realisasi import akun as akun_mod
from realisasi import validasi
from realisasi.gudang import Gudang, GudangError


@dataclass(frozen=True)
class Pratinjau:
    """A checked upload: its records, what saving would change, and what identifies the file."""

    rekaman: pd.DataFrame
    perubahan: pd.DataFrame  # gudang.pratinjau: jenis baru/berubah/sama, old and new values
    tahun: int
    kelurahan: str | None  # the uploader's scope (None: admin)
    nama_berkas: str
    sha256: str

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
    rekaman = validasi.baca_unggahan(data, r, tahun, kelurahan=kelurahan, nama_berkas=nama_berkas)
    terlarang = akun_mod.baris_terlarang(akun, rekaman, rencana=r.rencana, wilayah=r.wilayah)
    if not terlarang.empty:
        raise validasi.UnggahanError(
            [validasi.Masalah(f"{len(terlarang)} baris bukan milik akun ini (kelurahan lain atau kecamatan).")],
            nama_berkas,
        )
    perubahan = gudang.pratinjau(rekaman, tahun=tahun, kelurahan=kelurahan)
    return Pratinjau(rekaman, perubahan, int(tahun), kelurahan, nama_berkas, hashlib.sha256(data).hexdigest())


def simpan(p: Pratinjau, akun: akun_mod.Akun, gudang: Gudang) -> int:
    """Store a previewed upload as a new version; ``GudangBerubah`` when another save came in between."""
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
