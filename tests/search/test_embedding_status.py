import logging

from startup_street.text import embeddings


def test_fallback_to_hashing_is_loud_and_flagged(monkeypatch, caplog):
    def broken():
        raise ImportError("weights missing")

    monkeypatch.setattr(embeddings, "_cache", {})
    monkeypatch.setattr(embeddings, "_fallbacks", {})
    monkeypatch.setitem(embeddings._FACTORIES, embeddings.USE, broken)
    with caplog.at_level(logging.ERROR, logger=embeddings.logger.name):
        embedder = embeddings.get_embedder(embeddings.USE)
    assert embedder.name == embeddings.HASHING
    status = embeddings.model_status()
    assert status["degraded"] and "weights missing" in status["failed"][embeddings.USE]
    assert any("falls back to character hashing" in r.message for r in caplog.records)


def test_status_is_not_degraded_without_a_fallback(monkeypatch):
    monkeypatch.setattr(embeddings, "_fallbacks", {})
    assert embeddings.model_status()["degraded"] is False
