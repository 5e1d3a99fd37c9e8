"""Small behaviours of the model's objects."""


def test_a_place_is_told_by_its_page_in_a_paged_document_and_by_its_line_in_a_text():
    from yusuan.model import Source

    assert Source(line=412, page=23).where == "第 23 页"  # a line counted through a PDF's text is on no page
    assert Source(line=412).where == "第 412 行"
    assert Source().where is None
