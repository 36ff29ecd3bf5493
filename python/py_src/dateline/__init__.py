"""dateline: who, where and when in news text.

Tokens, sentences, gazetteer entities and TIMEX3-normalized dates, computed in
Rust. Offsets are code points into the text you passed, so
``text[x.start:x.end] == x.text`` for every result.

Every function takes ``lang=``, the text's language (``"en"``, ``"de"``, ``"fr"``,
``"es"``; English by default); ``extract`` and ``extract_many`` also take
``lang="auto"`` and say in ``Document.lang`` which language they detected.

Relative dates ("yesterday", "next Tuesday") resolve against ``reference_date``;
without one they resolve against today (UTC) and the first such call in a
process warns with :class:`ReferenceDateWarning`.
"""

from collections.abc import Sequence as _Sequence

from dateline._dateline import (
    Document,
    Entity,
    Gazetteer,
    GazetteerError,
    ReferenceDateWarning,
    Span,
    TimeExpression,
    Token,
    Tokens,
    __version__,
    detect_lang,
    extract,
    extract_arrow,
    extract_many,
    find_dates,
    sentences,
    to_html,
    tokenize,
)

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
    "__version__",
    "detect_lang",
    "extract",
    "extract_arrow",
    "extract_many",
    "find_dates",
    "sentences",
    "to_html",
    "tokenize",
]

# `Tokens` is a read-only sequence of `Token`s; `isinstance(t, Sequence)` says so.
_Sequence.register(Tokens)
