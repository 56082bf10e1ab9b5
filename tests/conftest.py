"""Shared test fixtures: small, built by hand, one place."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
POLNEAR = SHARED / "corpora" / "polnear"
MEANTIME = SHARED / "corpora" / "meantime"
ECBPLUS = SHARED / "corpora" / "ecbplus"
GVA = SHARED / "corpora" / "gva-dev"
RESOURCES = Path(__file__).resolve().parent / "resources"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The full claimgraph pipeline, loaded once per test session."""
    from claimgraph.analyse import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}")
    return SEEDS


@pytest.fixture(scope="session")
def polnear_dir() -> Path:
    if not POLNEAR.is_dir():
        pytest.skip(f"PolNeAR not found at {POLNEAR}")
    return POLNEAR


# --------------------------------------------------------------------------- present
# A hand-built report for the renderers (tests/test_present_*.py): one ferry story from
# two outlets, one text syndicated to a third, with every section filled in.

PRESENT_LEDGER_TEXT = (
    "Ferry capsizes off Port Alder\n"
    "At least 40 people are missing after the ferry Saltmarsh capsized on Tuesday, "
    "the coast guard said. The operator denied it had ignored safety warnings.\n"
    "Repairs were estimated at $64.1 billion <script>alert(1)</script> by insurers.\n"
)
PRESENT_WIRE_TEXT = (
    "Governor says about 60 missing\n"
    "About 60 people are missing, according to The Harbor Ledger, which cited a "
    "port official. The count could rise to 100, the governor said.\n"
)


def _present_span(text: str, needle: str):  # type: ignore[no-untyped-def]
    from claimgraph.model import Span

    start = text.index(needle)
    return Span.of(text, start, start + len(needle))


def _present_articles():  # type: ignore[no-untyped-def]
    from claimgraph.model import Article, Metadata

    ledger = Article(
        id="a" * 64,
        text=PRESENT_LEDGER_TEXT,
        title=_present_span(PRESENT_LEDGER_TEXT, "Ferry capsizes off Port Alder"),
        metadata=Metadata(outlet="The Harbor Ledger", published="2026-03-10T18:00:00+01:00"),
    )
    wire = Article(
        id="b" * 64,
        text=PRESENT_WIRE_TEXT,
        title=_present_span(PRESENT_WIRE_TEXT, "Governor says about 60 missing"),
        metadata=Metadata(outlet="Valley Wire", published="2026-03-11T08:15:00+01:00"),
    )
    return {ledger.id: ledger, wire.id: wire}


def _present_report():  # type: ignore[no-untyped-def]
    from claimgraph import model as m

    arts = _present_articles()
    ledger, wire = arts["a" * 64], arts["b" * 64]
    lt, wt = ledger.text, wire.text
    q40 = m.Quantity(
        id="q1",
        span=_present_span(lt, "At least 40"),
        value="40",
        bound=m.Bound.GE,
        counted=_present_span(lt, "people"),
        counted_head="person",
    )
    q60 = m.Quantity(id="q2", span=_present_span(wt, "About 60"), value="60", bound=m.Bound.APPROX)
    q100 = m.Quantity(id="q3", span=_present_span(wt, "100"), value="100", bound=m.Bound.EQ)
    money = m.Quantity(
        id="q4", span=_present_span(lt, "$64.1 billion"), value="64100000000", unit="dollar"
    )
    missing = m.FigureGroup(
        id="g1",
        story_id="s1",
        label="missing person",
        members=(
            m.FigureMember(
                article_id=ledger.id,
                quantity=q40,
                source="the coast guard",
                outlet="The Harbor Ledger",
                date="2026-03-10",
                factuality=m.Factuality(stance=m.Stance.REPORTS),
            ),
            m.FigureMember(
                article_id=wire.id,
                quantity=q60,
                source="a port official",
                conduits=("The Harbor Ledger",),
                outlet="Valley Wire",
                date="2026-03-11",
            ),
            m.FigureMember(
                article_id=wire.id,
                quantity=q100,
                source="the governor",
                outlet="Valley Wire",
                date="2026-03-11",
                factuality=m.Factuality(certainty=m.Certainty.POSSIBLE, stance=m.Stance.EXPECTS),
                scope="prediction",
            ),
        ),
    )
    cost = m.FigureGroup(
        id="g2",
        story_id="s1",
        label="repair cost",
        unit="dollar",
        members=(m.FigureMember(article_id=ledger.id, quantity=money, outlet="The Harbor Ledger"),),
    )
    denial_span = _present_span(lt, "The operator denied it had ignored safety warnings.")
    return m.StoryReport(
        story=m.Story(id="s1", title="Ferry Saltmarsh capsizes", article_ids=(ledger.id, wire.id)),
        articles=(
            m.ArticleSummary(
                article_id=ledger.id,
                title="Ferry capsizes off Port Alder <b>live</b>",
                appearances=(
                    ledger.metadata,
                    m.Metadata(
                        outlet="Coastal Times",
                        url="javascript:alert(1)",
                        published="2026-03-10T19:00:00+01:00",
                    ),
                ),
            ),
            m.ArticleSummary(
                article_id=wire.id,
                title="Governor says about 60 missing",
                appearances=(
                    wire.metadata.model_copy(update={"url": "https://valleywire.example/ferry"}),
                ),
            ),
        ),
        figure_groups=(missing, cost),
        corroboration=(
            m.Corroboration(
                group_id="g1", independent_sources=2, sources=("the coast guard", "a port official")
            ),
        ),
        discrepancies=(
            m.Discrepancy(
                id="d1",
                story_id="s1",
                kind=m.DiscrepancyKind.CONFLICT,
                reason="the coast guard says at least 40 missing, a port official about 60",
                group_id="g1",
                spans=((ledger.id, q40.span), (wire.id, q60.span)),
            ),
        ),
        denials=(
            m.Denial(
                id="n1",
                story_id="s1",
                article_id=ledger.id,
                attribution_id="t1",
                source="the operator",
                content=(denial_span,),
                target="that it ignored safety warnings",
            ),
        ),
        citations=(
            m.CitationEdge(
                citer="Valley Wire",
                cited="The Harbor Ledger",
                article_id=wire.id,
                span=_present_span(wt, "according to The Harbor Ledger"),
            ),
            m.CitationEdge(citer="The Harbor Ledger", cited="a port official", article_id=wire.id),
        ),
        timeline=(
            m.TimelineEntry(
                date="2026-03-10",
                article_id=ledger.id,
                span=_present_span(lt, "on Tuesday"),
                label="the ferry Saltmarsh capsized",
            ),
        ),
        attributions=(
            (
                ledger.id,
                m.Attribution(
                    id="t1",
                    cue=_present_span(lt, "denied"),
                    source=(_present_span(lt, "The operator"),),
                    content=(_present_span(lt, "it had ignored safety warnings"),),
                    factuality=m.Factuality(polarity=m.Polarity.NEGATED, stance=m.Stance.DENIES),
                ),
            ),
        ),
    )


@pytest.fixture()
def present_articles():  # type: ignore[no-untyped-def]
    """Article id -> Article behind ``present_report``, for highlighted HTML."""
    return _present_articles()


@pytest.fixture()
def present_report():  # type: ignore[no-untyped-def]
    """A hand-built ferry ``StoryReport`` with every section filled in."""
    return _present_report()


@pytest.fixture(scope="session")
def ingest_resources() -> Path:
    """Hand-written inputs for the ingest readers (text, HTML, feeds, JSONL, sidecars)."""
    return RESOURCES / "ingest"


# --------------------------------------------------------------- dates and factuality


@pytest.fixture(scope="session")
def base_doc(nlp):  # type: ignore[no-untyped-def]
    """``base_doc(text, published=None)``: a Doc through the base model only, with
    ``cg_published`` set, so date/factuality tests do not hang on other components."""

    own = [name for name in nlp.pipe_names if name.startswith("claimgraph_")]

    def make(text: str, published: str | None = None):  # type: ignore[no-untyped-def]
        with nlp.select_pipes(disable=own):
            doc = nlp(text)
        doc._.cg_published = published
        return doc

    return make


@pytest.fixture(scope="session")
def meantime_dir() -> Path:
    if not (MEANTIME / "intra_cross-doc_annotation").is_dir():
        pytest.skip(f"MEANTIME not found at {MEANTIME}")
    return MEANTIME


# --------------------------------------------------------------------------- web
# A small store for the web app, the API and the exports (tests/test_web_*.py,
# test_api_*.py, test_export_*.py): the ferry story above with hand-made analyses
# (overlapping spans included), plus a story whose article is an XSS attempt.

WEB_XSS_TEXT = (
    "<script>alert('xss')</script> Harbor fire\n"
    "Officials said 12 <img src=x onerror=alert(1)> boats burned, "
    'see <a href="javascript:alert(2)">this</a>.\n'
)


def _web_analyses():  # type: ignore[no-untyped-def]
    from claimgraph import model as m

    lt, wt, xt = PRESENT_LEDGER_TEXT, PRESENT_WIRE_TEXT, WEB_XSS_TEXT
    report = _present_report()
    qs = {g.id: g.members for g in report.figure_groups}
    coast_guard = m.Attribution(
        id="t2",
        cue=_present_span(lt, "said"),
        source=(_present_span(lt, "the coast guard"),),
        # Ends inside the date "on Tuesday": an overlap that cannot nest.
        content=(
            _present_span(
                lt, "At least 40 people are missing after the ferry Saltmarsh capsized on"
            ),
        ),
        source_entity="the coast guard",
    )
    tuesday = m.DateRef(
        span=_present_span(lt, "capsized on Tuesday"), value="2026-03-10", resolved=True
    )
    ledger = m.ArticleAnalysis(
        article_id="a" * 64,
        attributions=(report.attributions[0][1], coast_guard),
        quantities=(qs["g1"][0].quantity, qs["g2"][0].quantity),
        dates=(tuesday,),
    )
    governor = m.Attribution(
        id="t3",
        cue=_present_span(wt, "said"),
        source=(_present_span(wt, "the governor"),),
        content=(_present_span(wt, "The count could rise to 100"),),
        source_entity="the governor",
        factuality=m.Factuality(certainty=m.Certainty.POSSIBLE, stance=m.Stance.EXPECTS),
    )
    wire = m.ArticleAnalysis(
        article_id="b" * 64,
        attributions=(governor,),
        quantities=(qs["g1"][1].quantity, qs["g1"][2].quantity),
    )
    q12 = m.Quantity(id="q9", span=_present_span(xt, "12"), value="12", counted_head="boat")
    officials = m.Attribution(
        id="t9",
        cue=_present_span(xt, "said"),
        source=(_present_span(xt, "Officials"),),
        content=(_present_span(xt, "12 <img src=x onerror=alert(1)> boats burned"),),
        source_entity="<img src=x onerror=alert(1)>",
    )
    xss = m.ArticleAnalysis(article_id="c" * 64, attributions=(officials,), quantities=(q12,))
    return {"a" * 64: ledger, "b" * 64: wire, "c" * 64: xss}, q12, officials


def _web_xss_report(q12, officials):  # type: ignore[no-untyped-def]
    from claimgraph import model as m

    xid = "c" * 64
    bad = "<img src=x onerror=alert(1)>"
    group = m.FigureGroup(
        id="g9",
        story_id="s2",
        label="<script>alert('label')</script> boat",
        members=(
            m.FigureMember(
                article_id=xid,
                quantity=q12,
                source=bad,
                outlet="Evil <b>Times</b>",
                date="2026-03-12",
            ),
        ),
    )
    return m.StoryReport(
        story=m.Story(
            id="s2", title="<script>alert('title')</script> Harbor fire", article_ids=(xid,)
        ),
        articles=(
            m.ArticleSummary(
                article_id=xid,
                title="<script>alert('t')</script>",
                appearances=(
                    m.Metadata(
                        outlet="Evil <b>Times</b>",
                        url="javascript:alert(3)",
                        published="2026-03-12",
                    ),
                ),
            ),
        ),
        figure_groups=(group,),
        discrepancies=(
            m.Discrepancy(
                id="d9",
                story_id="s2",
                kind=m.DiscrepancyKind.CONTESTED,
                reason=bad,
                group_id="g9",
                spans=((xid, q12.span),),
            ),
        ),
        citations=(m.CitationEdge(citer="Evil <b>Times</b>", cited=bad, article_id=xid),),
        attributions=((xid, officials),),
    )


def make_web_store(path):  # type: ignore[no-untyped-def]
    """Write the web fixture store at ``path`` (a SQLite file) and return ``path``."""
    from claimgraph.model import Article, Metadata
    from claimgraph.store import open_store

    articles = _present_articles()
    articles["c" * 64] = Article(
        id="c" * 64,
        text=WEB_XSS_TEXT,
        title=_present_span(WEB_XSS_TEXT, "<script>alert('xss')</script> Harbor fire"),
        metadata=Metadata(
            outlet="Evil <b>Times</b>", url="javascript:alert(3)", published="2026-03-12"
        ),
    )
    analyses, q12, officials = _web_analyses()
    store = open_store(path)
    try:
        for article_id, article in articles.items():
            store.add_article(article, analyses[article_id])
        store.replace_story_reports([_present_report(), _web_xss_report(q12, officials)])
    finally:
        store.close()
    return path


@pytest.fixture(scope="session")
def web_db(tmp_path_factory):  # type: ignore[no-untyped-def]
    """A read-only fixture store for the web app, API and exports (do not write to it)."""
    return make_web_store(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture()
def fresh_web_db(tmp_path):  # type: ignore[no-untyped-def]
    """The same fixture store, one copy per test, for tests that write."""
    return make_web_store(tmp_path / "web.db")


WEB_LEDGER, WEB_WIRE, WEB_XSS = "a" * 64, "b" * 64, "c" * 64


def make_web_client(db, **config):  # type: ignore[no-untyped-def]
    """An in-process client for the web app; server errors come back as responses."""
    import warnings

    from claimgraph.web.app import create_app
    from claimgraph.web.config import WebConfig

    app = create_app(WebConfig(db=str(db), **config))
    with warnings.catch_warnings():
        # Starlette suggests httpx2 for its TestClient; httpx 0.28 is what is pinned.
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

        # A loopback name: the app refuses other Host headers (DNS rebinding).
        return TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False)


@pytest.fixture(scope="session")
def web_client(web_db):  # type: ignore[no-untyped-def]
    """A read-only app over ``web_db``."""
    return make_web_client(web_db)


def assert_error_shape(body, status):  # type: ignore[no-untyped-def]
    """The one JSON error shape: {"error": {"code", "message", "status"}}, no trace."""
    assert isinstance(body, dict) and set(body) == {"error"}, body
    error = body["error"]
    assert set(error) == {"code", "message", "status"}, error
    assert error["status"] == status
    assert isinstance(error["code"], str) and isinstance(error["message"], str)
    assert "Traceback" not in error["message"]


@pytest.fixture(scope="session")
def quantities_nlp():  # type: ignore[no-untyped-def]
    """The base model with only the quantities component: isolated from the others."""
    import spacy

    from claimgraph.analyse.extensions import set_doc_extensions
    from claimgraph.analyse.factories import register_components
    from claimgraph.analyse.pipeline import resolve_model_name

    set_doc_extensions()
    register_components()
    model = spacy.load(resolve_model_name())
    model.add_pipe("claimgraph_quantities_v1")
    return model


@pytest.fixture(scope="session")
def quantities_gold() -> Path:
    path = REPO / "gold" / "quantities.jsonl"
    if not path.is_file():
        pytest.skip(f"quantities gold set not found at {path}")
    return path


# --------------------------------------------------------------------------- across outlets
# Stories and cross-article entities (tests/test_link_entities_*, test_link_stories_*,
# test_eval_stories_*, test_eval_entities_*).


@pytest.fixture(scope="session")
def ecbplus_dir() -> Path:
    if not ECBPLUS.is_dir():
        pytest.skip(f"ECB+ not found at {ECBPLUS}")
    return ECBPLUS


@pytest.fixture(scope="session")
def gva_dir() -> Path:
    if not (GVA / "gold.json").is_file():
        pytest.skip(f"gva-dev not found at {GVA}")
    return GVA


@pytest.fixture(scope="session")
def entities_nlp():  # type: ignore[no-untyped-def]
    """spaCy's model for the entity component only: isolated from the other components."""
    from claimgraph.eval.entities import light_pipeline

    return light_pipeline()


# --------------------------------------------------------------------------- shared store
# PostgreSQL (tests/test_store_postgres_*, test_watch_*, test_alerts_*): a real server
# named by CLAIMGRAPH_TEST_POSTGRES_URL; each test gets a fresh schema of its own.

POSTGRES_HOWTO = (
    "PostgreSQL tests need a server: apt-get install -y postgresql; "
    "pg_ctlcluster 15 main start; create a role and database; then "
    "export CLAIMGRAPH_TEST_POSTGRES_URL=postgresql://USER:PASSWORD@127.0.0.1/DB "
    "(.ci/run does all of this)"
)


@pytest.fixture(scope="session")
def postgres_server_url() -> str:
    import os

    url = os.environ.get("CLAIMGRAPH_TEST_POSTGRES_URL")
    if not url:
        pytest.skip(f"CLAIMGRAPH_TEST_POSTGRES_URL is not set. {POSTGRES_HOWTO}")
    try:
        import psycopg

        psycopg.connect(url, connect_timeout=5).close()  # 5 s: a local server answers in ms
    except Exception as exc:  # any failure means the same thing here: no server to test on
        pytest.skip(
            f"PostgreSQL at CLAIMGRAPH_TEST_POSTGRES_URL is unreachable ({exc}). {POSTGRES_HOWTO}"
        )
    return url


@pytest.fixture
def postgres_url(postgres_server_url: str):  # type: ignore[no-untyped-def]
    """A URL whose tables live in a new, empty schema, dropped after the test."""
    import uuid

    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    joiner = "&" if "?" in postgres_server_url else "?"
    yield f"{postgres_server_url}{joiner}options=-csearch_path%3D{schema}"
    with psycopg.connect(postgres_server_url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgres"])
def store_location(request, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    """Where a store lives, once per backend: the shared contract runs on both."""
    if request.param == "sqlite":
        return str(tmp_path / "cg.db")
    return str(request.getfixturevalue("postgres_url"))


# --------------------------------------------------------------------------- watch and alerts
# A local webhook (tests/test_alerts_*, test_watch_*): http.server on 127.0.0.1 only.


class WebhookReceiver:
    """Collects the JSON bodies POSTed to it; ``status`` is what it answers."""

    def __init__(self) -> None:
        import http.server
        import json
        import threading

        self.bodies: list[dict[str, object]] = []
        self.status = 200
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                receiver.bodies.append(json.loads(self.rfile.read(length)))
                self.send_response(receiver.status)
                self.end_headers()

            def log_message(self, *args: object) -> None:  # keep test output quiet
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def webhook():  # type: ignore[no-untyped-def]
    receiver = WebhookReceiver()
    yield receiver
    receiver.close()


# --------------------------------------------------------------------------- fast base
# The drop-in attribute ruler and lemmatizer (tests/test_fast_attributes_identity.py):
# compared token by token against the model's stock components on real text.

# PolNeAR dev articles in the sample: enough for ~10,000 tokens of varied news text.
FAST_BASE_POLNEAR_ARTICLES = 8
# Rare forms the model's multi-token and REGEX rules are written for, plus whitespace runs.
FAST_BASE_EDGE_TEXT = (
    "Y'all gonna see it. Let's go, c'mon on! It ain't nothin' , it aint nothin. I gotta go. "
    "There is a man; there's two, there are three. I told you it was I. You said it.\n\n"
    "  Hello   world \t x. But he didn't, and I'm not. Gets got. He did it; he has, I had."
)


@pytest.fixture(scope="session")
def stock_base_nlp():  # type: ignore[no-untyped-def]
    """The spaCy model as shipped: its own attribute ruler and lemmatizer."""
    import spacy

    from claimgraph.analyse.pipeline import resolve_model_name

    return spacy.load(resolve_model_name())


@pytest.fixture(scope="session")
def base_model_texts() -> list[str]:
    """Demo corpus and edge cases always; the seeds and some PolNeAR dev text when present."""
    paths = sorted((REPO / "src" / "claimgraph" / "demo_corpus").glob("*.txt"))
    paths += sorted(SEEDS.glob("*.txt"))
    paths += sorted((POLNEAR / "dev" / "text").glob("*.txt"))[:FAST_BASE_POLNEAR_ARTICLES]
    return [FAST_BASE_EDGE_TEXT, *(p.read_text(encoding="utf-8") for p in paths)]


# --------------------------------------------------------------------------- re-linking
# Hand-built flood coverage (tests/test_link_relinking.py): each town's story has its own
# official and figures, so grouping has evidence to go on without a language model.

FLOOD_TOWNS = (("Alden", "Mara Quell"), ("Brisk", "Tomas Vey"), ("Corran", "Ines Dahl"))


def flood_item(town: str, official: str, count: int, day: int, outlet: str):  # type: ignore[no-untyped-def]
    """One article on ``town``'s flood, with the analysis a pipeline would give it."""
    from claimgraph.model import (
        Article,
        ArticleAnalysis,
        Attribution,
        EntityMention,
        Metadata,
        Quantity,
        Span,
    )

    text = (
        f"Flood in {town}\n{official} said {count} residents of {town} were evacuated "
        f"on March {day}, according to {outlet}.\n"
    )
    town_at, official_at = text.index(town, 6), text.index(official)
    count_at, cue = text.index(str(count)), text.index("said")
    attribution = Attribution(
        id=f"a{cue}",
        cue=Span.of(text, cue, cue + 4),
        source=(Span.of(text, official_at, official_at + len(official)),),
        content=(Span.of(text, cue + 5, text.index(", according")),),
        source_entity=official,
    )
    quantity = Quantity(
        id=f"q{count_at}",
        span=Span.of(text, count_at, count_at + len(str(count))),
        value=str(count),
        counted=Span.of(text, count_at + len(str(count)) + 1, count_at + len(str(count)) + 10),
        counted_head="resident",
        attribution_id=attribution.id,
    )
    entities = (
        EntityMention(span=Span.of(text, town_at, town_at + len(town)), label="GPE", name=town),
        EntityMention(
            span=Span.of(text, official_at, official_at + len(official)),
            label="PERSON",
            name=official,
        ),
    )
    article_id = f"{town.lower()}-{outlet.lower().replace(' ', '-')}-{day}"
    article = Article(
        id=article_id,
        text=text,
        metadata=Metadata(outlet=outlet, published=f"2026-03-{day:02d}"),
    )
    analysis = ArticleAnalysis(
        article_id=article_id,
        entities=entities,
        attributions=(attribution,),
        quantities=(quantity,),
    )
    return article, analysis


@pytest.fixture()
def flood_corpus():  # type: ignore[no-untyped-def]
    """Three towns' floods a week apart, each told by three outlets on three days."""
    return [
        flood_item(town, official, 100 * (n + 1) + 7, 4 + 7 * n + day, outlet)
        for n, (town, official) in enumerate(FLOOD_TOWNS)
        for day, outlet in enumerate(("Ledger", "Courier", "Gazette"))
    ]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serve_app(app: Any, log_level: str = "error") -> Iterator[str]:
    """Run ``app`` under uvicorn on a free local port in a thread; yield its base URL
    once it has started, and stop it on leaving."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level=log_level))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.started, "uvicorn did not start"
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=5)
