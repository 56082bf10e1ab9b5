"""Bad input: each failure is yielded with a one-line reason, and the batch goes on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimgraph.errors import UnreadableInput
from claimgraph.ingest import MAX_INPUT_BYTES, read_paths
from claimgraph.model import Article

GOOD = "Pier reopens\nThe pier reopened on Sunday.\n"


def read_with_good_after(bad: Path, tmp_path: Path) -> UnreadableInput:
    """Read ``bad`` then a good file; assert the good one is still read."""
    good = tmp_path / "zz_good.txt"
    good.write_text(GOOD, encoding="utf-8")
    failure, article = list(read_paths([str(bad), str(good)]))
    assert isinstance(article, Article)
    assert isinstance(failure, UnreadableInput), failure
    assert failure.path == str(bad)
    assert "\n" not in failure.reason
    return failure


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\r\n  ", "only whitespace"),
        (b"\xef\xbb\xbf", "empty"),  # a BOM and nothing else
        (b"Title\x00\x01\x02 binary", "NUL bytes"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"Title\n" + b"\x01\x02\x03\x04" * 20, "control characters"),
        ("Caf\u00e9 owner speaks\nShe said it was hard.".encode("cp1252"), "iconv"),
        ("Title\nbody".encode("utf-32"), "UTF-32"),
    ],
)
def test_ingest_bad_input_content(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    assert reason in read_with_good_after(path, tmp_path).reason


def test_ingest_bad_input_wrong_encoding_names_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Title\nna\u00efve".encode("latin-1"))
    reason = read_with_good_after(path, tmp_path).reason
    assert "not valid UTF-8" in reason and "0xef" in reason and "re-encode" in reason


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_ingest_bad_input_accepted_encodings(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "ok.txt"
    path.write_bytes(GOOD.encode(encoding))  # Python writes a BOM for both
    (article,) = list(read_paths([str(path)]))
    assert isinstance(article, Article) and article.text == GOOD


def test_ingest_bad_input_huge_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_INPUT_BYTES + 1)  # sparse: no real disk use
    reason = read_with_good_after(path, tmp_path).reason
    assert "20 MiB limit" in reason


def test_ingest_bad_input_missing_path(tmp_path: Path) -> None:
    reason = read_with_good_after(tmp_path / "missing.txt", tmp_path).reason
    assert reason == "no such file or directory"


def test_ingest_bad_input_permission_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD)
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object) -> object:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    # chmod alone does not stop root, who runs these tests in CI containers
    monkeypatch.setattr(Path, "open", refuse)
    assert read_with_good_after(locked, tmp_path).reason == "permission denied"


def test_ingest_bad_input_not_a_regular_file(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    assert read_with_good_after(link, tmp_path).reason == "no such file or directory"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("truncated.html", "<html><head><title>Cut off</title></head><body><div"),
        ("truncated.rss", '<?xml version="1.0"?><rss><channel><title>Cut'),
        ("truncated.jsonl", '{"text": "Cut off in the mid'),
    ],
)
def test_ingest_bad_input_truncated_documents(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    good = tmp_path / "zz_good.txt"
    good.write_text(GOOD, encoding="utf-8")
    failure, article = list(read_paths([str(path), str(good)]))
    assert isinstance(failure, UnreadableInput) and failure.reason
    assert failure.path.startswith(str(path))
    assert isinstance(article, Article)


def test_ingest_bad_input_fifo_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # reading it would block forever
    assert read_with_good_after(fifo, tmp_path).reason == "not a regular file"
