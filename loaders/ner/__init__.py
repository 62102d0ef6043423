"""The trained NER: the CRF tagger, its token features, its training (`python -m loaders.ner.train`), CoNLL data."""
