"""The last step: archival PDF/A-2b, or a password, applied to ReportLab's plain output.

ReportLab has no PDF/A mode, and its AES-256 output is malformed, so both are done with
pikepdf: an empty ``/Trans`` dictionary that ReportLab writes on every page is removed,
and the dates are set from the options. For PDF/A-2b, what ReportLab's output lacks is
added: the sRGB output intent (the profile pikepdf ships) and XMP metadata that declares
the conformance and agrees with the document information, dated like the document, so
that the same data gives the same bytes. A file is archival or protected, never both:
PDF/A forbids encryption.

Exports are not validated as they are written (pikepdf's validator, and reading the file
back, took a quarter of an annual report's export and loading it a fifth of the whole
command): the tests and CI validate every document kind, the bilingual forms, every script
the fonts cover and the demo's documents with ``pikepdf.pdfa.validate_written``.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, ObjectStreamMode, String


def _pdf_date(value: dt.datetime) -> str:
    aware = value if value.tzinfo else value.astimezone()
    offset = aware.strftime("%z") or "+0000"
    return aware.strftime("D:%Y%m%d%H%M%S") + f"{offset[:3]}'{offset[3:]}'"


def finish(plain: bytes, *, created: dt.datetime, archival: bool, password: str | None) -> bytes:
    with pikepdf.open(io.BytesIO(plain)) as pdf:
        for page in pdf.pages:
            if "/Trans" in page.obj:
                del page.obj["/Trans"]
        stamp = pikepdf.String(_pdf_date(created))
        pdf.docinfo["/CreationDate"] = stamp
        pdf.docinfo["/ModDate"] = stamp
        pdf.docinfo["/Producer"] = pikepdf.String("Hyvinvointiryhmä (ReportLab, pikepdf)")
        # ReportLab's invariant output has one ID for every document: pikepdf makes one
        # from the content instead (the same data still gives the same file).
        if "/ID" in pdf.trailer:
            del pdf.trailer["/ID"]
        out = io.BytesIO()
        if password is not None:
            pdf.save(
                out,
                encryption=pikepdf.Encryption(user=password, owner=password, R=6),
            )
        elif archival:
            _declare_pdfa_2b(pdf, created)
            pdf.save(out, deterministic_id=True, object_stream_mode=ObjectStreamMode.generate)
        else:
            pdf.save(out, deterministic_id=True)
        return out.getvalue()


_SRGB = "sRGB IEC61966-2.1"


@functools.cache
def _srgb_profile() -> bytes:
    """The sRGB ICC profile pikepdf ships for PDF/A output intents (read as a file: its
    ``pdfa`` package would load the whole validator)."""
    return (Path(pikepdf.__file__).parent / "pdfa" / "data" / "sRGB.icc").read_bytes()


def _declare_pdfa_2b(pdf: pikepdf.Pdf, created: dt.datetime) -> None:
    profile = pdf.make_stream(_srgb_profile())
    profile[Name.N] = 3
    intent = Dictionary(
        Type=Name.OutputIntent,
        S=Name("/GTS_PDFA1"),
        OutputConditionIdentifier=String(_SRGB),
        Info=String(_SRGB),
        DestOutputProfile=profile,
    )
    pdf.Root[Name.OutputIntents] = Array([pdf.make_indirect(intent)])
    if "/Trapped" in pdf.docinfo:  # ReportLab's "not trapped" has no place in XMP
        del pdf.docinfo["/Trapped"]
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta.load_from_docinfo(pdf.docinfo)
        meta["xmp:MetadataDate"] = created.astimezone().isoformat()
        meta["pdfaid:part"] = "2"
        meta["pdfaid:conformance"] = "B"
