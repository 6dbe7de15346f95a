"""Text analysis for search: language detection, index terms, the domain term dictionary, typos.

Pure Python (no Django). Korean goes through Kiwi morphemes, Chinese through jieba words plus
character bigrams, English through a Snowball stemmer. Mixed text is cut into chunks of one
script and each chunk goes to its own analyser. Every term is made of letters and digits only
(``str.isalnum``), so a term can be quoted into an FTS5 or tsquery expression as it is.

Kiwi and jieba take a second or two to load, so each is loaded once per process, on first use
and under a lock (``load_analysers()`` loads them up front, e.g. when a worker starts).
"""

from __future__ import annotations

import csv
import hashlib
import logging
import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Literal

from .locks import ForkSafeLock

Lang = Literal["ko", "zh", "en"]
LANGS: tuple[Lang, ...] = ("ko", "zh", "en")

MAX_QUERY_CHARS = 1_000
MAX_DOCUMENT_CHARS = 100_000
MAX_QUERY_TERMS = 32
MAX_TERM_CHARS = 64
TERMS_PATH = Path(__file__).parent / "data" / "terms.tsv"

_HANGUL = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
_SCRIPT_RUN = re.compile(f"(?P<ko>[{_HANGUL}]+)|(?P<zh>[{_HAN}]+)")
_HAN_RUN = re.compile(f"[{_HAN}]+")
_HANGUL_RUN = re.compile(f"[{_HANGUL}]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"[^\W_]+")
# Control, format, surrogate and private-use characters (and lone surrogates, which would make
# Kiwi's C++ side raise) become spaces.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ud800-\udfff\ue000-\uf8ff"
    "\ufeff\ufff0-\uffff]"
)
_AMPERSAND_WORD = re.compile(r"(?<=[A-Za-z])&(?=[A-Za-z])")  # R&D -> RD, M&A -> MA

_EN_STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself
    yourselves""".split()
)
_ZH_STOPWORDS = frozenset(
    "的 了 和 与 及 或 在 是 为 对 由 将 把 被 等 之 其 也 都 而 并 从 以 于 中 上 下 个 这 那 "
    "我们 你们 他们 她们 它们 我 你 他 她 它 有 不 一个 以及 或者 进行 可以 通过 相关 以上 以下 "
    "等等 没有 如果 因为 所以 但是 而且 就 还 又 很 要 会 能 让 给 向 到 着 过 吗 呢 吧".split()
)
# Korean stems too common to tell documents apart: do, become, be/have, not be/have, not.
_KO_STOPWORDS = frozenset({"하", "되", "있", "없", "않"})
_FTS_OPERATORS = frozenset({"and", "or", "not", "near"})
# Kiwi tags kept as index terms: nouns, roots, verb/adjective stems, foreign words, Hanja, numbers.
_KIWI_CONTENT = ("NNG", "NNP", "XR", "VV", "VA", "SL", "SH", "SN")

# Dictionary words (terms.tsv) that a plain Kiwi cuts into a kept noun plus a dropped prefix or
# suffix (사업화 -> 사업 + 화, 이차전지 -> 이 + 차 + 전지): kept whole. Compounds that split into
# nouns (해외진출 -> 해외 + 진출) are left to split, so spacing does not matter to a match.
_KIWI_USER_WORDS = (
    "이차전지 신재생에너지 친환경에너지 이커머스 엑셀러레이터 액셀러레이팅 사업화 상용화 현지화 "
    "대기업협업 사회적기업 신약 대체육 배양육 재활용 신소재 페이먼트 비대면 생성형 초거대 "
    "지능형반도체 이스포츠 실증 재창업 재창업자 재도전 소상공인 애그테크 소부장 "
    "대기업 폐플라스틱".split()
)

_load_lock = ForkSafeLock(threading.RLock)
_loaded: dict[str, object] = {}
_stemmer_local = threading.local()


# --- normalisation and script ---------------------------------------------------------------


def normalise_text(text: object, max_chars: int = MAX_DOCUMENT_CHARS) -> str:
    """NFKC, control characters to spaces, cut to ``max_chars``; never raises on odd input."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", _UNPRINTABLE.sub(" ", _cut(str(text), max_chars)))
    return _cut(_UNPRINTABLE.sub(" ", text), max_chars)


def _cut(text: str, max_chars: int) -> str:
    """``text[:max_chars]``, ending at a space in the last 64 characters if there is one, so a
    word is not cut in two."""
    if len(text) <= max_chars:
        return text
    space = text.rfind(" ", max(0, max_chars - 64), max_chars + 1)
    return text[:space] if space > 0 else text[:max_chars]


def script_chunks(text: str) -> list[tuple[Lang, str]]:
    """Cut text where it switches between Hangul and Han; Latin and digits join the chunk
    they sit in (or the next one at the start). A chunk with no Hangul or Han is English."""
    chunks: list[tuple[Lang, str]] = []
    lang: Lang | None = None
    start = 0
    for match in _SCRIPT_RUN.finditer(text):
        run_lang: Lang = "ko" if match.lastgroup == "ko" else "zh"
        if lang is None:
            lang = run_lang
        elif run_lang != lang:
            chunks.append((lang, text[start : match.start()]))
            lang, start = run_lang, match.start()
    chunks.append((lang or "en", text[start:]))
    return [(chunk_lang, chunk) for chunk_lang, chunk in chunks if chunk.strip()]


def detect_language(text: str) -> Lang:
    """The dominant language by script counts; Latin letters weigh a quarter (a Han character
    or a Hangul syllable carries about as much as a short English word does)."""
    text = normalise_text(text)
    hangul = sum(len(run) for run in _HANGUL_RUN.findall(text))
    han = sum(len(run) for run in _HAN_RUN.findall(text))
    latin = len(_LATIN.findall(text)) / 4
    if hangul and hangul >= max(han, latin):
        return "ko"
    if han and han >= latin:
        return "zh"
    return "en"


# --- lazily loaded analysers ----------------------------------------------------------------


def _lazy(key: str, load):
    value = _loaded.get(key)
    if value is None:
        with _load_lock:
            value = _loaded.get(key)
            if value is None:
                value = _loaded[key] = load()
    return value


def _read_concepts() -> dict[str, dict[Lang, list[str]]]:
    concepts: dict[str, dict[Lang, list[str]]] = {}
    with TERMS_PATH.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            concepts[row["concept_id"]] = {
                lang: [term.strip() for term in row[lang].split("|") if term.strip()]
                for lang in LANGS
            }
    return concepts


def _load_kiwi():
    from kiwipiepy import Kiwi

    # No multi-word dictionary: two seconds less to load, and search wants the single words.
    kiwi = Kiwi(load_multi_dict=False)
    for word in _KIWI_USER_WORDS:
        kiwi.add_user_word(word, "NNP")  # before the first analysis, which builds the model
    return kiwi


def _load_jieba():
    import jieba

    jieba.setLogLevel(logging.ERROR)  # no "Building prefix dict..." on stderr
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for terms in _read_concepts().values():
        for term in terms["zh"]:
            if _HAN_RUN.fullmatch(term):
                tokenizer.add_word(term)
    return tokenizer


def _load_english_words() -> frozenset[str]:
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(language="en", distance=1).word_frequency.dictionary)


def is_english_word(word: str) -> bool:
    """Whether ``word`` is in an English word list (pyspellchecker's, about 160,000 words)."""
    return word.lower() in _lazy("english", _load_english_words)


def load_analysers() -> None:
    """Load Kiwi, jieba, the English word list and the term dictionary now (e.g. at process
    start) instead of on the first search."""
    _lazy("kiwi", _load_kiwi)
    _lazy("jieba", _load_jieba)
    _lazy("english", _load_english_words)
    _lazy("concepts", _build_concept_index)


# English words Snowball would cut to the stem of another word with another meaning: kept whole
# ("marketing" would be "market", and "entering the Chinese market" would ask for marketing).
_KEPT_WHOLE = frozenset({"marketing"})


def _stem(word: str) -> str:
    if word in _KEPT_WHOLE:
        return word
    stemmer = getattr(_stemmer_local, "stemmer", None)
    if stemmer is None:
        import snowballstemmer

        stemmer = _stemmer_local.stemmer = snowballstemmer.stemmer("english")
    return stemmer.stemWord(word)


@lru_cache(maxsize=65_536)
def _english_term(word: str) -> str | None:
    acronym = word.isupper() and 2 <= len(word) <= 5  # IT, US: kept even where a stopword
    word = word.lower()
    if len(word) == 1 and not word.isdigit():
        return None
    if word in _EN_STOPWORDS and not acronym:
        return None
    return _stem(word) if word.isascii() and word.isalpha() else word


# --- per-language analysers -----------------------------------------------------------------


def _en_terms(text: str) -> list[str]:
    terms = (_english_term(word) for word in _WORD.findall(text))
    return [term for term in terms if term]


def _ko_terms(text: str) -> list[str]:
    terms: list[str] = []
    for token in _lazy("kiwi", _load_kiwi).tokenize(text):
        if token.tag == "SL":
            terms.extend(_en_terms(token.form))
        elif token.tag.startswith(_KIWI_CONTENT) and token.form not in _KO_STOPWORDS:
            terms.extend([token.form] if token.form.isalnum() else [])
    return terms


def _zh_terms(text: str, bigrams: bool) -> list[str]:
    tokenizer = _lazy("jieba", _load_jieba)
    words = tokenizer.cut_for_search(text) if bigrams else tokenizer.cut(text)
    terms: list[str] = []
    for word in words:
        if _HAN_RUN.fullmatch(word):
            if len(word) > 1 and word not in _ZH_STOPWORDS:
                terms.append(word)
        elif _HAN_RUN.search(word) and word.isalnum():  # A轮, 5G网络
            terms.append(word.lower())
        else:
            terms.extend(_en_terms(word))
    if bigrams:
        terms.extend(_han_bigrams(text, seen=set(terms)))
    return terms


def _han_bigrams(text: str, seen: set[str]) -> list[str]:
    """Overlapping character bigrams of each Han run: the fallback for words jieba cut
    differently in the document and in the query. A one-character run is kept as it is."""
    grams: list[str] = []
    for run in _HAN_RUN.findall(text):
        if len(run) == 1:
            grams.extend([run] if run not in _ZH_STOPWORDS else [])
        else:
            grams.extend(run[i : i + 2] for i in range(len(run) - 1))
    return [gram for gram in grams if gram not in seen]


# A short Latin prefix joined to a word by a hyphen ("K-Startup", "re-founder", "pre-seed",
# "co-working", "K-뷰티"): the word keeps its own term and the whole also gives one term, so a
# re-founder is no plain founder and K-beauty no plain beauty.
_PREFIXED = re.compile(
    r"(?<![^\W_])(k|e|re|pre|co|non|post|sub|un|anti|semi|ex|self|cross|inter|multi)-"
    r"(?=[^\W_])([^\W_]+)",
    re.IGNORECASE,
)


def _prefixed_terms(text: str) -> list[str]:
    terms = []
    for prefix, word in _PREFIXED.findall(text):
        joined = (prefix + word).lower()
        term = _english_term(joined) if joined.isascii() else joined
        if term and term.isalnum() and len(term) <= MAX_TERM_CHARS:
            terms.append(term)
    return terms


def _analyse(text: str, lang: Lang | None, bigrams: bool) -> list[str]:
    text = _AMPERSAND_WORD.sub("", text)
    prefixed = _prefixed_terms(text) if "-" in text else []
    chunks = [(lang, text)] if lang else script_chunks(text)
    terms: list[str] = []
    for chunk_lang, chunk in chunks:
        if chunk_lang == "ko":
            terms.extend(_ko_terms(chunk))
        elif chunk_lang == "zh":
            terms.extend(_zh_terms(chunk, bigrams))
        else:
            terms.extend(_en_terms(chunk))
    return [term for term in terms + prefixed if len(term) <= MAX_TERM_CHARS]


def tokenize(
    text: str, lang: Lang | None = None, *, max_chars: int = MAX_DOCUMENT_CHARS
) -> list[str]:
    """Index terms of ``text`` in order, repeats kept (term frequency counts).

    ``lang=None`` (the usual case) sends each script chunk to its own analyser; a given
    ``lang`` sends the whole text to that one. Never raises on odd input.
    """
    if lang is not None and lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGS}")
    text = normalise_text(text, max_chars)
    return _analyse(text, lang, bigrams=True) if text.strip() else []


def fts_query_terms(query: str, *, expand: bool = False) -> list[str]:
    """Distinct terms of a user's query, safe to quote one by one into an FTS expression.

    Nothing of the query's own syntax survives: terms are letters and digits only, and the FTS
    operator words (AND, OR, NOT, NEAR) are dropped. ``expand`` appends the cross-language
    terms of ``expand_terms``; a phrase among them is its terms joined by one space.
    """
    terms = [t for t in tokenize(query, max_chars=MAX_QUERY_CHARS) if t not in _FTS_OPERATORS]
    terms = list(dict.fromkeys(terms))[:MAX_QUERY_TERMS]
    return terms + expansion_terms(terms) if expand else terms


def expansion_terms(terms: list[str]) -> list[str]:
    """The cross-language forms of the concepts ``terms`` name, less the terms themselves."""
    return sorted(expand_terms(terms) - set(terms))


# --- domain term dictionary ------------------------------------------------------------------


def _build_concept_index():
    """term -> concepts for one-term entries, (terms, concept) for phrases, concept -> forms."""
    single: dict[str, set[str]] = {}
    phrases: list[tuple[frozenset[str], str]] = []
    forms: dict[str, set[str]] = {}
    for concept, terms in _read_concepts().items():
        for lang in LANGS:
            for term in terms[lang]:
                for analysed in _readings(term, lang):
                    forms.setdefault(concept, set()).add(" ".join(analysed))
                    if len(analysed) == 1:
                        single.setdefault(analysed[0], set()).add(concept)
                    else:
                        phrases.append((frozenset(analysed), concept))
    return single, phrases, forms


# Kiwi cuts some compounds differently by what surrounds them (에듀테크 alone, 에듀 + 테크 in a
# sentence): a Korean dictionary word is read alone and inside these sentences, and each way
# it is cut counts as a form of its concept.
_KO_CONTEXTS = ("{}", "{} 지원", "올해 {} 관련 공고")


def _readings(term: str, lang: Lang) -> list[list[str]]:
    if lang != "ko":
        analysed = list(dict.fromkeys(_analyse(normalise_text(term), None, bigrams=False)))
        # A phrase that loses words to the stopword list ("would-be founder") would name the
        # concept by what is left of it ("founder"): such a reading is not kept.
        if len(analysed) == 1 and len(_WORD.findall(term)) > 1 and len(term.split()) > 1:
            return []
        return [analysed] if analysed else []
    readings = []
    for context in _KO_CONTEXTS:
        tokens = _analyse(normalise_text(context.format(term)), None, bigrams=False)
        kept = list(dict.fromkeys(t for t in tokens if t in term.lower()))
        if kept and kept not in readings:
            readings.append(kept)
    return readings


def match_concepts(tokens: Iterable[str]) -> set[str]:
    """Concept ids (rows of terms.tsv) that the index terms mention, in any language. A
    several-word entry matches when all its terms are present."""
    single, phrases, _ = _lazy("concepts", _build_concept_index)
    present = set(tokens)
    matched = [(terms, concept) for terms, concept in phrases if terms <= present]
    # The longer reading wins: the words of a matched phrase name no concept on their own
    # ("seed breeding" is no seed round, "intellectual property" no real estate).
    covered = set().union(*(terms for terms, _concept in matched))
    # So does a longer Chinese word over the shorter ones inside it that a query's cut also
    # gives (空间技术 is space technology, not the office 空间; 开放创新 no plain 创新).
    named = [t for t in present if t in single and len(t) > 2 and _HAN_RUN.fullmatch(t)]
    covered |= {
        t for t in present if _HAN_RUN.fullmatch(t) and any(t in n and t != n for n in named)
    }
    found = {concept for token in present - covered for concept in single.get(token, ())}
    found.update(concept for _terms, concept in matched)
    return found


def written_forms(concept: str) -> dict[str, list[str]]:
    """The concept's forms as written in the dictionary, by language (ko, zh, en)."""
    return _lazy("written", _read_concepts).get(concept, {})


def raw_forms(concept: str) -> list[str]:
    """The concept's forms as written in the dictionary, every language."""
    written = _lazy("written", _read_concepts).get(concept, {})
    return [form for lang in LANGS for form in written.get(lang, ())]


def concept_forms(concept: str) -> set[str]:
    """The analysed forms of one concept in every language (a phrase: its terms joined by a
    space)."""
    _, _, forms = _lazy("concepts", _build_concept_index)
    return forms.get(concept, set())


@lru_cache(maxsize=1)
def dictionary_digest() -> str:
    """A digest of the term dictionary's file: what was built from it (a search snapshot's
    concept rows) is built again when it changes."""
    return hashlib.blake2b(TERMS_PATH.read_bytes(), digest_size=8).hexdigest()


def dictionary_concepts() -> list[str]:
    """Every concept of the term dictionary."""
    _, _, forms = _lazy("concepts", _build_concept_index)
    return sorted(forms)


def expand_terms(tokens: Iterable[str]) -> set[str]:
    """The ko, zh and en forms of every concept the tokens mention: the keyword channel for
    cross-language recall. A several-word form is one string, its terms joined by a space
    (search it as a phrase)."""
    _, _, forms = _lazy("concepts", _build_concept_index)
    return {form for concept in match_concepts(tokens) for form in forms[concept]}


# --- typo tolerance --------------------------------------------------------------------------


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (adjacent swaps count one), or ``limit + 1`` as soon
    as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, before[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return previous[-1]


_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def spelling_variants(word: str) -> dict[str, tuple[int, str]]:
    """Index terms of the strings one edit (delete, swap, replace, insert) or two deletes away
    from an English word, each with its distance and the edited word: what a typo may have
    meant. Edits are made to the word as typed, then stemmed ("robtics" -> "robotics" -> robot)."""
    word = word.lower()
    if len(word) < 4 or not (word.isascii() and word.isalpha()):
        return {}
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    one = deletes | {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    one |= {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
    one |= {a + c + b for a, b in splits for c in _ALPHABET}
    two = {d[:i] + d[i + 1 :] for d in deletes for i in range(len(d))} - one
    variants: dict[str, tuple[int, str]] = {}
    for distance, edits in ((2, two), (1, one)):
        for edit in sorted(edits):
            term = _english_term(edit) if len(edit) >= 3 else None
            if term and (term not in variants or variants[term][0] > distance):
                variants[term] = (distance, edit)
    variants.pop(_english_term(word), None)
    return variants


def english_words(text: str) -> dict[str, str]:
    """Index term -> the English word it was made from, for the Latin words of a query."""
    words = {}
    for word in _WORD.findall(normalise_text(text, MAX_QUERY_CHARS)):
        term = _english_term(word) if word.isascii() and word.isalpha() else None
        if term:
            words.setdefault(term, word)
    return words


def suggest(
    term: str,
    vocabulary: Iterable[str] | Mapping[str, int],
    *,
    max_distance: int | None = None,
    limit: int = 5,
) -> list[str]:
    """Words of ``vocabulary`` within a small edit distance of an English ``term`` (1 up to
    four letters, else 2), nearest first, then the most frequent where ``vocabulary`` maps words
    to counts. Term and vocabulary must be in the same form (both raw words or both stems).
    Non-Latin and very short terms get no suggestions: one character changes a CJK word."""
    term = normalise_text(term, MAX_TERM_CHARS).strip().lower()
    if len(term) < 3 or not (term.isascii() and term.isalpha()):
        return []
    limit_distance = max_distance if max_distance is not None else (1 if len(term) <= 4 else 2)
    letters = set(term)
    counts = vocabulary if isinstance(vocabulary, Mapping) else {}
    scored = []
    for word in vocabulary:
        # Each edit changes the letter set by at most two: a cheap filter before the DP.
        if abs(len(word) - len(term)) > limit_distance:
            continue
        if len(letters.symmetric_difference(word)) > 2 * limit_distance:
            continue
        distance = _edit_distance(term, word, limit_distance)
        if distance <= limit_distance:
            scored.append((distance, -counts.get(word, 0), word))
    return [word for *_, word in sorted(scored)[:limit]]


# --- highlighting ----------------------------------------------------------------------------


@lru_cache(maxsize=256)
def _highlight_pattern(words: frozenset[str]) -> re.Pattern:
    """One pattern for a set of words (every snippet of a results page shares it)."""
    cjk = sorted((w for w in words if not w.isascii()), key=len, reverse=True)
    latin = sorted((w for w in words if w.isascii()), key=len, reverse=True)
    patterns = [re.escape(w) for w in cjk] + [rf"(?<![^\W_]){re.escape(w)}[^\W_]*" for w in latin]
    return re.compile("|".join(patterns), flags=re.IGNORECASE)


def highlight_spans(text: str, terms: Iterable[str]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) spans of ``text`` that show one of the index
    ``terms``: a Korean or Chinese term where it occurs as it is, an English stem at the start
    of a word (``robot`` marks "Robotics"). A several-word term marks each of its words."""
    words = frozenset(word for term in terms for word in term.split() if word)
    if not text or not words:
        return []
    spans: list[tuple[int, int]] = []
    for match in _highlight_pattern(words).finditer(text):
        if spans and match.start() <= spans[-1][1]:  # touching: one mark
            spans[-1] = (spans[-1][0], max(spans[-1][1], match.end()))
        elif match.end() > match.start():
            spans.append(match.span())
    return spans
