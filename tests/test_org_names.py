"""English organisation names found by their head noun, in the full pipeline."""

from loaders.model import Article
from loaders.pipeline import default_pipeline


def entities(text: str, lang: str) -> set[tuple[str, str]]:
    article = Article(iri="urn:test", url=None, title="t", text=text, lang=lang)
    return {(e.type, e.name) for e in default_pipeline().extract(article).entities}


def test_unknown_english_organisations_by_their_head() -> None:
    found = entities("Iran's Foreign Ministry rejected the report, the Saudi Press Agency said on Monday. "
                     "Officials of the Atlantic Shipping Company declined to comment.", "en")
    assert {("Organization", "Foreign Ministry"), ("Organization", "Saudi Press Agency"),
            ("Organization", "Atlantic Shipping Company"), ("Country", "Iran")} <= found


def test_a_head_word_alone_or_in_indonesian_text_is_not_an_organisation() -> None:
    assert not any(t == "Organization" for t, _ in entities("The Ministry said the Army would not comment.", "en"))
    found = entities("Juru bicara Kementerian Luar Negeri Iran mengatakan pembicaraan berlangsung baik.", "id")
    assert ("Organization", "Luar Negeri Iran") not in found
