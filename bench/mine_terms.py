"""Mine ko / en / zh term pairs from aligned sentences, and measure them against the term
dictionary.

    python bench/mine_terms.py [--data ../shared/data] [--out PATH] [--catalogues] [--no-embed]
                               [--min-pair N] [--min-dice X] [--min-cosine X] [--show]

The search's cross-language bridge is the hand-written term dictionary (``text/data/terms.tsv``).
This script draws a second, lower-weight bridge from real parallel text: NTREX-128's 1,997 news
sentences aligned across English, Korean and Chinese (``ntrex-en-ko-zh/``, CC BY-SA 4.0). Each
sentence is cut into index terms by the search's own analysers (so a mined term is exactly what
a query and a program hold: English stems, Kiwi morphemes, jieba words), then for each pair of
languages:

1. count the sentences each term is in and the sentences each pair of terms shares;
2. score a pair by Dice, 2 * shared / (in one + in the other), keeping pairs shared by at least
   ``--min-pair`` sentences;
3. keep the mutual best matches (each term is the other's best-scoring partner) at or above
   ``--min-dice``;
4. unless ``--no-embed``, confirm each by the product's multilingual embedding model: the cosine
   of the two words' embeddings must reach ``--min-cosine``.

``--catalogues`` adds the domain's own words: the ``--top`` commonest terms of K-Startup's
announcement titles (ko), the Chinese tech companies' business areas (zh) and the YC companies'
one-liners (en), paired across languages where two are each other's nearest neighbour by the
embedding model at cosine >= ``--min-nn-cosine`` (a pair the sentences gave is kept once).

The kept pairs go to ``text/data/mined_terms.tsv`` (lang_a, term_a, lang_b, term_b, score: Dice
or, for a catalogue pair, its cosine; shared sentences, cosine, source), which the product
reads; it never reads ../shared. The figures printed at the end measure the pairs against the
term dictionary as gold: precision over the pairs whose terms the dictionary knows (both sides a
one-term form of some concept: a pair is right when both name the same concept) and recall over
the dictionary's pairs whose two terms were both seen often enough to be mined.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# ../shared/data beside the checkout (or beside the folder of worktrees it sits in)
SHARED = next(
    (p / "shared" / "data" for p in ROOT.parents if (p / "shared" / "data").is_dir()),
    ROOT.parent / "shared" / "data",
)

from startup_street.text import analysers  # noqa: E402
from startup_street.text.analysers import LANGS, normalise_text, tokenize  # noqa: E402

OUT = ROOT / "startup_street" / "text" / "data" / "mined_terms.tsv"
FILES = {
    "en": "newstest2019-src.eng.txt",
    "ko": "newstest2019-ref.kor.txt",
    "zh": "newstest2019-ref.zho-CN.txt",
}
SOURCE = "ntrex128"
CATALOGUES = "catalogue-nn"
HEADER = ("lang_a", "term_a", "lang_b", "term_b", "score", "shared", "cosine", "source")


def sentence_terms(text: str, lang: str) -> set[str]:
    """The distinct index terms of one sentence. Chinese: jieba's words without the character
    bigrams the index adds (a bigram is a fallback for matching, not a word to translate)."""
    if lang == "zh":
        terms = analysers._zh_terms(normalise_text(text), bigrams=False)
    else:
        terms = tokenize(text, lang)
    # Latin terms inside Korean or Chinese text are names and numbers shared by every side:
    # they are matched as they are already, and would only crowd out the words.
    return {t for t in terms if not t.isdigit() and (lang == "en" or not t.isascii())}


def read_sentences(folder: Path) -> list[dict[str, set[str]]]:
    lines = {
        lang: (folder / name).read_text(encoding="utf-8").splitlines()
        for lang, name in FILES.items()
    }
    count = min(len(v) for v in lines.values())
    return [{lang: sentence_terms(lines[lang][i], lang) for lang in FILES} for i in range(count)]


def mine_pairs(sentences, a: str, b: str, min_pair: int, min_dice: float) -> list[tuple]:
    """Mutual best (term_a, term_b, dice, shared) of languages ``a`` and ``b``."""
    single_a = Counter(t for s in sentences for t in s[a])
    single_b = Counter(t for s in sentences for t in s[b])
    shared = Counter(pair for s in sentences for pair in itertools.product(s[a], s[b]))
    best_a: dict[str, tuple[float, str]] = {}
    best_b: dict[str, tuple[float, str]] = {}
    for (x, y), n in sorted(shared.items()):  # ties go the same way every run
        if n < min_pair:
            continue
        dice = 2 * n / (single_a[x] + single_b[y])
        if dice > best_a.get(x, (0.0, ""))[0]:
            best_a[x] = (dice, y)
        if dice > best_b.get(y, (0.0, ""))[0]:
            best_b[y] = (dice, x)
    return sorted(
        (x, y, dice, shared[x, y])
        for x, (dice, y) in best_a.items()
        if best_b.get(y, (0, ""))[1] == x and dice >= min_dice
    )


def surface(term: str, lang: str, words: dict[str, Counter]) -> str:
    """The word most often written for an index term (an English stem's commonest word)."""
    counted = words.get(lang, {}).get(term)
    return counted.most_common(1)[0][0] if counted else term


def english_words(texts: Iterable[str]) -> dict[str, Counter]:
    """English stem -> the words it was made from, with counts (to embed a word, not a stem)."""
    out: dict[str, Counter] = {}
    for word in analysers._WORD.findall("\n".join(texts)):
        term = analysers._english_term(word)
        if term:
            out.setdefault(term, Counter())[word.lower()] += 1
    return {"en": out}


def embed(terms: list[str], lang: str, words: dict[str, Counter]):
    from startup_street.text.embeddings import get_embedder

    return get_embedder("auto", strict=True).encode([surface(t, lang, words) for t in terms])


def cosines(pairs: list[tuple], words: dict[str, Counter]) -> list[float]:
    """The embedding model's cosine of each pair's two words."""
    out = [0.0] * len(pairs)
    for a, b in itertools.combinations(LANGS, 2):
        at = [n for n, p in enumerate(pairs) if p[0] == a and p[2] == b]
        left = embed([pairs[n][1] for n in at], a, words)
        right = embed([pairs[n][3] for n in at], b, words)
        for n, x in zip(at, (left * right).sum(axis=1), strict=True):
            out[n] = float(x)
    return out


# --- catalogue words paired by the embedding model -------------------------------------------


def catalogue_texts(data: Path) -> dict[str, list[str]]:
    """Short domain texts in each language: K-Startup announcements' title words and support
    fields (ko), Chinese tech companies' business areas, products and industries (zh), YC
    companies' one-liners, tags and industries (en)."""
    index = json.loads((data / "kstartup-programs" / "programs_index.json").read_text("utf-8"))
    companies = json.loads((data / "cn-tech-companies" / "companies.json").read_text("utf-8"))
    yc = json.loads((data / "yc-companies" / "companies.json").read_text("utf-8"))
    return {
        "ko": [" ".join(r.get("title_keywords", []) + r.get("support_fields", [])) for r in index],
        "zh": [
            " ".join(str(c.get(k) or "") for k in ("businessArea", "products", "industry"))
            for c in companies
        ],
        "en": [
            " ".join(
                [y.get("one_liner") or ""] + (y.get("tags") or []) + (y.get("industries") or [])
            )
            for y in yc
        ],
    }


def catalogue_pairs(data: Path, top: int, min_docs: int, min_cosine: float) -> list[tuple]:
    """Mutual nearest neighbours, by the embedding model's cosine, among each language's
    ``top`` commonest catalogue terms (held by at least ``min_docs`` texts)."""
    texts = catalogue_texts(data)
    words = english_words(texts["en"])
    vocab, vectors = {}, {}
    for lang, rows in texts.items():
        counts = Counter(t for row in rows for t in sentence_terms(row, lang))
        common = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]
        vocab[lang] = [t for t, n in common if n >= min_docs and len(t) > 1]
        vectors[lang] = embed(vocab[lang], lang, words)
    pairs = []
    for a, b in itertools.combinations(LANGS, 2):
        sims = vectors[a] @ vectors[b].T
        best_b, best_a = sims.argmax(axis=1), sims.argmax(axis=0)
        for i, j in enumerate(best_b):
            if best_a[j] == i and sims[i, j] >= min_cosine:
                pairs.append((a, vocab[a][i], b, vocab[b][j], round(float(sims[i, j]), 3)))
    return pairs


# --- measuring against the term dictionary ---------------------------------------------------


def gold_terms() -> dict[str, dict[str, set[str]]]:
    """lang -> one-term index form -> the concepts it names (the dictionary's own readings)."""
    gold: dict[str, dict[str, set[str]]] = {lang: {} for lang in LANGS}
    for concept, written in analysers._read_concepts().items():
        for lang in LANGS:
            for form in written[lang]:
                for reading in analysers._readings(form, lang):
                    if len(reading) == 1 and reading[0].isascii() == (lang == "en"):
                        gold[lang].setdefault(reading[0], set()).add(concept)
    return gold


def measure(kept: list[tuple], sentences, min_pair: int) -> dict:
    gold = gold_terms()
    judged = right = 0
    for lang_a, x, lang_b, y, *_ in kept:
        concepts_x, concepts_y = gold[lang_a].get(x), gold[lang_b].get(y)
        if concepts_x and concepts_y:
            judged += 1
            right += bool(concepts_x & concepts_y)
    # Recall: dictionary pairs (same concept, two languages) whose two terms are each in at
    # least min_pair sentences (what could have been mined at all).
    seen = {lang: Counter(t for s in sentences for t in s[lang]) for lang in LANGS}
    found = {(a, x, b, y) for a, x, b, y, *_ in kept}
    found |= {(b, y, a, x) for a, x, b, y in found}
    possible = hit = 0
    for a, b in itertools.combinations(LANGS, 2):
        for x, concepts in gold[a].items():
            if seen[a][x] < min_pair:
                continue
            for y, others in gold[b].items():
                if seen[b][y] >= min_pair and concepts & others:
                    possible += 1
                    hit += (a, x, b, y) in found
    return {
        "pairs": len(kept),
        "judged": judged,
        "right": right,
        "precision": right / judged if judged else 0.0,
        "possible": possible,
        "recalled": hit,
        "recall": hit / possible if possible else 0.0,
    }


def merge(sentence_pairs: list[tuple], nearest: list[tuple]) -> list[tuple]:
    """The sentence pairs, then the catalogue pairs they lack (a catalogue pair's score is its
    cosine; it shares no sentence)."""
    seen = {(a, x, b, y) for a, x, b, y, *_ in sentence_pairs}
    extra = [
        (a, x, b, y, c, 0, c, CATALOGUES) for a, x, b, y, c in nearest if (a, x, b, y) not in seen
    ]
    print(f"catalogues: {len(nearest)} mutual nearest pairs, {len(extra)} new")
    return sentence_pairs + extra


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--min-pair", type=int, default=3)
    parser.add_argument("--min-dice", type=float, default=0.5)
    parser.add_argument("--min-cosine", type=float, default=0.35)
    parser.add_argument("--no-embed", action="store_true")
    parser.add_argument("--catalogues", action="store_true", help="add catalogue words' pairs")
    parser.add_argument("--top", type=int, default=3000)
    parser.add_argument("--min-nn-cosine", type=float, default=0.8)
    parser.add_argument("--show", action="store_true", help="print the pairs the gold rejects")
    args = parser.parse_args()
    folder = args.data / "ntrex-en-ko-zh"
    sentences = read_sentences(folder)
    mined = [
        (a, x, b, y, dice, n)
        for a, b in itertools.combinations(LANGS, 2)
        for x, y, dice, n in mine_pairs(sentences, a, b, args.min_pair, args.min_dice)
    ]
    if args.no_embed:
        kept = [(*pair, "", SOURCE) for pair in mined]
    else:
        words = english_words((folder / FILES["en"]).read_text(encoding="utf-8").splitlines())
        scored = zip(mined, cosines(mined, words), strict=True)
        kept = [(*pair, round(c, 3), SOURCE) for pair, c in scored if c >= args.min_cosine]
        if args.catalogues:
            kept = merge(kept, catalogue_pairs(args.data, args.top, 3, args.min_nn_cosine))
    print(f"{len(sentences)} sentences; {len(mined)} mutual best pairs; {len(kept)} kept")
    by_source = [(source, [p for p in kept if p[-1] == source]) for source in (SOURCE, CATALOGUES)]
    for name, pairs in [("sentences, unconfirmed", mined), *by_source, ("kept, all", kept)]:
        figures = measure(pairs, sentences, args.min_pair)
        print(
            f"{name}: {figures['pairs']} pairs; precision {figures['precision']:.3f} "
            f"({figures['right']}/{figures['judged']} judged by the dictionary); recall "
            f"{figures['recall']:.3f} ({figures['recalled']}/{figures['possible']})"
        )
    if args.show:
        gold = gold_terms()
        for a, x, b, y, *rest in kept:
            if gold[a].get(x) and gold[b].get(y) and not gold[a][x] & gold[b][y]:
                print("  wrong:", a, x, b, y, *rest)
    with args.out.open("w", encoding="utf-8") as handle:
        handle.write("\t".join(HEADER) + "\n")
        for a, x, b, y, score, n, cosine, source in kept:
            handle.write(f"{a}\t{x}\t{b}\t{y}\t{score:.3f}\t{n}\t{cosine}\t{source}\n")
    print(f"wrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")


if __name__ == "__main__":
    main()
