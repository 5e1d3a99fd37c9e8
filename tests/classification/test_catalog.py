from yusuan.classification import catalog, fresh_catalog, level_of, parent_of, same_name


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
    assert entry.confidence == "observed"
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


def test_the_second_edition_is_shipped_with_its_confidence():
    functional = catalog("functional")
    assert len(functional) == 1643
    assert functional.get("2130501").confidence == "official-text"
    assert functional.get("2130599").confidence == "uncertain"
    assert {e.level for e in functional.entries()} == {"类", "款", "项"}


def test_a_legacy_code_is_known_in_the_years_it_was_valid():
    functional = catalog("functional")
    # 2010308 信访事务 was replaced by the 款 20140 in 2024
    assert functional.knows("2010308", 2023) is True
    assert functional.knows("2010308", 2024) is False
    assert "2010308" not in functional
    # 234 抗疫特别国债 existed in 2020 and 2021 only
    assert functional.knows("234", 2021) is True
    assert functional.knows("234", 2019) is False


def test_an_old_name_is_the_same_name_in_a_year_it_was_valid():
    functional = catalog("functional")
    assert functional.agrees("21305", "扶贫", 2020) is True
    assert functional.agrees("21305", "扶贫", 2022) is False
    # an old name without known end year stays acceptable
    assert functional.agrees("21505", "工业和信息产业监管", 2026) is True
    assert functional.agrees("2099999", "whatever", 2026) is None


def test_the_economic_aliases_go_to_the_economic_catalog():
    assert catalog("economic").knows("39906", 2019) is True
    assert catalog("economic").knows("39906", 2023) is False
    assert catalog("functional").knows("39906", 2019) is False


def test_truncated_names_and_lost_brackets_are_the_same_name():
    assert same_name("其他巩固脱贫攻坚成果衔接乡村振", "其他巩固脱贫攻坚成果衔接乡村振兴支出")
    assert same_name("因公出国境费用()", "因公出国（境）费用")
    assert same_name("维修(护)费", "维修（护）费")
    assert not same_name("其", "其他支出")
    assert not same_name("公务接待费", "公务用车运行维护费")
    assert not same_name("其他支出", "其他")
