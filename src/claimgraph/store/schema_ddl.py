"""The schema's DDL, written once for both backends, one text per migration.

The texts differ between SQLite and PostgreSQL only in a few column types, which a
``Dialect`` fills in; ``migrations.py`` lists them once, under their version numbers,
and each backend renders them in its dialect. A text, once released, never changes:
databases already migrated past it keep what it made, so a schema change is a new
migration with a new text.
(SQLite keeps each ``CREATE`` statement's text as written, indents included.)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Dialect:
    """The column types in which the backends' schemas differ."""

    # An auto-numbered primary key column ``seq``.
    serial_key: str
    # ``appearances``' own ordering column with the next line's indent, or nothing
    # (SQLite orders appearances by rowid).
    appearance_seq: str
    # ``store_meta``'s counter.
    counter: str

    def render(self, ddl: str) -> str:
        return ddl.format(
            serial_key=self.serial_key,
            appearance_seq=self.appearance_seq,
            counter=self.counter,
        )


SQLITE = Dialect(
    serial_key="INTEGER PRIMARY KEY AUTOINCREMENT",
    appearance_seq="",
    counter="INTEGER",
)
POSTGRES = Dialect(
    serial_key="BIGSERIAL PRIMARY KEY",
    appearance_seq="seq BIGSERIAL PRIMARY KEY,\n            ",
    counter="BIGINT",
)

INITIAL_SCHEMA = """
        CREATE TABLE articles (
            seq {serial_key},
            id TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            article_json TEXT NOT NULL
        );
        CREATE TABLE appearances (
            {appearance_seq}article_id TEXT NOT NULL REFERENCES articles(id),
            appearance_key TEXT NOT NULL UNIQUE,
            outlet TEXT,
            url TEXT,
            published TEXT,
            metadata_json TEXT NOT NULL
        );
        CREATE INDEX appearances_article ON appearances(article_id);
        CREATE TABLE analyses (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            analysis_json TEXT NOT NULL
        );
        CREATE TABLE story_reports (
            story_id TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            report_json TEXT NOT NULL
        );
        """

STORY_OVERRIDES = """
        CREATE TABLE story_overrides (
            seq {serial_key},
            action TEXT NOT NULL,
            article_ids_json TEXT NOT NULL
        )
        """

# Alert rules, the keys of alerts already fired, undelivered alerts, watched files.
ALERTS_AND_WATCH = """
        CREATE TABLE alert_rules (
            seq {serial_key},
            id TEXT NOT NULL UNIQUE,
            rule_json TEXT NOT NULL
        );
        CREATE TABLE fired_alerts (
            rule_id TEXT NOT NULL,
            alert_key TEXT NOT NULL,
            fired_at TEXT NOT NULL,
            PRIMARY KEY (rule_id, alert_key)
        );
        CREATE TABLE alert_outbox (
            seq {serial_key},
            rule_id TEXT NOT NULL,
            alert_key TEXT NOT NULL,
            payload_json TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            UNIQUE (rule_id, alert_key)
        );
        CREATE TABLE watch_seen (
            path TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL
        )
        """

STORE_META = """
        CREATE TABLE store_meta (
            key TEXT PRIMARY KEY,
            value {counter} NOT NULL
        );
        INSERT INTO store_meta (key, value) VALUES ('stories_version', 0)
        """

# What incremental re-linking keeps between runs: each article's grouping terms (small
# records, so grouping never loads analyses), the articles changed since the last
# re-link (new analysis or appearance), each stored story's inputs (its articles, in
# order, and pin), and the linker version the stored stories were made by.
LINK_STATE = """
        CREATE TABLE link_terms (
            article_id TEXT PRIMARY KEY REFERENCES articles(id),
            published TEXT NOT NULL,
            words_json TEXT NOT NULL,
            specific_json TEXT NOT NULL
        );
        CREATE INDEX link_terms_order ON link_terms(published, article_id);
        CREATE TABLE relink_queue (
            seq {serial_key},
            article_id TEXT NOT NULL
        );
        ALTER TABLE story_reports ADD COLUMN inputs_key TEXT;
        INSERT INTO store_meta (key, value) VALUES ('link_version', 0)
        """
