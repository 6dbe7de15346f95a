import csv
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from startup_street.text.analysers import (
    MAX_QUERY_TERMS,
    TERMS_PATH,
    detect_language,
    expand_terms,
    fts_query_terms,
    match_concepts,
    normalise_text,
    script_chunks,
    suggest,
    tokenize,
)

# --- Korean ------------------------------------------------------------------------------------


def test_korean_keeps_nouns_and_stems_drops_particles_and_endings():
    terms = tokenize("액셀러레이터와 인큐베이터가 창업기업의 해외진출을 돕습니다.")
    assert {"액셀러레이터", "인큐베이터", "창업", "기업", "해외", "진출", "돕"} <= set(terms)
    assert not {"와", "가", "의", "을", "습니다", "."} & set(terms)


def test_korean_verb_and_adjective_stems():
    assert tokenize("빠르게 달리는 예쁜 로봇") == ["빠르", "달리", "예쁘", "로봇"]


def test_korean_dictionary_words_stay_whole_where_kiwi_would_drop_a_suffix():
    terms = tokenize("기술 사업화와 상용화를 지원합니다")
    assert {"사업화", "상용화", "기술", "지원"} <= set(terms)
    assert "화" not in terms


def test_korean_compounds_split_so_spacing_does_not_matter():
    assert set(tokenize("해외진출")) == set(tokenize("해외 진출")) == {"해외", "진출"}


def test_korean_latin_words_and_numbers():
    terms = tokenize("AI로 제어하는 드론을 2026년에 개발했다")
    assert {"ai", "제어", "드론", "2026", "개발"} <= set(terms)
    assert "로" not in terms and "었" not in terms


# --- Chinese -----------------------------------------------------------------------------------


def test_chinese_words_from_the_domain_dictionary():
    terms = tokenize("创业孵化器为初创企业提供办公空间和种子轮投资")
    assert {"创业", "孵化器", "初创企业", "办公空间", "种子轮", "投资"} <= set(terms)
    assert not {"为", "和"} & set(terms)


def test_chinese_bigrams_are_the_fallback_across_word_boundaries():
    terms = tokenize("中关村创业大街")
    assert {"中关村", "创业", "大街"} <= set(terms)
    assert "业大" in terms  # a bigram no word covers
    assert terms.count("创业") == 1  # a bigram that is also a word is not counted twice


def test_chinese_mixed_with_latin():
    terms = tokenize("加速器导师辅导，A轮融资，AI机器人")
    assert {"加速器", "导师", "a轮", "融资", "ai", "机器人"} <= set(terms)


# --- English -----------------------------------------------------------------------------------


def test_english_lowercased_stemmed_without_stopwords():
    assert tokenize("The Robots are testing") == ["robot", "test"]


def test_english_acronyms_survive_the_stopword_list():
    assert tokenize("IT companies in the US") == ["it", "compani", "us"]


@pytest.mark.parametrize("text", ["R&D grant", "R&D 지원", "R&D补贴"])
def test_r_and_d_is_one_term_in_every_language(text):
    assert "rd" in tokenize(text)


# --- mixed text and language detection -------------------------------------------------------


def test_mixed_text_goes_to_each_analyser():
    terms = tokenize("AI 로봇을 robot 机器人 창업 지원")
    assert {"ai", "로봇", "robot", "机器人", "창업", "지원"} <= set(terms)
    assert "을" not in terms


def test_script_chunks_cut_where_hangul_and_han_switch():
    assert script_chunks("로봇을 AI로 제어 机器人 and English 그리고") == [
        ("ko", "로봇을 AI로 제어 "),
        ("zh", "机器人 and English "),
        ("ko", "그리고"),
    ]
    assert script_chunks("plain English") == [("en", "plain English")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("로봇 실증 테스트베드 지원", "ko"),
        ("机器人示范测试场地支持计划", "zh"),
        ("Robot testbed support", "en"),
        ("AI 기반 로봇 창업 지원 프로그램", "ko"),
        ("K-Startup 글로벌 진출", "ko"),
        ("AI机器人创业", "zh"),
        ("Zhongguancun 中关村 startup street for founders", "en"),
        ("", "en"),
        ("12345 !!!", "en"),
    ],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_declared_language_sends_the_whole_text_to_one_analyser():
    assert tokenize("로봇 창업", lang="ko") == ["로봇", "창업"]
    with pytest.raises(ValueError):
        tokenize("robot", lang="fr")


def test_normalise_text_nfkc_and_control_characters():
    assert normalise_text("Ｆｕｌｌ　ＡＩ\x00\u200b로봇") == "Full AI  로봇"
    assert tokenize("Ｆｕｌｌ－ｗｉｄｔｈ ＡＩ") == ["full", "width", "ai"]


# --- hostile input -----------------------------------------------------------------------------

HOSTILE = [
    "",
    "   ",
    None,
    "\x00\x1f\x7f\x9b",
    '"foo" OR bar* NEAR(x) -- ; DROP TABLE',
    "x" * 5000,
    "로봇" * 2500,
    "机器人" * 2000,
    "ŝ̷̝̀ ẑ̸",
    "\ud800abc\udfff",
    "🚀🚀 ((((( ))) ^^^ :::: '''",
    "title:robot AND -drone OR {a b} NOT c* ^2",
    "robot\u202etobor\u2066x",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_give_clean_terms(query):
    terms = fts_query_terms(query)
    assert len(terms) <= MAX_QUERY_TERMS
    assert len(set(terms)) == len(terms)
    assert all(term.isalnum() for term in terms)
    assert not {"and", "or", "not", "near"} & set(terms)
    assert all(term.isalnum() for term in tokenize(query))


def test_fts_syntax_is_stripped_to_plain_words():
    assert fts_query_terms('"foo" OR bar* NEAR(x) -- ; DROP TABLE') == [
        "foo",
        "bar",
        "drop",
        "tabl",
    ]


def test_long_input_is_capped():
    assert len(fts_query_terms("robot " * 5000)) == 1
    assert len(tokenize("로봇 " * 3000, max_chars=1000)) <= 334


def test_concurrent_first_use_gives_the_same_terms():
    texts = ["로봇 실증 지원", "机器人示范", "robot testing", "AI 로봇 机器人"] * 8
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(tokenize, texts))
    assert together == [tokenize(text) for text in texts]


# --- the domain term dictionary ----------------------------------------------------------------


def test_terms_file_has_every_concept_in_three_languages():
    with TERMS_PATH.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert 60 <= len(rows) <= 300  # small and curated, not a general thesaurus
    assert len({row["concept_id"] for row in rows}) == len(rows)
    for row in rows:
        for lang in ("en", "ko", "zh"):
            terms = [term for term in row[lang].split("|") if term.strip()]
            assert terms, (row["concept_id"], lang)
            assert all(tokenize(term) for term in terms), (row["concept_id"], lang)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("로봇", {"robot", "机器人"}),
        ("机器人", {"robot", "로봇"}),
        ("robotics", {"로봇", "机器人"}),
        ("孵化器", {"incub", "인큐베이터"}),
        ("테스트베드", {"testb", "试验台", "실증"}),
        ("soft landing", {"软着陆", "소프트 랜딩"}),
        ("해외진출", {"海外", "oversea expans"}),
    ],
)
def test_expansion_crosses_languages(query, expected):
    assert expected <= expand_terms(tokenize(query))


def test_expansion_keeps_drone_and_robot_apart():
    drone = expand_terms(tokenize("drone"))
    assert {"드론", "无人机"} <= drone
    assert not {"robot", "로봇", "机器人"} & drone
    assert match_concepts(tokenize("드론")) == match_concepts(tokenize("无人机")) == {"drone"}


def test_phrase_entries_need_all_their_words():
    assert "soft_landing" in match_concepts(tokenize("soft landing"))
    assert "soft_landing" not in match_concepts(tokenize("soft drinks"))


def test_query_terms_with_expansion():
    terms = fts_query_terms("로봇 실증", expand=True)
    assert terms[:2] == ["로봇", "실증"]
    assert {"robot", "机器人", "试验台", "pilot"} <= set(terms)


# --- typo suggestions --------------------------------------------------------------------------


def test_suggest_finds_near_words_nearest_first():
    vocabulary = ["robot", "rabbit", "drone", "mentoring", "mentor", "incubator"]
    assert suggest("robto", vocabulary) == ["robot"]
    assert suggest("mentorng", vocabulary) == ["mentoring", "mentor"]
    assert suggest("incubtaor", vocabulary) == ["incubator"]


def test_suggest_prefers_frequent_words_at_equal_distance():
    assert suggest("bot", {"bat": 1, "but": 50, "robot": 9}) == ["but", "bat"]


@pytest.mark.parametrize("term", ["로봇", "机器人", "ab", "", "x" * 500, "r0bot"])
def test_suggest_leaves_cjk_short_and_odd_terms_alone(term):
    assert suggest(term, ["robot", "로봇", "机器人", "ab"]) == []


def test_suggest_over_a_large_vocabulary():
    vocabulary = [
        f"{a}{b}{c}{d}ing"
        for a in "abcdefghij"
        for b in "klmnopqrst"
        for c in "aeiou"
        for d in "rstlnmpqwxyz"
    ]  # 6,000 words
    vocabulary.append("mentoring")
    assert suggest("mentorign", vocabulary)[0] == "mentoring"


def test_highlight_spans_mark_stems_and_cjk_words():
    from startup_street.text.analysers import highlight_spans

    text = "Robotics testbed 로봇 실증 机器人"
    spans = highlight_spans(text, ["robot", "로봇", "机器人"])
    assert [text[a:b] for a, b in spans] == ["Robotics", "로봇", "机器人"]
    assert highlight_spans(text, []) == [] and highlight_spans("", ["robot"]) == []


def test_highlight_filter_escapes_and_cuts_around_the_match():
    from startup_street.search.templatetags.search_tags import highlight

    html = highlight("<script>x</script> drone flight test", "drones")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<mark>drone</mark>" in html
    long = highlight("a " * 300 + "testbed here " + "b " * 300, "testbed")
    assert "<mark>testbed</mark>" in long and long.startswith("…") and long.endswith("…")
    assert len(long) < 260
    assert highlight("plain text", "") == "plain text"
    assert highlight(None, "x") == ""


def test_a_matched_phrase_keeps_its_words_from_naming_other_concepts():
    from startup_street.text.analysers import fts_query_terms, match_concepts

    concepts = match_concepts(fts_query_terms("seed breeding company support"))
    assert "seed_breeding" in concepts and "seed" not in concepts  # no seed round
    assert "seed" in match_concepts(fts_query_terms("seed round for AI startups"))
    assert "proptech" not in match_concepts(fts_query_terms("intellectual property advice"))


def test_korean_dictionary_words_match_however_kiwi_cuts_them():
    from startup_street.text.analysers import fts_query_terms, match_concepts

    # Kiwi reads 에듀테크 as one word alone and as 에듀 + 테크 inside a sentence.
    assert "edtech" in match_concepts(fts_query_terms("에듀테크 창업 교육"))
    assert "edtech" in match_concepts(fts_query_terms("에듀테크"))
    assert "pharma" in match_concepts(fts_query_terms("신약 후보물질 개발 R&D 지원금"))


@pytest.mark.parametrize(
    ("words", "concept"),
    [
        (("금융", "金融", "finance"), "finance"),
        (("에너지", "能源", "energy"), "clean_energy"),
        (("환경", "环境", "environmental"), "environment"),
        (("세미나", "研讨会", "seminar"), "event"),
        (("입주기업", "入驻企业", "residency"), "office_space"),
        (("베트남", "越南", "Vietnam"), "vietnam"),
    ],
)
def test_generic_support_vocabulary_bridges_korean_chinese_and_english(words, concept):
    for word in words:
        assert concept in match_concepts(tokenize(word)), word
    forms = expand_terms(tokenize(words[0]))
    assert all(set(tokenize(word)) & forms for word in words[1:])


def test_a_chinese_dictionary_word_keeps_the_words_inside_it_from_naming_concepts():
    # jieba's search cut also gives 空间 (space, as in an office) out of 空间技术 (space tech).
    assert match_concepts(tokenize("空间技术 初创企业")) == {"space_tech", "startup"}
    assert "innovation" not in match_concepts(tokenize("开放创新"))
    assert "office_space" in match_concepts(tokenize("众创空间 入驻"))


def test_korean_re_founding_is_no_plain_founding():
    assert match_concepts(tokenize("재창업 지원")) == {"re_founder"}
    assert "re_founder" not in match_concepts(tokenize("창업 공간 입주"))


def test_korean_dictionary_words_kiwi_cuts_short_name_no_other_concept():
    from startup_street.text.analysers import _read_concepts, _readings

    for concept, forms in _read_concepts().items():
        for term in (t for t in forms["ko"] if re.fullmatch("[가-힣 ]+", t)):
            for reading in _readings(term, "ko"):
                if len(reading) == 1 and len(reading[0]) < len(term.replace(" ", "")):
                    named = match_concepts(reading)
                    assert named <= {concept}, (term, reading, named)
