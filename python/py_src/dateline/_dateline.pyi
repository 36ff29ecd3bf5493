import datetime
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, ClassVar, Literal, Mapping, SupportsIndex, Union, final, overload

__version__: str
__all__ = [
    "Document",
    "Entity",
    "Gazetteer",
    "GazetteerError",
    "ReferenceDateWarning",
    "Span",
    "TimeExpression",
    "Token",
    "Tokens",
    "TokensIterator",
    "__version__",
    "_gazetteer_from_bytes",
    "detect_lang",
    "extract",
    "extract_arrow",
    "extract_many",
    "find_dates",
    "sentences",
    "to_html",
    "tokenize",
]

_Mode = Literal["default", "treebank"]
_Direction = Literal["context", "past", "future", "nearest"]
# The words gazetteer files use; "sensitive" and "insensitive" are aliases of
# "exact" and "fold".
_Case = Literal["exact", "fold", "auto", "sensitive", "insensitive"]
# What becomes of a gazetteer match inside a longer name ("US" in "US Navy").
_Nested = Literal["drop", "keep", "flag"]
_Source = Literal["gazetteer", "rule"]
_DateLike = Union[datetime.date, str]
# A language code: "en", "de", "fr", "es", "uk", "ru", "zh" (a region such as "de-AT" reads as
# its language); "auto" too where the result says which language was used.
_Lang = str
_EntryLike = Union[tuple[str, str, str], Mapping[str, Any]]

@final
class Token:
    def __new__(
        cls, text: str, start: int, end: int, kind: str, words: Sequence[str] | None = None
    ) -> Token: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def words(self) -> tuple[str, ...]:
        """The syntactic words of a multi-word token (treebank mode: German
        `zum` -> `("zu", "dem")`); empty for every other token."""
    def __getnewargs__(self) -> tuple[str, int, int, str, tuple[str, ...]]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Tokens(Sequence[Token]):
    """The tokens of one text; each `Token` is made when it is read."""

    def __new__(
        cls,
        text: str,
        tokens: Sequence[tuple[int, int, str] | tuple[int, int, str, Sequence[str]]],
        span: tuple[int, int] | None = None,
    ) -> Tokens: ...
    @property
    def text(self) -> str: ...
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, key: SupportsIndex, /) -> Token: ...
    @overload
    def __getitem__(self, key: slice, /) -> Tokens: ...
    def __iter__(self) -> TokensIterator: ...
    def __contains__(self, key: object, /) -> bool: ...
    def count(self, value: object) -> int: ...
    def index(self, value: object, start: int = 0, stop: int | None = None) -> int: ...
    def __eq__(self, value: object, /) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __getnewargs__(
        self,
    ) -> tuple[
        str,
        list[tuple[int, int, str] | tuple[int, int, str, tuple[str, ...]]],
        tuple[int, int] | None,
    ]: ...

@final
class TokensIterator(Iterator[Token]):
    def __iter__(self) -> TokensIterator: ...
    def __next__(self) -> Token: ...
    def __reduce__(self) -> tuple[Any, tuple[Tokens], int]: ...
    def __setstate__(self, position: int, /) -> None: ...

@final
class Span:
    def __new__(cls, text: str, start: int, end: int) -> Span: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def __getnewargs__(self) -> tuple[str, int, int]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Entity:
    def __new__(
        cls,
        text: str,
        label: str,
        id: str,
        start: int,
        end: int,
        alternatives: Sequence[tuple[str, str]] = (),
        source: _Source = "gazetteer",
        rule: str | None = None,
        enclosing: tuple[int, int] | None = None,
    ) -> Entity: ...
    @property
    def text(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def id(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def alternatives(self) -> list[tuple[str, str]]: ...
    @property
    def source(self) -> _Source: ...
    @property
    def rule(self) -> str | None: ...
    @property
    def enclosing(self) -> tuple[int, int] | None: ...
    def __getnewargs__(
        self,
    ) -> tuple[
        str, str, str, int, int, list[tuple[str, str]], _Source, str | None, tuple[int, int] | None
    ]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class TimeExpression:
    def __new__(
        cls,
        text: str,
        type: str,
        value: str,
        start: int,
        end: int,
        mod: str | None = None,
        range: tuple[str, str] | None = None,
        rule: str | None = None,
    ) -> TimeExpression: ...
    @property
    def text(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def mod(self) -> str | None: ...
    @property
    def range(self) -> tuple[str, str] | None: ...
    @property
    def rule(self) -> str | None: ...
    def __getnewargs__(
        self,
    ) -> tuple[str, str, str, int, int, str | None, tuple[str, str] | None, str | None]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Document:
    def __new__(
        cls,
        sentences: Sequence[Span],
        entities: Sequence[Entity],
        dates: Sequence[TimeExpression],
        tokens: Tokens | None = None,
        text: str | None = None,
        lang: _Lang | None = None,
    ) -> Document: ...
    @property
    def sentences(self) -> list[Span]: ...
    @property
    def entities(self) -> list[Entity]: ...
    @property
    def dates(self) -> list[TimeExpression]: ...
    @property
    def tokens(self) -> Tokens | None: ...
    @property
    def text(self) -> str | None: ...
    @property
    def lang(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def to_html(self, *, name: str | None = None, title: str | None = None) -> str: ...
    def _repr_html_(self) -> str: ...
    def __getnewargs__(
        self,
    ) -> tuple[list[Span], list[Entity], list[TimeExpression], Tokens | None, str | None]: ...

class GazetteerError(ValueError):
    @property
    def path(self) -> str | None: ...
    @property
    def line(self) -> int | None: ...

class ReferenceDateWarning(UserWarning):
    """Relative dates were resolved against today: no reference_date was given."""

@final
class Gazetteer:
    def __new__(
        cls,
        entries: Iterable[_EntryLike],
        *,
        case: _Case = "fold",
        accent_folding: bool = True,
        include_default: bool = False,
    ) -> Gazetteer: ...
    @staticmethod
    def default() -> Gazetteer: ...
    @staticmethod
    def from_file(
        path: str | os.PathLike[str],
        *,
        case: _Case = "fold",
        accent_folding: bool = True,
        include_default: bool = False,
    ) -> Gazetteer: ...
    @staticmethod
    def load(path: str | os.PathLike[str]) -> Gazetteer: ...
    def save(self, path: str | os.PathLike[str]) -> None: ...
    @staticmethod
    def from_files(
        paths: Iterable[str | os.PathLike[str]],
        *,
        case: _Case = "fold",
        accent_folding: bool = True,
        include_default: bool = False,
    ) -> Gazetteer: ...
    def find(
        self, text: str, *, nested: _Nested = "drop", lang: _Lang | None = None
    ) -> list[Entity]: ...
    def find_many(
        self, texts: Iterable[str], *, nested: _Nested = "drop", lang: _Lang | None = None
    ) -> list[list[Entity]]: ...
    def __len__(self) -> int: ...
    def __reduce__(self) -> tuple[Any, ...]: ...

def tokenize(text: str, mode: _Mode = "default", *, lang: _Lang | None = None) -> Tokens: ...
def sentences(text: str, *, lang: _Lang | None = None) -> list[Span]: ...
def find_dates(
    text: str,
    reference_date: _DateLike | None = None,
    *,
    direction: _Direction = "context",
    day_first: bool = False,
    lang: _Lang | None = None,
) -> list[TimeExpression]: ...
def detect_lang(text: str) -> str | None: ...
def extract(
    text: str,
    reference_date: _DateLike | None = None,
    *,
    gazetteer: Gazetteer | None = None,
    include_default: bool = True,
    nested: _Nested = "drop",
    direction: _Direction = "context",
    day_first: bool = False,
    mode: _Mode = "default",
    tokens: bool = False,
    lang: _Lang | None = None,
) -> Document: ...
def extract_many(
    texts: Iterable[str],
    reference_date: _DateLike | Sequence[_DateLike | None] | None = None,
    *,
    gazetteer: Gazetteer | None = None,
    include_default: bool = True,
    nested: _Nested = "drop",
    direction: _Direction = "context",
    day_first: bool = False,
    mode: _Mode = "default",
    tokens: bool = False,
    lang: _Lang | Sequence[_Lang | None] | None = None,
) -> list[Document]: ...

def to_html(
    documents: Sequence[Document],
    *,
    names: Sequence[str] | None = None,
    title: str | None = None,
) -> str: ...
# A pyarrow.RecordBatch: pyarrow ships no type stubs, so it reads as Any.
def extract_arrow(
    texts: Iterable[str],
    reference_date: _DateLike | Sequence[_DateLike | None] | None = None,
    *,
    gazetteer: Gazetteer | None = None,
    include_default: bool = True,
    nested: _Nested = "drop",
    direction: _Direction = "context",
    day_first: bool = False,
    mode: _Mode = "default",
    tokens: bool = False,
    lang: _Lang | None = None,
) -> Any: ...

def _gazetteer_from_bytes(data: bytes, includes_default: bool = False) -> Gazetteer: ...
