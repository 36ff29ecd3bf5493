"""`lang=` on every function, `lang="auto"` where the result says which language
was used, `detect_lang`, and `Document.lang` as the CLI's `"lang"`."""

import json
import pickle
import subprocess

import pytest

import dateline

GERMAN = "Die Regierung hat am Montag in Berlin mitgeteilt, dass sie die Gespräche fortsetzt."
FRENCH = "Le ministre a indiqué qu'il se rendra à Kyiv pour des entretiens avec le gouvernement."
SPANISH = "El ministro dijo que viajará a Kyiv para mantener conversaciones con el gobierno."
ENGLISH = "China met Ukraine on 23 July, the ministry said."
REFERENCE = "2024-07-24"

# Every function with a `lang` parameter, called on one text.
CALLS = {
    "tokenize": lambda text, lang: dateline.tokenize(text, lang=lang),
    "sentences": lambda text, lang: dateline.sentences(text, lang=lang),
    "find_dates": lambda text, lang: dateline.find_dates(text, REFERENCE, lang=lang),
    "Gazetteer.find": lambda text, lang: dateline.Gazetteer.default().find(text, lang=lang),
    "Gazetteer.find_many": lambda text, lang: dateline.Gazetteer.default().find_many([text], lang=lang),
    "extract": lambda text, lang: dateline.extract(text, REFERENCE, lang=lang),
    "extract_many": lambda text, lang: dateline.extract_many([text], REFERENCE, lang=lang),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_every_function_takes_a_language_and_refuses_unsupported_ones(name):
    call = CALLS[name]
    for lang in [None, "en", "de", "FR", "es-MX"]:
        call(GERMAN, lang)
    with pytest.raises(ValueError, match=r"unsupported language \"xx\" \(supported: 'en', 'de', 'fr', 'es'"):
        call(GERMAN, "xx")
    with pytest.raises(TypeError):
        call(GERMAN, 5)


@pytest.mark.parametrize("name", ["tokenize", "sentences", "find_dates", "Gazetteer.find", "Gazetteer.find_many"])
def test_auto_is_refused_where_the_result_cannot_say_the_language(name):
    with pytest.raises(ValueError, match=r"lang='auto'.*detect_lang\(text\).*Document.lang"):
        CALLS[name](GERMAN, "auto")


def test_detect_lang_names_the_language_or_none():
    assert [dateline.detect_lang(t) for t in [GERMAN, FRENCH, SPANISH, ENGLISH]] == ["de", "fr", "es", "en"]
    assert dateline.detect_lang("12:00 +3.5%") is None
    assert dateline.detect_lang("") is None
    # Its answer goes straight into the functions that refuse "auto".
    lang = dateline.detect_lang(FRENCH)
    assert dateline.sentences(FRENCH, lang=lang) == dateline.sentences(FRENCH, lang="fr")


def test_document_lang_says_what_was_used_and_to_dict_says_it_when_chosen():
    unsaid = dateline.extract(GERMAN, REFERENCE)
    assert unsaid.lang == "en"
    assert "lang" not in unsaid.to_dict()
    for lang, expected in [("de", "de"), ("en", "en"), ("auto", "de")]:
        doc = dateline.extract(GERMAN, REFERENCE, lang=lang)
        assert doc.lang == expected
        assert doc.to_dict()["lang"] == expected
        assert f"lang='{expected}'" in repr(doc)
    # Nothing to detect from: English, and said.
    assert dateline.extract("12:00", REFERENCE, lang="auto").to_dict()["lang"] == "en"
    # The language read decides equality; whether it was said does not.
    assert dateline.extract(ENGLISH, REFERENCE, lang="en") == dateline.extract(ENGLISH, REFERENCE)


def test_extract_many_takes_one_language_or_one_per_text():
    texts = [GERMAN, FRENCH, SPANISH, ENGLISH]
    detected = dateline.extract_many(texts, REFERENCE, lang="auto")
    assert [d.lang for d in detected] == ["de", "fr", "es", "en"]
    assert detected == [dateline.extract(t, REFERENCE, lang="auto") for t in texts]
    mixed = dateline.extract_many(iter(texts), REFERENCE, lang=["es", None, "auto", "en"])
    assert [d.lang for d in mixed] == ["es", "en", "es", "en"]
    assert ["lang" in d.to_dict() for d in mixed] == [True, False, True, True]
    with pytest.raises(ValueError, match="lang has 1 languages for 4 texts"):
        dateline.extract_many(texts, REFERENCE, lang=["de"])
    with pytest.raises(ValueError, match="lang has 5 languages for 4 texts"):
        dateline.extract_many(iter(texts), REFERENCE, lang=["de"] * 5)
    with pytest.raises(ValueError, match='unsupported language "xx"'):
        dateline.extract_many(texts, REFERENCE, lang=["de", "xx", None, None])
    with pytest.raises(TypeError, match="lang must be a language code"):
        dateline.extract_many(texts, REFERENCE, lang=7)


def test_documents_with_a_language_pickle_and_rebuild():
    for lang in [None, "fr"]:
        doc = dateline.extract(FRENCH, REFERENCE, lang=lang)
        back = pickle.loads(pickle.dumps(doc))
        assert back == doc and back.to_dict() == doc.to_dict() and hash(back) == hash(doc)
    doc = dateline.Document([], [], [], lang="de")
    assert doc.lang == "de" and doc.to_dict() == {"sentences": [], "entities": [], "dates": [], "lang": "de"}
    assert doc != dateline.Document([], [], [])
    with pytest.raises(ValueError, match="unsupported language"):
        dateline.Document([], [], [], lang="xx")


def test_to_dict_is_what_the_cli_writes_with_lang(cli):
    texts = [GERMAN, FRENCH, ENGLISH]
    lines = "".join(json.dumps({"text": t}) + "\n" for t in texts)
    for lang in ["auto", "de"]:
        result = subprocess.run(
            [str(cli), "extract", "--input", "jsonl", "--lang", lang, "--reference-date", REFERENCE],
            input=lines, capture_output=True, text=True, encoding="utf-8", check=True,
        )
        written = [json.loads(line) for line in result.stdout.splitlines()]
        for record in written:
            for key in ["source", "line", "reference_date"]:
                del record[key]
        mine = [d.to_dict() for d in dateline.extract_many(texts, REFERENCE, lang=lang)]
        assert mine == written, lang


def test_the_language_decides_which_names_a_gazetteer_finds():
    text = "La delegación china llegó a Pekín con la OTAN."
    gazetteer = dateline.Gazetteer.default()
    spanish = [(e.text, e.id) for e in gazetteer.find(text, lang="es")]
    assert spanish == [("china", "iso3166-1:CN"), ("Pekín", "geonames:1816670"), ("OTAN", "wikidata:Q7184")]
    assert "china" not in [e.text for e in gazetteer.find(text)]
    assert [[e.text for e in found] for found in gazetteer.find_many([text], lang="es")] == [
        [text for text, _ in spanish]
    ]
    assert [e.text for e in dateline.extract(text, reference_date="2024-07-24", lang="es").entities] == [
        text for text, _ in spanish
    ]
