"""The kabar ontology, declared once as data.

`ontology.build` turns these declarations into OWL with owlready2 and
writes `ontology/kabar.ttl`; the rest of the code imports the terms from
`ontology` (e.g. `from ontology import K`), never spelling an IRI.

Alignment follows the issue's rule: where schema.org, SEM, PROV-O or the
W3C Organization Ontology already have the exact term (headline, author,
mentions...), kabar uses it directly and only declares its kind; where
kabar means something narrower it defines its own term and states
`rdfs:subClassOf` / `rdfs:subPropertyOf` the standard one.
"""

from dataclasses import dataclass, field

from rdflib import URIRef

from ontology.namespaces import DCTERMS, KABAR, ORG, OWL, PROV, RDFS, SCHEMA, SEM, SKOS


@dataclass(frozen=True)
class Text:
    """A label or comment in English and Indonesian."""

    en: str
    id: str


@dataclass(frozen=True)
class ClassDef:
    name: str
    label: Text
    comment: Text
    parents: tuple[URIRef, ...] = ()

    @property
    def iri(self) -> URIRef:
        return KABAR[self.name]


@dataclass(frozen=True)
class PropertyDef:
    name: str
    label: Text
    comment: Text
    kind: str  # "object" or "data"
    parents: tuple[URIRef, ...] = ()
    domain: tuple[str, ...] = ()  # kabar class names; more than one means their union
    range: tuple[str, ...] = ()  # kabar class names, or one XSD datatype local name for data
    functional: bool = False

    @property
    def iri(self) -> URIRef:
        return KABAR[self.name]


@dataclass(frozen=True)
class IndividualDef:
    """A named value of a kabar class, e.g. an event status."""

    name: str
    label: Text
    comment: Text
    type: str  # the kabar class it belongs to

    @property
    def iri(self) -> URIRef:
        return KABAR[self.name]


@dataclass(frozen=True)
class ExternalProperty:
    """A standard property kabar uses as it is; declared so the OWL stays in OWL 2 DL."""

    iri: URIRef
    kind: str  # "object", "data" or "annotation"


@dataclass(frozen=True)
class Rule:
    """What a shape asks of one property of its nodes. For a kabar property, what is left unset comes from its
    declaration: the classes of an object property's range, the datatype of a data property's, at most one
    value of a functional one."""

    path: URIRef
    min: int = 0
    max: int | None = None
    datatypes: tuple[str, ...] = ()  # XSD local names, or "langString" for text with a language tag
    classes: tuple[str, ...] = ()  # kabar class names, one of which each value has
    values: tuple[str, ...] = ()  # kabar individuals the value is one of
    pattern: str | None = None  # a regular expression the value's string matches
    bounds: tuple[float, float] | None = None  # inclusive numeric range


@dataclass(frozen=True)
class ShapeDef:
    """What a valid node of a kabar class carries; `kabar validate` and every ingest check it."""

    target: str  # the kabar class whose nodes it checks
    comment: Text
    rules: tuple[Rule, ...]

    @property
    def name(self) -> str:
        return self.target + "Shape"


@dataclass(frozen=True)
class Vocabulary:
    classes: tuple[ClassDef, ...]
    properties: tuple[PropertyDef, ...]
    external: tuple[ExternalProperty, ...]
    disjoint: tuple[tuple[str, ...], ...] = field(default=())
    individuals: tuple[IndividualDef, ...] = field(default=())
    shapes: tuple[ShapeDef, ...] = field(default=())


CLASSES = (
    ClassDef(
        "Article",
        Text("news article", "artikel berita"),
        Text("A news report as published, the source of every fact kabar extracts.",
             "Laporan berita sebagaimana diterbitkan, sumber setiap fakta yang diekstrak kabar."),
        (SCHEMA.NewsArticle, PROV.Entity),
    ),
    ClassDef(
        "Agent",
        Text("agent", "pelaku"),
        Text("Someone or something that can act in an event: a person, an organization or a country.",
             "Orang, organisasi, atau negara yang dapat bertindak dalam suatu peristiwa."),
        (SEM.Actor, PROV.Agent),
    ),
    ClassDef(
        "Person",
        Text("person", "orang"),
        Text("A human being named in the news.", "Manusia yang disebut dalam berita."),
        (KABAR.Agent, SCHEMA.Person),
    ),
    ClassDef(
        "Organization",
        Text("organization", "organisasi"),
        Text("A government body, international organization, armed group, company or news outlet.",
             "Lembaga pemerintah, organisasi internasional, kelompok bersenjata, perusahaan, atau media."),
        (KABAR.Agent, SCHEMA.Organization),
    ),
    ClassDef(
        "Place",
        Text("place", "tempat"),
        Text("A location: a city, region, sea or building.", "Lokasi: kota, wilayah, laut, atau bangunan."),
        (SCHEMA.Place, SEM.Place),
    ),
    ClassDef(
        "Country",
        Text("country", "negara"),
        Text("A sovereign state; both a place and an actor that negotiates.",
             "Negara berdaulat; sekaligus tempat dan pelaku yang berunding."),
        (KABAR.Place, KABAR.Agent, SCHEMA.Country),
    ),
    ClassDef(
        "Event",
        Text("event", "peristiwa"),
        Text("Something that happened or is reported to happen, extracted from an article.",
             "Sesuatu yang terjadi atau dilaporkan akan terjadi, diekstrak dari artikel."),
        (SCHEMA.Event, SEM.Event),
    ),
    ClassDef(
        "Meeting",
        Text("meeting", "pertemuan"),
        Text("Two or more parties meeting in person (CAMEO 04x 'consult').",
             "Dua pihak atau lebih bertemu langsung (CAMEO 04x 'konsultasi')."),
        (KABAR.Event,),
    ),
    ClassDef(
        "Negotiation",
        Text("negotiation", "perundingan"),
        Text("Talks between parties, usually countries, about an issue (CAMEO 046).",
             "Pembicaraan antarpihak, biasanya negara, tentang suatu persoalan (CAMEO 046)."),
        (KABAR.Event,),
    ),
    ClassDef(
        "Attack",
        Text("attack", "serangan"),
        Text("An armed attack by an agent on another (CAMEO 190, use conventional military force).",
             "Serangan bersenjata oleh satu pelaku terhadap pelaku lain (CAMEO 190, penggunaan kekuatan militer)."),
        (KABAR.Event,),
    ),
    ClassDef(
        "Death",
        Text("death", "kematian"),
        Text("A person's death or killing as reported; CAMEO has no code for it, since it codes interactions.",
             "Kematian atau terbunuhnya seseorang sebagaimana diberitakan; CAMEO tidak memberinya kode."),
        (KABAR.Event,),
    ),
    ClassDef(
        "Mention",
        Text("mention", "penyebutan"),
        Text("Words of an article, identified by the article and their character offsets (RFC 5147 "
             "'#char=start,end'), that refer to an entity, an event or a position: the evidence of a fact.",
             "Kata-kata dalam artikel, dikenali dari artikel dan posisi karakternya (RFC 5147 "
             "'#char=awal,akhir'), yang merujuk ke entitas, peristiwa, atau jabatan: bukti suatu fakta."),
        (PROV.Entity,),
    ),
    ClassDef(
        "Sentence",
        Text("sentence", "kalimat"),
        Text("A sentence of an article that states at least one extracted fact, with its character offsets.",
             "Kalimat dalam artikel yang menyatakan sedikitnya satu fakta yang diekstrak, dengan posisi karakternya."),
        (PROV.Entity,),
    ),
    ClassDef(
        "Position",
        Text("position", "jabatan"),
        Text("An office or role a person holds, such as a foreign minister of a country.",
             "Jabatan atau peran yang dipegang seseorang, misalnya menteri luar negeri suatu negara."),
        (ORG.Post,),
    ),
    ClassDef(
        "EventStatus",
        Text("event status", "status peristiwa"),
        Text("Whether an event was held, is planned, was cancelled or was refused, as the article states it; "
             "its four values are kabar:Held, kabar:Planned, kabar:Cancelled and kabar:Refused.",
             "Apakah peristiwa telah berlangsung, direncanakan, dibatalkan, atau ditolak, menurut artikel; "
             "keempat nilainya kabar:Held, kabar:Planned, kabar:Cancelled, dan kabar:Refused."),
        (SCHEMA.EventStatusType,),
    ),
)

PROPERTIES = (
    PropertyDef(
        "participant",
        Text("participant", "peserta"),
        Text("An agent taking part in an event.", "Pelaku yang ikut serta dalam suatu peristiwa."),
        "object", (SEM.hasActor,), ("Event",), ("Agent",),
    ),
    PropertyDef(
        "party",
        Text("party", "pihak"),
        Text("A side of a negotiation, usually a country.", "Salah satu pihak dalam perundingan, biasanya negara."),
        "object", (KABAR.participant,), ("Negotiation",), ("Agent",),
    ),
    PropertyDef(
        "location",
        Text("location", "lokasi"),
        Text("Where an event took place.", "Tempat suatu peristiwa berlangsung."),
        "object", (SEM.hasPlace, SCHEMA.location), ("Event",), ("Place",),
    ),
    PropertyDef(
        "date",
        Text("date", "tanggal"),
        Text("When an event took place, normalized: xsd:date, xsd:gYearMonth or xsd:gYear.",
             "Waktu suatu peristiwa, dinormalisasi: xsd:date, xsd:gYearMonth, atau xsd:gYear."),
        "data", (SEM.hasTimeStamp,), ("Event",),
    ),
    PropertyDef(
        "dateText",
        Text("date as written", "tanggal sebagaimana tertulis"),
        Text("The words of the article the date was read from, e.g. 'awal bulan ini'.",
             "Kata-kata dalam artikel yang menjadi dasar tanggal, misalnya 'awal bulan ini'."),
        "data", (), ("Event",), ("PlainLiteral",),
    ),
    PropertyDef(
        "status",
        Text("status", "status"),
        Text("Whether the event was held, is planned, was cancelled or was refused (one kabar:EventStatus): "
             "'akan bertemu' and 'will meet' are planned, 'dibatalkan' and 'called off' cancelled, "
             "'menolak bertemu' and 'refused to meet' refused.",
             "Apakah peristiwa telah berlangsung, direncanakan, dibatalkan, atau ditolak (satu kabar:EventStatus): "
             "'akan bertemu' dan 'will meet' direncanakan, 'dibatalkan' dan 'called off' dibatalkan, "
             "'menolak bertemu' dan 'refused to meet' ditolak."),
        "object", (SCHEMA.eventStatus,), ("Event",), ("EventStatus",), functional=True,
    ),
    PropertyDef(
        "partOf",
        Text("part of", "bagian dari"),
        Text("The larger event this one belongs to, e.g. a meeting within a negotiation.",
             "Peristiwa lebih besar yang mencakup peristiwa ini, misalnya pertemuan dalam perundingan."),
        "object", (SEM.subEventOf, SCHEMA.superEvent), ("Event",), ("Event",),
    ),
    PropertyDef(
        "topic",
        Text("topic", "topik"),
        Text("What an article or event is about.", "Hal yang dibahas oleh artikel atau peristiwa."),
        "object", (SCHEMA.about,), ("Article", "Event"),
    ),
    PropertyDef(
        "holdsPosition",
        Text("holds position", "memegang jabatan"),
        Text("A position the person holds or held according to the article.",
             "Jabatan yang dipegang orang itu menurut artikel."),
        "object", (ORG.holds,), ("Person",), ("Position",),
    ),
    PropertyDef(
        "positionIn",
        Text("position in", "jabatan di"),
        Text("The country or organization the position belongs to.",
             "Negara atau organisasi tempat jabatan itu berada."),
        "object", (ORG.postIn,), ("Position",), ("Agent",),
    ),
    PropertyDef(
        "extractedFrom",
        Text("extracted from", "diekstrak dari"),
        Text("The article a fact was read from.", "Artikel sumber suatu fakta."),
        "object", (PROV.wasDerivedFrom,), (), ("Article",),
    ),
    PropertyDef(
        "evidence",
        Text("evidence", "bukti"),
        Text("The sentence of the article that states the fact.", "Kalimat dalam artikel yang menyatakan fakta itu."),
        "data", (), (), ("PlainLiteral",),
    ),
    PropertyDef(
        "trigger",
        Text("trigger", "pemicu"),
        Text("The words that signal the event, e.g. 'bertemu dengan' or 'talks between'.",
             "Kata-kata penanda peristiwa, misalnya 'bertemu dengan' atau 'talks between'."),
        "data", (), ("Event",), ("PlainLiteral",),
    ),
    PropertyDef(
        "attacker",
        Text("attacker", "penyerang"),
        Text("The agent that carried out an attack.", "Pelaku yang melancarkan serangan."),
        "object", (KABAR.participant,), ("Attack",), ("Agent",),
    ),
    PropertyDef(
        "target",
        Text("target", "sasaran"),
        Text("The agent an attack was aimed at.", "Pelaku yang menjadi sasaran serangan."),
        "object", (KABAR.participant,), ("Attack",), ("Agent",),
    ),
    PropertyDef(
        "victim",
        Text("victim", "korban"),
        Text("The person who died.", "Orang yang meninggal."),
        "object", (KABAR.participant,), ("Death",), ("Person",),
    ),
    PropertyDef(
        "cameoCode",
        Text("CAMEO code", "kode CAMEO"),
        Text("The event's CAMEO code as GDELT writes it in EventCode (e.g. '046' engage in negotiation), "
             "so kabar's events can be compared with GDELT's.",
             "Kode CAMEO peristiwa sebagaimana ditulis GDELT di EventCode (misalnya '046' berunding), "
             "agar peristiwa kabar dapat dibandingkan dengan GDELT."),
        "data", (), ("Event",), ("string",),
    ),
    PropertyDef(
        "mentionOf",
        Text("mention of", "penyebutan dari"),
        Text("What the words of a mention refer to: an entity, an event (its trigger) or a position.",
             "Hal yang dirujuk kata-kata suatu penyebutan: entitas, peristiwa (pemicunya), atau jabatan."),
        "object", (), ("Mention",), ("Agent", "Place", "Event", "Position"),
    ),
    PropertyDef(
        "inSentence",
        Text("in sentence", "dalam kalimat"),
        Text("The sentence a mention or an event was read from.",
             "Kalimat tempat suatu penyebutan atau peristiwa dibaca."),
        "object", (), ("Mention", "Event"), ("Sentence",),
    ),
    PropertyDef(
        "startOffset",
        Text("start offset", "posisi awal"),
        Text("Where the words begin in the article's schema:articleBody, counted in characters from 0; "
             "SUBSTR(?body, ?start + 1, ?end - ?start) gives them back in SPARQL.",
             "Posisi awal kata-kata itu dalam schema:articleBody artikel, dihitung dalam karakter mulai dari 0; "
             "SUBSTR(?body, ?start + 1, ?end - ?start) mengembalikannya di SPARQL."),
        "data", (), ("Mention", "Sentence"), ("integer",), True,
    ),
    PropertyDef(
        "endOffset",
        Text("end offset", "posisi akhir"),
        Text("Character offset in the article's schema:articleBody just after the words (exclusive).",
             "Posisi karakter dalam schema:articleBody tepat setelah kata-kata itu (eksklusif)."),
        "data", (), ("Mention", "Sentence"), ("integer",), True,
    ),
    PropertyDef(
        "anchorText",
        Text("anchor text", "teks jangkar"),
        Text("The words themselves, exactly as the article has them between the offsets.",
             "Kata-kata itu sendiri, persis seperti dalam artikel di antara kedua posisi."),
        "data", (), ("Mention", "Sentence"), ("PlainLiteral",),
    ),
    PropertyDef(
        "confidence",
        Text("confidence", "keyakinan"),
        Text("How sure the extractor is of a mention or an event, from 0 to 1: about 0.9 for a name the KB "
             "knows, 0.7 for a name found by a title or verb cue, 0.6 for a pronoun; a role or an event is its "
             "pattern's confidence times that of the weakest mention it rests on.",
             "Seberapa yakin pengekstrak akan suatu penyebutan atau peristiwa, dari 0 sampai 1: sekitar 0,9 "
             "untuk nama yang dikenal KB, 0,7 untuk nama yang ditemukan dari gelar atau kata kerja, 0,6 untuk "
             "kata ganti; peran atau peristiwa bernilai keyakinan polanya dikali keyakinan penyebutan terlemah."),
        "data", (), ("Mention", "Event"), ("decimal",),
    ),
    PropertyDef(
        "linkConfidence",
        Text("link confidence", "keyakinan tautan"),
        Text("How sure the linker is that the entity is its owl:sameAs Wikidata item, from 0 to 1 "
             "(1 for a link a user set); stated on each mention, as each article links on its own evidence.",
             "Seberapa yakin penaut bahwa entitas itu adalah butir Wikidata owl:sameAs-nya, dari 0 sampai 1 "
             "(1 untuk tautan yang ditetapkan pengguna); dinyatakan pada setiap penyebutan, karena setiap artikel "
             "menautkan dengan buktinya sendiri."),
        "data", (), ("Agent", "Place", "Event", "Mention"), ("decimal",),
    ),
    PropertyDef(
        "linkMethod",
        Text("link method", "metode tautan"),
        Text("How the Wikidata link was found: label, alias, transliteration, fuzzy, recognizer, online or "
             "manual (a user's correction; in the corrections graph, manual without owl:sameAs means no item).",
             "Cara tautan Wikidata ditemukan: label, alias, transliteration, fuzzy, recognizer, online, atau "
             "manual (koreksi pengguna; di graf koreksi, manual tanpa owl:sameAs berarti tanpa butir)."),
        "data", (), ("Agent", "Place", "Event", "Mention"), ("string",),
    ),
    PropertyDef(
        "eventStatements",
        Text("event statements", "pernyataan peristiwa"),
        Text("What the article itself says about the events it reports, as N-Triples about its own event IRIs: "
             "the events graph is rebuilt from these when articles reporting the same event are merged, "
             "re-ingested or removed.",
             "Apa yang dikatakan artikel itu sendiri tentang peristiwa yang diberitakannya, sebagai N-Triples "
             "tentang IRI peristiwanya sendiri: graf peristiwa dibangun ulang dari sini ketika artikel yang "
             "memberitakan peristiwa yang sama digabungkan, dimuat ulang, atau dihapus."),
        "data", (), ("Article",), ("string",), True,
    ),
    PropertyDef(
        "correctedType",
        Text("corrected type", "tipe koreksi"),
        Text("In the corrections graph, the type a user gave the entity (Person, Organization, Country, Place): "
             "kept at every ingest.",
             "Di graf koreksi, tipe yang diberikan pengguna kepada entitas (Person, Organization, Country, "
             "Place): dipertahankan pada setiap pemuatan."),
        "data", (), (), ("string",), True,
    ),
    PropertyDef(
        "correctedName",
        Text("corrected name", "nama koreksi"),
        Text("In the corrections graph, the name a user gave the entity; with a corrected type, the entity it "
             "is merged into.",
             "Di graf koreksi, nama yang diberikan pengguna kepada entitas; bersama tipe koreksi, entitas tempat "
             "ia digabungkan."),
        "data", (), (), ("string",), True,
    ),
    PropertyDef(
        "removedByUser",
        Text("removed by user", "dihapus pengguna"),
        Text("In the corrections graph, true when a user said the entity is no entity (a byline, a credit).",
             "Di graf koreksi, benar bila pengguna menyatakan entitas itu bukan entitas (nama penulis, kredit)."),
        "data", (), (), ("boolean",), True,
    ),
    PropertyDef(
        "addedName",
        Text("added name", "nama tambahan"),
        Text("In the corrections graph, a name a user said is an entity (of its corrected type) wherever an "
             "article writes it.",
             "Di graf koreksi, nama yang menurut pengguna adalah entitas (bertipe koreksinya) di mana pun artikel "
             "menuliskannya."),
        "data", (), (), ("string",), True,
    ),
)

EXTERNAL = (
    ExternalProperty(SCHEMA.headline, "data"),
    ExternalProperty(SCHEMA.articleBody, "data"),
    ExternalProperty(SCHEMA.datePublished, "data"),
    ExternalProperty(SCHEMA.inLanguage, "data"),
    ExternalProperty(SCHEMA.name, "data"),
    ExternalProperty(SCHEMA.description, "data"),
    ExternalProperty(SCHEMA.latitude, "data"),
    ExternalProperty(SCHEMA.longitude, "data"),
    ExternalProperty(SCHEMA.containedInPlace, "object"),
    ExternalProperty(SCHEMA.url, "data"),
    ExternalProperty(SCHEMA.author, "object"),
    ExternalProperty(SCHEMA.publisher, "object"),
    ExternalProperty(SCHEMA.mentions, "object"),
    ExternalProperty(SKOS.altLabel, "annotation"),
    ExternalProperty(DCTERMS.creator, "data"),
    ExternalProperty(DCTERMS.modified, "data"),
)

INDIVIDUALS = (
    IndividualDef("Held", Text("held", "berlangsung"),
                  Text("The event took place, or is taking place.", "Peristiwa telah atau sedang berlangsung."),
                  "EventStatus"),
    IndividualDef("Planned", Text("planned", "direncanakan"),
                  Text("The event is announced, scheduled or planned and has not taken place yet.",
                       "Peristiwa diumumkan, dijadwalkan, atau direncanakan dan belum berlangsung."),
                  "EventStatus"),
    IndividualDef("Cancelled", Text("cancelled", "dibatalkan"),
                  Text("The event was planned and then called off.",
                       "Peristiwa telah direncanakan lalu dibatalkan."),
                  "EventStatus"),
    IndividualDef("Refused", Text("refused", "ditolak"),
                  Text("A party refused or ruled out the event.", "Salah satu pihak menolak peristiwa itu."),
                  "EventStatus"),
)

DISJOINT = (
    ("Person", "Organization", "Place", "Event", "Article", "Position"),
    ("Mention", "Person", "Organization", "Place", "Event", "Article", "Position"),
    ("Sentence", "Person", "Organization", "Place", "Event", "Article", "Position"),
)

WIKIDATA_ITEM = r"^http://www\.wikidata\.org/entity/Q[1-9][0-9]*$"
"""The form of an entity's owl:sameAs: a Wikidata item's concept IRI."""
LINK_METHODS = ("label", "alias", "transliteration", "fuzzy", "recognizer", "online", "manual")
"""How the linker found an entity's item (`loaders.model.Link.method`); 'nil' links are not written."""
TAGGED = ("langString",)
SCORE = (0.0, 1.0)

_ENTITY = (
    Rule(SCHEMA.name, 1, 1, ("string",)),
    Rule(OWL.sameAs, 0, 1, pattern=WIKIDATA_ITEM),
    Rule(SKOS.altLabel, datatypes=TAGGED),
    Rule(KABAR.linkConfidence, 0, 1, bounds=SCORE),
    Rule(KABAR.linkMethod, 0, 1, pattern="^(" + "|".join(LINK_METHODS) + ")$"),
)
_EXTRACTED = (  # what an event extracted from articles carries: its provenance, its evidence, its status
    Rule(KABAR.extractedFrom, 1),
    Rule(KABAR.evidence, 1, datatypes=TAGGED),
    Rule(KABAR.trigger, 1, datatypes=TAGGED),
    Rule(KABAR.inSentence, 1),
    Rule(KABAR.confidence, 1, 1, bounds=SCORE),
    Rule(KABAR.status, 1, 1, values=("Held", "Planned", "Cancelled", "Refused")),
    Rule(KABAR.cameoCode, 0, 1, pattern="^[0-9]{3,4}$"),
    Rule(KABAR.date, 0, 1, datatypes=("date", "gYearMonth", "gYear")),
    Rule(KABAR.dateText, 0, 1, datatypes=TAGGED),
    Rule(KABAR.location, 0, 1),
    Rule(KABAR.partOf),
)
_SPAN = (  # a mention's or sentence's place in its article
    Rule(KABAR.extractedFrom, 1, 1),
    Rule(KABAR.startOffset, 1, bounds=(0, float("inf"))),
    Rule(KABAR.endOffset, 1, bounds=(0, float("inf"))),
    Rule(KABAR.anchorText, 1, 1, datatypes=TAGGED),
)


def _event(name: str, en: str, id_: str, *rules: Rule) -> ShapeDef:
    return ShapeDef(name, Text(en, id_), _EXTRACTED + rules)


SHAPES = (
    ShapeDef("Article", Text("An article: its headline and text in its language, where and when it was published.",
                             "Artikel: judul dan teksnya dalam bahasanya, di mana dan kapan diterbitkan."), (
        Rule(SCHEMA.headline, 1, 1, TAGGED),
        Rule(SCHEMA.articleBody, 1, 1, TAGGED),
        Rule(SCHEMA.inLanguage, 1, 1, ("string",), pattern="^[a-z]{2,3}(-[A-Za-z0-9]+)*$"),
        Rule(SCHEMA.datePublished, 0, 1, ("date", "gYearMonth", "gYear", "dateTime")),
        Rule(SCHEMA.url, 0, 1, ("anyURI",)),
        Rule(SCHEMA.publisher, 0, 1, classes=("Organization",)),
        Rule(SCHEMA.author, classes=("Person", "Organization")),
        Rule(SCHEMA.mentions, classes=("Agent", "Place", "Event")),
        Rule(KABAR.eventStatements, 0, 1),
    )),
    ShapeDef("Person", Text("A person: one name, at most one Wikidata item, the posts held.",
                            "Orang: satu nama, paling banyak satu butir Wikidata, jabatan yang dipegang."),
             (*_ENTITY, Rule(KABAR.holdsPosition))),
    ShapeDef("Organization", Text("An organization: one name, at most one Wikidata item.",
                                  "Organisasi: satu nama, paling banyak satu butir Wikidata."), _ENTITY),
    ShapeDef("Place", Text("A place or a country: one name, at most one Wikidata item, where the KB puts it "
                           "(its point, the country it lies in).",
                           "Tempat atau negara: satu nama, paling banyak satu butir Wikidata, letaknya menurut KB "
                           "(titiknya, negara tempatnya berada)."),
             (*_ENTITY, Rule(SCHEMA.latitude, 0, 1, ("decimal",), bounds=(-90, 90)),
              Rule(SCHEMA.longitude, 0, 1, ("decimal",), bounds=(-180, 180)),
              Rule(SCHEMA.containedInPlace, 0, 1))),
    _event("Meeting", "A meeting: at least two participants, each an agent, with its provenance and status.",
           "Pertemuan: sedikitnya dua peserta, masing-masing pelaku, dengan asal-usul dan statusnya.",
           Rule(KABAR.participant, 2)),
    _event("Negotiation", "Talks: at least two participants, each an agent; the countries among them are parties.",
           "Perundingan: sedikitnya dua peserta, masing-masing pelaku; negara di antaranya adalah pihak.",
           Rule(KABAR.participant, 2), Rule(KABAR.party)),
    _event("Attack", "An attack: its attackers and targets, each an agent (reports may name several).",
           "Serangan: penyerang dan sasarannya, masing-masing pelaku (laporan bisa menyebut beberapa).",
           Rule(KABAR.participant), Rule(KABAR.attacker), Rule(KABAR.target)),
    _event("Death", "A death: at most one victim, a person.", "Kematian: paling banyak satu korban, seorang manusia.",
           Rule(KABAR.participant), Rule(KABAR.victim, 0, 1)),
    ShapeDef("Mention", Text("Words of an article that refer to something: where they are, how sure kabar is.",
                             "Kata-kata artikel yang merujuk sesuatu: letaknya, seberapa yakin kabar."),
             (*_SPAN, Rule(KABAR.inSentence, 0, 1), Rule(KABAR.mentionOf), Rule(KABAR.confidence, 1, bounds=SCORE),
              Rule(KABAR.linkConfidence, 0, 1, bounds=SCORE))),
    ShapeDef("Sentence", Text("A sentence of an article that states a fact: where it is, its words.",
                              "Kalimat artikel yang menyatakan fakta: letaknya, kata-katanya."), _SPAN),
    ShapeDef("Position", Text("A post: its title, the agent it is in.", "Jabatan: sebutannya, pelaku tempatnya."),
             (Rule(RDFS.label, 1, 1, TAGGED), Rule(KABAR.positionIn, 0, 1))),
)

VOCABULARY = Vocabulary(CLASSES, PROPERTIES, EXTERNAL, DISJOINT, INDIVIDUALS, SHAPES)
