"""What a store's pipeline is built from, in a form that can be sent to another machine.

A built pipeline holds open files (the large KB's SQLite name index) and
cannot be pickled. Extraction on a Dask cluster sends this recipe instead,
and each worker builds the same pipeline from it once per batch; the
embedded path builds it here from the same recipe, so both run one pipeline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version

from loaders.components.coref import Coreference
from loaders.components.linker import Linker, LinkSettings, Lookup
from loaders.edits import Edits
from loaders.kb.model import KnowledgeBase
from loaders.kb.seed import load_kb
from loaders.pipeline import Pipeline, default_pipeline
from ontology.namespaces import DATA_BASE


def kabar_version() -> str:
    """The installed kabar's version: workers that run another one would extract differently."""
    try:
        return version("kabar")
    except PackageNotFoundError:
        return "unknown"


@dataclass(frozen=True)
class PipelineRecipe:
    """The default pipeline over `kb` (None: the seed KB every install ships), with the users' link
    corrections for the linker, their entity corrections for coreference, and the link settings."""

    kb: KnowledgeBase | None = None
    corrections: Mapping[str, str | None] = field(default_factory=dict)
    edits: Edits = field(default_factory=Edits)
    settings: LinkSettings | None = None
    version: str = field(default_factory=kabar_version)
    data_base: str = DATA_BASE
    """Where the pipeline's IRIs are minted (`KABAR_BASE_IRI`): a worker started under another would mint others."""

    def build(self, lookup: Lookup | None = None) -> Pipeline:
        """The pipeline; with `lookup`, the linker asks it about names the KB lacks (online mode)."""
        return self.applied_to(default_pipeline(self.kb), lookup)

    def applied_to(self, pipeline: Pipeline, lookup: Lookup | None = None) -> Pipeline:
        """`pipeline` with this recipe's corrections and settings; `pipeline` itself is unchanged."""
        linker: Linker = pipeline.get("linker")  # type: ignore[assignment]  (the component registered as "linker")
        coref: Coreference = pipeline.get("coref")  # type: ignore[assignment]
        configured = linker.configured(corrections=self.corrections, settings=self.settings, lookup=lookup)
        return pipeline.replaced("linker", configured).replaced("coref", coref.configured(self.edits))

    def knowledge_base(self) -> KnowledgeBase:
        """The KB the pipeline links to, which also names the Wikidata items an article's graph points to."""
        return self.kb if self.kb is not None else load_kb()
