"""PDFs built by hand for the reader tests: exact shapes no writer would make."""

from __future__ import annotations


def raw_pdf(objects: list[str | bytes], trailer_extra: str = "") -> bytes:
    """A PDF from object bodies (object 1 is the catalog), with a correct cross-reference table. A body is
    text, or bytes where it holds a binary (compressed) stream."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        data = body if isinstance(body, bytes) else body.encode("latin-1")
        out += b"%d 0 obj\n" % number + data + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer_extra}>>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
