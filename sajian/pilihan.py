"""Options of the shared filters (tahun, program, kelurahan): values that survive in a URL."""

from __future__ import annotations

import pandas as pd

from loaders import Renstra

SEMUA = "semua"


def tahun_rencana(r: Renstra) -> list[int]:
    """Years of the plan with targets and pagu (T-C.27), as the Renstra's T-C.27 prints them."""
    return sorted(int(t) for t in r.rencana["tahun"].dropna().unique())


def tahun_tanpa_realisasi(r: Renstra) -> list[int]:
    """Plan years for which the document prints no realisasi at all (T-C.23 nor T-C.24): the years
    whose realisasi are reported on Isi Realisasi. Every plan year when the Renstra has neither table."""
    ada = {int(t) for d in (r.kinerja, r.anggaran) for t in d.loc[d["realisasi"].notna(), "tahun"].dropna()}
    return [t for t in tahun_rencana(r) if t not in ada]


def kunci_program(rencana: pd.DataFrame) -> pd.Series:
    """A program's identity across years: its Permendagri 90 code (``7.01.03``) where it has one,
    else the printed row's id (programs of a year under an old local code scheme, ``skema_kode``
    "lokal_lama", never mapped onto new ones)."""
    program = rencana[rencana["tingkat"].eq("program")]
    baru = program["skema_kode"].eq("permendagri90") & program["kode"].fillna("").ne("")
    kode = dict(zip(program.loc[baru, "program_id"], program.loc[baru, "kode"], strict=True))
    # From the program row, so a kegiatan printed without a code still belongs to 7.01.01.
    return rencana["program_id"].map(lambda pid: kode.get(pid, pid)).astype("string")


def program(r: Renstra) -> dict[str, str]:
    """Program key -> label, newest naming first: ``7.01.03 Pemberdayaan Masyarakat Desa dan Kelurahan``.

    Programs under the new codes come first (label from the latest year), then the programs
    under another code scheme, with their own names and the year(s) T-C.27 prints them in:
    ``Pemberdayaan Masyarakat (<tahun>)``.
    """
    R = r.rencana[r.rencana["tingkat"].eq("program")].copy()
    R["kunci"] = kunci_program(R)
    hasil: dict[str, str] = {}
    baru = R[R["skema_kode"].eq("permendagri90")].sort_values(["kode", "tahun"])
    for kunci, kelompok in baru.groupby("kunci", sort=True):
        nama = str(kelompok["nama"].iloc[-1])
        hasil[str(kunci)] = f"{kunci} {_rapikan(nama)}"
    lama = R[~R["skema_kode"].eq("permendagri90")].sort_values("baris")
    for kunci, kelompok in lama.groupby("kunci", sort=False):
        tahun = ", ".join(str(t) for t in sorted({int(t) for t in kelompok["tahun"].dropna()}))
        hasil[str(kunci)] = f"{_rapikan(str(kelompok['nama'].iloc[0]))} ({tahun})"
    return hasil


def _rapikan(nama: str) -> str:
    """``PROGRAM PEMBERDAYAAN ...`` -> ``Pemberdayaan ...``: the word "Program" is implied, capitals shout.

    Only letter case and the leading "Program" change; the words stay as printed
    (typos such as "PEMERINTAN" included), so a label can still be found in the PDF.
    """
    teks = nama.strip()
    if teks.lower().startswith("program "):
        teks = teks[len("program ") :]
    if teks.isupper():
        kecil = {"dan", "di", "ke", "dari", "yang", "untuk", "pada"}
        teks = " ".join(k.lower() if k.lower() in kecil and i else k.capitalize() for i, k in enumerate(teks.split()))
    return teks


def perangkat_daerah(r: Renstra) -> str:
    """The Renstra's perangkat daerah as its manifest names it, else ``Kecamatan <kecamatan>``."""
    info = r.manifest.get("renstra", {})
    return str(info.get("perangkat_daerah") or f"Kecamatan {r.wilayah.kecamatan}").strip()


def identitas(r: Renstra) -> dict[str, object]:
    """What the frame needs on every run (title, visi, date, kelurahan), without copying the whole Renstra."""
    info = r.manifest.get("renstra", {})
    return {
        "judul": r.judul,
        "perangkat_daerah": perangkat_daerah(r),
        "visi": r.visi or "",
        "tanggal": str(info.get("tanggal", "") or ""),
        "kelurahan": list(r.kelurahan),
    }
