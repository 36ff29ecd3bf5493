"""Type-checked with `mypy --strict`: the stubs must describe real usage."""

import datetime

import dateline


def entity_labels(text: str) -> dict[str, str]:
    gazetteer = dateline.Gazetteer.default()
    return {e.text: e.label for e in gazetteer.find(text)}


def date_values(texts: list[str]) -> list[list[str]]:
    docs = dateline.extract_many(texts, reference_date=datetime.date(2024, 7, 24))
    return [[d.value for d in doc.dates] for doc in docs]


def token_kinds(text: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.end, t.kind) for t in dateline.tokenize(text, mode="treebank")]


def sentence_texts(text: str) -> list[str]:
    return [s.text for s in dateline.sentences(text)]


def custom(path: str) -> int:
    gazetteer = dateline.Gazetteer.from_file(path, include_default=True)
    doc = dateline.extract("Kyiv, 23 July", reference_date="2024-07-24", gazetteer=gazetteer)
    return len(doc.entities) + len(doc.to_dict()["dates"])


def token_slices(text: str) -> tuple[int, str, list[str]]:
    tokens = dateline.tokenize(text)
    first: dateline.Token = tokens[0]
    words: tuple[str, ...] = first.words
    rest: dateline.Tokens = tokens[1:]
    return len(tokens) + len(words), first.text, [t.text for t in rest]


def streamed(lines: list[str]) -> list[dict[str, object]]:
    texts = (line.strip() for line in lines)
    docs = dateline.extract_many(
        texts, reference_date="2024-07-24", day_first=True, mode="treebank", include_default=False,
        gazetteer=dateline.Gazetteer([("Wang Yi", "PERSON", "wang-yi")], case="exact"),
    )
    found = dateline.Gazetteer.default().find_many(line for line in lines)
    dicts: list[dict[str, object]] = [e.to_dict() for entities in found for e in entities]
    for doc in docs:
        dicts += [s.to_dict() for s in doc.sentences] + [d.to_dict() for d in doc.dates]
        if doc.tokens is not None:
            whole: dateline.Tokens = doc.tokens
            dicts += [t.to_dict() for t in whole[1:3]]
    return dicts


def in_context(text: str) -> list[tuple[str, str, str | None, tuple[int, int] | None]]:
    gazetteer = dateline.Gazetteer.default()
    found = gazetteer.find(text, nested="flag") + gazetteer.find_many([text], nested="keep")[0]
    doc = dateline.extract(text, reference_date="2024-07-24", nested="drop")
    made = dateline.Entity("US", "GPE", "", 4, 6, source="rule", rule="head:org", enclosing=(4, 11))
    return [(e.text, e.source, e.rule, e.enclosing) for e in [*found, *doc.entities, made]]


def warning_category() -> type[UserWarning]:
    return dateline.ReferenceDateWarning


def pages(texts: list[str]) -> tuple[str, str, str, str | None]:
    docs = dateline.extract_many(texts, reference_date="2024-07-24")
    made = dateline.Document(docs[0].sentences, docs[0].entities, docs[0].dates, text=docs[0].text)
    page: str = dateline.to_html(docs, names=[f"text {i}" for i in range(len(docs))], title="News")
    return page, made.to_html(name="first", title=None), made._repr_html_(), made.text


def languages(texts: list[str]) -> list[str]:
    detected: str | None = dateline.detect_lang(texts[0])
    words = dateline.tokenize(texts[0], lang=detected or "en")
    dates = dateline.find_dates(texts[0], "2024-07-24", lang="de")
    docs = dateline.extract_many(texts, reference_date="2024-07-24", lang=["auto", None, "fr"][: len(texts)])
    one = dateline.extract(texts[0], reference_date="2024-07-24", lang="auto")
    return [doc.lang for doc in docs] + [one.lang, words.text] + [d.value for d in dates]
