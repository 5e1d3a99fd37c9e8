"""Writers: a Disclosure as HTML, PDF, DOCX or XLSX, all printing the same layout (layout.py)."""
