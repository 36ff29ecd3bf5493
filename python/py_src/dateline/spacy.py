"""dateline as a spaCy pipeline component: TIMEX3 dates and gazetteer entities on a ``Doc``.

Installed with ``pip install "./python[spacy]"``, the package registers the
factory ``"dateline"`` through spaCy's ``spacy_factories`` entry point, so any
pipeline can add it without importing this module first::

    nlp = spacy.blank("en")
    nlp.add_pipe("dateline", config={"reference_date": "2024-07-24"})
    doc = nlp("China tightened export controls, effective 1 September.")
    doc.ents                          # (China,): label_ "GPE", kb_id_ "iso3166-1:CN"
    doc.spans["dates"]                # [1 September]: label_ "DATE"
    doc.spans["dates"][0]._.timex_value   # "2024-09-01"

What it writes:

- ``doc.spans[spans_key]`` (``"dates"``): one span per date or time
  expression, labelled with its TIMEX3 type, with ``span._.timex_type``,
  ``span._.timex_value`` and ``span._.timex_rule`` (the grammar rule that
  matched and the one that resolved it). The value is also the span's
  ``kb_id_``, so ``displacy.render(doc, style="span", options={"spans_key":
  "dates"})`` shows it beside the label. The group is replaced on every run.
- ``doc.ents``: the gazetteer's entities (and those the context rules find,
  "US Navy" as ``ORG``), with ``label_`` and ``kb_id_`` = the entry's id
  (empty for a rule's entity).

dateline finds character spans; each is mapped to the tokens that cover it
with ``doc.char_span(start, end, alignment_mode="expand")``, so a name inside
a longer spaCy token takes the whole token.

Overlaps in ``doc.ents``, which cannot overlap, are resolved in a fixed
order: dateline's own entities are placed in text order, and one whose tokens
overlap an entity already placed is left out (two names can expand into the
same spaCy token). Then, with ``overwrite_ents=False`` (the default), an
entity the document already had wins and an overlapping dateline entity is
left out; with ``overwrite_ents=True``, dateline's entity wins and the
overlapping earlier ones are removed. Existing entities that overlap none of
dateline's are kept either way.

The reference date for relative dates ("yesterday", "next Tuesday") is
``doc._.reference_date`` when set (a ``"YYYY-MM-DD"`` string, a ``date`` or a
``datetime``; only a string survives ``nlp.pipe(..., n_process=2)`` and
``DocBin``, which serialize the ``Doc``), else the config's
``reference_date``, else today (UTC) with one ``dateline.ReferenceDateWarning``
per process.

``nlp.to_disk`` writes the component's gazetteer, compiled, into the
component's directory, and ``spacy.load`` / ``nlp.from_disk`` read it back:
the saved copy wins over the files the config names, which need not exist on
the machine that loads the pipeline (a component whose config names missing
files raises ``FileNotFoundError`` only when it is run without having been
loaded from disk).

``nlp.pipe`` hands the component batches, which it processes with
``dateline.extract_many`` (in parallel, with the GIL released).
"""

import json
import pathlib
import tempfile
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence, Union, cast

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

import dateline

__all__ = ["DatelineComponent", "make_dateline"]

# The extension attributes, registered once per process when this module is
# imported (spaCy imports it through the entry point whenever a `Language`
# is made).
for _name in ("timex_type", "timex_value", "timex_rule"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)
if not Doc.has_extension("reference_date"):
    Doc.set_extension("reference_date", default=None)

DEFAULT_CONFIG: Dict[str, Any] = {
    "gazetteers": [],
    "include_default": True,
    "case": "fold",
    "accent_folding": True,
    "nested": "drop",
    "direction": "context",
    "day_first": False,
    "reference_date": None,
    "overwrite_ents": False,
    "spans_key": "dates",
    "lang": None,
}

_META_FILE = "dateline.json"
_GAZETTEER_FILE = "gazetteer.bin"


@Language.factory(
    "dateline",
    default_config=DEFAULT_CONFIG,
    assigns=[
        "doc.ents",
        "doc.spans",
        "token.ent_iob",
        "token.ent_type",
        "span._.timex_type",
        "span._.timex_value",
        "span._.timex_rule",
    ],
)
def make_dateline(
    nlp: Language,
    name: str,
    gazetteers: List[str],
    include_default: bool,
    case: str,
    accent_folding: bool,
    nested: str,
    direction: str,
    day_first: bool,
    reference_date: Optional[str],
    overwrite_ents: bool,
    spans_key: str,
    lang: Optional[str],
) -> "DatelineComponent":
    """The ``"dateline"`` factory; the options are those of ``dateline.extract``.

    ``gazetteers`` are TSV or JSON Lines files, read in order into one
    gazetteer with ``case`` and ``accent_folding`` (as ``Gazetteer.from_files``
    reads them); it is added to the embedded default unless
    ``include_default`` is false. ``lang`` (a code, or ``"auto"`` to detect
    each text's) defaults to the pipeline's own language when dateline reads
    it (``spacy.blank("de")`` reads German), else English.
    """
    return DatelineComponent(
        name,
        gazetteers=gazetteers,
        include_default=include_default,
        case=case,
        accent_folding=accent_folding,
        nested=nested,
        direction=direction,
        day_first=day_first,
        reference_date=reference_date,
        overwrite_ents=overwrite_ents,
        spans_key=spans_key,
        lang=lang if lang is not None else _supported(nlp.lang),
    )


def _supported(code: str) -> Optional[str]:
    """``code`` when dateline reads that language, else ``None`` (English)."""
    try:
        dateline.extract("", reference_date="2000-01-01", lang=code)
    except ValueError:
        return None
    return code


class DatelineComponent:
    """Puts dateline's dates in ``doc.spans`` and its entities in ``doc.ents``.

    Made by the ``"dateline"`` factory (``nlp.add_pipe("dateline", config=...)``);
    see the module documentation for what it writes and how overlaps resolve.
    ``gazetteer`` may be replaced by any ``dateline.Gazetteer`` (or ``None``:
    the default's names only); ``nlp.to_disk`` saves whichever it holds.
    """

    def __init__(
        self,
        name: str = "dateline",
        *,
        gazetteers: Sequence[Union[str, pathlib.Path]] = (),
        include_default: bool = True,
        case: str = "fold",
        accent_folding: bool = True,
        nested: str = "drop",
        direction: str = "context",
        day_first: bool = False,
        reference_date: Optional[str] = None,
        overwrite_ents: bool = False,
        spans_key: str = "dates",
        lang: Optional[str] = None,
    ) -> None:
        if isinstance(gazetteers, (str, pathlib.PurePath)):
            raise TypeError(
                f"gazetteers is a list of file paths, not a single path: use [{str(gazetteers)!r}]"
            )
        self.name = name
        self.include_default = include_default
        self.nested = nested
        self.direction = direction
        self.day_first = day_first
        self.reference_date = reference_date
        self.overwrite_ents = overwrite_ents
        self.spans_key = spans_key
        self.lang = lang
        self.gazetteer: Optional[dateline.Gazetteer] = None
        self._strings: Any = None
        self._hash_cache: Dict[str, int] = {}
        # Files the config names that are not there: an error when the
        # component runs, unless `from_disk` brings the saved gazetteer first.
        self._missing: Optional[FileNotFoundError] = None
        if gazetteers:
            try:
                self.gazetteer = dateline.Gazetteer.from_files(
                    [str(path) for path in gazetteers],
                    case=cast(Any, case),
                    accent_folding=accent_folding,
                )
            except FileNotFoundError as err:
                self._missing = err
        # Bad option values fail here, when the pipe is added, not on the
        # first document.
        checked: Dict[str, Any] = {
            "nested": nested,
            "direction": direction,
            "day_first": day_first,
            "lang": lang,
        }
        dateline.extract("", reference_date=reference_date or "2000-01-01", **checked)

    def __getstate__(self) -> Dict[str, Any]:
        # Pickled for a spawned nlp.pipe worker: without the string cache,
        # which belongs to this process's vocabulary.
        state = self.__dict__.copy()
        state["_strings"] = None
        state["_hash_cache"] = {}
        return state

    def _options(self) -> Dict[str, Any]:
        """The keyword arguments of ``extract`` and ``extract_many``, but the date."""
        if self._missing is not None:
            raise FileNotFoundError(
                f"dateline component {self.name!r}: a gazetteer file its config names is "
                f"missing ({self._missing}), and no saved pipeline was loaded over it "
                "(nlp.from_disk / spacy.load bring the gazetteer saved with the pipeline)"
            ) from self._missing
        if self.gazetteer is None and not self.include_default:
            raise ValueError(
                f"dateline component {self.name!r}: include_default=False leaves no gazetteer: "
                "name files in the config's gazetteers, or set the component's .gazetteer"
            )
        return {
            "gazetteer": self.gazetteer,
            "include_default": self.include_default,
            "nested": self.nested,
            "direction": self.direction,
            "day_first": self.day_first,
            "lang": self.lang,
        }

    def _reference(self, doc: Doc) -> Any:
        reference = doc._.reference_date
        return self.reference_date if reference is None else reference

    def __call__(self, doc: Doc) -> Doc:
        found = dateline.extract(doc.text, self._reference(doc), **self._options())
        self._annotate(doc, found)
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Processes ``stream`` in batches with ``extract_many`` (parallel, GIL released)."""
        options = self._options()
        for batch in minibatch(stream, size=batch_size):
            texts = [doc.text for doc in batch]
            references = [self._reference(doc) for doc in batch]
            for doc, found in zip(batch, dateline.extract_many(texts, references, **options)):
                self._annotate(doc, found)
                yield doc

    def _annotate(self, doc: Doc, found: dateline.Document) -> None:
        hashes = self._hashes(doc)
        dates = []
        for date in found.dates:
            span = doc.char_span(
                date.start,
                date.end,
                label=hashes(date.type),
                kb_id=hashes(date.value),
                alignment_mode="expand",
            )
            if span is None:  # only whitespace: no token to hold it
                continue
            underscore = span._
            underscore.timex_type = date.type
            underscore.timex_value = date.value
            underscore.timex_rule = date.rule
            dates.append(span)
        doc.spans[self.spans_key] = dates
        doc.set_ents(self._merge(doc, found.entities, hashes), default="outside")

    def _hashes(self, doc: Doc) -> Callable[[str], int]:
        """``strings.add`` for ``doc``'s vocabulary, remembered: ``char_span``
        with a ``str`` label took five times as long as with its hash."""
        strings = doc.vocab.strings
        if strings is not self._strings or len(self._hash_cache) > 1 << 16:
            self._strings = strings
            self._hash_cache = {}
        cache = self._hash_cache

        def hashed(text: str) -> int:
            found = cache.get(text)
            if found is None:
                found = cache[text] = strings.add(text)
            return found

        return hashed

    def _merge(
        self, doc: Doc, entities: Sequence[dateline.Entity], hashes: Callable[[str], int]
    ) -> List[Span]:
        """``doc.ents`` with ``entities`` added, overlaps resolved as the module says."""
        taken = bytearray(len(doc))  # 1 where one of ours is placed
        ours = []
        for entity in entities:
            span = doc.char_span(
                entity.start,
                entity.end,
                label=hashes(entity.label),
                kb_id=hashes(entity.id),
                alignment_mode="expand",
            )
            if span is None or any(taken[span.start : span.end]):
                continue
            taken[span.start : span.end] = b"\x01" * len(span)
            ours.append(span)
        # Reading `doc.ents` makes a Token object for every token, which cost
        # more than all the rest of the component; the IOB column says in
        # one call whether any entity begins (3 = B) in the document.
        if not (doc.to_array("ENT_IOB") == 3).any():
            return ours
        existing = list(doc.ents)
        if self.overwrite_ents:
            kept = [ent for ent in existing if not any(taken[ent.start : ent.end])]
        else:
            theirs = bytearray(len(doc))
            for ent in existing:
                theirs[ent.start : ent.end] = b"\x01" * len(ent)
            kept = existing
            ours = [span for span in ours if not any(theirs[span.start : span.end])]
        return sorted(kept + ours, key=lambda span: span.start)

    # Serialization: the gazetteer travels with the pipeline; the options
    # are in the pipeline's config.

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps({"gazetteer": _gazetteer_bytes(self.gazetteer)})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "DatelineComponent":
        saved = srsly.msgpack_loads(data)
        compiled = saved.get("gazetteer")
        self._set_loaded(None if compiled is None else dateline._dateline._gazetteer_from_bytes(compiled))
        return self

    def to_disk(self, path: Union[str, pathlib.Path], *, exclude: Iterable[str] = ()) -> None:
        directory = pathlib.Path(path)
        directory.mkdir(parents=True, exist_ok=True)
        meta: Dict[str, Any] = {"dateline": dateline.__version__, "gazetteer": None}
        if self.gazetteer is not None:
            self.gazetteer.save(directory / _GAZETTEER_FILE)
            meta["gazetteer"] = _GAZETTEER_FILE
        (directory / _META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")

    def from_disk(self, path: Union[str, pathlib.Path], *, exclude: Iterable[str] = ()) -> "DatelineComponent":
        directory = pathlib.Path(path)
        meta_path = directory / _META_FILE
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise FileNotFoundError(
                f"{meta_path}: not a saved dateline component (written by nlp.to_disk)"
            ) from None
        except ValueError as err:
            raise ValueError(f"{meta_path}: not valid JSON: {err}") from None
        name = meta.get("gazetteer") if isinstance(meta, dict) else None
        self._set_loaded(None if name is None else dateline.Gazetteer.load(directory / str(name)))
        return self

    def _set_loaded(self, gazetteer: Optional[dateline.Gazetteer]) -> None:
        self.gazetteer = gazetteer
        self._missing = None


def _gazetteer_bytes(gazetteer: Optional[dateline.Gazetteer]) -> Optional[bytes]:
    """The compiled form of ``gazetteer``, as ``Gazetteer.save`` writes it."""
    if gazetteer is None:
        return None
    with tempfile.TemporaryDirectory(prefix="dateline-spacy-") as tmp:
        path = pathlib.Path(tmp) / _GAZETTEER_FILE
        gazetteer.save(path)
        return path.read_bytes()
