"""Options of the shared filters (tahun, program, kelurahan): values that survive in a URL."""

from __future__ import annotations

import pandas as pd

from loaders import Renstra

SEMUA = "semua"


def tahun_rencana(r: Renstra) -> list[int]:
    """Years of the plan with targets and pagu (T-C.27): 2020-2024 for Wonoasih."""
    return sorted(int(t) for t in r.rencana["tahun"].dropna().unique())


def kunci_program(rencana: pd.DataFrame) -> pd.Series:
    """A program's identity across years: its Permendagri 90 code (``7.01.03``) where it has one,
    else the printed row's id (the 2020 programs, old local codes, never mapped to new ones)."""
    program = rencana[rencana["tingkat"].eq("program")]
    baru = program["skema_kode"].eq("permendagri90") & program["kode"].fillna("").ne("")
    kode = dict(zip(program.loc[baru, "program_id"], program.loc[baru, "kode"], strict=True))
    # From the program row, so a kegiatan printed without a code still belongs to 7.01.01.
    return rencana["program_id"].map(lambda pid: kode.get(pid, pid)).astype("string")


def program(r: Renstra) -> dict[str, str]:
    """Program key -> label, newest naming first: ``7.01.03 Pemberdayaan Masyarakat Desa dan Kelurahan``.

    Programs under the new codes come first (2021-2024, label from the latest year), then the
    2020 programs under their own names with "(2020)".
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
        hasil[str(kunci)] = f"{_rapikan(str(kelompok['nama'].iloc[0]))} (2020)"
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


def identitas(r: Renstra) -> dict[str, object]:
    """What the frame needs on every run (title, visi, date, kelurahan), without copying the whole Renstra."""
    info = r.manifest.get("renstra", {})
    return {
        "judul": r.judul,
        "perangkat_daerah": str(info.get("perangkat_daerah") or f"Kecamatan {r.wilayah.kecamatan}").strip(),
        "visi": r.visi or "",
        "tanggal": str(info.get("tanggal", "") or ""),
        "kelurahan": list(r.kelurahan),
    }
