"""Every crash the hardening issue found: each hostile input is one failure naming it,
and the good articles of the same batch are stored and linked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimgraph.batch.local import ingest_paths
from claimgraph.errors import UnreadableInput
from claimgraph.ingest import MetadataWarning, read_paths
from claimgraph.ingest.limits import MAX_ARTICLE_CHARS
from claimgraph.link import relink
from claimgraph.model import Article
from claimgraph.store import open_store

GOOD = "Ferry capsizes\nThe coast guard said 40 people were rescued on Monday.\n"
DEEP = 100_000


def hostile_files(folder: Path) -> dict[str, str]:
    """File name -> a word its failure reason must hold (an empty word: any reason)."""
    cases = {
        "ipv6_url.jsonl": (json.dumps({"text": GOOD, "url": "http://[::1/x"}) + "\n", ""),
        "deep.jsonl": ('{"text": ' + "[" * DEEP + "]" * DEEP + "}\n", "deeply"),
        "bigint.jsonl": ('{"text": "x", "n": ' + "9" * 5000 + "}\n", "digits"),
        "huge.txt": ("Officials said 12 people died. " * 40_000, "100,000"),
        "invisible.txt": ("\u200b\u00ad\u202e\ufeff\u2060\n", "invisible"),
        "sidecar.txt": ("The mayor said 3 bridges closed.\n", "nested"),
    }
    for name, (content, _) in cases.items():
        (folder / name).write_text(content, encoding="utf-8")
    (folder / "sidecar.meta.json").write_text("[" * DEEP + "]" * DEEP, encoding="utf-8")
    return {name: word for name, (_, word) in cases.items() if name != "ipv6_url.jsonl"}


def test_ingest_isolation_hostile_batch_keeps_the_good(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "batch"
    folder.mkdir()
    expected = hostile_files(folder)
    (folder / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "digits.txt").write_text(
        "Digits\nOfficials said " + "7" * 5000 + " people were evacuated.\n", encoding="utf-8"
    )
    surrogate = '{"text": "Police said \\ud800 ten people were hurt.", "outlet": "\\udc00x"}'
    (folder / "surrogate.jsonl").write_text(surrogate + "\n", encoding="utf-8")
    (folder / "punctuation.txt").write_text(
        "Rules\nThe minister said it. " + "=" * 8000 + " and " + "," * 32000, encoding="utf-8"
    )
    store = open_store(tmp_path / "t.db")
    summary = ingest_paths([str(folder)], store, nlp=nlp)
    failed = {Path(path.split(":")[0]).name: reason for path, reason in summary.failures}
    assert set(failed) == set(expected)
    for name, word in expected.items():
        assert word in failed[name], (name, failed[name])
        assert "Traceback" not in failed[name] and "\n" not in failed[name]
    # good, the IPv6 URL's text (same as good: a second appearance), digits,
    # surrogate, punctuation
    assert summary.new == 4 and summary.new_appearances == 1
    assert relink(store).stories >= 1
    assert store.article_count() == 4
    store.close()


def test_ingest_isolation_bad_url_is_dropped_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    records = [{"text": GOOD, "url": url} for url in ("http://[::1/x", "http://a.example:99999/")]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    items = list(read_paths([str(path)]))
    articles = [item for item in items if isinstance(item, Article)]
    assert len(articles) == 2 and all(a.metadata.url is None for a in articles)
    warnings = [item for item in items if isinstance(item, MetadataWarning)]
    assert [w.path for w in warnings] == [f"{path}:1", f"{path}:2"]
    assert "'http://[::1/x' dropped: not a valid URL" in warnings[0].message


def test_ingest_isolation_surrogates_become_replacement_chars(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    record = (
        '{"text": "Police said \\ud800 ten were hurt.", "outlet": "\\udc00x", "url": "\\ud800"}'
    )
    path.write_text(record + "\n", encoding="utf-8")
    (article,) = read_paths([str(path)])
    assert isinstance(article, Article)
    assert "\ufffd" in article.text and article.metadata.outlet == "\ufffdx"
    article.model_dump_json()  # serialisable: what the store writes


def test_ingest_isolation_text_over_the_limit_names_its_size(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("a " * (MAX_ARTICLE_CHARS // 2 + 1), encoding="utf-8")
    (failure,) = read_paths([str(path)])
    assert isinstance(failure, UnreadableInput)
    assert f"{MAX_ARTICLE_CHARS + 2:,} characters" in failure.reason


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad\u00ad", "\u202e", "\ufeff\u200b\u2060"])
def test_ingest_isolation_invisible_only_text_is_refused(tmp_path: Path, invisible: str) -> None:
    path = tmp_path / "inv.jsonl"
    path.write_text(json.dumps({"text": invisible}) + "\n", encoding="utf-8")
    (failure,) = read_paths([str(path)])
    assert isinstance(failure, UnreadableInput)
    assert failure.path == f"{path}:1"


def test_ingest_isolation_reader_bug_is_one_failure(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An exception no reader expects still costs only its own input."""
    from claimgraph.ingest import read as read_module

    def broken(source):  # type: ignore[no-untyped-def]
        raise RuntimeError("boom")
        yield  # pragma: no cover

    monkeypatch.setitem(read_module.READERS, read_module.Format.HTML, broken)
    (tmp_path / "a.html").write_text("<html><p>x</p></html>", encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    failure, article = read_paths([str(tmp_path)])
    assert isinstance(failure, UnreadableInput) and failure.reason == "RuntimeError: boom"
    assert isinstance(article, Article)


def test_ingest_isolation_analysis_fault_costs_one_article(
    tmp_path: Path, nlp, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.analyse import pipeline

    real = pipeline.analysis_from_doc

    def flaky(doc, article):  # type: ignore[no-untyped-def]
        if "explode" in article.text:
            raise ValueError("analysis bug")
        return real(doc, article)

    monkeypatch.setattr(pipeline, "analysis_from_doc", flaky)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Boom\nThe minister said it would explode.\n", "utf-8")
    store = open_store(tmp_path / "t.db")
    summary = ingest_paths([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], store, nlp=nlp)
    assert summary.new == 1
    assert summary.failures == [
        (str(tmp_path / "b.txt"), "analysis failed: ValueError: analysis bug")
    ]
    store.close()
