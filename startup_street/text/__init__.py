"""The text engine: analysers (Kiwi, jieba, Snowball, the ko/zh/en term dictionary), query
parsing, multilingual embeddings, nearest neighbours and BM25 over postings.

Plain Python and numpy; it imports no Django app, so any app (programs, search, mentoring,
events) may use it.
"""
