"""A drop-in for spaCy's ``attribute_ruler`` that gives the same token attributes, faster.

The model's attribute ruler runs a ``Matcher`` over 179 rules and builds a ``Span`` for
every match (nearly one per token), which cost about as much as the parser. Every rule of
en_core_web_sm 3.8.0 tests fixed-length token sequences on attributes of single tokens
(``TAG``, ``LOWER``, ``DEP``, ``IS_SPACE``: exact values, ``IN``, ``NOT_IN``, ``REGEX``),
so which rules hit a token is a function of those few attribute values: it is worked out
once per distinct combination and then looked up. Values no rule names (most words, most
dependency labels) behave alike and share one slot of the key, so there are a few
thousand combinations rather than one per word, and a cold cache costs little.

Rules are applied in the stock order (by rule, later rules win) and all matching is done
before any attribute is written, exactly as ``AttributeRuler.match`` and
``set_annotations`` do, so the output is identical
(``tests/test_fast_attributes_identity.py`` compares every token attribute).

The component is a subclass of spaCy's ``AttributeRuler``: rules are added, listed,
saved and loaded by the stock code (``nlp.to_disk`` / ``spacy.load`` round-trip, see
``tests/test_pipeline_serialise.py``), and only ``__call__`` is replaced. A rule the fast
path cannot serve (quantifiers, other attributes, extension attributes, attributes other
than the token-level ones below) sends every doc through the stock matcher instead;
``swap_in_fast_attributes`` leaves such a model's stock ruler in place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.pipeline.attributeruler import attribute_ruler_score
from spacy.tokens import Doc, MorphAnalysis
from spacy.vocab import Vocab

FACTORY = "claimgraph_fast_attributes_v1"
STOCK_NAME = "attribute_ruler"

# The token attributes a rule may test, in the order of a token's lookup key.
KEY_ATTRS = ("LOWER", "TAG", "DEP", "IS_SPACE")
_KEY_IDS = [LOWER, TAG, DEP, IS_SPACE]
_STRING_ATTRS = KEY_ATTRS[:3]
# The key slot shared by every value of an attribute that no rule can tell apart.
_OTHER = -1

# The token attributes a rule may write, by the name of the ``Token`` setter that writes
# them (all token-level, so the lexeme is untouched as with ``AttributeRuler``; NORM has no
# setter by hash and lexical attributes would need the lexeme: both keep the stock matcher).
_WRITABLE = {TAG: "tag", POS: "pos", LEMMA: "lemma", MORPH: "morph", DEP: "dep"}

# A token's key: the classes of LOWER, TAG and DEP (see _ValueClasses), IS_SPACE as 0/1.
TokenKey = tuple[int, int, int, int]
TokenValues = Mapping[str, str | bool]
TokenTest = Callable[[TokenValues], bool]


class UnsupportedPattern(ValueError):
    """An attribute-ruler rule this component cannot serve: keep spaCy's stock ruler."""


# One attribute write: the ``Token`` setter's name and the value (a hash, a part-of-speech
# id, or the ``MorphAnalysis`` of a morphology key).
_Write = tuple[str, object]


def _value_test(attr: str, value: object) -> Callable[[str | bool], bool]:
    """One attribute's test, with the Matcher's semantics for each kind of value."""
    if attr == "IS_SPACE":
        if not isinstance(value, bool):
            raise UnsupportedPattern(f"IS_SPACE wants a bool, got {value!r}")
        return lambda seen: seen == value
    if isinstance(value, str):
        return lambda seen: seen == value
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), *_ = value.items()
        # Set members given as ints are hashes to the Matcher: only strings are served.
        strings_only = isinstance(arg, list) and all(isinstance(v, str) for v in arg)
        if op == "IN" and strings_only:
            members = frozenset(arg)
            return lambda seen: seen in members
        if op == "NOT_IN" and strings_only:
            excluded = frozenset(arg)
            return lambda seen: seen not in excluded
        if op == "REGEX" and isinstance(arg, str):
            # The Matcher's REGEX predicate is re.search on the attribute's string.
            compiled = re.compile(arg)
            return lambda seen: isinstance(seen, str) and compiled.search(seen) is not None
    raise UnsupportedPattern(f"{attr}: {value!r} is not supported")


class _ValueClasses:
    """One string attribute's values as the rules see them.

    A value a rule names (exactly, in ``IN`` or ``NOT_IN``) or that one of the attribute's
    ``REGEX`` tests matches is its own class (its hash); every other value fails the same
    ``==``/``IN``/``REGEX`` tests and passes the same ``NOT_IN`` tests, so they all share
    ``_OTHER``, represented by the first such value seen.
    """

    def __init__(self) -> None:
        self.named: set[str] = set()
        self.regexes: list[re.Pattern[str]] = []
        self.seen: dict[int, int] = {}  # value hash -> class
        self.other_example: str | None = None

    def note(self, value: object) -> None:
        """Remember what a rule's test on this attribute can tell apart."""
        if isinstance(value, str):
            self.named.add(value)
        elif isinstance(value, dict):
            for op, arg in value.items():
                if op == "REGEX" and isinstance(arg, str):
                    self.regexes.append(re.compile(arg))
                elif isinstance(arg, list):
                    self.named.update(v for v in arg if isinstance(v, str))
        # A new rule may name the value that stood for the rest: classify afresh.
        self.seen.clear()
        self.other_example = None

    def classify(self, hashed: int, text: str) -> int:
        if text in self.named or any(regex.search(text) for regex in self.regexes):
            cls = hashed
        else:
            if self.other_example is None:
                self.other_example = text
            cls = _OTHER
        self.seen[hashed] = cls
        return cls

    def text_of(self, cls: int, strings: Any) -> str:
        if cls == _OTHER:
            assert self.other_example is not None, "class used before a value was seen"
            return self.other_example
        return str(strings[cls])


def _token_test(spec: Mapping[int | str, object]) -> TokenTest:
    """All of a token pattern's attribute tests, and-ed as the Matcher does."""
    tests: list[tuple[str, Callable[[str | bool], bool]]] = []
    for attr, value in spec.items():
        if not isinstance(attr, str) or attr not in KEY_ATTRS:
            raise UnsupportedPattern(f"token attribute {attr!r} is not supported")
        tests.append((attr, _value_test(attr, value)))
    return lambda values: all(test(values[attr]) for attr, test in tests)


@dataclass(frozen=True)
class _KeyHits:
    """What the rules say about every token with one key."""

    rules: tuple[int, ...]  # single-token rules that match, in rule order
    starts: tuple[int, ...]  # multi-token patterns whose first position matches
    values: TokenValues  # the key's attribute values, for later positions


class FastAttributeRuler(AttributeRuler):
    """spaCy's attribute ruler whose rules are matched by a cached per-token lookup."""

    def __init__(
        self,
        vocab: Vocab,
        name: str = STOCK_NAME,
        *,
        validate: bool = False,
        scorer: Callable[..., Any] | None = attribute_ruler_score,
    ) -> None:
        super().__init__(vocab, name, validate=validate, scorer=scorer)
        self._reset_fast()

    def _reset_fast(self) -> None:
        self.serves_all = True  # False once a rule needs the stock matcher
        self._single: list[tuple[int, TokenTest]] = []
        # Multi-token patterns: (rule id, one test per position).
        self._multi: list[tuple[int, tuple[TokenTest, ...]]] = []
        self._classes = {attr: _ValueClasses() for attr in _STRING_ATTRS}
        self._by_key: dict[TokenKey, _KeyHits] = {}
        self._merged: dict[tuple[int, ...], tuple[_Write, ...]] = {}

    def clear(self) -> None:
        """Reset all patterns (the stock ones and the lookup's)."""
        super().clear()
        self._reset_fast()

    def add(
        self,
        patterns: Iterable[list[dict[int | str, Any]]],
        attrs: dict[str, Any],
        index: int = 0,
    ) -> None:
        """Add one rule, as ``AttributeRuler.add``: ``attrs`` go to token ``index`` of a match."""
        rule = len(self.attrs)
        patterns = list(patterns)
        super().add(patterns, attrs, index)
        if self.serves_all:
            try:
                self._add_fast(rule, patterns, self.attrs[rule], index)
            except UnsupportedPattern:
                self.serves_all = False
        self._by_key.clear()
        self._merged.clear()

    def _add_fast(
        self,
        rule: int,
        patterns: Sequence[Sequence[Mapping[int | str, object]]],
        normalised: Mapping[Any, Any],
        index: int,
    ) -> None:
        if any(attr not in _WRITABLE for attr in normalised):
            raise UnsupportedPattern(f"rule {rule}: writes {sorted(map(str, normalised))}")
        tested = []
        for pattern in patterns:
            if not pattern or any("OP" in spec for spec in pattern):
                raise UnsupportedPattern(f"rule {rule}: only fixed-length patterns")
            if not -len(pattern) <= index < len(pattern):
                raise UnsupportedPattern(f"rule {rule}: index {index} outside its pattern")
            tested.append((pattern, tuple(_token_test(spec) for spec in pattern)))
        for pattern, tests in tested:
            for spec in pattern:
                for attr, value in spec.items():
                    if attr in self._classes:
                        self._classes[attr].note(value)
            if len(tests) == 1:
                self._single.append((rule, tests[0]))
            else:
                self._multi.append((rule, tests))

    def __call__(self, doc: Doc) -> Doc:
        if not self.serves_all:
            return super().__call__(doc)
        hits = [self._lookup(self._key(row)) for row in doc.to_array(_KEY_IDS).tolist()]
        extra = self._multi_token_hits(hits) if self._multi else {}
        for i, hit in enumerate(hits):
            rules = tuple(sorted({*hit.rules, *extra[i]})) if i in extra else hit.rules
            if rules:
                token = doc[i]
                for setter, value in self._merged_writes(rules):
                    setattr(token, setter, value)
        return doc

    def _key(self, row: list[int]) -> TokenKey:
        lower, tag, dep, is_space = row
        lowers, tags, deps = (self._classes[attr] for attr in _STRING_ATTRS)
        strings = self.vocab.strings
        lower_cls = lowers.seen.get(lower)
        if lower_cls is None:
            lower_cls = lowers.classify(lower, strings[lower])
        tag_cls = tags.seen.get(tag)
        if tag_cls is None:
            tag_cls = tags.classify(tag, strings[tag])
        dep_cls = deps.seen.get(dep)
        if dep_cls is None:
            dep_cls = deps.classify(dep, strings[dep])
        return lower_cls, tag_cls, dep_cls, is_space

    def _lookup(self, key: TokenKey) -> _KeyHits:
        found = self._by_key.get(key)
        if found is None:
            values = self._values(key)
            found = self._by_key[key] = _KeyHits(
                rules=tuple(sorted({rule for rule, test in self._single if test(values)})),
                starts=tuple(n for n, (_, tests) in enumerate(self._multi) if tests[0](values)),
                values=values,
            )
        return found

    def _values(self, key: TokenKey) -> dict[str, str | bool]:
        """The attribute values of a key's class, as the rules' tests read them."""
        strings = self.vocab.strings
        values: dict[str, str | bool] = {
            attr: self._classes[attr].text_of(cls, strings)
            for attr, cls in zip(_STRING_ATTRS, key, strict=False)
        }
        values["IS_SPACE"] = bool(key[3])
        return values

    def _multi_token_hits(self, hits: list[_KeyHits]) -> dict[int, set[int]]:
        """Rules of multi-token patterns that match, by the token they write to."""
        targets: dict[int, set[int]] = {}
        for start, hit in enumerate(hits):
            for n in hit.starts:
                rule, tests = self._multi[n]
                end = start + len(tests)
                if end > len(hits):
                    continue
                if all(tests[j](hits[start + j].values) for j in range(1, len(tests))):
                    index = self.indices[rule]
                    target = start + index if index >= 0 else end + index
                    targets.setdefault(target, set()).add(rule)
        return targets

    def _merged_writes(self, rules: tuple[int, ...]) -> tuple[_Write, ...]:
        """The rules' attributes in rule order, later ones winning, as sequential writes do."""
        writes = self._merged.get(rules)
        if writes is None:
            merged: dict[int, Any] = {}
            for rule in rules:
                merged.update(self.attrs[rule])
            writes = self._merged[rules] = tuple(
                (_WRITABLE[attr], self._token_value(attr, value)) for attr, value in merged.items()
            )
        return writes

    def _token_value(self, attr: int, value: int) -> object:
        # ``AttributeRuler.add`` stores MORPH as the morphology key; the setter wants the
        # analysis itself.
        return MorphAnalysis.from_id(self.vocab, value) if attr == MORPH else value


def make_fast_attributes(
    nlp: Language, name: str, validate: bool, scorer: Callable[..., Any] | None
) -> FastAttributeRuler:
    """The spaCy factory: an empty ruler (``swap_in_fast_attributes`` or ``from_disk``
    fills it)."""
    return FastAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


# The stock factory's config, so a saved pipeline's config reads the same.
DEFAULT_CONFIG: dict[str, Any] = {
    "validate": False,
    "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"},
}


def swap_in_fast_attributes(nlp: Language) -> bool:
    """Replace the model's ``attribute_ruler`` with the fast one holding the same rules.

    The new component keeps the name ``attribute_ruler`` and its place, so ``exclude`` /
    ``disable`` by that name work as before. Returns False (the stock ruler kept) when the
    model has none or its rules use something the fast one does not serve.
    """
    if STOCK_NAME not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe(STOCK_NAME)
    if not isinstance(stock, AttributeRuler) or isinstance(stock, FastAttributeRuler):
        return False
    patterns = stock.patterns
    trial = FastAttributeRuler(nlp.vocab)
    trial.add_patterns(patterns)
    if not trial.serves_all:
        return False
    config = {"validate": stock.validate}
    fast = nlp.replace_pipe(STOCK_NAME, FACTORY, config=config)  # same name, same place
    assert isinstance(fast, FastAttributeRuler)
    fast.add_patterns(patterns)
    return True
