import pytest


@pytest.fixture(scope="session")
def pdf_of_derived(derived) -> bytes:
    from yusuan.writers.pdf import pdf_bytes

    return pdf_bytes(derived)
