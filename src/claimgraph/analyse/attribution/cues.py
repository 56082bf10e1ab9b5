"""Lexicons of attribution cues, by the complement shapes each word takes.

A lemma is listed only under the frames where it reports speech or thought often enough
to pay: the rates quoted below are how often the lemma, in that frame and outside any
other attribution's content, was an annotated cue in the PolNeAR *train* split (counted
over its first 400 articles with ``en_core_web_sm``). Words that report speech only
rarely (``think``, ``know``, ``want`` ...) are kept out of the clause frame unless their
subject is the source of a claim often enough.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A lexicon written as white-space separated words."""
    return frozenset(text.split())


# Verbs whose ``that``/bare clause complement (``ccomp``) is the content: nearly always
# attributions (say .89, tell .81, add .95, write .97, note .96, insist .97, ...). Also
# the verbs of cognition the issue lists (believes, expects ...), whose subject is the
# holder of a reported belief.
CLAUSE_VERBS = words(
    """
    say tell add write note argue insist claim allege explain declare state warn recall
    conclude acknowledge concede announce report suggest contend assert maintain comment
    reply respond remark tweet post testify predict disclose reveal confirm deny admit
    complain joke boast quip observe stress emphasize emphasise reiterate caution ask
    continue agree estimate vow pledge promise charge believe expect hint signal indicate
    show find hope fear worry feel doubt assure inform remind announce lament concede
    speculate theorize theorise surmise guess reckon predict acknowledge mention shout
    yell scream whisper demand urge propose recommend threaten proclaim swear imply
    clarify counter retort concur posit opine figure think know hop express point
    """
)

# Clause verbs that report a private state more often than a claim; they need a subject
# that is not a first or second person pronoun (``I think``/``you know`` are hedges),
# because PolNeAR's rates for them are low in those uses (think .07, know .15).
WEAK_CLAUSE_VERBS = words("think know feel find show hope fear worry figure guess")

# Verbs whose ``to``-infinitive (``xcomp``) is the content: expect .73, vow .89,
# decline .85, urge .69, refuse .65, ask .68, call (for) .73, appear .58, seem .58.
INFINITIVE_VERBS = words(
    """
    expect vow pledge promise decline refuse urge ask call appear seem threaten swear
    plan intend demand warn claim predict offer agree tell order encourage invite seek
    hop
    """
)

# Clause verbs whose direct object is the addressee or a hedge, not the content: "told
# reporters" (the clause after it is the content), "think nothing"; ("ask" stays an
# object verb: "asked a question" outweighs "asked Sanders", .77 on train);
# and verbs whose object is rarely the claim (PolNeAR train, object frame: maintain
# .12, post .25, threaten .25, concede .25, declare .33, claim .38, tweet .39, write .44:
# "wrote a book", "declared victory", "tweeted a photo").
NON_OBJECT_VERBS = words(
    """
    tell inform assure remind think know feel hope fear worry figure guess find
    continue expect believe doubt maintain tweet declare write claim post threaten
    concede add
    """
)

# Verbs whose object is the person or outlet told: "told NBC News", "briefed CNN".
ADDRESSEE_VERBS = words("tell inform brief assure remind ask warn email text")
# Verbs whose object, or passive subject, is who was addressed rather than what was said
# ("told The Huffington Post he ...", "Trump was asked what ...", "voters were urged to").
ADDRESSED_VERBS = words(
    "tell ask inform question warn brief urge remind assure advise notify press"
)

# Verbs whose direct object (with the rest of the predicate) is the content: the cue
# states a stance towards a thing rather than a clause (deny "the reports", dismiss
# "these claims", criticize .75, praise .84, cite .93, describe .74, accuse .75,
# announce .69, mention .71, discuss .66, express .72, endorse .60, call .63).
OBJECT_VERBS = words(
    """
    deny dismiss reject criticize criticise praise cite describe accuse announce mention
    discuss express endorse call denounce condemn blast slam question defend dispute
    confirm acknowledge admit reveal disclose predict estimate ask propose blame
    applaud welcome decry fault label brand
    """
)
# Verbs of stance and evaluation towards a thing, found by counting PolNeAR train
# (lemma outside quotations, with an object or complement; kept at a cue rate >= .4 and
# at least 4 uses): tout .92, congratulate .88, allude .86, recite .83, list .79,
# portray .77, apologize .75, rail .75, thank .72, email .71, cheer .71, mock .69,
# highlight .68, deem .67, repeat .65, prefer .65, echo .62, regard .62, hail .62,
# quote .56, name .50, recognize .52, challenge .46, answer .46, learn .43, attack .41,
# share .40 ... and rarer ones of the same kind (assail, rebut, brag, liken, dub ...).
# support (.35), back (.35), oppose (.39), consider (.34) and offer (.41: "offered
# his congratulations to") are below that bar but
# above half the component's F1, so adding them still raises it.
STANCE_VERBS = words(
    """
    tout congratulate allude recite list portray apologize rail thank email cheer mock
    highlight deem repeat prefer echo regard hail quote name recognize challenge answer
    learn attack share assail rebut brag liken dub coin bemoan rebuff repudiate recount
    articulate vouch plead suspect detail characterize disparage rebuke downplay reaffirm
    envision foresee interpret request project advocate persuade determine support back
    oppose consider offer
    """
)

# Nouns of stance whose "of"/"about"/"on" object is the content ("his criticism of
# Trump" .52, endorsement .52, complaint .53, opinion .60, concern .42).
STANCE_NOUNS = words(
    """
    criticism endorsement complaint opinion view concern defense denunciation rejection
    apology praise attack support opposition
    """
)

# Verbs that take their content through a preposition, the preposition being part of
# the cue: "referring to" .72, "pointed to", "called for", "spoke of", "warned of".
PREPOSITION_VERBS: dict[str, frozenset[str]] = {
    "refer": frozenset({"to"}),
    "point": frozenset({"to"}),
    "call": frozenset({"for", "on"}),
    "speak": frozenset({"of"}),
    "warn": frozenset({"of", "about", "against"}),
    "talk": frozenset({"about"}),
    "complain": frozenset({"about"}),
    "boast": frozenset({"about", "of"}),
    "argue": frozenset({"for", "against"}),
    "comment": frozenset({"on"}),
    "insist": frozenset({"on"}),
    "hint": frozenset({"at"}),
}

# Verbs that may stand alone before a quotation or a colon ("He noted, “...”",
# "Caddell continued:"): speech verbs proper.
QUOTE_VERBS = words(
    """
    say tell add write note argue insist claim explain declare state warn recall conclude
    acknowledge concede announce report suggest contend assert comment reply respond
    remark tweet post testify predict continue joke quip observe stress emphasize
    emphasise reiterate caution ask shout yell scream whisper charge proclaim retort
    counter lament wonder muse concur point
    """
)

# (``hop``: the small English model lemmatises "hoping" so; it is never the verb "hop"
# in political news.)

# Nouns that carry a claim in a "that"-clause ("claims that ...", "the allegation that
# ...", "a report that ..."): their possessor or "by/from" object is the source.
CLAIM_NOUNS = words(
    """
    claim allegation assertion report statement suggestion belief warning denial
    accusation estimate assessment finding prediction promise pledge insistence
    acknowledgment acknowledgement admission argument contention rumor rumour fear hope
    expectation speculation charge concern view assurance indication sign
    """
)

# Subjects that name no source: "reports indicate", "recent reports reveal". The
# attribution is kept with an empty source, as the issue asks.
SOURCELESS_SUBJECTS = words("report reports rumor rumors rumour rumours word")

# Subject pronouns of the first and second person: "I think", "you know" are hedges
# inside speech, not attributions of their own.
HEDGE_SUBJECTS = words("i we you")

# Nouns naming the document or event through which a source speaks: "said in a
# statement", "told ... in an interview", "wrote in an op-ed".
CHANNEL_NOUNS = words(
    """
    statement interview tweet post letter email e-mail memo op-ed essay column article
    report press release briefing conference speech video broadcast podcast appearance
    message filing document affidavit testimony remarks comments
    """
)

# Role and title nouns: kept as the source's titles, and the heads of descriptions that
# refer back to a named person ("the spokeswoman").
ROLE_NOUNS = words(
    """
    spokesman spokeswoman spokesperson minister secretary president official officials
    adviser advisor aide director chief head leader governor senator representative
    ambassador diplomat general commander analyst analysts expert experts lawyer attorney
    chairman chairwoman chair ceo founder candidate nominee mayor premier chancellor
    prime king queen prince envoy negotiator strategist pollster manager officer source
    sources correspondent reporter editor host moderator professor economist researcher
    """
)
