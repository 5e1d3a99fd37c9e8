from yusuan.classification import catalog, fresh_catalog, level_of, parent_of


def test_levels_and_parents_follow_code_length():
    assert level_of("201") == "类"
    assert level_of("20113") == "款"
    assert level_of("2011301") == "项"
    assert level_of("2011") is None
    assert parent_of("2011301") == "20113"
    assert parent_of("20113") == "201"
    assert parent_of("201") is None


def test_functional_catalog_names_and_confidence():
    functional = catalog("functional")
    entry = functional.get("2080505")
    assert entry.name == "机关事业单位基本养老保险缴费支出"
    assert entry.parent == "20805"
    assert entry.confidence == "seen"
    assert functional.name_of("201") == "一般公共服务支出"


def test_every_entry_parent_is_its_code_prefix():
    for name in ("functional", "economic", "gov_economic"):
        for entry in catalog(name).entries():
            assert entry.parent == parent_of(entry.code), entry


def test_names_match_after_nfkc():
    economic = catalog("economic")
    assert economic.name_matches("30212", "因公出国（境）费用") is True
    assert economic.name_matches("30212", "公务接待费") is False
    assert economic.name_matches("30298", "whatever") is None


def test_find_by_name_under_a_parent():
    found = catalog("functional").find("住房公积金", parent="22102")
    assert [e.code for e in found] == ["2210201"]


def test_learning_a_code_extends_a_private_copy_only():
    private = fresh_catalog("functional")
    private.learn("2299901", "其他支出（示例）")
    assert private.get("2299901").confidence == "document"
    assert "2299901" not in catalog("functional")
