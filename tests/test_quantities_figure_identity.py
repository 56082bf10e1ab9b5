"""What a figure counts, read from the clause that governs it, its role, and non-counts.

Sentences written for these tests in the style of local crime news.
"""

from __future__ import annotations

import pytest

from claimgraph.link.counted import count_class
from claimgraph.link.scope import figure_scope
from claimgraph.sentences import sentence_bounds

PUBLISHED = "2016-06-01"


def _figures(nlp, text: str) -> dict[str, tuple[str, str]]:  # type: ignore[no-untyped-def]
    from claimgraph.analyse.article import analysis_from_doc
    from claimgraph.model import Article, Metadata

    article = Article(id="a", text=text, metadata=Metadata(published=PUBLISHED))
    doc = nlp.make_doc(article.analysable_text())
    doc._.cg_published = PUBLISHED
    analysis = analysis_from_doc(nlp(doc), article)
    found = {}
    for q in analysis.quantities:
        if q.kind != "figure":
            continue  # durations, ages, multipliers: quantities, but never compared
        sentence = sentence_bounds(text, q.span.start, q.span.end)
        found[q.span.text] = (
            count_class(q, text, sentence),
            figure_scope(q, text, sentence, PUBLISHED),
        )
    return found


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        ("Shadale Graham was killed and four others were hurt.", "four", "injured"),
        ("Seven people were shot, with six confirmed dead.", "Seven", "shot"),
        ("Seven people were shot, with six confirmed dead.", "six", "deaths"),
        ("A shooting on Elm Street killed one man and injured four others.", "four", "injured"),
        ("The shooting left five people hurt.", "five", "injured"),
        ("Two men were shot and killed on Sunday.", "Two", "deaths"),
        ("Officers found four men suffering from gunshot wounds.", "four", "shot"),
        ("The driver and two other children were not injured.", "two", "child"),
        ("The boy suffered two leg wounds.", "two", "wounds"),
        # What cannot die or be hurt (WordNet's first sense is no person, animal or
        # group) keeps its own name, whatever happened around it.
        ("Three guns were found with a teen who killed himself.", "Three", "gun"),
        ("The chief said one death investigation remains pending.", "one", "investigation"),
        ("Three shootings kill five in the city.", "Three", "shooting"),
        # The subject of harm done to someone else counts who did it.
        ("Then eight officers opened fire and shot the man dead.", "eight", "officer"),
        # The whole a part is taken from: the verb says what happened to the part.
        ("Police said two of the four shooting victims had died.", "two", "deaths"),
        ("Police said two of the four shooting victims had died.", "four", "victim"),
        # A clause hung on another noun says nothing of the figure.
        ("3 charged in drive-by shooting that killed teen", "3", "unspecified"),
        # The condition or injury after "in" or "with" is what the figure counts.
        ("1 juvenile killed, 2 in critical condition after shooting", "2", "in hospital condition"),
        (
            "It left one victim fatally wounded and three others with serious injuries.",
            "three",
            "injured",
        ),
        (
            "It left one victim fatally wounded and three others with serious injuries.",
            "one",
            "deaths",
        ),
        # A lone "one" counts when what happened to it follows or a verb of harm takes it.
        ("One dead, 4 wounded in early-morning shootout", "One", "deaths"),
        ("The shootout killed one and wounded four others.", "one", "deaths"),
        ("There is currently one deceased and one wounded.", "one", "deaths"),
        ("A family of five was found dead in their home.", "five", "deaths"),
        ("1 dead, 3 critically injured after grocery shooting", "3", "injured"),
        # Suspects: the death is the crime they are charged with, not their fate.
        ("Two men charged in death of county teen", "Two", "people"),
        ("Investigators had arrested three men for the girl's death.", "three", "arrests"),
    ],
)
def test_quantities_figure_identity_counted_from_governing_clause(  # type: ignore[no-untyped-def]
    nlp, text: str, figure: str, counted: str
) -> None:
    assert _figures(nlp, text)[figure][0] == counted


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Eight people, including five children, were killed.", "five"),
        ("Five of the victims are in stable condition.", "Five"),
        ("Police said two juveniles and eight adults were wounded.", "eight"),
        ("Officers found two more dead at Galleria Drive.", "two"),
        ("One was critical; the three others suffered minor injuries.", "three"),
        ("The other four victims were taken to a hospital.", "four"),
        ("The three most seriously injured victims had surgery.", "three"),
        ("A woman was shot in the chest, and three men were also wounded.", "three"),
    ],
)
def test_quantities_figure_identity_parts_are_not_totals(nlp, text: str, figure: str) -> None:  # type: ignore[no-untyped-def]
    assert _figures(nlp, text)[figure][1] == "partial"


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Eight died in a salon shooting in Seal Beach three years ago.", "Eight"),
        ("Five people were killed and 17 wounded in weekend shootings across the city.", "17"),
        ("Three people were killed and 11 others were wounded in Monday shootings.", "Three"),
        ("Eight people have died in 12 shootings near the plaza since October.", "Eight"),
        ("More than 750 people have been killed so far this year in the city.", "More than 750"),
        ("Last summer, one man was killed and eight people were injured nearby.", "eight"),
        ("He was one of three people killed and 27 wounded over an eight-hour stretch.", "27"),
    ],
)
def test_quantities_figure_identity_other_events_are_background(  # type: ignore[no-untyped-def]
    nlp, text: str, figure: str
) -> None:
    assert _figures(nlp, text)[figure][1] == "background"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("He was found dead at the age of 79.", "79"),
        ("Four other males, between the ages of 16-18, were also injured.", "16-18"),
        ("Auburn boy, 16, charged in shooting death", "16"),
        ("An attack wounded two men, 19 and 20, who were shot nearby.", "20"),
        ("He was shot in the 4900 block of South First Street.", "4900"),
        ("Image 8 of 12", "12"),
        ("Officers went to the home 4 times last year.", "4"),
        ("A mother of two died at the scene.", "two"),
        ("A mother of two was killed; she leaves a family of five.", "five"),
        ("Police charge a man with the shooting death of Mayfair boy, 14", "14"),
        ("A woman in her 20s died of her injuries at the scene.", "20s"),
        ("Those killed ranged in age from 46 to 73, police said.", "from 46 to 73"),
        ("The dead men, ages 26, 29 and 31, were not named.", "29"),
        ("The bodies of Clarence and Shauna Lane, both 35, were found.", "35"),
        ("Three others were wounded at 3500 Fannin about 1:45 a.m.", "3500"),
        ("Police released the 911 calls on Friday.", "911"),
        ("Two dead in Green County shooting - WDRB 41 Louisville News", "41"),
        ("He was found dead inside the two-story house.", "two"),
        ("Mother, child found dead in home 1 / 9 Back to Gallery", "9"),
    ],
)
def test_quantities_figure_identity_numbers_that_count_nothing(  # type: ignore[no-untyped-def]
    nlp, text: str, number: str
) -> None:
    assert number not in _figures(nlp, text)


def test_quantities_figure_identity_a_date_in_the_year_is_no_tally(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The report said 3,000 soldiers could be deployed by the end of this year."
    assert _figures(nlp, text)["3,000"][1] != "background"
