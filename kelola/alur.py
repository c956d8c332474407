"""The Kelola Renstra flow without Streamlit: check a workbook, preview it, then store it.

The page shows what these return; the tests run the same steps against a throwaway store.
Nothing is stored before :func:`simpan`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from kelola.gudang_renstra import GudangRenstra
from loaders import Renstra, audit_renstra
from loaders.renstra import renstra_dari_xlsx
from realisasi.akun import Akun
from sajian import kelola


@dataclass(frozen=True)
class Pratinjau:
    """A checked Renstra workbook: the Renstra, what it holds, what the audit finds, what changes."""

    renstra: Renstra
    isi: bytes
    nama_berkas: str
    identitas: pd.DataFrame
    per_tahun: pd.DataFrame
    temuan: pd.DataFrame
    versi_sebelumnya: int | None  # the stored version it would follow (None: a new Renstra)
    beda: pd.DataFrame | None  # printed cells changed against that version

    @property
    def renstra_id(self) -> str:
        return str(self.renstra.manifest["renstra"]["id"])


def periksa(data: bytes, nama_berkas: str, gudang: GudangRenstra) -> Pratinjau:
    """Read and check a workbook (``DaftarMasalahError`` lists every problem); stores nothing."""
    r = renstra_dari_xlsx(data, nama_berkas)
    rid = str(r.manifest["renstra"]["id"])
    sebelumnya = gudang.versi_terakhir(rid)
    beda = None
    if sebelumnya is not None:
        beda = kelola.beda_versi(renstra_dari_xlsx(gudang.muat(rid), f"{rid}.xlsx"), r)
    return Pratinjau(
        r, data, nama_berkas, kelola.identitas(r), kelola.isi_per_tahun(r), audit_renstra(r), sebelumnya, beda
    )


def simpan(p: Pratinjau, akun: Akun, gudang: GudangRenstra) -> int:
    """Store the previewed workbook as the next version of its Renstra; the version number."""
    info = p.renstra.manifest["renstra"]
    periode = info["periode"]
    return gudang.simpan(
        p.isi,
        renstra_id=p.renstra_id,
        judul=p.renstra.judul,
        perangkat_daerah=str(info.get("perangkat_daerah", "")),
        periode_awal=int(periode[0]),
        periode_akhir=int(periode[-1]),
        pengguna=akun.nama,
        peran=akun.peran,
        nama_berkas=p.nama_berkas,
    )
