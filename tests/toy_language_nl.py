"""A toy Dutch language pack, for `test_plugins`: all that adding a language takes is a module like this one."""

from loaders.lang import register
from loaders.lang.pack import DateWords, EventGrammar, LanguagePack, Triggers

PACK = register(LanguagePack(
    code="nl",
    name="Dutch (a toy pack for the tests)",
    function_words=frozenset({"de", "het", "een", "van", "en", "is", "dat", "op", "te", "met", "voor", "niet", "over",
                              "zijn", "ook", "maar", "bij", "door", "naar", "om"}),
    stopwords=frozenset({"de", "het", "een", "zij", "hij", "en"}),
    titles=("premier", "minister", "president"),
    articles=("de", "het", "een"),
    dates=DateWords(relative_days={"gisteren": -1, "vandaag": 0, "morgen": 1}),
    grammar=EventGrammar(conjunctions=("en",), place_prepositions=("in",)),
    events={"Meeting": Triggers(verbs=("ontmoette", "sprak met"), nouns=("ontmoeting",))},
))
